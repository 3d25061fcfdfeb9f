"""What a forecast returns: :class:`Forecast` for one series, :class:`ForecastBatch` for
many, and the sentence a planner reads for each row (the method, the rule that chose it,
the forecast and the backtest's error)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stockops.policy.forecast.methods import _LABELS, HOLT, HOLT_WINTERS
from stockops.policy.forecast.reasons import (
    _WHY_FORCED,
    _WHY_FORCED_SHORT,
    _WHY_INTERMITTENT,
    _WHY_LEVEL,
    _WHY_LEVEL_SHORT,
    _WHY_LUMPY,
    _WHY_NO_DEMAND,
    _WHY_NO_HISTORY,
    _WHY_ONE_DEMAND,
    _WHY_SEASONAL,
    _WHY_TREND,
)


@dataclass(frozen=True, slots=True, eq=False)
class Forecast:
    """One product's forecast, in units per period: ``per_period`` for each of the next
    ``horizon`` periods (never negative), their mean, ``sigma_per_period`` the standard
    deviation of the one-step errors (for safety stock), ``level_sd_per_period`` how far the
    forecast level itself may be off (standard deviation), the backtest's MASE (unitless)
    and bias (share of actual demand, + means over-forecast; NaN when not measured), and
    why."""

    method: str
    pattern: str
    per_period: np.ndarray
    mean_per_period: float
    sigma_per_period: float
    level_sd_per_period: float
    mase: float
    bias: float
    reason: str


@dataclass(frozen=True, eq=False)
class ForecastBatch:
    """Forecasts for ``n`` series at once, row ``i`` for series ``i`` (units per period).

    ``method`` and ``pattern`` are arrays of str; ``per_period`` is n x horizon; ``mean``,
    ``sigma``, ``level_sd``, ``mase`` and ``bias`` have one value per row, as in
    :class:`Forecast`.
    ``adi`` and ``cv2`` are the demand-class figures, ``seasonal_strength`` the share of
    variance the season explains (NaN when not tested), ``trend_per_period`` the fitted
    slope of the history (units per period per period), ``excluded`` how many periods were
    ignored, ``real_periods`` the periods from the first real (not excluded) one to the
    end, ``backtested`` whether the row's backtest ran and ``why`` the rule that chose
    its method (read it through :meth:`reason`); ``periods`` is the history length T,
    ``holdout`` the backtest length asked for."""

    method: np.ndarray
    pattern: np.ndarray
    per_period: np.ndarray
    mean: np.ndarray
    sigma: np.ndarray
    level_sd: np.ndarray
    mase: np.ndarray
    bias: np.ndarray
    adi: np.ndarray
    cv2: np.ndarray
    seasonal_strength: np.ndarray
    trend_per_period: np.ndarray
    excluded: np.ndarray
    real_periods: np.ndarray
    why: np.ndarray
    backtested: np.ndarray
    periods: int
    season_length: int
    holdout: int

    def __len__(self) -> int:
        return len(self.method)

    def reason(self, i: int) -> str:
        """One sentence a planner can read for row ``i``: the method, why, the error."""
        return _reason(self, i)

    def row(self, i: int) -> Forecast:
        """Row ``i`` as a :class:`Forecast`."""
        per_period = self.per_period[i].copy()
        per_period.setflags(write=False)
        return Forecast(
            method=str(self.method[i]),
            pattern=str(self.pattern[i]),
            per_period=per_period,
            mean_per_period=float(self.mean[i]),
            sigma_per_period=float(self.sigma[i]),
            level_sd_per_period=float(self.level_sd[i]),
            mase=float(self.mase[i]),
            bias=float(self.bias[i]),
            reason=self.reason(i),
        )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _reason(b: ForecastBatch, i: int) -> str:
    method, pattern, why = str(b.method[i]), str(b.pattern[i]), int(b.why[i])
    t_len, m = b.periods, b.season_length
    real = int(b.real_periods[i])
    if why == _WHY_NO_HISTORY:
        what = "nothing to learn from" if t_len == 0 else f"all {t_len} periods excluded"
        return f"No usable history ({what}): forecast 0 per period."
    if why == _WHY_NO_DEMAND:
        return f"No demand in the {t_len}-period history: forecast 0 per period."
    head = _LABELS[method]
    sizes = f"one demand every {b.adi[i]:.1f} periods, size CV² {b.cv2[i]:.2f}"
    slope = float(b.trend_per_period[i])
    trend = f"{abs(slope):.3g} {'more' if slope > 0 else 'less'} each period"
    because = {
        _WHY_SEASONAL: f"{pattern} demand with a repeating {m}-period season "
        f"(it explains {b.seasonal_strength[i]:.0%} of the variation around the trend)",
        _WHY_TREND: f"{pattern} demand with a significant trend ({trend})",
        _WHY_LEVEL: f"{pattern} demand with no significant trend or {m}-period season",
        _WHY_LEVEL_SHORT: f"{pattern} demand with no significant trend "
        f"({_plural(real, 'real period')} is too short to test a {m}-period season)",
        _WHY_INTERMITTENT: f"intermittent demand ({sizes})",
        _WHY_LUMPY: f"lumpy demand ({sizes})",
        _WHY_FORCED: f"as requested, for {pattern} demand",
        _WHY_FORCED_SHORT: f"Holt-Winters was requested but {_plural(real, 'real period')} "
        f"is less than two {m}-period seasons",
        _WHY_ONE_DEMAND: f"only 1 period with demand in {t_len}, too little to fit a method",
    }[why]
    varies = method in (HOLT, HOLT_WINTERS)
    text = f"{head}: {because}; forecast {b.mean[i]:.3g} per period"
    text += f" on average over {b.per_period.shape[1]}" if varies else ""
    last = _plural(b.holdout, "period")
    if b.backtested[i] and np.isfinite(b.mase[i]):
        bias = f"{b.bias[i]:+.0%}" if np.isfinite(b.bias[i]) else "not measurable"
        text += f", backtest on the last {last}: MASE {b.mase[i]:.2f}, bias {bias}"
    elif b.backtested[i]:
        text += f", backtest on the last {last} not measurable (no demand to scale or compare)"
    elif b.holdout:
        text += f", history too short to backtest {_plural(b.holdout, 'period')}"
    if b.excluded[i]:
        text += f" ({_plural(int(b.excluded[i]), 'period')} excluded)"
    return text + "."
