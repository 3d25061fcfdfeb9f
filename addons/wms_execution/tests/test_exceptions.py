# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestExceptions(WmsCase):
    """A short pick opens an exception (and a count); re-allocation finds another bin."""

    def test_short_pick_opens_an_exception_that_reallocates_and_closes_with_a_reason(self):
        env = self.env
        product = env["product.product"].create({"name": "Grease Gun 14 oz", "is_storable": True})
        env["stock.quant"]._update_available_quantity(product, self.bin_near, 5)
        customers = env.ref("stock.stock_location_customers")
        self.warehouse.out_type_id.auto_batch = False
        order = env["stock.picking"].create(
            {"picking_type_id": self.warehouse.out_type_id.id,
             "location_id": self.warehouse.lot_stock_id.id, "location_dest_id": customers.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": product.id, "product_uom_qty": 5,
                                  "location_id": self.warehouse.lot_stock_id.id,
                                  "location_dest_id": customers.id})]}
        )  # fmt: skip
        order.action_confirm()
        order.action_assign()
        order.move_ids.quantity = 3  # the picker finds 3
        order.move_ids.picked = True
        order.with_user(self.operator)._action_done()
        exc = env["wms.exception"].search([("product_id", "=", product.id)])
        self.assertEqual(
            (exc.kind, exc.quantity, exc.location_id), ("short_pick", 2, self.bin_near)
        )
        quant = env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", self.bin_near.id)]
        )
        self.assertIn("Short pick", quant.policy_count_trigger or "")
        env["stock.quant"]._update_available_quantity(product, self.bin_far, 10)
        # units already picked wait at packing, in the warehouse but outside its stock:
        # never re-allocated to the pick, however old they are
        packing = env["stock.location"].create(
            {"name": "Packing Zone", "location_id": self.warehouse.view_location_id.id}
        )
        env["stock.quant"]._update_available_quantity(
            product, packing, 4, in_date=fields.Datetime.subtract(fields.Datetime.now(), days=9)
        )
        exc.with_user(self.supervisor).action_reallocate()
        self.assertIn("R01-12-1L", exc.resolution)
        backorder = order.backorder_ids
        self.assertEqual(backorder.move_line_ids.location_id, self.bin_far)
        with self.assertRaises(UserError):
            exc.with_user(self.supervisor).action_close()
        exc.closing_reason = "reallocated"
        exc.with_user(self.supervisor).action_close()
        self.assertEqual(exc.state, "resolved")
