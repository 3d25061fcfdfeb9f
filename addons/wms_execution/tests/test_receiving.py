# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase


class ReceivingCase(WmsCase):
    """A warehouse routing its receipts: QC and hold areas beside stock, cross-dock
    staging inside it, a vendor and a product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        beside = {"usage": "internal", "location_id": wh.view_location_id.id}
        cls.qc_loc = env["stock.location"].create({"name": "QC", **beside})
        cls.hold_loc = env["stock.location"].create({"name": "HOLD", **beside})
        cls.xd_loc = env["stock.location"].create(
            {"name": "XD", "usage": "internal", "location_id": wh.lot_stock_id.id}
        )
        env["wms.zone"].create(
            [
                {"name": n, "code": n, "kind": k, "warehouse_id": wh.id, "location_id": loc.id}
                for n, k, loc in (("QC", "qc", cls.qc_loc), ("HOLD", "hold", cls.hold_loc),
                                  ("XD", "crossdock", cls.xd_loc))
            ]
        )  # fmt: skip
        wh.wms_receiving_rules = True
        wh.out_type_id.auto_batch = wh.in_type_id.auto_batch = False
        cls.vendor = env["res.partner"].create({"name": "Delta Fasteners"})
        cls.product = env["product.product"].create(
            {"name": "Anchor Bolt 1/2 in", "is_storable": True}
        )

    def _picking(self, picking_type, source, dest, qty, **move):
        picking = self.env["stock.picking"].create(
            {"picking_type_id": picking_type.id, "location_id": source.id,
             "location_dest_id": dest.id, "partner_id": self.vendor.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": self.product.id,
                                  "product_uom_qty": qty, "location_id": source.id,
                                  "location_dest_id": dest.id, **move})]}
        )  # fmt: skip
        picking.action_confirm()
        picking.action_assign()
        return picking

    def _receive(self, qty, **move):
        vendors = self.env.ref("stock.stock_location_suppliers")
        receipt = self._picking(
            self.warehouse.in_type_id, vendors, self.warehouse.lot_stock_id, qty, **move
        )
        receipt.move_ids.picked = True
        receipt.with_user(self.operator).button_validate()
        return receipt

    def _on_hand(self, location):
        return sum(
            self.env["stock.quant"]
            .search([("product_id", "=", self.product.id), ("location_id", "=", location.id)])
            .mapped("quantity")
        )


@tagged("post_install", "-at_install")
class TestReceivingRules(ReceivingCase):
    """A receipt is split by rule into hold, QC, cross-dock and put-away."""

    def test_a_first_receipt_goes_to_qc_and_is_not_reserved_for_customers(self):
        receipt = self._receive(10)
        self.assertEqual(receipt.state, "done")
        self.assertEqual(self._on_hand(self.qc_loc), 10)
        self.assertIn("first receipt", receipt.move_ids.wms_route_reason)
        customers = self.env.ref("stock.stock_location_customers")
        order = self._picking(self.warehouse.out_type_id, self.warehouse.lot_stock_id,
                              customers, 4)  # fmt: skip
        self.assertEqual(order.state, "confirmed", "nothing in QC is reserved")

    def test_damaged_to_hold_waiting_orders_cross_docked_the_rest_put_away(self):
        self._receive(1)  # the product's first receipt: to QC
        customers = self.env.ref("stock.stock_location_customers")
        order = self._picking(self.warehouse.out_type_id, self.warehouse.lot_stock_id,
                              customers, 5)  # fmt: skip
        receipt = self._receive(30, wms_damaged_qty=2)
        self.assertEqual(self._on_hand(self.hold_loc), 2)
        self.assertEqual(self._on_hand(self.xd_loc), 5)
        self.assertIn("5 to cross-dock", receipt.move_ids.wms_route_reason)
        self.assertEqual(order.state, "assigned")
        self.assertEqual(order.move_line_ids.location_id, self.xd_loc)
        order.move_ids.picked = True
        order._action_done()
        self.assertEqual(self._on_hand(self.xd_loc), 0)
        self.assertEqual(self._on_hand(self.warehouse.lot_stock_id), 23, "the rest put away")
