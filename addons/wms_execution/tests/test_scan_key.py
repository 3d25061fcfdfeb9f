# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ScanCase

BIN, ITEM = ScanCase.BIN, ScanCase.ITEM


@tagged("post_install", "-at_install")
class TestScanKey(ScanCase):
    """A confirmation key answers its own user about its own line only; an empty bin is a
    whole-line short the picker confirms without a product to scan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        operator = "wms_execution.group_wms_operator"
        cls.other = new_test_user(env, login="wms_op_key", groups=operator)
        cls.clerk = new_test_user(env, login="wms_clerk_key", groups="base.group_user")
        cls.portal = new_test_user(env, login="wms_portal_key", groups="base.group_portal")

    def _on_hand(self, location):
        return self.product.with_context(location=location.id).qty_available

    def _open(self, line_id):
        line = self.env["stock.move.line"].browse(line_id)
        return line.exists() and not line.picked

    def test_an_empty_key_is_refused_on_every_line(self):
        first = self.scan.take_line(self.order.id)
        refused = self.scan.confirm_line(first["line_id"], BIN, ITEM, 4, "")
        self.assertIn("The scanner sent no confirmation key", refused["error"])
        self.assertTrue(self._open(first["line_id"]))
        # the key '' reused on the next line does not answer "posted" for it either
        self.scan.confirm_line(first["line_id"], BIN, ITEM, 4, "k-first")
        second = self.scan.take_line(self.order.id)
        again = self.scan.confirm_line(second["line_id"], "R0112", ITEM, 8, "")
        self.assertFalse(again["ok"])
        self.assertIn("The scanner sent no confirmation key", again["error"])
        self.assertTrue(self._open(second["line_id"]), "the next line stays open, and says so")
        self.assertEqual(self._on_hand(self.bin_far), 10)

    def test_a_key_reused_on_the_next_line_is_refused(self):
        first = self.scan.take_line(self.order.id)
        done = self.scan.confirm_line(first["line_id"], BIN, ITEM, 4, "k-reuse")
        self.assertEqual(done["posted"], 4)
        second = done["next"]
        reused = self.scan.confirm_line(second["line_id"], "R0112", ITEM, 8, "k-reuse")
        self.assertFalse(reused["ok"])
        self.assertIn("used for another line: nothing was posted", reused["error"])
        self.assertTrue(self._open(second["line_id"]))
        self.assertEqual(self._on_hand(self.bin_far), 10)
        # the same key for its own line still answers what it did
        self.assertEqual(self.scan.confirm_line(first["line_id"], BIN, ITEM, 4, "k-reuse"), done)

    def test_another_users_key_answers_nothing(self):
        line = self.scan.take_line(self.order.id)["line_id"]
        done = self.scan.confirm_line(line, BIN, ITEM, 4, "k-mine")
        self.assertTrue(done["ok"])
        theirs = self.env["wms.scan"].with_user(self.other)
        replay = theirs.confirm_line(line, BIN, ITEM, 4, "k-mine")
        self.assertEqual(replay["ok"], False)
        self.assertIn("sent by another user's scanner", replay["error"])
        self.assertNotIn("next", replay, "nothing of the first answer is shown")
        for user in (self.clerk, self.portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["wms.scan"].with_user(user).confirm_line(line, BIN, ITEM, 4, "k-mine")

    def test_the_same_key_again_by_the_same_user_gets_the_first_answer(self):
        line = self.scan.take_line(self.order.id)["line_id"]
        first = self.scan.confirm_line(line, BIN, ITEM, 4, "k-twice")
        requests = self.env["wms.scan.request"].search([("key", "=", "k-twice")])
        self.assertEqual((requests.user_id, len(requests)), (self.operator, 1))
        self.assertEqual(self.scan.confirm_line(line, BIN, ITEM, 4, "k-twice"), first)
        self.assertEqual(self._on_hand(self.bin_near), 0)
        self.assertEqual(self._on_hand(self.bin_far), 10)

    def test_a_refused_scan_keeps_its_key_free_for_the_correction(self):
        line = self.scan.take_line(self.order.id)["line_id"]
        wrong = self.scan.confirm_line(line, "R0112", ITEM, 4, "k-fix")
        self.assertIn("Wrong bin", wrong["error"])
        self.assertFalse(self.env["wms.scan.request"].search([("key", "=", "k-fix")]))
        self.assertTrue(self.scan.confirm_line(line, BIN, ITEM, 4, "k-fix")["ok"])

    def test_an_empty_bin_is_a_whole_line_short_without_a_product_scan(self):
        line = self.scan.take_line(self.order.id)
        self.assertEqual((line["location_barcode"], line["quantity"]), (BIN, 4))
        result = self.scan.confirm_line(line["line_id"], BIN, "", 0, "k-empty")
        self.assertEqual((result["ok"], result["posted"], result["short"]), (True, 0.0, 4))
        self.assertEqual(self._on_hand(self.bin_near), 4, "nothing left the empty bin")
        short = self.env["wms.exception"].search([("picking_id", "=", self.order.id)])
        self.assertEqual(
            (short.kind, short.quantity, short.location_id), ("short_pick", 4, self.bin_near)
        )
        # what is left is asked from the other bin, not the empty one again
        self.assertEqual(result["next"]["location_barcode"], "R0112")
        self.assertNotIn(self.bin_near, self.order.move_line_ids.location_id)

    def test_zero_counted_after_scanning_the_product_is_the_same_short(self):
        line = self.scan.take_line(self.order.id)
        result = self.scan.confirm_line(line["line_id"], BIN, ITEM, 0, "k-zero")
        self.assertEqual((result["ok"], result["short"]), (True, 4))
        self.assertEqual(self._on_hand(self.bin_near), 4)
