"""Valuation and ageing, ABC and the count plan inside Odoo 18, on 10,000 products (large).

Needs Odoo's Python and ``STOCKOPS_BENCH_DB``, a database with ``stock_policy`` installed,
as ``policy_odoo`` does; everything runs in one transaction that is rolled back.

Setup (not timed): a warehouse, the products (FIFO, manual valuation), 20 valued receipts
a product spread over the last 400 days (200,000 remaining valuation layers at ``large``),
each with its done move, the quant holding what the layers hold, and a done delivery a
product; inserted in bulk with SQL, as a migration would.

Ours: ``stock.policy.ageing._compute_ageing`` for the company (one read per signal, the
engine on all layers at once, one write), then the ABC classification and the count plan
of the warehouse. Baseline: a plain ``read_group`` per product, what a report adapter
asking the ORM product by product does: its remaining layers grouped by day, its quants,
its last delivery, bucketed in Python; timed on a sample and scaled to the catalogue.
"""

from __future__ import annotations

import time
from datetime import datetime

from bench.policy_odoo import _environment
from bench.result import Result
from stockops.policy.ageing import DEFAULT_BOUNDS_DAYS

SIZES = {"small": 1_000, "default": 5_000, "large": 10_000}
LAYERS_PER_PRODUCT = 20
BASELINE_SAMPLE = 200


def _load(env, n_products):
    warehouse = env["stock.warehouse"].create({"name": "Bench Ageing DC", "code": "BAGE"})
    category = env["product.category"].create(
        {
            "name": "Bench FIFO",
            "property_cost_method": "fifo",
            "property_valuation": "manual_periodic",
        }
    )
    products = env["product.product"].create(
        [
            {"name": f"Bench Part {i:05d}", "is_storable": True, "categ_id": category.id,
             "standard_price": 2.0 + i % 97}
            for i in range(n_products)
        ]
    )  # fmt: skip
    env.flush_all()
    cr = env.cr
    params = {
        "company": env.company.id,
        "uom": env.ref("uom.product_uom_unit").id,
        "supplier": env.ref("stock.stock_location_suppliers").id,
        "customer": env.ref("stock.stock_location_customers").id,
        "stock": warehouse.lot_stock_id.id,
        "warehouse": warehouse.id,
        "products": products.ids,
        "layers": LAYERS_PER_PRODUCT,
        "uid": env.uid,
    }
    # one receipt move per layer: product p, layer k received (k * 20 + p % 17) days ago
    cr.execute(
        """
        CREATE TEMP TABLE bench_layer ON COMMIT DROP AS
        SELECT p.id AS product_id, k, 3 + (p.id + k) %% 11 AS qty,
               2.0 + p.id %% 97 + k * 0.05 AS cost,
               now() at time zone 'UTC' - make_interval(days => k * 20 + p.id %% 17) AS at
          FROM unnest(%(products)s::int[]) AS p(id), generate_series(0, %(layers)s - 1) AS k;
        WITH moves AS (
            INSERT INTO stock_move (name, company_id, product_id, product_uom_qty, product_qty,
                                    quantity, product_uom, location_id, location_dest_id,
                                    warehouse_id, procure_method, state, date, picked,
                                    price_unit, create_uid, write_uid, create_date, write_date)
            SELECT 'bench receipt ' || k, %(company)s, product_id, qty, qty, qty, %(uom)s,
                   %(supplier)s, %(stock)s, %(warehouse)s, 'make_to_stock', 'done', at, true,
                   cost, %(uid)s, %(uid)s, at, at
              FROM bench_layer ORDER BY product_id, k
         RETURNING id, product_id, date, product_qty, price_unit)
        INSERT INTO stock_valuation_layer (company_id, product_id, stock_move_id, quantity,
                                           unit_cost, value, remaining_qty, remaining_value,
                                           description, create_uid, write_uid, create_date,
                                           write_date)
        SELECT %(company)s, product_id, id, product_qty, price_unit, product_qty * price_unit,
               product_qty, product_qty * price_unit, 'bench', %(uid)s, %(uid)s, date, date
          FROM moves;
        INSERT INTO stock_quant (product_id, company_id, location_id, quantity,
                                 reserved_quantity, in_date, create_uid, write_uid,
                                 create_date, write_date)
        SELECT product_id, %(company)s, %(stock)s, sum(qty), 0, min(at), %(uid)s, %(uid)s,
               now(), now()
          FROM bench_layer GROUP BY product_id;
        INSERT INTO stock_move (name, company_id, product_id, product_uom_qty, product_qty,
                                quantity, product_uom, location_id, location_dest_id,
                                warehouse_id, procure_method, state, date, picked,
                                create_uid, write_uid, create_date, write_date)
        SELECT 'bench delivery', %(company)s, p.id, 2, 2, 2, %(uom)s, %(stock)s,
               %(customer)s, %(warehouse)s, 'make_to_stock', 'done',
               now() at time zone 'UTC' - make_interval(days => p.id %% 300), true,
               %(uid)s, %(uid)s, now(), now()
          FROM unnest(%(products)s::int[]) AS p(id);
        """,
        params,
    )
    env.invalidate_all()
    return warehouse, products


def _per_product(env, product, company, now):
    """The baseline for one product: ORM read_groups, then Python buckets."""
    buckets = [0.0] * (len(DEFAULT_BOUNDS_DAYS) + 1)
    for day, _qty, value in env["stock.valuation.layer"]._read_group(
        [("product_id", "=", product.id), ("company_id", "=", company.id),
         ("remaining_qty", "!=", 0)],
        ["create_date:day"],
        ["remaining_qty:sum", "remaining_value:sum"],
    ):  # fmt: skip
        age = (now - day).days
        buckets[sum(age > bound for bound in DEFAULT_BOUNDS_DAYS)] += value
    env["stock.quant"]._read_group(
        [("product_id", "=", product.id), ("location_id.usage", "=", "internal")],
        ["location_id"],
        ["quantity:sum", "in_date:min"],
    )
    env["stock.move"]._read_group(
        [("product_id", "=", product.id), ("state", "=", "done"),
         ("location_dest_id.usage", "=", "customer")],
        [],
        ["date:max", "product_qty:sum"],
    )  # fmt: skip
    return buckets


def _timed(cr, func):
    queries = cr.sql_log_count
    started = time.perf_counter()
    out = func()
    return time.perf_counter() - started, cr.sql_log_count - queries, out


def run(size: str) -> Result:
    odoo, registry = _environment()
    n_products = SIZES[size]
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            started = time.perf_counter()
            warehouse, products = _load(env, n_products)
            print(
                f"setup: {n_products} products, {n_products * LAYERS_PER_PRODUCT} valuation "
                f"layers in {time.perf_counter() - started:.0f} s"
            )
            company = env.company
            ageing = env["stock.policy.ageing"]
            ours_s, queries, rows = _timed(cr, lambda: ageing._compute_ageing(company))
            mine = rows.filtered(lambda r: r.warehouse_id == warehouse)
            print(f"  ageing, ours         : {ours_s:6.2f} s, {queries} queries, "
                  f"{len(mine)} rows, value {sum(mine.mapped('value')):,.0f}")  # fmt: skip
            abc_s, abc_q, _ = _timed(cr, lambda: env["stock.policy.abc"]._classify(warehouse))
            print(f"  ABC classes          : {abc_s:6.2f} s, {abc_q} queries")
            plan = env["stock.policy.count.plan"]
            plan_s, plan_q, _ = _timed(cr, lambda: plan._plan(warehouse))
            print(f"  count plan           : {plan_s:6.2f} s, {plan_q} queries")
            now = datetime.now()
            sample = products[:BASELINE_SAMPLE]
            started = time.perf_counter()
            for product in sample:
                _per_product(env, product, company, now)
            per_product = (time.perf_counter() - started) / len(sample)
            baseline_s = per_product * n_products
            print(
                f"  read_group a product : {per_product * 1000:8.2f} ms a product (sample of "
                f"{len(sample)}) -> {baseline_s:.1f} s for the catalogue"
            )
        finally:
            cr.rollback()
    return Result(ours_s, "read_group-per-product", baseline_s, "s")
