"""Replay demand through a reorder rule night by night, as Odoo 18 runs it, and measure
the service it gives (cycle service and fill rate, see :mod:`stockops.policy.service`).

Units: demand and quantities in the product's stock unit (units), one column per day;
lead times in whole days. Every array has one row per series (a product, or one demand
path of it); all series are replayed at once, one numpy step per day.

A day, for every series:

1. **morning**: purchases planned for today are received; with backorders, waiting
   deliveries are served from them first;
2. **day**: the day's demand is delivered from stock on hand; what stock cannot cover is
   backordered (a waiting delivery) or, with ``backorders=False``, lost;
3. **night**: the scheduler reviews the rule. Odoo's ``qty_forecast`` is the stock on hand,
   minus waiting deliveries, plus every open purchase (``virtual_available`` up to the
   lead-days date, plus RFQs in progress): the *inventory position*. Demand is only known
   on the day it is asked for, so the visibility days add nothing to it.

The night's rule, ``rule="odoo"`` (``stock.warehouse.orderpoint._get_qty_to_order`` and
``_procure_orderpoint_confirm`` in Odoo 18's ``stock`` module): when the position is below
min (``float_compare`` at the unit's rounding), order ``max(min, max) - position``; if that
is not a whole number of multiples it is rounded **down** to one when the rule has a max,
up when max is 0; a purchase is made only when the result is above 0. The vendor's
minimum quantity is not applied: ``purchase_stock``'s ``_run_buy`` falls back to a vendor
line without it and orders the quantity asked for.

``rule="ddmrp"`` (OCA ``ddmrp``'s ``stock.buffer``: ``_compute_procure_recommended_qty``
and ``_adjust_procure_qty``): when the net flow position (the same position) is below
the top of yellow (``min_qty``), order top of green (``max_qty``) minus the position,
rounded **up** to the multiple (the default tolerance of 0 %), and at least
``min_order_qty``.

A purchase made in the night after day ``t`` is dated day ``t + 1`` (the scheduler's
today) and planned for day ``t + 1 + L``, ``L`` the lead time drawn for it; it is received
that morning, before the day's deliveries. So it covers the ``L`` days of demand after
the night it was ordered in.

A replenishment cycle runs from one receipt to the next. Only complete cycles are
measured: the days before the first receipt (the starting stock) and after the last one
are left out.

>>> import numpy as np
>>> demand = np.tile([3.0, 0.0, 5.0, 2.0], (1, 60))
>>> out = replay(demand, min_qty=12.0, max_qty=24.0, multiple=1.0, lead_days=3)
>>> int(out.cycles[0]) > 10, float(out.cycle_service[0]), float(out.fill_rate[0])
(True, 1.0, 1.0)
>>> short = replay(demand, min_qty=2.0, max_qty=14.0, multiple=1.0, lead_days=3)
>>> round(float(short.cycle_service[0]), 2) < 0.5, round(float(short.fill_rate[0]), 2) < 0.9
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

#: Odoo's default rounding of the Units unit of measure: quantities closer than half of it
#: compare equal (``float_compare``)
DEFAULT_PRECISION = 0.01

RULES = ("odoo", "ddmrp")


@dataclass(frozen=True, eq=False)
class ReplayTrace:
    """Day by day, for the shift analysis of :func:`shifted_service`: ``net_stock`` at the
    end of each day (stock on hand minus waiting deliveries, units), ``demand`` (units) and
    ``cycle`` (index of the complete cycle the day belongs to, -1 outside them)."""

    net_stock: np.ndarray
    demand: np.ndarray
    cycle: np.ndarray


@dataclass(frozen=True, eq=False)
class ReplayResult:
    """What a replay measured, one entry per series, over its complete cycles: ``cycles``
    and ``stockout_cycles`` (counts), ``demand`` and ``short`` (units asked for and not
    served from stock on hand that day), ``mean_on_hand`` (units at the end of a day);
    ``orders`` and ``ordered`` (count and units over the whole replay),
    ``smallest_order`` (units, NaN when nothing was ordered), and the lead times the orders
    really took (``lead_time_mean`` and ``lead_time_sd``, days from the order's date to
    its receipt, as the policy run measures them on receipts; NaN without two orders).
    ``trace`` when asked for."""

    cycles: np.ndarray
    stockout_cycles: np.ndarray
    demand: np.ndarray
    short: np.ndarray
    mean_on_hand: np.ndarray
    orders: np.ndarray
    ordered: np.ndarray
    smallest_order: np.ndarray
    lead_time_mean: np.ndarray
    lead_time_sd: np.ndarray
    trace: ReplayTrace | None = None

    @property
    def cycle_service(self) -> np.ndarray:
        """Share of complete cycles without a stockout (NaN without a complete cycle)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.cycles > 0, 1.0 - self.stockout_cycles / self.cycles, np.nan)

    @property
    def fill_rate(self) -> np.ndarray:
        """Share of demand units served from stock (NaN when nothing was asked for)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.demand > 0, 1.0 - self.short / self.demand, np.nan)


def _round(x: np.ndarray, precision: float) -> np.ndarray:
    """Odoo's ``float_round`` (HALF-UP, away from zero) to ``precision``."""
    return np.sign(x) * np.floor(np.abs(x) / precision + 0.5) * precision


def _compare(a: np.ndarray, b, precision: float) -> np.ndarray:
    """Odoo's ``float_compare``: -1, 0 or 1 once both sides are rounded to ``precision``."""
    delta = _round(np.asarray(a, dtype=float), precision) - _round(
        np.asarray(b, dtype=float), precision
    )
    return np.where(np.abs(delta) < precision / 2, 0, np.sign(delta)).astype(np.int8)


def order_quantity(
    position: ArrayLike,
    min_qty: ArrayLike,
    max_qty: ArrayLike,
    multiple: ArrayLike,
    rule: str = "odoo",
    min_order_qty: ArrayLike = 0.0,
    precision: float = DEFAULT_PRECISION,
) -> np.ndarray:
    """What the night's scheduler orders (units, 0 for nothing) at this inventory
    ``position`` (units), for each series; see the module docstring for both rules.

    >>> order_quantity([4.0, 0.0, -3.0], 5.0, 12.0, 12.0).tolist()  # min 5, max 12, packs of 12
    [0.0, 12.0, 12.0]
    >>> order_quantity([4.0], 5.0, 17.0, 12.0).tolist()  # max - min >= a pack: orders one
    [12.0]
    >>> order_quantity([4.0], 5.0, 12.0, 12.0, rule="ddmrp").tolist()  # DDMRP rounds up
    [12.0]
    """
    pos = np.asarray(position, dtype=float)
    lo, hi = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (min_qty, max_qty)))
    m = np.asarray(multiple, dtype=float)
    if rule == "odoo":
        trigger = _compare(pos, lo, precision) < 0
        qty = np.maximum(lo, hi) - pos
        rem = np.where(m > 0, np.mod(qty, np.where(m > 0, m, 1.0)), 0.0)
        uneven = (_compare(rem, 0.0, precision) > 0) & (_compare(m - rem, 0.0, precision) > 0)
        no_max = _compare(hi, 0.0, precision) == 0
        qty = np.where(uneven, np.where(no_max, qty + m - rem, qty - rem), qty)
    elif rule == "ddmrp":
        trigger = pos < lo
        qty = np.maximum(hi - pos, 0.0)
        rem = np.where(m > 0, np.mod(qty, np.where(m > 0, m, 1.0)), 0.0)
        qty = np.where(_compare(rem, 0.0, precision) > 0, qty + m - rem, qty)
        qty = np.where(_compare(qty, min_order_qty, precision) < 0, min_order_qty, qty)
    else:
        raise ValueError(f"rule must be one of {RULES}, got {rule!r}")
    return np.where(trigger & (_compare(qty, 0.0, precision) > 0), qty, 0.0)


def _levels(name: str, value: ArrayLike, n: int, t_len: int) -> np.ndarray:
    """A per-series (n,) or per-night (n, T) level as an (n, T)-broadcastable array."""
    a = np.asarray(value, dtype=float)
    if a.ndim == 0 or a.shape == (n,):
        return np.broadcast_to(a.reshape(-1, 1) if a.ndim else a, (n, 1))
    if a.shape == (n, t_len):
        return a
    raise ValueError(f"{name} must be a number, one per series ({n}) or one per night {n, t_len}")


def replay(
    demand: ArrayLike,
    min_qty: ArrayLike,
    max_qty: ArrayLike,
    multiple: ArrayLike = 1.0,
    lead_days: ArrayLike = 0,
    *,
    rule: str = "odoo",
    min_order_qty: ArrayLike = 0.0,
    backorders: bool = True,
    initial_on_hand: ArrayLike | None = None,
    in_sequence: bool = True,
    precision: float = DEFAULT_PRECISION,
    keep_trace: bool = False,
) -> ReplayResult:
    """Replay ``demand`` (n series x T days, units) through a reorder rule; see the module
    docstring for the day and the night.

    ``min_qty`` and ``max_qty`` (units) are one value for all, one per series, or one per
    series and night (n x T: a DDMRP buffer's zones move with its average daily usage).
    ``multiple`` (units; 0 or 1 for none) and ``min_order_qty`` (DDMRP only) per series.
    ``lead_days``: whole days from an order's date to its receipt, one for all, one per
    series, or one per series and night (n x T, drawn in advance: the lead time an order
    placed that night will take). With ``in_sequence`` a vendor delivers orders in the
    order they were placed: one drawn to arrive before an earlier one arrives with it.
    Stock starts at ``initial_on_hand`` (default: the max; below 0, deliveries waiting)
    with nothing on order.
    ``keep_trace`` keeps the day-by-day net stock for :func:`shifted_service`.
    """
    d = np.asarray(demand, dtype=float)
    if d.ndim != 2:
        raise ValueError(f"demand must be series x days, got shape {d.shape}")
    if not np.isfinite(d).all() or (d < 0).any():
        raise ValueError("demand must be finite and not negative (units per day)")
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, got {rule!r}")
    n, t_len = d.shape
    lo = _levels("min_qty", min_qty, n, t_len)
    hi = _levels("max_qty", max_qty, n, t_len)
    m = np.broadcast_to(np.asarray(multiple, dtype=float), (n,)).copy()
    if (m < 0).any():
        raise ValueError("multiple must not be negative (0 or 1: no pack multiple)")
    moq = np.broadcast_to(np.asarray(min_order_qty, dtype=float), (n,))
    lead = np.asarray(lead_days)
    if lead.ndim < 2:
        lead = np.broadcast_to(lead.reshape(-1, 1) if lead.ndim else lead, (n, 1))
    if (lead < 0).any() or not np.issubdtype(lead.dtype, np.integer):
        raise ValueError("lead_days must be whole days, not negative")
    per_night_lead = lead.shape[1] > 1
    start = hi[:, 0] if initial_on_hand is None else initial_on_hand
    start = np.broadcast_to(np.asarray(start, dtype=float), (n,))
    on_hand = np.maximum(start, 0.0)

    # day-major copies: a day's column of every series is one contiguous row
    days_first = np.ascontiguousarray(d.T)
    pipeline = np.zeros((t_len + int(lead.max(initial=0)) + 2, n))
    backlog = np.maximum(-start, 0.0) if backorders else np.zeros(n)
    on_order = np.zeros(n)
    started = np.zeros(n, dtype=bool)
    flag = np.zeros(n, dtype=bool)
    # per open cycle, then summed over complete ones: demand, short, stock, days
    acc, tot = np.zeros((4, n)), np.zeros((4, n))
    cycles, stockouts = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    orders, ordered = np.zeros(n, dtype=np.int64), np.zeros(n)
    smallest = np.full(n, np.inf)
    last_arrival = np.zeros(n, dtype=np.int64)
    lead_sum, lead_sq = np.zeros(n), np.zeros(n)
    cycle_no = np.full(n, -1, dtype=np.int64)
    if keep_trace:
        net = np.empty((t_len, n), dtype=np.float32)
        day_cycle = np.empty((t_len, n), dtype=np.int64)
    lo_t, hi_t = lo.shape[1] > 1, hi.shape[1] > 1

    for t in range(t_len):
        received = pipeline[t]
        got = received > 0
        if got.any():
            on_hand += received
            on_order -= received
            close = got & started
            cycles += close
            stockouts += close & flag
            tot += acc * close
            acc[:, got] = 0.0
            flag &= ~got
            cycle_no += got
            started |= got
            if backorders:
                served = np.minimum(backlog, on_hand)
                backlog -= served
                on_hand -= served
        today = days_first[t]
        served = np.minimum(today, on_hand)
        short = today - served
        on_hand -= served
        if backorders:
            backlog += short
        flag |= short > 0
        acc[0] += today
        acc[1] += short
        acc[2] += on_hand
        acc[3] += 1.0
        if keep_trace:
            net[t] = on_hand - backlog
            day_cycle[t] = np.where(started, cycle_no, -1)

        position = on_hand - backlog + on_order
        low = lo[:, t if lo_t else 0]
        # only positions within a rounding step of min can trigger; decide those exactly
        near = np.flatnonzero(position < low + precision)
        if not len(near):
            continue
        qty = order_quantity(
            position[near],
            low[near],
            hi[near, t if hi_t else 0],
            m[near],
            rule,
            moq[near],
            precision,
        )
        placed = qty > 0
        if placed.any():
            who, qty = near[placed], qty[placed]
            days = lead[who, t] if per_night_lead else lead[who, 0]
            arrival = t + 1 + days
            if in_sequence:
                arrival = np.maximum(arrival, last_arrival[who])
                last_arrival[who] = arrival
            pipeline[arrival, who] += qty  # one order per series and night
            taken = arrival - (t + 1)
            lead_sum[who] += taken
            lead_sq[who] += taken * taken
            on_order[who] += qty
            orders[who] += 1
            ordered[who] += qty
            smallest[who] = np.minimum(smallest[who], qty)

    trace = None
    if keep_trace:
        # days after the last receipt belong to no complete cycle
        day_cycle = day_cycle.T.copy()
        day_cycle[day_cycle >= cycle_no[:, None]] = -1
        trace = ReplayTrace(net.T.copy(), d, day_cycle)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_on_hand = np.where(tot[3] > 0, tot[2] / tot[3], np.nan)
        lead_mean = np.where(orders > 1, lead_sum / orders, np.nan)
        lead_var = (lead_sq - orders * lead_mean**2) / (orders - 1)
        lead_sd = np.where(orders > 1, np.sqrt(np.maximum(lead_var, 0.0)), np.nan)
    return ReplayResult(
        cycles=cycles,
        stockout_cycles=stockouts,
        demand=tot[0],
        short=tot[1],
        mean_on_hand=mean_on_hand,
        orders=orders,
        ordered=ordered,
        smallest_order=np.where(np.isfinite(smallest), smallest, np.nan),
        lead_time_mean=lead_mean,
        lead_time_sd=lead_sd,
        trace=trace,
    )


@dataclass(frozen=True, eq=False)
class ShiftedService:
    """Service and stock of a replayed rule with its min and max both moved by each offset
    (n x K): ``cycle_service``, ``fill_rate`` (shares) and ``mean_on_hand`` (units)."""

    offsets: np.ndarray
    cycle_service: np.ndarray
    fill_rate: np.ndarray
    mean_on_hand: np.ndarray


def _row_searchsorted(sorted_rows: np.ndarray, points: np.ndarray, side: str) -> np.ndarray:
    """``np.searchsorted`` of each row's points (n x K) in that row of ``sorted_rows``
    (n x T, ascending, finite), for all rows at once: rows are lifted apart by a gap wider
    than their values' range and searched as one array."""
    n, t_len = sorted_rows.shape
    low = min(float(sorted_rows.min(initial=0.0)), float(points.min(initial=0.0)))
    high = max(float(sorted_rows.max(initial=0.0)), float(points.max(initial=0.0)))
    gap = (high - low) + 1.0
    lift = (np.arange(n) * gap)[:, None]
    flat = np.searchsorted((sorted_rows - low + lift).ravel(), (points - low + lift).ravel(), side)
    return flat.reshape(points.shape) - (np.arange(n) * t_len)[:, None]


def _excess(values: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Per row, ``sum_t max(values_t - p, 0)`` for each point p (n x K); NaN values are
    left out."""
    v = np.sort(np.where(np.isfinite(values), values, -np.inf), axis=1)
    finite_low = np.where(np.isfinite(v), v, np.nan)
    floor = np.nanmin(finite_low) if np.isfinite(finite_low).any() else 0.0
    v = np.where(np.isfinite(v), v, min(floor, float(points.min(initial=0.0))) - 1.0)
    prefix = np.concatenate([np.zeros((len(v), 1)), np.cumsum(v, axis=1)], axis=1)
    j = _row_searchsorted(v, points, "right")
    above = v.shape[1] - j
    total = prefix[:, -1:]
    return total - np.take_along_axis(prefix, j, axis=1) - above * points


def shifted_service(trace: ReplayTrace, offsets: ArrayLike) -> ShiftedService:
    """What the replayed rule would have achieved with min and max both raised by each of
    ``offsets`` (units; K values for all series, or n x K), from one replay's trace.

    With backorders, moving min and max by ``k`` moves the position, and so the net stock
    of every day, by exactly ``k`` and leaves every order unchanged (Odoo orders
    ``max - position``, rounded to the multiple: the same quantity). So one replay answers
    for every shift: a day is short by ``min(demand, -(net + k))`` when ``net + k < 0``,
    that is ``(-net - k)+ - (-net - demand - k)+``. Only valid for replays with
    backorders, and for shifts that leave max above 0 (Odoo rounds up a rule without one).
    """
    net = trace.net_stock.astype(float)
    n, _ = net.shape
    k = np.asarray(offsets, dtype=float)
    k = np.array(np.broadcast_to(k if k.ndim == 2 else k[None, :], (n, k.shape[-1])))
    inside = trace.cycle >= 0
    dem = np.where(inside, trace.demand, 0.0)
    total = dem.sum(axis=1)
    days = inside.sum(axis=1)
    backlog = np.where(inside, -net, np.nan)

    # the lowest net stock on a day with demand, per complete cycle
    n_cycles = max(int(trace.cycle.max(initial=-1)) + 1, 1)
    lowest = np.full((n, n_cycles), np.inf)
    asked = inside & (trace.demand > 0)
    r, c = np.nonzero(asked)
    np.minimum.at(lowest, (r, trace.cycle[r, c]), net[r, c])
    counted = np.zeros((n, n_cycles), dtype=bool)
    r, c = np.nonzero(inside)
    counted[r, trace.cycle[r, c]] = True
    cycles = counted.sum(axis=1)
    # cycles that cannot run short (no demand) sort last; cycles not counted after them
    big = float(np.abs(net).max(initial=0.0) + np.abs(k).max(initial=0.0) + 1.0)
    key = np.where(counted, np.minimum(lowest, big), 2 * big)
    short_cycles = _row_searchsorted(np.sort(key, axis=1), -k, "left")

    short = _excess(backlog, k) - _excess(backlog - dem, k)
    stock = _excess(np.where(inside, net, np.nan), -k)
    with np.errstate(invalid="ignore", divide="ignore"):
        svc = np.where(cycles[:, None] > 0, 1.0 - short_cycles / cycles[:, None], np.nan)
        fill = np.where(total[:, None] > 0, 1.0 - short / total[:, None], np.nan)
        stock = np.where(days[:, None] > 0, stock / days[:, None], np.nan)
    return ShiftedService(k, svc, fill, stock)
