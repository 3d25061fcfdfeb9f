# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase, reserved_order

FNC1 = "\x1d"


@tagged("post_install", "-at_install")
class TestScanBarcodes(WmsCase):
    """GS1-128 labels through Odoo's nomenclature, and the lot a line must take."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        wh.out_type_id.auto_batch = False
        cls.bin_near.barcode = "R0101"
        cls.product = env["product.product"].create(
            {"name": "Epoxy Adhesive", "is_storable": True, "tracking": "lot",
             "barcode": "0840000000019"}
        )  # fmt: skip
        env["product.packaging"].create(
            {"name": "Case of 12", "product_id": cls.product.id, "qty": 12,
             "barcode": "10840000000016"}
        )  # fmt: skip
        cls.old, cls.new = env["stock.lot"].create(
            [{"name": n, "product_id": cls.product.id} for n in ("EP-2401", "EP-2407")]
        )
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_near, 5, lot_id=cls.old)
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_near, 5, lot_id=cls.new)
        cls.order = reserved_order(env, wh.out_type_id, [(cls.product, cls.bin_near, 2)])
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def test_a_gs1_label_gives_product_lot_quantity_and_expiry(self):
        self.assertEqual(self.scan.resolve("0199999999999997")["type"], "unknown")
        found = self.scan.resolve(f"]C1010084000000001910EP-2407{FNC1}17260630305")
        self.assertEqual((found["type"], found["id"]), ("product", self.product.id))
        self.assertEqual((found["lot"], found["lot_id"]), ("EP-2407", self.new.id))
        self.assertEqual((found["qty"], found["expiry"]), (5.0, "2026-06-30"))

    def test_a_case_gtin_counts_the_case(self):
        found = self.scan.resolve("011084000000001610EP-2401")
        self.assertEqual((found["id"], found["qty"], found["lot"]), (self.product.id, 12.0,
                                                                    "EP-2401"))  # fmt: skip
        self.assertEqual(self.scan.resolve("10840000000016")["qty"], 12)

    def test_only_the_reserved_lot_may_be_picked(self):
        line = self.order.move_line_ids
        self.assertEqual(line.lot_id, self.old, "oldest first")
        took = self.scan.take_line(self.order.id)
        self.assertEqual(took["lot"], "EP-2401")
        missing = self.scan.confirm_line(took["line_id"], "R0101", "0840000000019", 2, "l1")
        self.assertIn("Scan the lot: this line takes lot EP-2401", missing["error"])
        wrong = self.scan.confirm_line(
            took["line_id"], "R0101", "0840000000019", 2, "l2", lot_code="EP-2407"
        )
        self.assertIn("Lot EP-2407 not allowed: take lot EP-2401", wrong["error"])
        self.assertEqual(self.order.state, "assigned", "nothing posted on a bad lot")
        label = "010084000000001910EP-2401"
        done = self.scan.confirm_line(took["line_id"], "R0101", label, 2, "l3")
        self.assertTrue(done["ok"], done)
        self.assertEqual(self.order.state, "done")
        self.assertEqual(
            self.product.with_context(location=self.bin_near.id, lot_id=self.old.id).qty_available,
            3,
        )
