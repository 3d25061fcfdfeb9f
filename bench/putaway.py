"""Directed put-away on the demo warehouse's racks: latency per receipt line and quality.

The bins of ``scenario.generate(size)`` (large: 20,000) with their storage categories and
today's stock, the walk from the pack station on the layout, and 500 receipt lines drawn
from the purchase orders, put away one after the other (each line's units occupy
their bins before the next). Ours: ``suggest`` (capacity, size, mixing, hazard, then pick
velocity, golden zone, consolidation, fill). Baseline: Odoo's standard put-away with
storage categories — the first bin in name order whose category capacity still takes the
units — run on the same state. Quality: share of A-class units placed in golden-zone
forward bins, the A-class units' average walk from packing to their bin, units placed (a
first-fit bin must take the whole line) and capacity violations (must be 0 for both).
Figure: p95 latency per line (ms).
"""

from __future__ import annotations

import time

import numpy as np

from bench.result import Result
from stockops import scenario
from stockops.execution.putaway import BinState, Item, suggest
from stockops.layout import Aisle, Layout, Point, distances_m
from stockops.scenario import GOLDEN_ZONE_LEVELS

LINES = 500


def _warehouse(size: str):
    sc = scenario.generate(size=size)
    layout = Layout(
        aisles=tuple(Aisle(a.name, a.x_m, a.y_start_m, a.y_end_m) for a in sc.aisles),
        cross_aisles_y_m=sc.cross_aisles_y_m,
    )
    racks = [b for b in sc.bins if b.aisle_name and b.storage_category_code]
    pack = next(b for b in sc.bins if b.zone_code == "PACK")
    travel = distances_m(
        layout, [Point(pack.x_m, pack.y_m)],
        [Point(b.x_m, b.y_m, b.z_m, b.aisle_name) for b in racks],
    )[0]  # fmt: skip
    categories = {c.code: c for c in sc.storage_categories}
    products = {p.default_code: p for p in sc.products}
    index = {b.name: i for i, b in enumerate(racks)}
    used_volume, used_weight = np.zeros(len(racks)), np.zeros(len(racks))
    holds: list[set[int]] = [set() for _ in racks]
    code_id = {p.default_code: i for i, p in enumerate(sc.products)}
    for q in sc.quants:
        if q.bin_name in index:
            p, i = products[q.product_code], index[q.bin_name]
            used_volume[i] += q.qty * p.volume_m3
            used_weight[i] += q.qty * p.weight_kg
            holds[i].add(code_id[q.product_code])
    lines = [(line, po) for po in sc.purchase_orders for line in po.lines]
    rng = np.random.default_rng(5)
    pick = rng.choice(len(lines), size=min(LINES, len(lines)), replace=False)
    receipts = [lines[i][0] for i in pick]
    return (
        sc,
        racks,
        travel,
        categories,
        products,
        used_volume,
        used_weight,
        holds,
        code_id,
        receipts,
    )


def _item(product, pid, qty) -> Item:
    dims = (product.length_m, product.width_m, product.height_m)
    return Item(pid, float(qty), product.volume_m3, product.weight_kg, max(dims),
                velocity=product.velocity_hint, hazard=product.hazard_class or "")  # fmt: skip


def _odoo_like(state: BinState, item: Item, order: np.ndarray):
    """First bin in name order whose category admits the units (Odoo's capacity check)."""
    a = state.arrays
    need_v, need_w = item.qty * item.unit_volume_m3, item.qty * item.unit_weight_kg
    ok = (a["free_volume"] >= need_v) & (a["free_weight"] >= need_w)
    hits = order[ok[order]]
    return [(int(hits[0]), item.qty)] if hits.size else []


def run(size: str) -> Result:
    _sc, racks, travel, categories, products, used_v, used_w, holds, code_id, receipts = _warehouse(
        size
    )
    cap_v = np.array([categories[b.storage_category_code].max_volume_m3 for b in racks])
    cap_w = np.array([categories[b.storage_category_code].max_weight_kg for b in racks])
    side = np.array([categories[b.storage_category_code].max_length_m or 9.0 for b in racks])
    mixing = [categories[b.storage_category_code].allow_new_product for b in racks]
    golden = np.array([b.level in GOLDEN_ZONE_LEVELS for b in racks])
    forward = np.array([b.zone_code == "FWD" for b in racks])
    order = np.array(sorted(range(len(racks)), key=lambda i: racks[i].name))
    results = {}
    for name in ("ours", "odoo"):
        uv, uw, hold = used_v.copy(), used_w.copy(), [set(h) for h in holds]
        times, a_units, a_golden, a_walk, units, violations = [], 0.0, 0.0, 0.0, 0.0, 0
        for line in receipts:
            product = products[line.product_code]
            pid = code_id[line.product_code]
            item = _item(product, pid, line.qty)
            hazard_ok = [
                (item.hazard or "x") if categories[b.storage_category_code].hazardous else ""
                for b in racks
            ]
            state = BinState(
                ids=list(range(len(racks))), category=[b.storage_category_code for b in racks],
                free_volume_m3=cap_v - uv, free_weight_kg=cap_w - uw, max_side_m=side,
                travel_m=travel, golden=golden, forward=forward, capacity_volume_m3=cap_v,
                mixing=mixing,
                hazard=hazard_ok, products=[tuple(h) for h in hold],
            )  # fmt: skip
            started = time.perf_counter()
            placements = (
                list(suggest(state, item).placements)
                if name == "ours"
                else _odoo_like(state, item, order)
            )
            times.append(time.perf_counter() - started)
            for b, q in placements:
                uv[b] += q * item.unit_volume_m3
                uw[b] += q * item.unit_weight_kg
                hold[b].add(pid)
                violations += int(uv[b] > cap_v[b] + 1e-9 or uw[b] > cap_w[b] + 1e-9)
                units += q
                if item.velocity == "A":
                    a_units += q
                    a_walk += q * travel[b]
                    a_golden += q * (golden[b] and forward[b])
        results[name] = (
            np.percentile(times, 95) * 1000, a_golden / max(a_units, 1), a_walk / max(a_units, 1),
            violations, units,
        )  # fmt: skip
    print(f"{len(racks)} rack bins, {len(receipts)} receipt lines")
    for name, (p95, share, avg, bad, units) in results.items():
        label = "ours" if name == "ours" else "Odoo first-fit"
        print(
            f"  {label:14}: p95 {p95:7.2f} ms/line, A units in golden forward bins "
            f"{share:5.1%}, A units' walk from packing {avg:5.1f} m, over capacity {bad}, "
            f"units placed {units:,.0f}"
        )
    return Result(results["ours"][0], "odoo-first-fit", results["odoo"][0], "ms p95 per line")
