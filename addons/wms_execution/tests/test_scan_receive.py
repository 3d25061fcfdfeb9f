# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestScanReceive(WmsCase):
    """Receiving on the scan screen: the receipt found by its ASN, counts checked against
    it, closing posts what was counted and leaves the rest in a backorder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        wh.in_type_id.auto_batch = False
        cls.gloves, cls.tape = env["product.product"].create(
            [{"name": "Nitrile Gloves L", "is_storable": True, "barcode": "0840000000019"},
             {"name": "Duct Tape 50 m", "is_storable": True, "barcode": "0840000000026"}]
        )  # fmt: skip
        env["product.product"].create(
            {"name": "Spray Paint", "is_storable": True, "barcode": "0840000000057"}
        )
        vendor = env["res.partner"].create({"name": "Gulf Safety Supply"})
        order = env["purchase.order"].create(
            {"partner_id": vendor.id, "partner_ref": "ASN-7781",
             "picking_type_id": wh.in_type_id.id,
             "order_line": [(0, 0, {"product_id": p.id, "product_qty": q, "price_unit": 2.0})
                            for p, q in ((cls.gloves, 5), (cls.tape, 4))]}
        )  # fmt: skip
        order.button_confirm()
        cls.receipt = order.picking_ids
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def _on_hand(self, product):
        return product.with_context(warehouse_id=self.warehouse.id).qty_available

    def test_the_receipt_is_found_by_the_vendors_delivery_note(self):
        found = self.scan.find_transfer("receive", "ASN-7781")
        self.assertEqual(found["id"], self.receipt.id)
        self.assertFalse(self.scan.find_transfer("receive", "ASN-0000")["ok"])
        work = self.scan.open_work("receive")
        listed = [p["id"] for group in work for p in group["pickings"]]
        self.assertIn(self.receipt.id, listed)

    def test_counts_are_checked_and_closing_posts_them_with_a_backorder(self):
        rid = self.receipt.id
        over = self.scan.receive_count(rid, "0840000000019", 6, 0, "r1")
        self.assertIn("Quantity over", over["error"])
        wrong = self.scan.receive_count(rid, "0840000000057", 1, 0, "r2")
        self.assertIn("Wrong product: Spray Paint is not on", wrong["error"])
        unknown = self.scan.receive_count(rid, "NOPE-1", 1, 0, "r3")
        self.assertIn("Unknown barcode NOPE-1", unknown["error"])
        self.assertTrue(self.scan.receive_count(rid, "0840000000019", 5, 0, "r4")["ok"])
        counted = self.scan.receive_count(rid, "0840000000026", 3, 0, "r5")
        self.assertIn("(1.0 short)", counted["message"])
        self.assertEqual(self._on_hand(self.gloves), 0, "a count alone posts nothing")
        closed = self.scan.receive_close(rid, "r6")
        self.assertTrue(closed["ok"], closed)
        self.assertEqual(self.receipt.state, "done")
        self.assertEqual((self._on_hand(self.gloves), self._on_hand(self.tape)), (5, 3))
        backorder = self.receipt.backorder_ids
        self.assertEqual(closed["backorder"], backorder.name)
        self.assertEqual(backorder.move_ids.product_id, self.tape)
        self.assertEqual(backorder.move_ids.product_uom_qty, 1)
        events = self.env["wms.event"].search([("picking_id", "=", rid)])
        self.assertEqual(sorted(events.mapped("quantity")), [3, 5])
        self.assertEqual(set(events.mapped("event_type")), {"receipt"})

    def test_closing_twice_posts_once_and_closing_uncounted_is_refused(self):
        refused = self.scan.receive_close(self.receipt.id, "r7")
        self.assertIn("Count at least one line", refused["error"])
        self.scan.receive_count(self.receipt.id, "0840000000019", 5, 0, "r8")
        first = self.scan.receive_close(self.receipt.id, "r9")
        again = self.scan.receive_close(self.receipt.id, "r9")
        self.assertEqual(first, again)
        self.assertEqual(self._on_hand(self.gloves), 5)
