"""The put-away benchmark's receipt through Odoo 18: ours against Odoo's standard rules.

Needs Odoo's Python and a database with ``wms_execution`` installed, named by
``STOCKOPS_BENCH_DB`` (see ``bench.policy_odoo``). In one transaction that is rolled
back: a new warehouse built from ``scenario.generate(size)`` — its zones, aisles, storage
categories and bins (large: 20,000), its products with dimensions and pick classes,
today's stock and the walk from packing. Then the first ``ODOO_LINES`` lines of the
engine benchmark's receipt are confirmed one at a time on a one-step receipt into stock
(each line's move is confirmed, which reserves it and applies put-away), timed per line:

* ours: the warehouse's *Directed Put-away* on, no put-away rule;
* ours before: the same with the golden-zone bonus before the trade by class (the engine
  benchmark's ``BEFORE_GOLDEN_M``);
* Odoo's standard: directed put-away off, put-away rules by storage category (hazardous
  goods to the hazmat cage, the rest to carton-flow lanes, then pallet positions).

The runs start from the same state (a savepoint each). Quality as in the engine
benchmark, from the move lines Odoo wrote: A units in golden forward bins, their walk,
units placed in a bin (the rest stays in WH/Stock), bins over volume or weight, and how
many of the A products that got a forward bin got a golden-zone one. Last line: the A
units' walk, ours against ours before.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from unittest import mock

import numpy as np

from bench.policy_odoo import _environment
from bench.putaway import BEFORE_GOLDEN_M
from bench.result import Result
from stockops import scenario
from stockops.execution import putaway

#: receipt lines through Odoo (``STOCKOPS_BENCH_LINES``): Odoo's standard rules take
#: seconds a line on a big building
ODOO_LINES = int(os.environ.get("STOCKOPS_BENCH_LINES", "40"))


def _load_warehouse(env, sc):
    """The scenario's building, catalogue and stock in a new warehouse (no barcodes, which
    the demo's own bins and products already use)."""
    loader = env["wms.demo.loader"]
    warehouse = env["stock.warehouse"].create({"name": "Put-away Bench", "code": "PAB"})
    zones = loader._load_zones(sc, warehouse)
    aisles = env["wms.aisle"].create(
        [{"name": a.name, "warehouse_id": warehouse.id, "zone_id": zones[a.zone_code].id,
          "x_m": a.x_m, "y_start_m": a.y_start_m, "y_end_m": a.y_end_m}
         for a in sc.aisles]
    )  # fmt: skip
    aisle_ids = dict(zip((a.name for a in sc.aisles), aisles.ids, strict=True))
    env["wms.cross.aisle"].create(
        [{"name": f"Cross aisle {k}", "y_m": y, "warehouse_id": warehouse.id}
         for k, y in enumerate(sc.cross_aisles_y_m)]
    )  # fmt: skip
    categories = loader._load_storage_categories(sc)
    values = [loader._bin_values(b, zones[b.zone_code], aisle_ids, categories) for b in sc.bins]
    for v in values:
        v.pop("barcode")
    bins = dict(zip((b.name for b in sc.bins), env["stock.location"].create(values), strict=True))
    pack = next(b for b in sc.bins if b.zone_code == "PACK")
    warehouse.wms_pack_location_id = bins[pack.name]
    metre = env.ref("uom.product_uom_meter")
    hazmat = env["product.category"].create({"name": "Bench hazardous goods"})
    products = env["product.product"].create(
        [{"name": p.name, "default_code": f"PAB-{p.default_code}", "is_storable": True,
          "volume": p.volume_m3, "weight": p.weight_kg, "product_length": p.length_m,
          "product_width": p.width_m, "product_height": p.height_m,
          "dimensional_uom_id": metre.id, "wms_hazard_class": p.hazard_class or False,
          **({"categ_id": hazmat.id} if p.hazard_class else {})}
         for p in sc.products]
    )  # fmt: skip
    env["stock.policy.abc"].create(
        [{"product_id": product.id, "warehouse_id": warehouse.id, "value_class": p.velocity_hint,
          "lines_class": p.velocity_hint, "xyz_class": "X"}
         for p, product in zip(sc.products, products, strict=True)]
    )  # fmt: skip
    by_code = dict(zip((p.default_code for p in sc.products), products, strict=True))
    quants = env["stock.quant"]
    for q in sc.quants:
        if q.qty > 0 and q.bin_name in bins:
            quants._update_available_quantity(by_code[q.product_code], bins[q.bin_name], q.qty)
    warehouse.action_wms_compute_travel()
    return warehouse, by_code, categories, hazmat


def _standard_rules(env, warehouse, categories, hazmat):
    """Odoo's put-away rules by storage category, in the order they are tried."""
    stock = warehouse.lot_stock_id
    rules = [("HAZ", hazmat.id), ("FLOW", False), ("PALLET", False)]
    env["stock.putaway.rule"].create(
        [{"location_in_id": stock.id, "location_out_id": stock.id, "sequence": seq,
          "storage_category_id": categories[code], "category_id": categ}
         for seq, (code, categ) in enumerate(rules, start=1)]
    )  # fmt: skip


def _receive(env, warehouse, products, items):
    """Confirm one receipt line at a time; seconds per line and the move lines written."""
    stock = warehouse.lot_stock_id
    vendors = env.ref("stock.stock_location_suppliers")
    picking = env["stock.picking"].create(
        {"picking_type_id": warehouse.in_type_id.id, "location_id": vendors.id,
         "location_dest_id": stock.id,
         "move_ids": [(0, 0, {"name": "bench", "product_id": products[i.product_id].id,
                              "product_uom_qty": i.qty, "location_id": vendors.id,
                              "location_dest_id": stock.id}) for i in items]}
    )  # fmt: skip
    env.flush_all()
    times = []
    for move in picking.move_ids.sorted("id"):
        started = time.perf_counter()
        move._action_confirm(merge=False)
        env.flush_all()
        times.append(time.perf_counter() - started)
    return times, picking.move_line_ids


def _quality(env, lines, velocity):
    """A units in golden forward bins and their walk, units in a bin, bins over capacity,
    and (A products with a forward bin, those with a golden-zone one)."""
    placed = lines.filtered(lambda ml: ml.location_dest_id.wms_aisle_id)
    a_units = a_golden = a_walk = 0.0
    faces: dict[int, set[bool]] = {}
    for line in placed.filtered(lambda ml: velocity[ml.product_id.id] == "A"):
        bin_ = line.location_dest_id
        golden = 0.5 <= bin_.wms_z_m <= 1.5
        a_units += line.quantity
        a_walk += line.quantity * bin_.wms_travel_from_pack_m
        a_golden += line.quantity * (bin_.wms_zone_kind == "forward" and golden)
        if bin_.wms_zone_kind == "forward":
            faces.setdefault(line.product_id.id, set()).add(golden)
    load = defaultdict(lambda: [0.0, 0.0])
    bins = placed.location_dest_id
    quants = env["stock.quant"].search([("location_id", "in", bins.ids)])
    for where, product, qty in [(q.location_id, q.product_id, q.quantity) for q in quants] + [
        (ml.location_dest_id, ml.product_id, ml.quantity) for ml in placed
    ]:
        load[where][0] += qty * product.volume
        load[where][1] += qty * product.weight
    over = sum(
        1
        for where, (volume, weight) in load.items()
        if volume > (where.storage_category_id.wms_max_volume_m3 or 1e9) + 1e-9
        or weight > (where.storage_category_id.max_weight or 1e9) + 1e-9
    )
    a = max(a_units, 1.0)
    units = sum(placed.mapped("quantity"))
    face = (len(faces), sum(True in k for k in faces.values()))
    return a_golden / a, a_walk / a, units, sum(lines.mapped("quantity")), over, face


def run_in_odoo(size: str, bench_warehouse) -> Result:
    odoo, registry = _environment()
    sc = scenario.generate(size=size)
    items = bench_warehouse.items[:ODOO_LINES]
    velocity_of = {i: p.velocity_hint for i, p in enumerate(sc.products)}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            started = time.perf_counter()
            warehouse, by_code, categories, hazmat = _load_warehouse(env, sc)
            products = {i: by_code[p.default_code] for i, p in enumerate(sc.products)}
            velocity = {products[i].id: v for i, v in velocity_of.items()}
            print(f"through Odoo: {len(sc.bins)} locations built in "
                  f"{time.perf_counter() - started:.0f} s; {len(items)} receipt lines")  # fmt: skip
            figures = {}
            for name in ("ours", "ours before", "odoo-standard"):
                cr.execute("SAVEPOINT bench_putaway")
                before = mock.patch.dict(putaway.GOLDEN_PREFERENCE_M, BEFORE_GOLDEN_M)
                if name.startswith("ours"):
                    warehouse.wms_directed_putaway = True
                else:
                    warehouse.wms_directed_putaway = False
                    _standard_rules(env, warehouse, categories, hazmat)
                if name == "ours before":
                    before.start()
                try:
                    times, lines = _receive(env, warehouse, products, items)
                finally:
                    if name == "ours before":
                        before.stop()
                quality = _quality(env, lines, velocity)
                figures[name] = (np.percentile(times, 95) * 1000, *quality)
                cr.execute("ROLLBACK TO SAVEPOINT bench_putaway")
                env.invalidate_all()
            for name, (p95, golden, walk, units, total, over, face) in figures.items():
                print(
                    f"  {name:16}: p95 {p95:7.1f} ms/line | A units in golden forward bins "
                    f"{golden:5.1%}, walk {walk:5.1f} m | bins over capacity {over:3d} | "
                    f"units placed in a bin {units:,.0f} of {total:,.0f} | A products with a "
                    f"golden-zone face {face[1]} of {face[0]} with a forward bin"
                )
        finally:
            cr.rollback()
    return Result(figures["ours"][2], "ours before", figures["ours before"][2], "m A-unit walk")
