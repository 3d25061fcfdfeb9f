# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import post_valued_move


@tagged("post_install", "-at_install")
class TestAgeingTour(HttpCase):
    def test_planner_computes_and_reads_the_ageing_in_the_browser(self):
        env = self.env
        new_test_user(env, login="plan_tour", groups="stock_policy.group_inventory_planner")
        warehouse = env["stock.warehouse"].create({"name": "Tour Ageing DC", "code": "TAG"})
        category = env["product.category"].create(
            {"name": "Tour FIFO", "property_cost_method": "fifo",
             "property_valuation": "manual_periodic"}
        )  # fmt: skip
        bolts = env["product.product"].create(
            {"name": "Tour Hex Bolts", "is_storable": True, "categ_id": category.id}
        )
        supplier = env.ref("stock.stock_location_suppliers")
        now = fields.Datetime.now()
        for qty, price, days in ((10, 5.0, 200), (5, 7.0, 10)):
            post_valued_move(env, bolts, qty, supplier, warehouse.lot_stock_id, price,
                             now - timedelta(days=days))  # fmt: skip
        self.start_tour("/odoo/action-stock_policy.action_stock_policy_ageing",
                        "stock_policy_ageing", login="plan_tour")  # fmt: skip
        row = env["stock.policy.ageing"].search([("product_id", "=", bolts.id)])
        self.assertEqual((row.qty, row.value, row.value_over_180, row.value_0_30),
                         (15.0, 85.0, 50.0, 35.0))  # fmt: skip
