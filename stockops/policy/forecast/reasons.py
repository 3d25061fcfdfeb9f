"""The rules that choose a row's method: one code per rule, set by ``batch._choose`` and
turned into the planner's sentence by ``results``."""

# the rule that chose a row's method (``ForecastBatch.why``, set by batch._choose)
(
    _WHY_SEASONAL,
    _WHY_TREND,
    _WHY_LEVEL,
    _WHY_LEVEL_SHORT,
    _WHY_INTERMITTENT,
    _WHY_LUMPY,
    _WHY_FORCED,
    _WHY_FORCED_SHORT,
    _WHY_NO_HISTORY,
    _WHY_NO_DEMAND,
    _WHY_ONE_DEMAND,
) = range(11)
