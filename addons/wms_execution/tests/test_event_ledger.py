# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestEventLedger(WmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Nitrile Gloves L (100)", "is_storable": True, "barcode": "4006381333931"}
        )
        cls.vendor = cls.env["res.partner"].create({"name": "Midwest Safety Supply"})

    def _transfer(self, ptype, source, dest, qty, dest_line=None):
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": ptype.id,
                "partner_id": self.vendor.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "move_ids": [
                    (0, 0, {"name": self.product.name, "product_id": self.product.id,
                            "product_uom_qty": qty, "location_id": source.id,
                            "location_dest_id": dest.id})
                ],
            }
        )  # fmt: skip
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.quantity = qty
        if dest_line:
            picking.move_line_ids.location_dest_id = dest_line
        picking.move_ids.picked = True
        picking.with_user(self.operator).button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def _receive(self, qty):
        supplier = self.env.ref("stock.stock_location_suppliers")
        return self._transfer(self.warehouse.in_type_id, supplier, self.warehouse.lot_stock_id, qty)

    def test_validating_a_receipt_records_who_received_what(self):
        receipt = self._receive(40)
        event = self.env["wms.event"].search([("picking_id", "=", receipt.id)])
        self.assertEqual(event.event_type, "receipt")
        self.assertEqual(event.operator_id, self.operator)
        self.assertEqual(event.quantity, 40)
        self.assertEqual(event.product_id, self.product)
        self.assertEqual(event.warehouse_id, self.warehouse)

    def test_moving_stock_into_a_reserve_bin_is_a_putaway(self):
        self._receive(40)
        stock = self.warehouse.lot_stock_id
        move = self._transfer(self.warehouse.int_type_id, stock, stock, 40, self.bin_far)
        event = self.env["wms.event"].search([("picking_id", "=", move.id)])
        self.assertEqual(event.event_type, "putaway")
        self.assertEqual(event.location_dest_id, self.bin_far)
        self.assertIn("reserve storage", event.reason)

    def test_a_retried_posting_is_recorded_once(self):
        receipt = self._receive(5)
        receipt.move_line_ids._wms_log_handoffs()
        self.assertEqual(self.env["wms.event"].search_count([("picking_id", "=", receipt.id)]), 1)

    def test_nobody_on_the_floor_can_rewrite_the_ledger(self):
        receipt = self._receive(5)
        event = self.env["wms.event"].search([("picking_id", "=", receipt.id)])
        admin = self.env.ref("base.user_admin")
        for user in (self.operator, self.supervisor, admin):
            with self.assertRaisesRegex(UserError, "append-only"):
                event.with_user(user).write({"quantity": 50})
        for user in (self.operator, self.supervisor):
            with self.assertRaises(AccessError):
                event.with_user(user).unlink()
        self.assertEqual(event.quantity, 5)
