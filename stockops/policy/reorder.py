"""Safety stock, reorder point and the min/max of an Odoo reorder rule.

Units: quantities in the product's stock unit (units), times in days, demand in units per
day. One product in one warehouse is one :class:`PolicyInput`; :func:`decide_policy`
answers with a :class:`PolicyDecision` and the reason behind it. :func:`decide_policies`
does the same for numpy arrays, one entry per product, for bulk runs.

Inputs, per product and warehouse:

- ``d``  forecast demand (units/day) and ``sd`` the standard deviation of the daily
  forecast error (units/day);
- ``L``  supplier lead time and ``sL`` its standard deviation (days, measured on receipts);
- ``R``  review period (days): how often, on average, the product should be reordered;
- ``p``  cycle service level, the probability of no stock-out in a replenishment cycle,
  a fraction strictly between 0.5 and 1 (0.95, not 95);
- ``MOQ`` the vendor's minimum order quantity and ``m`` its order multiple (units).

Formulas, as implemented::

    z   = Phi^-1(p)                                  (dimensionless)
    SS  = z * sqrt(L * sd^2 + d^2 * sL^2)            (units)  safety stock
    ROP = d * L + SS                                 (units)  reorder point
    min = ceil(ROP)                                  (whole units)
    max = roundup_m(min + max(d * R, MOQ))           (units, a multiple of m)

so ``max - min >= max(d * R, MOQ)``. ``Phi^-1`` is the inverse of the standard normal
distribution (Acklam's rational approximation polished by one Halley step on ``erfc``:
within 1e-14 of scipy's ``norm.ppf``, without needing scipy).

Why the protection interval is ``L`` and not ``L + R``: Odoo's scheduler re-checks every
reorder rule on each run (daily by default) and orders up to max as soon as the forecast
quantity falls below min. That is continuous review, so safety stock only has to cover
demand during the lead time. The review period does not protect anything here; it sets
the *cycle stock*: each order brings about ``d * R`` units (at least the MOQ), so the
product is reordered about every ``R`` days. Because an order is only placed once the
forecast is below min, it is at least ``max - min >= MOQ`` units and the vendor minimum
is always met. Max is rounded up to the order multiple (Odoo rounds the ordered quantity
itself up to the rule's multiple too). When the scheduler runs less often than daily,
add its interval to the lead time to stay on the safe side.

Fallbacks, each flagged with ``fallback=True`` and explained in the reason:

- zero demand forecast (including no demand history): min 0, max = MOQ rounded up to
  the multiple (0 without MOQ): not stocked unless a planner sets it;
- unknown lead time (None or NaN): ``default_lead_time_days`` is used;
- unknown lead-time standard deviation (None or NaN): taken as 0.

Negative or non-finite inputs, a zero order multiple and a service level outside
(0.5, 1) raise ValueError naming the field.

>>> decision = decide_policy(PolicyInput(
...     demand_per_day=10.0, demand_sd_per_day=4.0, lead_time_days=5.0,
...     lead_time_sd_days=1.0, review_period_days=7.0, service_level=0.95))
>>> round(decision.z, 4), round(decision.safety_stock, 2), round(decision.reorder_point, 2)
(1.6449, 22.07, 72.07)
>>> decision.min_qty, decision.max_qty, decision.fallback
(73.0, 143.0, False)
>>> print(*decision.reason.split("; "), sep="\\n")
95.0% service over 5 d lead time (sd 1 d): safety stock 22.07 = 1.64 x sqrt(5 x 4^2 + 10^2 x 1^2)
reorder point 72.07 = 10/d x 5 d + safety stock
min 73, max 143 (weekly cycle of 70)
>>> idle = decide_policy(PolicyInput(0.0, 0.0, None, None, 7.0, 0.95, min_order_qty=10,
...                                  order_multiple=12))
>>> idle.min_qty, idle.max_qty, idle.fallback, idle.lead_time_days_used
(0.0, 12.0, True, 14.0)
>>> idle.reason
'no demand: not stocked unless a planner sets it; min 0, max 12 (MOQ 10, multiple of 12)'
>>> batch = decide_policies([10.0, 0.0], [4.0, 0.0], [5.0, None], [1.0, None], 7.0, 0.95)
>>> batch.min_qty, batch.max_qty
(array([73.,  0.]), array([143.,   0.]))
>>> batch.decision(0) == decision
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

#: slack (in units, or in multiples) under which a quantity is not rounded up once more:
#: keeps ``ceil(73.00000000000001)`` at 73 when the excess is floating-point noise
_ROUNDING_SLACK = 1e-9

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

_CYCLE_NAMES = {1.0: "daily", 7.0: "weekly", 14.0: "two-weekly", 28.0: "four-weekly"}


@dataclass(frozen=True, slots=True)
class PolicyInput:
    """What the policy of one product in one warehouse is computed from.

    ``demand_per_day`` and ``demand_sd_per_day``: forecast demand and the standard
    deviation of the daily forecast error (units/day). ``lead_time_days`` and
    ``lead_time_sd_days``: measured supplier lead time and its standard deviation (days),
    None (or NaN) when unknown. ``review_period_days``: days between orders the cycle
    stock is sized for. ``service_level``: cycle service level as a fraction in (0.5, 1).
    ``min_order_qty`` and ``order_multiple``: vendor minimum and pack multiple (units;
    use 1 for no multiple). ``default_lead_time_days``: lead time (days) assumed when
    ``lead_time_days`` is unknown. Raises ValueError naming the field of a bad value.
    """

    demand_per_day: float
    demand_sd_per_day: float
    lead_time_days: float | None
    lead_time_sd_days: float | None
    review_period_days: float
    service_level: float
    min_order_qty: float = 0.0
    order_multiple: float = 1.0
    default_lead_time_days: float = 14.0

    def __post_init__(self) -> None:
        for name in ("lead_time_days", "lead_time_sd_days"):
            value = getattr(self, name)
            if value is not None and math.isnan(value):
                object.__setattr__(self, name, None)  # NaN is how arrays say "unknown"
        for name in _NON_NEGATIVE:
            value = getattr(self, name)
            if value is not None:
                _check_non_negative(name, float(value))
        if not self.order_multiple > 0:
            raise ValueError(_multiple_message("order_multiple", self.order_multiple))
        _check_service_level("service_level", self.service_level)


@dataclass(frozen=True, slots=True)
class PolicyDecision:
    """The reorder policy of one product: ``safety_stock`` and ``reorder_point`` (units,
    unrounded), Odoo's ``min_qty`` (whole units) and ``max_qty`` (units, a multiple of the
    order multiple), the safety factor ``z``, the lead time used (days), whether a
    fallback was needed and the reason, a sentence a planner can read."""

    safety_stock: float
    reorder_point: float
    min_qty: float
    max_qty: float
    z: float
    lead_time_days_used: float
    fallback: bool
    reason: str


_NON_NEGATIVE = (
    "demand_per_day",
    "demand_sd_per_day",
    "lead_time_days",
    "lead_time_sd_days",
    "review_period_days",
    "min_order_qty",
    "default_lead_time_days",
)


def z_for_service_level(p: float) -> float:
    """Safety factor z = Phi^-1(p) (dimensionless) for a cycle service level ``p``, a
    fraction strictly between 0.5 and 1; ValueError otherwise.

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


def decide_policy(inp: PolicyInput) -> PolicyDecision:
    """Safety stock, reorder point and Odoo min/max (units) for one product, with the
    reason; formulas and fallbacks in the module docstring."""
    z = z_for_service_level(inp.service_level)
    lead_known = inp.lead_time_days is not None
    sd_known = inp.lead_time_sd_days is not None
    lead = float(inp.lead_time_days) if lead_known else float(inp.default_lead_time_days)
    lead_sd = float(inp.lead_time_sd_days) if sd_known else 0.0
    d, sd = float(inp.demand_per_day), float(inp.demand_sd_per_day)
    period, moq = float(inp.review_period_days), float(inp.min_order_qty)
    multiple = float(inp.order_multiple)
    if d == 0.0:
        safety = rop = min_qty = 0.0
        max_qty = _round_up(moq, multiple)
    else:
        # same operations, in the same order, as decide_policies: results agree exactly
        safety = z * math.sqrt(lead * sd * sd + d * d * (lead_sd * lead_sd))
        rop = d * lead + safety
        min_qty = float(math.ceil(rop - _ROUNDING_SLACK))
        max_qty = _round_up(min_qty + max(d * period, moq), multiple)
    reason = _reason(
        _Case(
            d=d,
            sd=sd,
            lead=lead,
            lead_known=lead_known,
            lead_sd=lead_sd,
            sd_known=sd_known,
            period=period,
            p=inp.service_level,
            moq=moq,
            multiple=multiple,
            z=z,
            safety=safety,
            rop=rop,
            min_qty=min_qty,
            max_qty=max_qty,
        )
    )
    return PolicyDecision(
        safety_stock=safety,
        reorder_point=rop,
        min_qty=min_qty,
        max_qty=max_qty,
        z=z,
        lead_time_days_used=lead,
        fallback=d == 0.0 or not lead_known or not sd_known,
        reason=reason,
    )


@dataclass(frozen=True, slots=True, eq=False)
class PolicyBatch:
    """Policies of many products, one array entry per product (read-only arrays).

    Inputs as used (units, units/day, days; unknown lead times replaced, with the
    ``*_known`` flags saying which were) and results as in :class:`PolicyDecision`.
    Reasons are written on demand by :meth:`reason`, so bulk runs only pay for the
    sentences they store.
    """

    demand_per_day: np.ndarray
    demand_sd_per_day: np.ndarray
    lead_time_days_used: np.ndarray
    lead_time_known: np.ndarray
    lead_time_sd_days_used: np.ndarray
    lead_time_sd_known: np.ndarray
    review_period_days: np.ndarray
    service_level: np.ndarray
    min_order_qty: np.ndarray
    order_multiple: np.ndarray
    z: np.ndarray
    safety_stock: np.ndarray
    reorder_point: np.ndarray
    min_qty: np.ndarray
    max_qty: np.ndarray
    fallback: np.ndarray

    def __len__(self) -> int:
        return int(self.min_qty.shape[0])

    def reason(self, i: int) -> str:
        """The planner-readable reason for product ``i``, as :func:`decide_policy` words it."""
        return _reason(
            _Case(
                d=float(self.demand_per_day[i]),
                sd=float(self.demand_sd_per_day[i]),
                lead=float(self.lead_time_days_used[i]),
                lead_known=bool(self.lead_time_known[i]),
                lead_sd=float(self.lead_time_sd_days_used[i]),
                sd_known=bool(self.lead_time_sd_known[i]),
                period=float(self.review_period_days[i]),
                p=float(self.service_level[i]),
                moq=float(self.min_order_qty[i]),
                multiple=float(self.order_multiple[i]),
                z=float(self.z[i]),
                safety=float(self.safety_stock[i]),
                rop=float(self.reorder_point[i]),
                min_qty=float(self.min_qty[i]),
                max_qty=float(self.max_qty[i]),
            )
        )

    def reasons(self) -> list[str]:
        """Every product's reason, in order."""
        return [self.reason(i) for i in range(len(self))]

    def decision(self, i: int) -> PolicyDecision:
        """Product ``i``'s policy as a :class:`PolicyDecision` (units, days)."""
        return PolicyDecision(
            safety_stock=float(self.safety_stock[i]),
            reorder_point=float(self.reorder_point[i]),
            min_qty=float(self.min_qty[i]),
            max_qty=float(self.max_qty[i]),
            z=float(self.z[i]),
            lead_time_days_used=float(self.lead_time_days_used[i]),
            fallback=bool(self.fallback[i]),
            reason=self.reason(i),
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
) -> PolicyBatch:
    """:func:`decide_policy` vectorised over products: every argument is a 1-D array (one
    entry per product) or a scalar shared by all, in the units of :class:`PolicyInput`.
    Unknown lead times and lead-time deviations are NaN (None in a list becomes NaN).
    ValueError names the field and the first bad entry. Same rules, same results."""
    raw = {
        "demand_per_day": demand_per_day,
        "demand_sd_per_day": demand_sd_per_day,
        "lead_time_days": lead_time_days,
        "lead_time_sd_days": lead_time_sd_days,
        "review_period_days": review_period_days,
        "service_level": service_level,
        "min_order_qty": min_order_qty,
        "order_multiple": order_multiple,
        "default_lead_time_days": default_lead_time_days,
    }
    arrays = {name: np.asarray(value, dtype=float) for name, value in raw.items()}
    for name, array in arrays.items():
        if array.ndim > 1:
            raise ValueError(f"{name} must be one value per product (1-D), not {array.shape}")
    try:
        columns = np.broadcast_arrays(*map(np.atleast_1d, arrays.values()))
    except ValueError:
        sizes = ", ".join(f"{name} {array.size}" for name, array in arrays.items())
        raise ValueError(f"inputs must have one entry per product or be scalars: {sizes}") from None
    a = dict(zip(arrays, columns, strict=True))
    lead_known = ~np.isnan(a["lead_time_days"])
    sd_known = ~np.isnan(a["lead_time_sd_days"])
    for name in _NON_NEGATIVE:
        values = a[name]
        bad = ~np.isfinite(values) | (values < 0)
        if name in ("lead_time_days", "lead_time_sd_days"):
            bad &= ~np.isnan(values)  # NaN: unknown, replaced below
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
    levels, where = np.unique(p, return_inverse=True)
    z = np.array([z_for_service_level(float(level)) for level in levels])[where.reshape(-1)]

    d, sd = a["demand_per_day"], a["demand_sd_per_day"]
    lead = np.where(lead_known, a["lead_time_days"], a["default_lead_time_days"])
    lead_sd = np.where(sd_known, a["lead_time_sd_days"], 0.0)
    moq = a["min_order_qty"]
    idle = d == 0.0
    safety = np.where(idle, 0.0, z * np.sqrt(lead * sd * sd + d * d * (lead_sd * lead_sd)))
    rop = np.where(idle, 0.0, d * lead + safety)
    # "+ 0.0" turns the -0.0 of ceil(-slack) into 0.0, as math.ceil's integer gives
    min_qty = np.where(idle, 0.0, np.ceil(rop - _ROUNDING_SLACK) + 0.0)
    target = np.where(idle, moq, min_qty + np.maximum(d * a["review_period_days"], moq))
    max_qty = multiple * np.ceil(target / multiple - _ROUNDING_SLACK) + 0.0
    fields = {
        "demand_per_day": d,
        "demand_sd_per_day": sd,
        "lead_time_days_used": lead,
        "lead_time_known": lead_known,
        "lead_time_sd_days_used": lead_sd,
        "lead_time_sd_known": sd_known,
        "review_period_days": a["review_period_days"],
        "service_level": p,
        "min_order_qty": moq,
        "order_multiple": multiple,
        "z": z,
        "safety_stock": safety,
        "reorder_point": rop,
        "min_qty": min_qty,
        "max_qty": max_qty,
        "fallback": idle | ~lead_known | ~sd_known,
    }
    for name, array in fields.items():
        array = np.array(array)  # own, contiguous copy: broadcast views share memory
        array.setflags(write=False)
        fields[name] = array
    return PolicyBatch(**fields)


def _round_up(quantity: float, multiple: float) -> float:
    """``quantity`` (units) rounded up to a multiple of ``multiple`` (units)."""
    return multiple * math.ceil(quantity / multiple - _ROUNDING_SLACK)


def _check_non_negative(name: str, value: float) -> None:
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")


def _multiple_message(name: str, value: float) -> str:
    return f"{name} must be positive (use 1 for no pack multiple), got {value}"


def _check_service_level(name: str, p: float) -> None:
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
    """A service level as a percentage with as many decimals as it needs (at least one)."""
    value = p * 100.0
    for decimals in range(1, 6):
        text = f"{value:.{decimals}f}"
        if abs(float(text) - value) < 1e-9:
            break
    return f"{text}%"


def _cycle(period: float) -> str:
    name = _CYCLE_NAMES.get(period)
    return f"{name} cycle" if name else f"{_num(period)} d cycle"


@dataclass(frozen=True, slots=True)
class _Case:
    """One product's inputs as used and its numbers, for :func:`_reason` (units, days)."""

    d: float
    sd: float
    lead: float
    lead_known: bool
    lead_sd: float
    sd_known: bool
    period: float
    p: float
    moq: float
    multiple: float
    z: float
    safety: float
    rop: float
    min_qty: float
    max_qty: float


def _reason(c: _Case) -> str:
    """The sentence behind a decision; shared by the single and the batch path."""
    pack = f", multiple of {_num(c.multiple)}" if c.multiple != 1.0 else ""
    if c.d == 0.0:
        tail = f" (MOQ {_num(c.moq)}{pack})" if c.moq > 0 else ""
        return (
            "no demand: not stocked unless a planner sets it; "
            f"min {_num(c.min_qty)}, max {_num(c.max_qty)}{tail}"
        )
    notes = ""
    if not c.lead_known:
        notes += f"Lead time unknown: the default {_num(c.lead)} d is used. "
    if not c.sd_known:
        notes += "Lead-time sd unknown: taken as 0, safety stock covers demand error only. "
    cycle_qty = c.d * c.period
    sizing = f"{_cycle(c.period)} of {_num(cycle_qty)}"
    if c.moq > cycle_qty:
        sizing = f"MOQ {_num(c.moq)} > {sizing}"
    lead, d = _num(c.lead), _num(c.d)
    return (
        f"{notes}{_percent(c.p)} service over {lead} d lead time (sd {_num(c.lead_sd)} d): "
        f"safety stock {_num(c.safety)} = {c.z:.2f} x "
        f"sqrt({lead} x {_num(c.sd)}^2 + {d}^2 x {_num(c.lead_sd)}^2); "
        f"reorder point {_num(c.rop)} = {d}/d x {lead} d + safety stock; "
        f"min {_num(c.min_qty)}, max {_num(c.max_qty)} ({sizing}{pack})"
    )
