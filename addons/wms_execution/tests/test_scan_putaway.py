# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user, tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestScanPutaway(WmsCase):
    """Put-away on the scan screen: the suggested bin and why, another bin only with a
    reason, posted at once into the bin scanned, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        wh.reception_steps = "two_steps"
        wh.wms_directed_putaway = True
        wh.with_user(cls.supervisor).action_wms_compute_travel()
        for bin_, code in ((cls.bin_near, "R0101"), (cls.bin_far, "R0112"),
                           (cls.bin_other_aisle, "R0212")):  # fmt: skip
            bin_.barcode = code
        metre = env.ref("uom.product_uom_meter")
        cls.product = env["product.product"].create(
            {"name": "Cable Ties 300 mm", "is_storable": True, "barcode": "0840000000040",
             "volume": 0.001, "weight": 0.2, "product_length": 0.1, "product_width": 0.1,
             "product_height": 0.1, "dimensional_uom_id": metre.id}
        )  # fmt: skip
        cls.input = wh.wh_input_stock_loc_id
        env["stock.quant"]._update_available_quantity(cls.product, cls.input, 10)
        cls.store = env["stock.picking"].create(
            {"picking_type_id": wh.store_type_id.id, "location_id": cls.input.id,
             "location_dest_id": wh.lot_stock_id.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": cls.product.id,
                                  "product_uom_qty": 10, "location_id": cls.input.id,
                                  "location_dest_id": wh.lot_stock_id.id})]}
        )  # fmt: skip
        cls.store.action_confirm()
        cls.store.action_assign()
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def _in(self, location):
        return sum(
            self.env["stock.quant"]
            .search([("product_id", "=", self.product.id), ("location_id", "=", location.id)])
            .mapped("quantity")
        )

    def test_the_suggested_bin_is_shown_with_its_reason_and_posted_at_once(self):
        job = self.scan.putaway_take("0840000000040")
        line = self.store.move_line_ids
        self.assertEqual(job["bin"], line.location_dest_id.display_name)
        self.assertIn(line.location_dest_id, self.bin_near | self.bin_far | self.bin_other_aisle)
        self.assertIn("Directed put-away", job["reason"])
        code = line.location_dest_id.barcode
        self.assertTrue(self.scan.putaway_check_bin(job["line_ids"], code)["suggested"])
        done = self.scan.putaway_confirm(job["line_ids"], code, 10, None, "p1")
        self.assertTrue(done["ok"], done)
        self.assertEqual(self._in(line.location_dest_id), 10)
        self.assertEqual(self._in(self.input), 0)
        event = self.env["wms.event"].search([("picking_id", "=", self.store.id)])
        self.assertEqual((event.event_type, event.quantity), ("putaway", 10))
        self.assertEqual(event.operator_id, self.operator)

    def test_another_bin_needs_a_reason_and_keeps_it_on_the_line(self):
        job = self.scan.putaway_take("0840000000040")
        suggested = self.store.move_line_ids.location_dest_id
        other = (self.bin_near | self.bin_far | self.bin_other_aisle).filtered(
            lambda b: b != suggested
        )[:1]
        refused = self.scan.putaway_confirm(job["line_ids"], other.barcode, 10, None, "p2")
        self.assertEqual((refused["ok"], refused["need_reason"]), (False, True))
        self.assertIn(suggested.display_name, refused["error"])
        self.assertEqual(self._in(other), 0, "nothing posted without a reason")
        done = self.scan.putaway_confirm(job["line_ids"], other.barcode, 10, "full", "p2")
        self.assertTrue(done["ok"], done)
        self.assertEqual(self._in(other), 10)
        line = self.store.move_line_ids
        self.assertIn(f"Operator chose {other.name}, not {suggested.name}", line.wms_putaway_reason)
        self.assertIn("full", line.wms_putaway_reason)

    def test_a_bin_outside_the_storage_area_is_refused(self):
        job = self.scan.putaway_take("0840000000040")
        self.input.barcode = "INPUT"
        wrong = self.scan.putaway_confirm(job["line_ids"], "INPUT", 10, "full", "p3")
        self.assertIn("Wrong bin", wrong["error"])
        self.assertIn("not a storage bin of", wrong["error"])
        unknown = self.scan.putaway_check_bin(job["line_ids"], "NOPE")
        self.assertIn("is not a bin", unknown["error"])
        self.assertEqual(self._in(self.input), 10)

    def test_part_of_a_line_posts_and_the_rest_waits(self):
        job = self.scan.putaway_take("0840000000040")
        suggested = self.store.move_line_ids.location_dest_id
        over = self.scan.putaway_confirm(job["line_ids"], suggested.barcode, 11, None, "p4")
        self.assertIn("Quantity over", over["error"])
        done = self.scan.putaway_confirm(job["line_ids"], suggested.barcode, 4, None, "p5")
        self.assertEqual(done["posted"], 4)
        self.assertEqual(self._in(suggested), 4)
        self.assertEqual(self._in(self.input), 6)
        rest = self.scan.putaway_take("0840000000040")
        self.assertEqual(rest["quantity"], 6)

    def test_a_double_confirmation_posts_once(self):
        job = self.scan.putaway_take("0840000000040")
        code = self.store.move_line_ids.location_dest_id.barcode
        first = self.scan.putaway_confirm(job["line_ids"], code, 3, None, "p6")
        again = self.scan.putaway_confirm(job["line_ids"], code, 3, None, "p6")
        self.assertEqual(first, again)
        self.assertEqual(self._in(self.input), 7)

    def test_two_operators_never_get_the_same_line(self):
        self.scan.putaway_take("0840000000040")
        other = new_test_user(
            self.env, login="wms_op_pa2", groups="wms_execution.group_wms_operator"
        )
        theirs = self.env["wms.scan"].with_user(other).putaway_take("0840000000040")
        self.assertFalse(theirs["ok"])
        self.assertIn("Nothing waits to be put away", theirs["error"])

    def test_an_unknown_barcode_says_what_to_scan(self):
        result = self.scan.putaway_take("XYZ-404")
        self.assertIn("Unknown barcode XYZ-404", result["error"])
