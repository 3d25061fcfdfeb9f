# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields


def ship(env, warehouse, product, dated_quantities):
    """Done customer moves out of ``warehouse`` on the given (day, qty): the history the
    policy reads."""
    customers = env.ref("stock.stock_location_customers")
    return env["stock.move"].create(
        [
            {"name": product.name, "product_id": product.id, "product_uom_qty": qty,
             "location_id": warehouse.lot_stock_id.id, "location_dest_id": customers.id,
             "state": "done",
             "date": fields.Datetime.to_datetime(day) + timedelta(hours=10)}
            for day, qty in dated_quantities
        ]
    )  # fmt: skip
