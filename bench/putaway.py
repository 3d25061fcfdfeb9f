"""Directed put-away on the demo warehouse's racks: latency per receipt line and quality.

The bins of ``scenario.generate(size)`` (large: 20,000) with their storage categories and
today's stock, the walk from the pack station on the layout, and 500 receipt lines drawn
from the purchase orders, put away one after the other (each line's units occupy their
bins before the next).

* Ours: ``suggest`` (capacity, size, mixing, hazard, then pick velocity, golden zone,
  consolidation, fill; one forward pick face per product).
* Ours before: the same with the golden-zone bonus the engine had before it traded walk
  for reach by class (a flat 15 score points for A and B): today's put-away.
* Odoo standard: Odoo 18's put-away with storage categories as a warehouse would set it
  up — hazardous goods to the hazmat cage category, the rest to carton-flow lanes, then
  pallet positions; in each, a bin already holding the product first, else the first bin
  by name whose category takes the units by weight and mixing rule. Odoo's categories
  know no volume, so it fills bins past their volume: those are capacity violations.
* First-fit with capacity: the same, also checking volume — Odoo's standard if it knew
  volumes — so quality is compared with a baseline that also never overfills.

Quality: A-class units placed in golden-zone forward bins, their average walk from
packing, capacity violations (must be 0), units placed; and the same on the lines every
method placed whole, so no method is judged on lines another could not place. Pick faces:
of the A products that got a forward bin in the receipt, how many got a golden-zone one
(target: 90 %), with the A units' walk against ours before (target: within 10 %); the
last line is that walk ratio. Odoo
figures: with Odoo's Python and ``STOCKOPS_BENCH_DB`` set, the same receipt through Odoo
(``bench.putaway_odoo``): p95 per line and quality for ours and Odoo's standard rules.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import numpy as np

from bench.result import Result
from stockops import scenario
from stockops.execution.putaway import BinState, Item, suggest
from stockops.layout import Aisle, Layout, Point, distances_m

LINES = 500
#: the golden-zone bonus before the trade by class: a flat 15 in score units for A and B
#: (as walk: 15 m for A, whose travel weight is 1, and 37.5 m for B, at 0.4)
BEFORE_GOLDEN_M = {"A": 15.0, "B": 37.5, "C": 0.0}
#: beam heights (m) of a golden-zone pick face, as the Odoo adapter has them
GOLDEN_M = (0.5, 1.5)
#: the storage categories Odoo's rules try, in order: hazardous goods, the rest
RULES = {True: ("HAZ",), False: ("FLOW", "PALLET")}


@dataclass
class Warehouse:
    """The racks, their limits and today's load; the receipt lines."""

    racks: list
    travel: np.ndarray
    cap_v: np.ndarray
    cap_w: np.ndarray
    side: np.ndarray
    category: list
    mixing: list
    hazardous: np.ndarray
    golden: np.ndarray
    forward: np.ndarray
    by_name: np.ndarray
    used_v: np.ndarray
    used_w: np.ndarray
    holds: list
    items: list = field(default_factory=list)


def warehouse(size: str) -> Warehouse:
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
    cats = {c.code: c for c in sc.storage_categories}
    cat = [cats[b.storage_category_code] for b in racks]
    products = {p.default_code: p for p in sc.products}
    code_id = {p.default_code: i for i, p in enumerate(sc.products)}
    index = {b.name: i for i, b in enumerate(racks)}
    used_v, used_w = np.zeros(len(racks)), np.zeros(len(racks))
    holds: list[set[int]] = [set() for _ in racks]
    for q in sc.quants:
        if q.bin_name in index:
            p, i = products[q.product_code], index[q.bin_name]
            used_v[i] += q.qty * p.volume_m3
            used_w[i] += q.qty * p.weight_kg
            holds[i].add(code_id[q.product_code])
    forward = np.array([b.zone_code == "FWD" for b in racks])
    lines = [line for po in sc.purchase_orders for line in po.lines]
    pick = np.random.default_rng(5).choice(len(lines), size=min(LINES, len(lines)), replace=False)
    items = []
    for i in pick:
        p = products[lines[i].product_code]
        items.append(
            Item(code_id[p.default_code], float(lines[i].qty), p.volume_m3, p.weight_kg,
                 max(p.length_m, p.width_m, p.height_m), velocity=p.velocity_hint,
                 hazard=p.hazard_class or "")
        )  # fmt: skip
    return Warehouse(
        racks=racks, travel=travel,
        cap_v=np.array([c.max_volume_m3 for c in cat]),
        cap_w=np.array([c.max_weight_kg for c in cat]),
        side=np.array([c.max_length_m or 9.0 for c in cat]),
        category=[c.code for c in cat], mixing=[c.allow_new_product for c in cat],
        hazardous=np.array([c.hazardous for c in cat]),
        golden=forward & np.array([GOLDEN_M[0] <= b.z_m <= GOLDEN_M[1] for b in racks]),
        forward=forward,
        by_name=np.array(sorted(range(len(racks)), key=lambda i: racks[i].name)),
        used_v=used_v, used_w=used_w, holds=holds, items=items,
    )  # fmt: skip


def _ours(w: Warehouse, item: Item, uv, uw, hold, golden_m=None):
    state = BinState(
        ids=list(range(len(w.racks))), category=w.category, free_volume_m3=w.cap_v - uv,
        free_weight_kg=w.cap_w - uw, max_side_m=w.side, travel_m=w.travel, golden=w.golden,
        forward=w.forward, capacity_volume_m3=w.cap_v, mixing=w.mixing,
        hazard=[(item.hazard or "x") if h else "" for h in w.hazardous],
        products=[tuple(h) for h in hold],
    )  # fmt: skip
    started = time.perf_counter()
    plan = suggest(state, item) if golden_m is None else suggest(state, item, golden_m)
    return list(plan.placements), time.perf_counter() - started


def _odoo_rules(w: Warehouse, item: Item, uv, uw, hold, volume=False):
    """Odoo 18's storage-category rules (see the module docstring); ``volume`` adds the
    volume check Odoo lacks."""
    started = time.perf_counter()
    need_w, need_v = item.qty * item.unit_weight_kg, item.qty * item.unit_volume_m3

    def takes(i):
        if uw[i] + need_w > w.cap_w[i] + 1e-9 or (volume and uv[i] + need_v > w.cap_v[i] + 1e-9):
            return False
        return w.mixing[i] != "same" or not hold[i] or hold[i] == {item.product_id}

    for code in RULES[bool(item.hazard)]:
        bins = [int(i) for i in w.by_name if w.category[i] == code]
        for i in [i for i in bins if item.product_id in hold[i]] + bins:
            if takes(i):
                return [(i, item.qty)], time.perf_counter() - started
    return [], time.perf_counter() - started


METHODS = {
    "ours": _ours,
    "ours before": lambda w, item, uv, uw, hold: _ours(w, item, uv, uw, hold, BEFORE_GOLDEN_M),
    "odoo-standard": _odoo_rules,
    "first-fit+volume": lambda w, item, uv, uw, hold: _odoo_rules(w, item, uv, uw, hold, True),
}


def simulate(w: Warehouse, method) -> dict:
    """Put the receipt away line after line; the placements and times per line."""
    uv, uw, hold = w.used_v.copy(), w.used_w.copy(), [set(h) for h in w.holds]
    placed, times, over = [], [], set()
    for item in w.items:
        placements, seconds = method(w, item, uv, uw, hold)
        times.append(seconds)
        for b, q in placements:
            uv[b] += q * item.unit_volume_m3
            uw[b] += q * item.unit_weight_kg
            hold[b].add(item.product_id)
            if uv[b] > w.cap_v[b] + 1e-9 or uw[b] > w.cap_w[b] + 1e-9:
                over.add(b)
        placed.append(placements)
    return {"placed": placed, "times": times, "over": len(over)}


def quality(w: Warehouse, placed, lines=None) -> dict:
    """A-class units in golden forward bins (share), their walk (m), units placed."""
    a_units = a_golden = a_walk = units = 0.0
    for k, (item, placements) in enumerate(zip(w.items, placed, strict=True)):
        if lines is not None and k not in lines:
            continue
        for b, q in placements:
            units += q
            if item.velocity == "A":
                a_units += q
                a_walk += q * w.travel[b]
                a_golden += q * w.golden[b]
    a = max(a_units, 1.0)
    return {"golden": a_golden / a, "walk": a_walk / a, "units": units}


def golden_faces(w: Warehouse, placed) -> tuple[int, int]:
    """A products that got a forward bin in the receipt, and how many got a golden one."""
    kinds: dict[int, set[bool]] = {}
    for item, placements in zip(w.items, placed, strict=True):
        if item.velocity == "A":
            for b, _q in placements:
                if w.forward[b]:
                    kinds.setdefault(item.product_id, set()).add(bool(w.golden[b]))
    return len(kinds), sum(True in k for k in kinds.values())


def whole(w: Warehouse, placed) -> set[int]:
    return {
        k for k, (item, p) in enumerate(zip(w.items, placed, strict=True))
        if abs(sum(q for _b, q in p) - item.qty) < 1e-6
    }  # fmt: skip


def run(size: str) -> Result:
    w = warehouse(size)
    runs = {name: simulate(w, method) for name, method in METHODS.items()}
    common = set.intersection(*(whole(w, r["placed"]) for r in runs.values()))
    total = sum(item.qty for item in w.items)
    print(f"{len(w.racks)} rack bins, {len(w.items)} receipt lines ({total:,.0f} units); engine:")
    for name, r in runs.items():
        q, c = quality(w, r["placed"]), quality(w, r["placed"], common)
        p95 = np.percentile(r["times"], 95) * 1000
        print(
            f"  {name:16}: p95 {p95:6.2f} ms/line | A units in golden forward bins "
            f"{q['golden']:5.1%}, walk {q['walk']:5.1f} m | bins over capacity {r['over']:3d} "
            f"| units placed {q['units']:8,.0f} | on the {len(common)} lines all placed whole: "
            f"A golden {c['golden']:5.1%}, A walk {c['walk']:5.1f} m"
        )
    print("  pick faces (A products that got a forward bin: how many a golden-zone one):")
    for name in ("ours", "ours before", "odoo-standard"):
        faces, golden = golden_faces(w, runs[name]["placed"])
        print(f"    {name:14}: {golden} of {faces} ({golden / max(faces, 1):.0%})")
    walk = {name: quality(w, runs[name]["placed"])["walk"] for name in ("ours", "ours before")}
    engine = Result(walk["ours"], "ours before", walk["ours before"], "m A-unit walk")
    if not os.environ.get("STOCKOPS_BENCH_DB"):
        print("  through Odoo: set STOCKOPS_BENCH_DB (and run with Odoo's Python) to time it")
        return engine
    from bench.putaway_odoo import run_in_odoo

    return run_in_odoo(size, w)
