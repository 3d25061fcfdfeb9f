# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestScanReplenish(WmsCase):
    """A top-up on the scan screen: from the reserve bin to the forward slot scanned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        forward_zone = env["wms.zone"].create(
            {"name": "Forward", "code": "FWD", "kind": "forward", "warehouse_id": wh.id}
        )
        cls.slot = env["stock.location"].create(
            {"name": "F01-01", "barcode": "F0101", "location_id": wh.lot_stock_id.id,
             "usage": "internal", "wms_zone_id": forward_zone.id}
        )  # fmt: skip
        cls.bin_far.barcode = "R0112"
        cls.product = env["product.product"].create(
            {"name": "Shop Towels", "is_storable": True, "barcode": "0840000000057"}
        )
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_far, 30)
        cls.topup = env["stock.picking"].create(
            {"picking_type_id": wh.int_type_id.id, "location_id": wh.lot_stock_id.id,
             "location_dest_id": wh.lot_stock_id.id, "origin": "Replenishment",
             "move_ids": [(0, 0, {"name": "Top-up", "product_id": cls.product.id,
                                  "product_uom_qty": 12, "location_id": cls.bin_far.id,
                                  "location_dest_id": cls.slot.id,
                                  "wms_replenish_reason": "below min"})]}
        )  # fmt: skip
        cls.topup.action_confirm()
        cls.topup.action_assign()
        cls.topup.move_line_ids.location_dest_id = cls.slot
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def _in(self, location):
        return self.product.with_context(location=location.id).qty_available

    def test_the_top_up_posts_into_the_scanned_slot_only(self):
        listed = [p["id"] for g in self.scan.open_work("replenish") for p in g["pickings"]]
        self.assertIn(self.topup.id, listed)
        line = self.scan.take_line(self.topup.id)
        self.assertEqual(line["location_dest_barcode"], "F0101")
        wrong = self.scan.replenish_confirm(
            line["line_id"], "R0112", "0840000000057", 12, "R0112", "t1"
        )
        self.assertIn("Wrong slot", wrong["error"])
        self.assertEqual(self._in(self.slot), 0)
        done = self.scan.replenish_confirm(
            line["line_id"], "R0112", "0840000000057", 12, "F0101", "t2"
        )
        self.assertTrue(done["ok"], done)
        self.assertEqual((self._in(self.slot), self._in(self.bin_far)), (12, 18))
        event = self.env["wms.event"].search([("picking_id", "=", self.topup.id)])
        self.assertEqual((event.event_type, event.quantity), ("replenishment", 12))
        self.assertTrue(done["next"]["done"])
