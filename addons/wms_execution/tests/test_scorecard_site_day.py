# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The scorecard's days are the site's: an order shipped now counts in the site's today,
whatever the zone of the supervisor who refreshes the figures."""

from odoo.addons.stock_policy.tests.common import far_from_site
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestScorecardSiteDay(WmsCase):
    def test_an_order_shipped_now_counts_in_the_sites_today(self):
        env, wh = self.env, self.warehouse
        product = env["product.product"].create({"name": "Shop Rag (50)", "is_storable": True})
        env["stock.quant"]._update_available_quantity(product, self.bin_near, 20)
        customers = env.ref("stock.stock_location_customers")
        order = env["stock.picking"].create(
            {"picking_type_id": wh.out_type_id.id, "location_id": wh.lot_stock_id.id,
             "location_dest_id": customers.id,
             "move_ids": [(0, 0, {"name": product.name, "product_id": product.id,
                                  "product_uom_qty": 10, "location_id": wh.lot_stock_id.id,
                                  "location_dest_id": customers.id})]}
        )  # fmt: skip
        order.action_confirm()
        order.action_assign()
        order.move_ids.quantity = 8
        order.move_ids.picked = True
        order.with_context(cancel_backorder=True)._action_done()
        today = far_from_site(wh, self.supervisor)

        figures = env["wms.kpi.value"].with_user(self.supervisor)._compute(wh, kinds=("day",))
        fill = figures.filtered(lambda f: f.kpi == "fill_rate" and f.date_start == today)
        self.assertAlmostEqual(fill.value, 0.8, msg="8 of 10 shipped today, on the site")
