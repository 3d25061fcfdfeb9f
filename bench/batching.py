"""Batching 1,000 demo orders onto picking carts: total walk of the carts' tours.

Orders: the last 1,000 deliveries of ``scenario.generate(size)`` (their lines, ordered
quantities, the products' weights and volumes), each line picked from the product's
forward bin, else its first reserve bin. Carts: 8 totes, 40 lines, 300 kg, 1.5 m3; the
depot is pack station P1. All three plans split the same oversize orders the same way
(``split_order``), so they carry exactly the same lines; a line too big for any cart is a
tour of its own in each.

Ours: ``batch_orders`` (savings merging on estimated tour length, then moves) and
``route`` per cart. Baselines, same orders: first come first served (orders in sequence fill
a cart until the next does not fit) with S-shape routes; and Odoo 18's own wave grouping
(``stock.move.line._auto_wave_lines_into_new_waves``): lines split off their orders and
grouped by product (*Group by Product*) or by location (*Group by Location*, one wave
location per aisle), each group in order sequence cut into waves where the next line would
break the cart's limits (Odoo checks lines and transfers; the same cart's weight and volume
are checked too), also with S-shape routes, since Odoo does not sequence a route. Figure:
total metres walked (lower is better) and planning time.
"""

from __future__ import annotations

import datetime
import time
import zlib
from collections import defaultdict

from bench.result import Result
from stockops import scenario
from stockops.execution.routing import s_shape
from stockops.execution.waves import CartLimits, Order, OrderLine, batch_orders, release_orders
from stockops.execution.waves.batching import split_order
from stockops.execution.waves.estimate import Geometry
from stockops.layout import Aisle, Layout, Point

N_ORDERS = 1000
LIMITS = CartLimits(max_orders=8, max_lines=40, max_weight_kg=300.0, max_volume_m3=1.5)
TODAY = datetime.date(2026, 11, 23)


def demo(size: str, n_orders: int = N_ORDERS):
    """Layout, depot (pack station P1) and ``n_orders`` orders built from the demo's
    latest deliveries (cut-off at the carrier's hour, priority and promise by order)."""
    sc = scenario.generate(size=size, today=TODAY)
    layout = Layout(
        aisles=tuple(Aisle(a.name, a.x_m, a.y_start_m, a.y_end_m) for a in sc.aisles),
        cross_aisles_y_m=sc.cross_aisles_y_m,
    )
    bins = {b.name: b for b in sc.bins}
    pack = next(b for b in sc.bins if b.zone_code == "PACK")
    depot = Point(pack.x_m, pack.y_m)
    home: dict[str, object] = {}
    for q in sc.quants:
        b = bins[q.bin_name]
        if b.aisle_name and (q.product_code not in home or b.zone_code == "FWD"):
            home.setdefault(q.product_code, b)
            if b.zone_code == "FWD":
                home[q.product_code] = b
    rack = [b for b in sc.bins if b.aisle_name]
    products = {p.default_code: p for p in sc.products}
    orders = []
    deliveries = sc.deliveries[-n_orders:]
    for k, d in enumerate(deliveries):
        lines = []
        for line in d.lines:
            p = products[line.product_code]
            b = (
                home.get(line.product_code)
                or rack[zlib.crc32(line.product_code.encode()) % len(rack)]
            )
            lines.append(
                OrderLine(line.product_code, line.ordered_qty,
                          Point(b.x_m, b.y_m, b.z_m, b.aisle_name),
                          p.weight_kg * line.ordered_qty, p.volume_m3 * line.ordered_qty,
                          b.zone_code)
            )  # fmt: skip
        cutoff = datetime.datetime.combine(TODAY, datetime.time(15 if k % 5 < 3 else 17))
        orders.append(Order(d.ref, tuple(lines), cutoff, int(k % 7 == 0), d.date))
    return layout, depot, orders


def _fcfs(layout, depot, orders, geo):
    carts, current, load = [], [], [0, 0, 0.0, 0.0]
    cap = (LIMITS.max_orders, LIMITS.max_lines, LIMITS.max_weight_kg, LIMITS.max_volume_m3)
    for rank, order in enumerate(orders):
        for part in split_order(order, LIMITS, geo, rank):
            add = (1, len(part.lines), part.weight_kg, part.volume_m3)
            if part.over:
                carts.append(list(part.lines))
                continue
            if current and any(a + b > c + 1e-9 for a, b, c in zip(load, add, cap, strict=True)):
                carts.append(current)
                current, load = [], [0, 0, 0.0, 0.0]
            current += part.lines
            load = [a + b for a, b in zip(load, add, strict=True)]
    if current:
        carts.append(current)
    return carts


def _odoo_waves(orders, geo, key):
    """Odoo-style wave grouping: lines grouped by ``key(line)``, each group in order
    sequence cut into carts that fit, totes counted per distinct order."""
    groups = defaultdict(list)
    for rank, order in enumerate(orders):
        for part in split_order(order, LIMITS, geo, rank):
            for bl in part.lines:
                groups[(part.over, key(bl.line))].append(bl)
    carts = []
    for (over, _key), lines in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if over:
            carts += [[bl] for bl in lines]
            continue
        current, ids, w, v = [], set(), 0.0, 0.0
        for bl in lines:
            new_ids = ids | {bl.order_id}
            if current and (
                len(new_ids) > LIMITS.max_orders
                or len(current) + 1 > LIMITS.max_lines
                or w + bl.line.weight_kg > LIMITS.max_weight_kg
                or v + bl.line.volume_m3 > LIMITS.max_volume_m3
            ):
                carts.append(current)
                current, new_ids, w, v = [], {bl.order_id}, 0.0, 0.0
            current.append(bl)
            ids, w, v = new_ids, w + bl.line.weight_kg, v + bl.line.volume_m3
        if current:
            carts.append(current)
    return carts


def _spread(carts) -> int:
    """Orders whose lines ride on more than one cart (to consolidate at packing)."""
    carts_of = defaultdict(set)
    for k, cart in enumerate(carts):
        for bl in cart:
            carts_of[bl.order_id].add(k)
    return sum(len(c) > 1 for c in carts_of.values())


def _walk_m(layout, depot, carts) -> float:
    return sum(s_shape(layout, depot, [bl.line.location for bl in c]).distance_m for c in carts)


def run(size: str) -> Result:
    layout, depot, orders = demo(size)
    now = datetime.datetime.combine(TODAY, datetime.time(8))
    by_id = {o.id: o for o in orders}
    ranked = [by_id[r.order_id] for r in release_orders(orders, now)]
    geo = Geometry.of(layout, depot)
    started = time.perf_counter()
    ours = batch_orders(layout, depot, ranked, LIMITS)
    plan_s = time.perf_counter() - started
    ours_m = sum(b.distance_m for b in ours)
    ours_sshape_m = _walk_m(layout, depot, [b.lines for b in ours])
    fcfs = _fcfs(layout, depot, ranked, geo)
    fcfs_m = _walk_m(layout, depot, fcfs)
    by_aisle = _odoo_waves(ranked, geo, lambda line: line.location.aisle or "floor")
    by_aisle_m = _walk_m(layout, depot, by_aisle)
    by_product = _odoo_waves(ranked, geo, lambda line: line.product_id)
    by_product_m = _walk_m(layout, depot, by_product)
    n_lines = sum(len(o.lines) for o in orders)
    for plan in ([b.lines for b in ours], fcfs, by_aisle, by_product):
        assert sum(len(c) for c in plan) == n_lines
    over = sum(b.over_limit for b in ours)
    print(
        f"{len(orders)} orders, {n_lines} lines, size {size}: {len(layout.aisles)} aisles, "
        f"{len(layout.cross_aisles_y_m)} cross aisles; carts {LIMITS.describe()}"
    )
    print(f"  ours (savings batches + route)     : {ours_m:10,.0f} m in {len(ours)} tours "
          f"({over} single oversize lines), planned in {plan_s:.2f} s")  # fmt: skip
    print(f"  ours batches, S-shape routes       : {ours_sshape_m:10,.0f} m")
    print(f"  first come first served + S-shape  : {fcfs_m:10,.0f} m in {len(fcfs)} tours")
    print(f"  Odoo waves by location + S-shape   : {by_aisle_m:10,.0f} m in {len(by_aisle)} tours "
          f"({_spread(by_aisle)} orders spread over carts, consolidated at packing)")  # fmt: skip
    print(f"  Odoo waves by product + S-shape    : {by_product_m:10,.0f} m in {len(by_product)} "
          f"tours ({_spread(by_product)} orders spread over several carts)")  # fmt: skip
    return Result(ours_m, "fcfs+s-shape", fcfs_m, "m")
