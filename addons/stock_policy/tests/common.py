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


def post_valued_move(env, product, qty, source, dest, price, when):
    """A done, valued move dated ``when`` (its valuation layer too): stock of a known age."""
    move = env["stock.move"].create(
        {"name": product.name, "product_id": product.id, "product_uom_qty": qty,
         "location_id": source.id, "location_dest_id": dest.id, "price_unit": price}
    )  # fmt: skip
    move._action_confirm()
    move._action_assign()
    move.quantity = qty
    move.picked = True
    move._action_done()
    # pending ORM writes (the move's own date) must land before the back-dating, not after
    env.flush_all()
    env.cr.execute("UPDATE stock_move SET date = %s WHERE id = %s", [when, move.id])
    layer = move.stock_valuation_layer_ids
    env.cr.execute(
        "UPDATE stock_valuation_layer SET create_date = %s WHERE id IN %s",
        [when, tuple(layer.ids)],
    )
    env.invalidate_all()
    return layer
