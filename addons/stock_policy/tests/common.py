# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from ..models.site_clock.res_company import site_today


def planning_setup(cls, login, warehouse_name, code, vendor_name):
    """A purchase-planner user, a warehouse, a vendor and a 95% weekly profile for that
    warehouse, set on the test class ``cls``."""
    cls.planner = new_test_user(
        cls.env,
        login=login,
        groups="stock_policy.group_inventory_planner,purchase.group_purchase_user",
    )
    cls.warehouse = cls.env["stock.warehouse"].create({"name": warehouse_name, "code": code})
    cls.vendor = cls.env["res.partner"].create({"name": vendor_name})
    cls.profile = cls.env["stock.policy.profile"].create(
        {"name": "Test 95", "service_level": 95.0, "review_period_days": 7,
         "warehouse_ids": [(6, 0, cls.warehouse.ids)]}
    )  # fmt: skip


def bought_product(env, vendor, name, delay, min_qty=0.0, pack=None):
    """A storable product bought from ``vendor`` (``delay`` days, minimum ``min_qty``),
    in purchase packs of ``pack`` units when given."""
    product = env["product.product"].create(
        {
            "name": name,
            "is_storable": True,
            "route_ids": [(4, env.ref("purchase_stock.route_warehouse0_buy").id)],
            "seller_ids": [(0, 0, {"partner_id": vendor.id, "delay": delay, "min_qty": min_qty})],
        }
    )
    if pack:
        env["product.packaging"].create(
            {"name": f"Box of {pack}", "product_id": product.id, "qty": pack, "purchase": True}
        )
    return product


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


#: a site a day ahead of UTC (+14 h) and a user a day behind it (-11 h): their days differ
#: at every hour, so a test of "the site's day, not the reader's" can fail whenever it runs
SITE_AHEAD_TZ = "Pacific/Kiritimati"
USER_BEHIND_TZ = "Pacific/Pago_Pago"


def far_from_site(warehouse, *users):
    """Put ``warehouse`` on its own address in :data:`SITE_AHEAD_TZ` and ``users`` in
    :data:`USER_BEHIND_TZ`; returns the site's day, which differs from each user's."""
    env = warehouse.env
    warehouse.partner_id = env["res.partner"].create(
        {"name": f"{warehouse.name} site", "tz": SITE_AHEAD_TZ}
    )
    for user in users:
        user.tz = USER_BEHIND_TZ
    today = warehouse._site_today()
    assert site_today(USER_BEHIND_TZ) != today, "the user's day is the site's"
    return today
