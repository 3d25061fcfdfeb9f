# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase, reserved_order


@tagged("post_install", "-at_install")
class TestScanPack(WmsCase):
    """Packing on the scan screen: units into a carton, the carton confirmed by its ID,
    weighed; off weight it stops and posts nothing, on weight it posts at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        wh.out_type_id.auto_batch = False
        cls.bin_near.barcode = "R0101"
        cls.product = env["product.product"].create(
            {"name": "Bench Vise 4 in", "is_storable": True, "barcode": "0840000000033",
             "weight": 2.0}
        )  # fmt: skip
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_near, 5)
        cls.carton = env["stock.package.type"].create(
            {"name": "Carton M", "barcode": "CTN-T1", "base_weight": 0.5,
             "wms_weight_tolerance_pct": 5.0}
        )  # fmt: skip
        cls.order = reserved_order(env, wh.out_type_id, [(cls.product, cls.bin_near, 3)])
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def _packed(self):
        carton = self.scan.pack_carton(self.order.id, "CTN-T1", "c1")
        self.assertTrue(carton["ok"], carton)
        for key in ("a1", "a2"):
            self.assertTrue(self.scan.pack_add(self.order.id, carton["package_id"],
                                               "0840000000033", None, key)["ok"])  # fmt: skip
        return carton

    def test_units_go_into_the_carton_and_too_many_or_wrong_ones_are_refused(self):
        carton = self._packed()
        state = self.scan.pack_open(self.order.id)
        self.assertEqual(state["lines"][0]["left"], 1)
        over = self.scan.pack_add(self.order.id, carton["package_id"], "0840000000033", 2, "a3")
        self.assertIn("Quantity over", over["error"])
        wrong = self.scan.pack_add(self.order.id, carton["package_id"], "R0101", None, "a4")
        self.assertIn("Unknown barcode", wrong["error"])
        split = self.order.move_line_ids
        self.assertEqual(sorted(split.mapped("quantity")), [1, 2])
        self.assertEqual(split.filtered("result_package_id").quantity, 2)

    def test_off_weight_stops_the_carton_and_posts_nothing_then_on_weight_posts(self):
        carton = self._packed()
        self.scan.pack_add(self.order.id, carton["package_id"], "0840000000033", 1, "a5")
        wrong_id = self.scan.pack_close(carton["package_id"], "PACK-NOT-IT")
        self.assertIn("Wrong carton", wrong_id["error"])
        closed = self.scan.pack_close(carton["package_id"], carton["package"])
        self.assertEqual(closed["expected"], 6.5)  # 3 x 2 kg + 0.5 kg carton
        stopped = self.scan.pack_weigh(carton["package_id"], 8.0, "w1")
        self.assertTrue(stopped["stopped"])
        self.assertIn("expected 6.50 kg", stopped["error"])
        self.assertEqual(self.order.state, "assigned", "nothing posted on a mismatch")
        exc = self.env["wms.exception"].search([("picking_id", "=", self.order.id)])
        self.assertEqual(exc.kind, "weight_mismatch")
        verified = self.scan.pack_weigh(carton["package_id"], 6.6, "w2")
        self.assertTrue(verified["ok"], verified)
        self.assertTrue(verified["done"])
        self.assertEqual(self.order.state, "done")
        self.assertEqual(self.product.with_context(location=self.bin_near.id).qty_available, 2)
        line = self.order.move_line_ids
        self.assertEqual(line.result_package_id.name, carton["package"])
        self.assertEqual(line.result_package_id.wms_pack_state, "verified")
        self.assertTrue(self.env["wms.event"].search([("move_line_id", "=", line.id)]))

    def test_a_repeated_weighing_posts_once(self):
        carton = self._packed()
        self.scan.pack_add(self.order.id, carton["package_id"], "0840000000033", 1, "a6")
        first = self.scan.pack_weigh(carton["package_id"], 6.5, "w3")
        self.assertEqual(self.scan.pack_weigh(carton["package_id"], 6.5, "w3"), first)
        self.assertEqual(self.product.with_context(location=self.bin_near.id).qty_available, 2)

    def test_a_carton_that_is_not_one_is_refused(self):
        refused = self.scan.pack_carton(self.order.id, "0840000000033", "c2")
        self.assertIn("is not an empty carton", refused["error"])
