"""Release and wave planning: which orders go first, how each is picked, who shares a cart.

Reads orders (lines with their pick locations), cart limits and method rules; returns
releases, methods, batches and waves, each with its reason; writes nothing. Rooms:
``model`` (the records), ``batching`` (who shares a cart), ``estimate`` (fast tour
estimates for the batching search).

* :func:`release_orders` ranks orders by carrier cut-off (earliest first; none last), then
  priority (higher first), then promised date, then id, and says which of these decided.
* :func:`choose_methods` picks per order: zone picking when its lines span many zones,
  discrete (one order per tour) for a long order, batch for single-line orders, cluster
  (several orders, one tote each) for the rest; thresholds are :class:`MethodRules`.
* :func:`batch_orders` puts orders on carts under :class:`CartLimits`, minimising the
  walking of the carts' tours (see :mod:`stockops.execution.waves.batching`).
* :func:`plan_waves` does all three: one wave per cut-off, batched per method.

Weights in kg, volumes in m3, distances in m; every decision carries its reason.

>>> from datetime import datetime
>>> from stockops.layout import Point
>>> line = OrderLine("P1", 1, Point(0.0, 20.0, aisle="A"))
>>> late = Order("S2", (line,), cutoff=datetime(2026, 11, 20, 17, 0))
>>> early = Order("S1", (line,), cutoff=datetime(2026, 11, 20, 15, 0))
>>> [(r.order_id, r.rank) for r in release_orders([late, early], datetime(2026, 11, 20, 9))]
[('S1', 1), ('S2', 2)]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from stockops.execution.waves.batching import (
    Part,
    _Carts,
    build_batches,
    improve_by_moves,
    merge_by_savings,
    split_order,
)
from stockops.execution.waves.estimate import Geometry
from stockops.execution.waves.model import (
    Batch,
    BatchLine,
    CartLimits,
    MethodRules,
    Order,
    OrderLine,
    PickMethod,
    Release,
    WavePlan,
)
from stockops.layout import Layout, Point

__all__ = [
    "Batch",
    "BatchLine",
    "CartLimits",
    "MethodRules",
    "Order",
    "OrderLine",
    "PickMethod",
    "Release",
    "WavePlan",
    "batch_orders",
    "choose_methods",
    "plan_waves",
    "release_orders",
]

#: defaults when the caller passes none: a cluster cart of 8 totes, the rules' thresholds
DEFAULT_LIMITS = CartLimits()
DEFAULT_RULES = MethodRules()
_NEVER = datetime.max
_NO_DATE = date.max


def _key(order: Order) -> tuple:
    return (order.cutoff or _NEVER, -order.priority, order.promised_date or _NO_DATE, order.id)


def release_orders(orders: Sequence[Order], now: datetime) -> tuple[Release, ...]:
    """Release sequence of ``orders`` at ``now``, first to pick first, each with its reason."""
    ranked = sorted(orders, key=_key)
    out = []
    for rank, order in enumerate(ranked, 1):
        prev = ranked[rank - 2] if rank > 1 else None
        out.append(Release(order.id, rank, _release_reason(order, prev, now)))
    return tuple(out)


def _release_reason(order: Order, prev: Order | None, now: datetime) -> str:
    if order.cutoff is None:
        head = "no carrier cut-off"
    elif order.cutoff < now:
        head = f"cut-off {order.cutoff:%Y-%m-%d %H:%M} already passed: pick now for the next"
    else:
        hours = (order.cutoff - now).total_seconds() / 3600.0
        head = f"cut-off {order.cutoff:%Y-%m-%d %H:%M} ({hours:.1f} h left)"
    tail = [f"priority {order.priority}"]
    if order.promised_date is not None:
        tail.append(f"promised {order.promised_date:%Y-%m-%d}")
    text = f"{head}, {', '.join(tail)}"
    if prev is None:
        return f"first: {text}"
    if prev.cutoff != order.cutoff:
        why = "a later cut-off"
    elif prev.priority != order.priority:
        why = "same cut-off, lower priority"
    elif prev.promised_date != order.promised_date:
        why = "same cut-off and priority, promised later"
    else:
        why = "same cut-off, priority and promise: by order reference"
    return f"after {prev.id} ({why}): {text}"


def choose_methods(
    orders: Sequence[Order], rules: MethodRules = DEFAULT_RULES
) -> tuple[PickMethod, ...]:
    """Pick method of each order (same order as ``orders``) by its profile and ``rules``."""
    out = []
    for order in orders:
        zones = {line.zone for line in order.lines if line.zone}
        n = len(order.lines)
        if len(zones) >= rules.zone_min_zones:
            method = "zone"
            why = f"lines in {len(zones)} zones (>= {rules.zone_min_zones}): picked zone by zone"
        elif n >= rules.discrete_min_lines:
            method = "discrete"
            why = f"{n} lines (>= {rules.discrete_min_lines}): a tour of its own"
        elif n <= rules.batch_max_lines:
            method = "batch"
            why = f"{n} line(s) (<= {rules.batch_max_lines}): batched with other small orders"
        else:
            method = "cluster"
            why = f"{n} lines: one tote on a shared cart"
        out.append(PickMethod(order.id, method, why))
    return tuple(out)


def batch_orders(
    layout: Layout,
    depot: Point,
    orders: Sequence[Order],
    limits: CartLimits = DEFAULT_LIMITS,
    method: str = "cluster",
    route_method: str = "auto",
    wave: int = 1,
    first_number: int = 1,
) -> tuple[Batch, ...]:
    """Carts for ``orders`` (taken as ranked: the first lands on batch ``first_number``).
    ``method`` "discrete" keeps each order (or part of one) on its own tour; any other
    merges orders by walking savings under ``limits``."""
    geo = Geometry.of(layout, depot)
    parts = [p for rank, o in enumerate(orders) for p in split_order(o, limits, geo, rank)]
    return _batch_parts(layout, depot, geo, parts, limits, method, route_method, wave, first_number)


def _batch_parts(layout, depot, geo, parts, limits, method, route_method, wave, first_number):
    carts = _Carts(parts, geo, limits)
    if method != "discrete":
        merge_by_savings(carts)
        improve_by_moves(carts)
    return tuple(build_batches(layout, depot, carts, method, wave, first_number, route_method))


def plan_waves(
    layout: Layout,
    depot: Point,
    orders: Sequence[Order],
    now: datetime,
    limits: CartLimits = DEFAULT_LIMITS,
    rules: MethodRules = DEFAULT_RULES,
    route_method: str = "auto",
) -> WavePlan:
    """Release, pick method and batches of ``orders``: one wave per cut-off (earliest
    first), batched per method inside it. Zone-picked orders are split by zone, and the
    zone parts of a wave are batched zone by zone."""
    releases = release_orders(orders, now)
    by_id = {o.id: o for o in orders}
    if len(by_id) != len(orders):
        raise ValueError("two orders share an id: give each order its own")
    ranked = [by_id[r.order_id] for r in releases]
    rank = {o.id: k for k, o in enumerate(ranked)}
    methods = {m.order_id: m for m in choose_methods(ranked, rules)}
    geo = Geometry.of(layout, depot)
    batches: list[Batch] = []
    waves = list(dict.fromkeys(o.cutoff for o in ranked))
    for w, cutoff in enumerate(waves, 1):
        in_wave = [o for o in ranked if o.cutoff == cutoff]
        for method in ("discrete", "cluster", "batch", "zone"):
            group = [o for o in in_wave if methods[o.id].method == method]
            if not group:
                continue
            if method != "zone":
                parts = [p for o in group for p in split_order(o, limits, geo, rank[o.id])]
                batches += _batch_parts(layout, depot, geo, parts, limits, method,
                                        route_method, w, len(batches) + 1)  # fmt: skip
                continue
            for zone in sorted({line.zone for o in group for line in o.lines}):
                parts = [p for o in group for p in _zone_parts(o, zone, limits, geo, rank[o.id])]
                batches += _batch_parts(layout, depot, geo, parts, limits, f"zone {zone}",
                                        route_method, w, len(batches) + 1)  # fmt: skip
    reason = (
        f"{len(orders)} orders in {len(waves)} wave(s) by cut-off, {len(batches)} tours, "
        f"{sum(b.distance_m for b in batches):,.0f} m walk in total"
    )
    return WavePlan(releases, tuple(methods[o.id] for o in ranked), tuple(batches), reason)


def _zone_parts(order: Order, zone: str, limits, geo, rank: int) -> list[Part]:
    keep = [k for k, line in enumerate(order.lines) if line.zone == zone]
    if not keep:
        return []
    sub = Order(order.id, tuple(order.lines[k] for k in keep), order.cutoff, order.priority,
                order.promised_date)  # fmt: skip
    parts = split_order(sub, limits, geo, rank)
    for part in parts:  # back to the order's own line numbers
        part.lines = tuple(BatchLine(order.id, keep[bl.line_no], bl.line) for bl in part.lines)
        extra = f"; {part.note}" if part.note else ""
        part.note = f"zone {zone} part of order {order.id}{extra}"
    return parts
