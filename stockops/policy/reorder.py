"""The min and max of an Odoo reorder rule that keep a service promise, and why.

Units: quantities in the product's stock unit (units), times in days, demand in units per
day. :func:`decide_policies` decides for numpy arrays, one entry per product (bulk runs);
:func:`decide_policy` for one :class:`PolicyInput`. Both answer with the reason behind
each number.

Inputs, per product and warehouse:

- ``d`` forecast demand over the coming lead time (units/day), ``sd`` the standard
  deviation of a day's demand around it (units/day; the weekly forecast error over √7),
  ``q`` the share of days with demand, and optionally the product's own daily ``history``
  (units per day, NaN for days that are not history);
- ``L`` supplier lead time and ``sL`` its standard deviation (days, measured on receipts);
- ``R`` the order cycle (days): each order is sized for about ``d * R``;
- ``p`` the service target, a fraction in (0.5, 1), and its measure: ``"cycle"`` (cycle
  service, the share of order cycles without a stockout) or ``"fill_rate"`` (the share of
  demand served from stock); see :mod:`stockops.policy.service`;
- ``MOQ`` the vendor's minimum order quantity and ``m`` its pack multiple (units).

How the numbers are found (details in :mod:`stockops.policy.service.lead_time_demand`):

* Odoo reviews the rule each night and orders when the position is *below* min, so by the
  night it orders the position is already some way under min (the undershoot ``U``) and
  the purchase arrives after ``L`` more days of demand: min must cover ``W = D_L + U``,
  not the lead time alone;
* W's distribution follows the demand class: the product's own daily history when it has
  at least 20 demand days (its empirical day, scaled to the level; how big its demands
  get pooled with the products of its daily demand class by empirical Bayes, see
  :mod:`stockops.policy.service.sizes`), otherwise a day with demand on a share ``q`` of
  days and negative-binomial sizes of the forecast's mean and deviation, convolved over
  the lead time and its spread;
* min is the whole quantity whose expected service (``P(W <= min)``, or the fill rate)
  is nearest the target; a product's service moves in steps of one unit, and always
  rounding up would overshoot the target for slow movers by a whole step;
* max = min + Q with Q = ``d * R`` (at least the MOQ) rounded up to whole packs. Odoo
  orders ``max - position`` rounded *down* to the pack, so with max - min a whole number
  of packs at least the MOQ, every order Odoo places is whole packs, at least the MOQ and
  at least Q: the rule orders what the policy means. The old ``max`` rounded up to a
  multiple (min 5 / max 12 in packs of 12) made Odoo order nothing until the position
  reached 0.

Fallbacks, each flagged with ``fallback=True`` and said in the reason:

- zero demand forecast (including no demand history): min 0, max = MOQ rounded up to
  the multiple (0 without MOQ): not stocked unless a planner sets it;
- unknown lead time (None or NaN): ``default_lead_time_days`` is used;
- unknown lead-time standard deviation (None or NaN): taken as 0;
- short history (fewer than 13 real weeks): a few weeks say little about how demand
  varies (one week gives a deviation of 0), so the day-to-day variation (CV) and the share
  of days with demand are pooled: the median of the products of the same demand class
  with a long history in the batch, or of all of them, or a CV of 1.

Negative or non-finite inputs, a zero order multiple and a service level outside
(0.5, 1) raise ValueError naming the field.

>>> decision = decide_policy(PolicyInput(
...     demand_per_day=10.0, demand_sd_per_day=4.0, lead_time_days=5.0,
...     lead_time_sd_days=1.0, review_period_days=7.0, service_level=0.95))
>>> decision.min_qty, decision.max_qty, decision.fallback
(80.0, 150.0, False)
>>> round(decision.cover, 1), round(decision.expected_service, 3)
(56.3, 0.947)
>>> print(*decision.reason.split("; "), sep="\\n")
95.0% cycle service (no stockout in 95 of 100 order cycles)
demand to cover 56.3: 5 d lead time (sd 1 d) x 10/d + 6.3 already below min on the night it orders
day-to-day variation from the forecast error (sd 4/d)
min 80 (expected 94.7%), safety stock 23.7
max 150 (weekly cycle of 70)
>>> idle = decide_policy(PolicyInput(0.0, 0.0, None, None, 7.0, 0.95, min_order_qty=10,
...                                  order_multiple=12))
>>> idle.min_qty, idle.max_qty, idle.fallback, idle.lead_time_days_used
(0.0, 12.0, True, 14.0)
>>> idle.reason
'no demand: not stocked unless a planner sets it; min 0, max 12 (MOQ 10, multiple of 12)'
>>> batch = decide_policies([10.0, 0.0], [4.0, 0.0], [5.0, None], [1.0, None], 7.0, 0.95)
>>> batch.min_qty, batch.max_qty
(array([80.,  0.]), array([150.,   0.]))
>>> batch.decision(0) == decision
True
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import ArrayLike

from stockops.policy.forecast.demand_class import classify_many
from stockops.policy.service.lead_time_demand import (
    MIN_DEMAND_DAYS,
    cycle_service,
    fill_rate,
    lead_time_demand,
    min_for_cycle_service,
    min_for_fill_rate,
)

#: slack (in units, or in multiples) under which a quantity is not rounded up once more:
#: keeps ``ceil(73.00000000000001)`` at 73 when the excess is floating-point noise
_ROUNDING_SLACK = 1e-9
#: a history shorter than this many real weeks borrows its variability from its peers
MIN_HISTORY_WEEKS = 13
#: how many long-history peers a pooled figure needs
MIN_PEERS = 5
#: day-to-day coefficient of variation assumed when no peer can lend one
DEFAULT_CV = 1.0
#: a steady forecast and its history's mean "agree" within this many standard deviations
LEVEL_AGREEMENT_Z = 2.5

MEASURES = ("cycle", "fill_rate")
_CYCLE_NAMES = {1.0: "daily", 7.0: "weekly", 14.0: "two-weekly", 28.0: "four-weekly"}

# Acklam's rational approximation of the inverse normal, lower tail (p < _P_LOW) and
# central region; relative error below 1.2e-9 before the Halley step.
_A = (
    -3.969683028665376e01,
    2.209460984245205e02,
    -2.759285104469687e02,
    1.383577518672690e02,
    -3.066479806614716e01,
    2.506628277459239e00,
)
_B = (
    -5.447609879822406e01,
    1.615858368580409e02,
    -1.556989798598866e02,
    6.680131188771972e01,
    -1.328068155288572e01,
)
_C = (
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e00,
    -2.549671010229297e00,
    4.374664141464968e00,
    2.938163982698783e00,
)
_D = (
    7.784695709041462e-03,
    3.224671290700398e-01,
    2.445134137142996e00,
    3.754408661907416e00,
)
_P_LOW = 0.02425


@dataclass(frozen=True, slots=True)
class PolicyInput:
    """What the policy of one product in one warehouse is computed from; units and
    meaning as in the module docstring. ``history`` is the product's own daily demand
    (oldest first, NaN for days that are not history) or None; ``history_weeks`` how many
    real weeks of history the forecast had (None: enough); ``pattern`` its demand class;
    ``forecast_level_sd_per_day`` how far the forecast's level may be off (units/day) and
    ``forecast_steady`` whether the forecast found neither trend nor season. Raises
    ValueError naming the field of a bad value."""

    demand_per_day: float
    demand_sd_per_day: float
    lead_time_days: float | None
    lead_time_sd_days: float | None
    review_period_days: float
    service_level: float
    min_order_qty: float = 0.0
    order_multiple: float = 1.0
    default_lead_time_days: float = 14.0
    service_measure: str = "cycle"
    demand_day_share: float = 1.0
    history: tuple[float, ...] | None = None
    history_weeks: float | None = None
    pattern: str = ""
    forecast_level_sd_per_day: float = 0.0
    forecast_steady: bool = False


@dataclass(frozen=True, slots=True)
class PolicyDecision:
    """The reorder policy of one product: Odoo's ``min_qty`` (whole units) and
    ``max_qty`` (units), the demand the min covers (``cover``, units: the lead time's
    demand plus the night's undershoot), ``safety_stock`` (min - cover, units), the
    expected service of the min by the profile's measure (a share), the lead time used
    (days), whether a fallback was needed, and the reason a planner reads."""

    min_qty: float
    max_qty: float
    cover: float
    safety_stock: float
    expected_service: float
    lead_time_days_used: float
    fallback: bool
    reason: str


def z_for_service_level(p: float) -> float:
    """Safety factor z = Phi^-1(p) (dimensionless) of the textbook normal reorder point,
    for a service level ``p`` strictly between 0.5 and 1; ValueError otherwise
    (Acklam's approximation polished by one Halley step: within 1e-14 of scipy).

    >>> round(z_for_service_level(0.95), 6), round(z_for_service_level(0.99), 6)
    (1.644854, 2.326348)
    """
    _check_service_level("service_level", p)
    q = 1.0 - p  # upper tail; exact in floating point for p in [0.5, 1]
    if q < _P_LOW:
        r = math.sqrt(-2.0 * math.log(q))
        num = ((((_C[0] * r + _C[1]) * r + _C[2]) * r + _C[3]) * r + _C[4]) * r + _C[5]
        x = num / ((((_D[0] * r + _D[1]) * r + _D[2]) * r + _D[3]) * r + 1.0)
    else:
        r = q - 0.5
        s = r * r
        num = (((((_A[0] * s + _A[1]) * s + _A[2]) * s + _A[3]) * s + _A[4]) * s + _A[5]) * r
        x = num / (((((_B[0] * s + _B[1]) * s + _B[2]) * s + _B[3]) * s + _B[4]) * s + 1.0)
    # x ~ Phi^-1(q) < 0; one Halley step on Phi(x) = q, with Phi from erfc (tail-accurate)
    error = 0.5 * math.erfc(-x / math.sqrt(2.0)) - q
    u = error * math.sqrt(2.0 * math.pi) * math.exp(0.5 * x * x)
    x -= u / (1.0 + 0.5 * x * u)
    return -x


def demand_per_day_over(
    per_period: ArrayLike, days: ArrayLike, period_days: float = 7.0
) -> np.ndarray:
    """Mean forecast demand per day (units/day) over the next ``days`` days (one per
    product, at least one day), from a forecast per period (n x horizon, units per period
    of ``period_days`` days): the lead time's own weeks, so a seasonal item is covered for
    the season its purchase arrives in, not the horizon's average. Beyond the horizon the
    last period repeats.

    >>> demand_per_day_over([[70.0, 140.0, 140.0]], [7.0]).tolist()
    [10.0]
    >>> demand_per_day_over([[70.0, 140.0, 140.0]], [14.0]).tolist()
    [15.0]
    >>> demand_per_day_over([[70.0, 140.0]], [0.0]).tolist()  # at least one day
    [10.0]
    """
    f = np.atleast_2d(np.asarray(per_period, dtype=float))
    span = np.maximum(np.broadcast_to(np.asarray(days, dtype=float), (len(f),)), 1.0)
    periods = span / period_days
    whole = np.minimum(np.floor(periods).astype(np.int64), f.shape[1])
    cum = np.concatenate([np.zeros((len(f), 1)), np.cumsum(f, axis=1)], axis=1)
    done = np.take_along_axis(cum, whole[:, None], axis=1)[:, 0]
    nxt = np.take_along_axis(f, np.minimum(whole, f.shape[1] - 1)[:, None], axis=1)[:, 0]
    total = done + (periods - whole) * nxt
    return total / span


def decide_policy(inp: PolicyInput) -> PolicyDecision:
    """Odoo min/max (units) for one product, with the reason: one row of
    :func:`decide_policies` (same rules, same results)."""
    history = None if inp.history is None else np.asarray(inp.history, dtype=float)[None, :]
    try:
        batch = _decide_one(inp, history)
    except ValueError as error:  # one product: name the field, not its first entry
        raise ValueError(str(error).replace("[0]", "", 1)) from None
    return batch.decision(0)


def _decide_one(inp: PolicyInput, history: np.ndarray | None) -> PolicyBatch:
    return decide_policies(
        [inp.demand_per_day],
        [inp.demand_sd_per_day],
        [math.nan if inp.lead_time_days is None else inp.lead_time_days],
        [math.nan if inp.lead_time_sd_days is None else inp.lead_time_sd_days],
        [inp.review_period_days],
        [inp.service_level],
        [inp.min_order_qty],
        [inp.order_multiple],
        [inp.default_lead_time_days],
        service_measure=[inp.service_measure],
        demand_day_share=[inp.demand_day_share],
        history=history,
        history_weeks=[math.nan if inp.history_weeks is None else inp.history_weeks],
        pattern=[inp.pattern],
        forecast_level_sd_per_day=[inp.forecast_level_sd_per_day],
        forecast_steady=[inp.forecast_steady],
    )


@dataclass(frozen=True, slots=True, eq=False)
class PolicyBatch:
    """Policies of many products, one array entry per product (read-only arrays).

    Inputs as used (units, units/day, days; unknown lead times replaced and short
    histories' variability pooled, with flags saying which) and results as in
    :class:`PolicyDecision`, plus the order quantity Q (units), the mean undershoot
    (units), the expected cycle service and fill rate of the min (shares) and where the
    variability came from (``variation``: "history", "forecast", "pooled_class",
    "pooled_all" or "default"; ``peers``: how many products a pooled figure came from).
    Reasons are written on demand by :meth:`reason`, so bulk runs only pay for the
    sentences they store.
    """

    demand_per_day: np.ndarray
    level_per_day: np.ndarray
    level_source: np.ndarray
    history_mean: np.ndarray
    demand_sd_per_day: np.ndarray
    demand_day_share: np.ndarray
    lead_time_days_used: np.ndarray
    lead_time_known: np.ndarray
    lead_time_sd_days_used: np.ndarray
    lead_time_sd_known: np.ndarray
    review_period_days: np.ndarray
    service_level: np.ndarray
    service_measure: np.ndarray
    min_order_qty: np.ndarray
    order_multiple: np.ndarray
    history_weeks: np.ndarray
    history_days: np.ndarray
    pattern: np.ndarray
    variation: np.ndarray
    peers: np.ndarray
    order_qty: np.ndarray
    undershoot: np.ndarray
    size_weight: np.ndarray
    cover: np.ndarray
    safety_stock: np.ndarray
    min_qty: np.ndarray
    max_qty: np.ndarray
    expected_cycle_service: np.ndarray
    expected_fill_rate: np.ndarray
    expected_service: np.ndarray
    next_service: np.ndarray
    fallback: np.ndarray

    def __len__(self) -> int:
        return int(self.min_qty.shape[0])

    def reason(self, i: int) -> str:
        """The planner-readable reason for product ``i``."""
        return _reason(self, i)

    def reasons(self) -> list[str]:
        """Every product's reason, in order."""
        return [self.reason(i) for i in range(len(self))]

    def decision(self, i: int) -> PolicyDecision:
        """Product ``i``'s policy as a :class:`PolicyDecision` (units, days)."""
        return PolicyDecision(
            min_qty=float(self.min_qty[i]),
            max_qty=float(self.max_qty[i]),
            cover=float(self.cover[i]),
            safety_stock=float(self.safety_stock[i]),
            expected_service=float(self.expected_service[i]),
            lead_time_days_used=float(self.lead_time_days_used[i]),
            fallback=bool(self.fallback[i]),
            reason=self.reason(i),
        )


_NON_NEGATIVE = (
    "demand_per_day",
    "demand_sd_per_day",
    "forecast_level_sd_per_day",
    "lead_time_days",
    "lead_time_sd_days",
    "review_period_days",
    "min_order_qty",
    "default_lead_time_days",
)


def _columns(raw: dict) -> dict[str, np.ndarray]:
    """The numeric inputs as equal-length float columns; ValueError on a bad shape."""
    arrays = {name: np.asarray(value, dtype=float) for name, value in raw.items()}
    for name, array in arrays.items():
        if array.ndim > 1:
            raise ValueError(f"{name} must be one value per product (1-D), not {array.shape}")
    try:
        columns = np.broadcast_arrays(*map(np.atleast_1d, arrays.values()))
    except ValueError:
        sizes = ", ".join(f"{name} {array.size}" for name, array in arrays.items())
        raise ValueError(f"inputs must have one entry per product or be scalars: {sizes}") from None
    return dict(zip(arrays, (np.array(c) for c in columns), strict=True))


def _validate(a: dict[str, np.ndarray], measure: np.ndarray) -> None:
    for name in _NON_NEGATIVE:
        values = a[name]
        bad = ~np.isfinite(values) | (values < 0)
        if name in ("lead_time_days", "lead_time_sd_days"):
            bad &= ~np.isnan(values)  # NaN: unknown, replaced
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            _check_non_negative(f"{name}[{i}]", float(values[i]))
    multiple = a["order_multiple"]
    if not (multiple > 0).all():
        i = int(np.flatnonzero(~(multiple > 0))[0])
        raise ValueError(_multiple_message(f"order_multiple[{i}]", float(multiple[i])))
    p = a["service_level"]
    for i in np.flatnonzero(~((p > 0.5) & (p < 1.0))):
        _check_service_level(f"service_level[{i}]", float(p[i]))
    share = a["demand_day_share"]
    bad = ~((share > 0) & (share <= 1))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"demand_day_share[{i}] must be a share in (0, 1], got {share[i]}")
    unknown = sorted(set(measure.tolist()) - set(MEASURES))
    if unknown:
        raise ValueError(f"service_measure must be one of {MEASURES}, got {unknown}")


def _pooled(cv, share, pattern, long_rows):
    """Per product: the pooled CV and share of demand days, where they came from and how
    many peers they came from (median of long-history products of its class, else of all)."""
    n = len(cv)
    out_cv, out_share = np.full(n, DEFAULT_CV), np.ones(n)
    source = np.full(n, "default", dtype=object)
    peers = np.zeros(n, dtype=np.int64)
    if long_rows.sum() >= MIN_PEERS:
        out_cv[:] = np.median(cv[long_rows])
        out_share[:] = np.median(share[long_rows])
        source[:] = "pooled_all"
        peers[:] = long_rows.sum()
    for name in np.unique(pattern[long_rows]) if long_rows.any() else ():
        same = long_rows & (pattern == name)
        if same.sum() >= MIN_PEERS:
            mine = pattern == name
            out_cv[mine] = np.median(cv[same])
            out_share[mine] = np.median(share[same])
            source[mine] = "pooled_class"
            peers[mine] = same.sum()
    return out_cv, out_share, source, peers


@dataclass(frozen=True, eq=False)
class _Variability:
    """Per product: the day-to-day deviation and share of demand days used, whether its
    own history stands for its demand, where the variability came from, from how many
    peers, and how many history days it has."""

    sd: np.ndarray
    share: np.ndarray
    own: np.ndarray
    source: np.ndarray
    peers: np.ndarray
    days: np.ndarray
    mean: np.ndarray
    mean_sd: np.ndarray


def _variability(a, pattern, short, hist) -> _Variability:
    """Own history when it has MIN_DEMAND_DAYS demand days, the forecast error otherwise,
    pooled over peers for a short history (see the module docstring)."""
    d, sd, share = a["demand_per_day"], a["demand_sd_per_day"], a["demand_day_share"]
    n, active = len(d), d > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = np.where(active, sd / np.where(active, d, 1.0), 0.0)
    pool_cv, pool_share, pool_source, pool_peers = _pooled(
        cv, share, pattern, active & ~short & (sd > 0)
    )
    days, mean, mean_sd = np.zeros(n), np.full(n, np.nan), np.full(n, np.nan)
    own = np.zeros(n, dtype=bool)
    if hist is not None:
        usable = np.where(short[:, None], np.nan, hist)
        seen = np.isfinite(usable)
        days = seen.sum(axis=1).astype(float)
        own = active & ((np.nan_to_num(usable) > 0).sum(axis=1) >= MIN_DEMAND_DAYS)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(own, np.nansum(usable, axis=1) / np.maximum(days, 1), np.nan)
            spread = np.nansum((usable - mean[:, None]) ** 2, axis=1) / np.maximum(days - 1, 1)
            mean_sd = np.where(own, np.sqrt(spread / np.maximum(days, 1)), np.nan)
    source = np.where(short, pool_source, np.where(own, "history", "forecast")).astype(str)
    return _Variability(
        sd=np.where(short, d * pool_cv, sd),
        share=np.where(short, pool_share, share),
        own=own,
        source=source,
        peers=np.where(short, pool_peers, 0),
        days=days,
        mean=mean,
        mean_sd=mean_sd,
    )


@dataclass(frozen=True, eq=False)
class _Level:
    """Per product: the demand level used (units/day), how far it may be off (units/day,
    standard deviation), where it came from ("forecast" or "history") and the history's
    own mean (units/day, NaN without one)."""

    per_day: np.ndarray
    sd: np.ndarray
    source: np.ndarray
    history_mean: np.ndarray


def _level(a, steady, var: _Variability, short) -> _Level:
    """The forecast's level, or the history's own mean when the forecast found no trend
    or season (``steady``) and the two agree within their errors: then demand has not
    moved, and two years of days pin the level down better than the few weeks a
    smoothed forecast leans on. When they disagree, demand moved and the forecast leads."""
    d = a["demand_per_day"]
    f_sd = np.where(short, 0.0, a["forecast_level_sd_per_day"])
    with np.errstate(invalid="ignore"):
        agree = np.abs(d - var.mean) <= LEVEL_AGREEMENT_Z * np.sqrt(f_sd**2 + var.mean_sd**2)
    use = steady & var.own & agree & (d > 0)
    return _Level(
        per_day=np.where(use, var.mean, d),
        sd=np.where(use, var.mean_sd, f_sd),
        source=np.where(use, "history", "forecast").astype(str),
        history_mean=var.mean,
    )


def decide_policies(
    demand_per_day: ArrayLike,
    demand_sd_per_day: ArrayLike,
    lead_time_days: ArrayLike,
    lead_time_sd_days: ArrayLike,
    review_period_days: ArrayLike,
    service_level: ArrayLike,
    min_order_qty: ArrayLike = 0.0,
    order_multiple: ArrayLike = 1.0,
    default_lead_time_days: ArrayLike = 14.0,
    *,
    service_measure: str | list[str] | np.ndarray = "cycle",
    demand_day_share: ArrayLike = 1.0,
    history: ArrayLike | None = None,
    history_weeks: ArrayLike = np.nan,
    pattern: str | list[str] | np.ndarray = "",
    forecast_level_sd_per_day: ArrayLike = 0.0,
    forecast_steady: ArrayLike = False,
) -> PolicyBatch:
    """Odoo min/max for many products: every argument is a 1-D array (one entry per
    product) or a scalar shared by all, in the units of the module docstring. Unknown lead
    times and deviations are NaN (None in a list becomes NaN); ``history`` is n x days of
    own daily demand (NaN: not history) or None; ``history_weeks`` NaN means "long
    enough". ValueError names the field and the first bad entry."""
    a = _columns(
        {
            "demand_per_day": demand_per_day,
            "demand_sd_per_day": demand_sd_per_day,
            "lead_time_days": lead_time_days,
            "lead_time_sd_days": lead_time_sd_days,
            "review_period_days": review_period_days,
            "service_level": service_level,
            "min_order_qty": min_order_qty,
            "order_multiple": order_multiple,
            "default_lead_time_days": default_lead_time_days,
            "demand_day_share": demand_day_share,
            "history_weeks": history_weeks,
            "forecast_level_sd_per_day": forecast_level_sd_per_day,
        }
    )
    n = len(a["demand_per_day"])
    measure = np.broadcast_to(np.asarray(service_measure, dtype=object), (n,)).copy()
    pattern = np.broadcast_to(np.asarray(pattern, dtype=object), (n,)).astype(str)
    _validate(a, measure)
    hist = None
    if history is not None:
        hist = np.asarray(history, dtype=float)
        if hist.ndim != 2 or len(hist) != n:
            raise ValueError(f"history must be products x days ({n} rows), got {hist.shape}")
        if (np.nan_to_num(hist) < 0).any() or np.isinf(hist).any():
            raise ValueError("history must hold demand per day: finite, not negative, NaN")

    d = a["demand_per_day"]
    lead_known = ~np.isnan(a["lead_time_days"])
    sd_known = ~np.isnan(a["lead_time_sd_days"])
    lead = np.where(lead_known, a["lead_time_days"], a["default_lead_time_days"])
    lead_sd = np.where(sd_known, a["lead_time_sd_days"], 0.0)
    moq, multiple, p = a["min_order_qty"], a["order_multiple"], a["service_level"]
    active = d > 0
    short = active & (a["history_weeks"] < MIN_HISTORY_WEEKS)  # NaN: long enough
    var = _variability(a, pattern, short, hist)
    lvl = _level(a, np.broadcast_to(np.asarray(forecast_steady, dtype=bool), (n,)), var, short)

    # at least one pack (one unit without one): max - min below a pack orders nothing
    cycle_qty = np.maximum(lvl.per_day * a["review_period_days"], np.maximum(moq, multiple))
    order_qty = _round_up(cycle_qty, multiple)
    min_qty, cover, under, size_weight = np.zeros(n), np.zeros(n), np.zeros(n), np.ones(n)
    cycle, fill, nxt = np.ones(n), np.ones(n), np.full(n, np.nan)
    rows = np.flatnonzero(active)
    if len(rows):
        ltd = lead_time_demand(
            lvl.per_day[rows],
            var.sd[rows],
            var.share[rows],
            lead[rows],
            lead_sd[rows],
            order_span=order_qty[rows],
            multiple=multiple[rows],
            history=None if hist is None else np.where(var.own[rows, None], hist[rows], np.nan),
            level_cv=lvl.sd[rows] / lvl.per_day[rows],
            size_group=None if hist is None else classify_many(hist[rows]),
        )
        by_fill = measure[rows] == "fill_rate"
        by_cycle = min_for_cycle_service(ltd, p[rows])
        by_rate = min_for_fill_rate(ltd, p[rows])
        s = np.where(by_fill, by_rate.min_qty, by_cycle.min_qty)
        min_qty[rows] = np.ceil(s - _ROUNDING_SLACK) + 0.0
        cover[rows], under[rows], size_weight[rows] = ltd.mean, ltd.undershoot, ltd.size_weight
        cycle[rows] = cycle_service(ltd, min_qty[rows])
        fill[rows] = fill_rate(ltd, min_qty[rows])
        nxt[rows] = np.where(by_fill, by_rate.other, by_cycle.other)
    max_qty = np.where(active, min_qty + order_qty, _round_up(moq, multiple))
    by_fill = measure == "fill_rate"
    values = {
        "demand_per_day": d,
        "level_per_day": lvl.per_day,
        "level_source": lvl.source,
        "history_mean": lvl.history_mean,
        "demand_sd_per_day": var.sd,
        "demand_day_share": var.share,
        "lead_time_days_used": lead,
        "lead_time_known": lead_known,
        "lead_time_sd_days_used": lead_sd,
        "lead_time_sd_known": sd_known,
        "review_period_days": a["review_period_days"],
        "service_level": p,
        "service_measure": measure.astype(str),
        "min_order_qty": moq,
        "order_multiple": multiple,
        "history_weeks": a["history_weeks"],
        "history_days": var.days,
        "pattern": pattern,
        "variation": var.source,
        "peers": var.peers,
        "order_qty": np.where(active, order_qty, 0.0),
        "undershoot": under,
        "size_weight": size_weight,
        "cover": cover,
        "safety_stock": min_qty - cover,
        "min_qty": min_qty,
        "max_qty": max_qty,
        "expected_cycle_service": cycle,
        "expected_fill_rate": fill,
        "expected_service": np.where(by_fill, fill, cycle),
        "next_service": nxt,
        "fallback": ~active | ~lead_known | ~sd_known | short,
    }
    for f in fields(PolicyBatch):
        array = np.array(values[f.name])  # own, contiguous copy
        array.setflags(write=False)
        values[f.name] = array
    return PolicyBatch(**values)


def _round_up(quantity, multiple):
    """``quantity`` (units) rounded up to a multiple of ``multiple`` (units)."""
    return multiple * np.ceil(np.asarray(quantity) / multiple - _ROUNDING_SLACK) + 0.0


def _check_non_negative(name: str, value: float) -> None:
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")


def _multiple_message(name: str, value: float) -> str:
    return f"{name} must be positive (use 1 for no pack multiple), got {value}"


def _check_service_level(name: str, p: float) -> None:
    if isinstance(p, bool) or not isinstance(p, numbers.Real):
        raise ValueError(
            f"{name} must be a fraction strictly between 0.5 and 1, e.g. 0.95; got {p!r}"
        )
    if not 0.5 < p < 1.0:  # also rejects NaN
        hint = ""
        if 50.0 < p < 100.0:
            hint = f" (pass {p / 100:g}, not {p:g}: a fraction, not a percentage)"
        elif p >= 1.0:
            hint = " (100% service would need infinite safety stock)"
        elif p <= 0.5:
            hint = " (at or below 50% the safety stock would be zero or negative)"
        raise ValueError(
            f"{name} must be a fraction strictly between 0.5 and 1, e.g. 0.95; got {p}{hint}"
        )


def _num(x: float) -> str:
    """A quantity for a reason: at most two decimals, no trailing zeros."""
    if x != 0.0 and abs(x) < 0.1:
        return f"{x:.2g}"
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _percent(p: float) -> str:
    """A share as a percentage with as many decimals as it needs (at least one)."""
    value = p * 100.0
    for decimals in range(1, 6):
        text = f"{value:.{decimals}f}"
        if abs(float(text) - value) < 1e-9:
            break
    return f"{text}%"


def _cycle(period: float) -> str:
    name = _CYCLE_NAMES.get(period)
    return f"{name} cycle" if name else f"{_num(period)} d cycle"


def _promise(b: PolicyBatch, i: int) -> str:
    p = float(b.service_level[i])
    per_100 = _num(p * 100)
    if b.service_measure[i] == "fill_rate":
        return f"{_percent(p)} fill rate ({per_100} of 100 units shipped from stock)"
    return f"{_percent(p)} cycle service (no stockout in {per_100} of 100 order cycles)"


def _variation(b: PolicyBatch, i: int) -> str:
    source = b.variation[i]
    if source == "history":
        kind = f" ({b.pattern[i]})" if b.pattern[i] else ""
        text = f"day-to-day demand as in its own {int(b.history_days[i])} days{kind}"
        if b.size_weight[i] < 0.995:
            text += (
                f", how big a demand gets {b.size_weight[i]:.0%} from its own and the rest "
                "from the products of its demand class"
            )
        return text
    if source == "forecast":
        return f"day-to-day variation from the forecast error (sd {_num(b.demand_sd_per_day[i])}/d)"
    cv = b.demand_sd_per_day[i] / b.demand_per_day[i]
    weeks = b.history_weeks[i]
    head = f"short history ({_num(weeks)} week{'' if weeks == 1 else 's'}): "
    if source == "default":
        return head + f"no peer with a long history, a day-to-day CV of {_num(cv)} is assumed"
    whose = f"{b.pattern[i]} products" if source == "pooled_class" else "products"
    return (
        head + f"day-to-day variation of the {int(b.peers[i])} {whose} with "
        f"{MIN_HISTORY_WEEKS}+ weeks (CV {_num(cv)}, demand on "
        f"{_percent(b.demand_day_share[i])} of days)"
    )


def _level_words(b: PolicyBatch, i: int) -> str:
    """Where the level came from, when it is not simply the forecast."""
    if b.level_source[i] == "history":
        return (
            f"level {_num(b.level_per_day[i])}/d from its own {int(b.history_days[i])} days "
            f"(the steady forecast's {_num(b.demand_per_day[i])}/d agrees); "
        )
    if np.isfinite(b.history_mean[i]) and b.variation[i] == "history":
        return (
            f"level from the forecast (its history's {_num(b.history_mean[i])}/d is older demand); "
        )
    return ""


def _reason(b: PolicyBatch, i: int) -> str:
    """The sentence behind decision ``i``."""
    multiple, moq = float(b.order_multiple[i]), float(b.min_order_qty[i])
    pack = f", multiple of {_num(multiple)}" if multiple != 1.0 else ""
    if b.demand_per_day[i] == 0.0:
        tail = f" (MOQ {_num(moq)}{pack})" if moq > 0 else ""
        return (
            "no demand: not stocked unless a planner sets it; "
            f"min {_num(b.min_qty[i])}, max {_num(b.max_qty[i])}{tail}"
        )
    notes = ""
    lead = _num(b.lead_time_days_used[i])
    if not b.lead_time_known[i]:
        notes += f"Lead time unknown: the default {lead} d is used. "
    if not b.lead_time_sd_known[i]:
        notes += "Lead-time sd unknown: taken as 0. "
    expected = float(b.expected_service[i])
    got = f"expected {_percent(round(expected, 3))}"
    if abs(expected - b.service_level[i]) > 0.005 and np.isfinite(b.next_service[i]):
        other = float(b.next_service[i])
        step = "one unit more" if other > expected else "one unit less"
        got += f", the nearest a whole unit gets: {step} gives {_percent(round(other, 3))}"
    d = float(b.level_per_day[i])
    cycle_qty = d * float(b.review_period_days[i])
    sizing = f"{_cycle(float(b.review_period_days[i]))} of {_num(cycle_qty)}"
    if moq > cycle_qty:
        sizing = f"MOQ {_num(moq)} > {sizing}"
    return (
        f"{notes}{_promise(b, i)}; demand to cover {_num(b.cover[i])}: {lead} d lead time "
        f"(sd {_num(b.lead_time_sd_days_used[i])} d) x {_num(d)}/d + "
        f"{_num(b.undershoot[i])} already below min on the night it orders; "
        f"{_level_words(b, i)}"
        f"{_variation(b, i)}; "
        f"min {_num(b.min_qty[i])} ({got}), safety stock {_num(b.safety_stock[i])}; "
        f"max {_num(b.max_qty[i])} ({sizing}{pack})"
    )
