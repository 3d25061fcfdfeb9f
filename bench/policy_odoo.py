"""The nightly policy run inside Odoo 18, on the large scenario's catalogue and history.

Needs Odoo's Python (``ODOO_SRC`` on ``PYTHONPATH``, or an importable ``odoo``) and an
existing database with ``stock_policy`` installed, named by ``STOCKOPS_BENCH_DB``
(PostgreSQL from ``PGHOST``/``PGPORT``/``PGUSER``/``PGPASSWORD``). Everything runs in one
transaction that is rolled back: the database is left as it was.

Setup (not timed): a new warehouse; the scenario's products (10,000 at ``large``) with a
vendor each; its six months of deliveries as done customer moves, one per product and
week; the 80 weeks before them as imported weekly demand. Ours: ``stock.policy.run`` over
the warehouse in its chunks of 500 (one bulk read, one engine call, one bulk write per
chunk), every product planned and its reorder rule written; the first run creates the
rules, the nightly run after it updates them and is the figure reported. Baseline: the same run one
product per chunk, which is what a per-record adapter does, timed on a sample of products
and scaled to the catalogue.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

from bench.result import Result
from stockops import scenario

BASELINE_SAMPLE = 150
ADDONS = Path(__file__).resolve().parent.parent / "addons"


def _environment():
    import odoo  # only this benchmark needs Odoo
    from odoo.tools import config

    db = os.environ.get("STOCKOPS_BENCH_DB")
    if not db:
        raise SystemExit("set STOCKOPS_BENCH_DB to a database with stock_policy installed")
    args = ["-d", db, f"--addons-path={','.join([*odoo.addons.__path__, str(ADDONS)])}"]
    for option, variable in (
        ("db_host", "PGHOST"),
        ("db_port", "PGPORT"),
        ("db_user", "PGUSER"),
        ("db_password", "PGPASSWORD"),
    ):
        if os.environ.get(variable):
            args.append(f"--{option}={os.environ[variable]}")
    config.parse_config(args)
    registry = odoo.modules.registry.Registry(db)
    return odoo, registry


def _load(env, sc):
    """The scenario's products, vendors, weekly deliveries and imported weeks."""
    warehouse = env["stock.warehouse"].create({"name": "Bench DC", "code": "BNCH"})
    vendors = env["res.partner"].create([{"name": v.name} for v in sc.vendors])
    vendor_of = {v.code: partner for v, partner in zip(sc.vendors, vendors, strict=True)}
    promised = {v.code: v.promised_lead_time_days for v in sc.vendors}
    products = env["product.product"].create(
        [
            {
                "name": p.name,
                "default_code": f"B-{p.default_code}",
                "is_storable": True,
                "seller_ids": [
                    (
                        0,
                        0,
                        {
                            "partner_id": vendor_of[p.vendor_code].id,
                            "delay": promised[p.vendor_code],
                        },
                    )
                ],
            }
            for p in sc.products
        ]
    )
    by_code = {p.default_code: product for p, product in zip(sc.products, products, strict=True)}
    weekly = defaultdict(float)
    for delivery in sc.deliveries:
        monday = delivery.date - timedelta(days=delivery.date.weekday())
        for line in delivery.lines:
            if line.shipped_qty:
                weekly[line.product_code, monday] += line.shipped_qty
    customers = env.ref("stock.stock_location_customers")
    env["stock.move"].create(
        [
            {
                "name": "history",
                "product_id": by_code[code].id,
                "product_uom_qty": qty,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": customers.id,
                "state": "done",
                "date": datetime.combine(monday, clock(12)),
            }
            for (code, monday), qty in weekly.items()
        ]
    )
    env["stock.policy.legacy.demand"].create(
        [
            {
                "product_id": by_code[w.product_code].id,
                "warehouse_id": warehouse.id,
                "week_start": w.week_start,
                "qty": w.qty,
            }
            for w in sc.legacy_demand
        ]
    )
    env.flush_all()
    return warehouse, len(weekly), len(sc.legacy_demand)


def run(size: str) -> Result:
    odoo, registry = _environment()
    sc = scenario.generate(size=size)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            started = time.perf_counter()
            warehouse, moves, imported = _load(env, sc)
            print(
                f"setup: {len(sc.products)} products, {moves} weekly delivery moves, "
                f"{imported} imported weeks in {time.perf_counter() - started:.0f} s"
            )
            runs = env["stock.policy.run"]
            for label in ("first run (creates the rules)", "nightly run (updates them)"):
                queries = cr.sql_log_count
                started = time.perf_counter()
                result = runs._execute(warehouse)
                ours_s = time.perf_counter() - started
                queries = cr.sql_log_count - queries
                print(
                    f"  {label:31}: {ours_s:6.1f} s, {queries} queries, "
                    f"{result.planned_count} planned, {result.skipped_count} skipped"
                )
            sample = runs._products_to_plan(warehouse)[:BASELINE_SAMPLE]
            scopes = runs._profile_scopes()
            started = time.perf_counter()
            for product in sample:
                result._plan_chunk_safely(warehouse, product, scopes)
            per_product = (time.perf_counter() - started) / len(sample)
            baseline_s = per_product * result.planned_count
            print(
                f"  one product per chunk          : {per_product * 1000:8.1f} ms a product "
                f"(sample of {len(sample)}) -> {baseline_s:.0f} s for the catalogue"
            )
        finally:
            cr.rollback()
    return Result(ours_s, "one-product-per-chunk", baseline_s, "s")
