# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user, tagged

from .common import ScanCase


@tagged("post_install", "-at_install")
class TestScanConfirm(ScanCase):
    """Scan to confirm: checked against what is expected, posted at once, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        operator = "wms_execution.group_wms_operator"
        cls.other = new_test_user(cls.env, login="wms_op2_t", groups=operator)

    def _on_hand(self, location):
        quants = self.env["stock.quant"].search(
            [("product_id", "=", self.product.id), ("location_id", "=", location.id)]
        )
        return sum(quants.mapped("quantity"))

    def test_the_nearest_bin_first_and_a_confirmation_posts_at_once(self):
        line = self.scan.take_line(self.order.id)
        self.assertEqual(line["location_barcode"], "R0101")
        result = self.scan.confirm_line(line["line_id"], "R0101", "0840000000019", 4, "k1")
        self.assertTrue(result["ok"])
        self.assertEqual(self._on_hand(self.bin_near), 0, "posted at once")
        self.assertEqual(result["next"]["location_barcode"], "R0112")
        self.assertTrue(self.env["wms.event"].search([("picking_id", "=", self.order.id)]))

    def test_a_double_confirmation_posts_once(self):
        line = self.scan.take_line(self.order.id)
        first = self.scan.confirm_line(line["line_id"], "R0101", "0840000000019", 4, "k2")
        again = self.scan.confirm_line(line["line_id"], "R0101", "0840000000019", 4, "k2")
        self.assertEqual(first, again)
        self.assertEqual(self._on_hand(self.bin_near), 0)
        self.assertEqual(self._on_hand(self.bin_far), 10)

    def test_bad_scans_post_nothing_and_say_what_was_expected(self):
        line = self.scan.take_line(self.order.id)
        wrong_bin = self.scan.confirm_line(line["line_id"], "R0112", "0840000000019", 4, "k3")
        self.assertIn("Wrong bin", wrong_bin["error"])
        self.assertIn("R01-01-1L", wrong_bin["error"])
        unknown = self.scan.confirm_line(line["line_id"], "R0101", "999", 4, "k4")
        self.assertIn("Wrong product", unknown["error"])
        self.assertTrue(self.env["wms.exception"].search([("scanned", "=", "999")]))
        too_many = self.scan.confirm_line(line["line_id"], "R0101", "0840000000019", 5, "k5")
        self.assertIn("Too many", too_many["error"])
        self.assertEqual(self._on_hand(self.bin_near), 4)

    def test_a_short_posts_what_was_found_and_opens_an_exception(self):
        line = self.scan.take_line(self.order.id)
        result = self.scan.confirm_line(line["line_id"], "R0101", "0840000000019", 3, "k6")
        self.assertEqual(result["short"], 1)
        self.assertEqual(self._on_hand(self.bin_near), 1)
        exc = self.env["wms.exception"].search([("product_id", "=", self.product.id)])
        self.assertEqual((exc.kind, exc.quantity), ("short_pick", 1))

    def test_two_operators_never_get_the_same_line(self):
        mine = self.scan.take_line(self.order.id)
        theirs = self.env["wms.scan"].with_user(self.other).take_line(self.order.id)
        self.assertNotEqual(mine["line_id"], theirs["line_id"])
        refused = (
            self.env["wms.scan"]
            .with_user(self.other)
            .confirm_line(mine["line_id"], "R0101", "0840000000019", 4, "k7")
        )
        self.assertIn("is working this line", refused["error"])

    def test_a_blind_count_applies_or_is_held_for_a_recount(self):
        self.warehouse.policy_count_tolerance_qty = 1.0
        ok = self.scan.count("R0112", "0840000000019", 10, "c1")
        self.assertEqual((ok["ok"], ok["held"]), (True, False))
        off = self.scan.count("R0112", "0840000000019", 4, "c2")
        self.assertTrue(off["held"], "a variance over tolerance waits for a recount")
        self.assertEqual(self._on_hand(self.bin_far), 10)
        self.assertEqual(self.scan.count("R0112", "0840000000019", 4, "c2"), off)
        self.assertFalse(self.scan.count("nope", "0840000000019", 4, "c3")["ok"])
