# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestPackCheck(WmsCase):
    """A carton whose weight is off its expected weight is stopped."""

    def test_wrong_weight_stops_the_carton_until_a_supervisor_releases_it(self):
        env, wh = self.env, self.warehouse
        box = env["stock.package.type"].create(
            {"name": "Box M", "base_weight": 0.5, "wms_weight_tolerance_pct": 5.0}
        )
        product = env["product.product"].create(
            {"name": "Bench Vise 6 in", "is_storable": True, "weight": 2.0}
        )
        env["stock.quant"]._update_available_quantity(product, self.bin_near, 10)
        customers = env.ref("stock.stock_location_customers")
        wh.out_type_id.auto_batch = False
        order = env["stock.picking"].create(
            {"picking_type_id": wh.out_type_id.id, "location_id": wh.lot_stock_id.id,
             "location_dest_id": customers.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": product.id, "product_uom_qty": 3,
                                  "location_id": wh.lot_stock_id.id,
                                  "location_dest_id": customers.id})]}
        )  # fmt: skip
        order.action_confirm()
        order.action_assign()
        order.move_ids.picked = True
        order.action_put_in_pack()
        package = order.move_line_ids.result_package_id
        package.package_type_id = box
        self.assertAlmostEqual(package.wms_expected_weight, 6.5)
        self.assertFalse(package.with_user(self.operator).action_wms_weigh(8.0))
        self.assertEqual(package.wms_pack_state, "stopped")
        exc = env["wms.exception"].search([("picking_id", "=", order.id)])
        self.assertEqual(exc.kind, "weight_mismatch")
        with self.assertRaises(UserError):
            order.with_user(self.operator).button_validate()
        with self.assertRaises(UserError):
            package.with_user(self.operator).action_wms_release()
        self.assertTrue(package.with_user(self.operator).action_wms_weigh(6.6))
        order.with_user(self.operator).button_validate()
        self.assertEqual(order.state, "done")

    def test_a_reading_typed_on_the_form_is_checked(self):
        box = self.env["stock.package.type"].create({"name": "Box S", "base_weight": 1.0})
        package = self.env["stock.quant.package"].create({"package_type_id": box.id})
        package.with_user(self.operator).wms_measured_weight = 1.02
        self.assertEqual(package.wms_pack_state, "verified")
