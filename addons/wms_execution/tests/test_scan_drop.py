# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestScanDropOff(WmsCase):
    """A pick trip on the scan screen posts each line at once (the bin empties) but its
    units reach the pack step when the picker drops them off at the packing zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        wh.delivery_steps = "pick_pack_ship"
        wh.pick_type_id.auto_batch = False
        (cls.bin_near | cls.bin_far).write({"barcode": False})
        cls.bin_near.barcode, cls.bin_far.barcode = "R0101", "R0112"
        cls.packing = wh.pick_type_id.default_location_dest_id
        cls.packing.barcode = "TDC-PACKING"
        cls.knife, cls.tape = env["product.product"].create(
            [{"name": "Utility Knife", "is_storable": True, "barcode": "0840000000026"},
             {"name": "Pipe Tape", "is_storable": True, "barcode": "0840000000033"}]
        )  # fmt: skip
        env["stock.quant"]._update_available_quantity(cls.knife, cls.bin_near, 3)
        env["stock.quant"]._update_available_quantity(cls.tape, cls.bin_far, 2)
        cls.pick = env["stock.picking"].create(
            {"picking_type_id": wh.pick_type_id.id, "location_id": wh.lot_stock_id.id,
             "location_dest_id": cls.packing.id,
             "move_ids": [(0, 0, {"name": p.name, "product_id": p.id, "product_uom_qty": q,
                                  "location_id": src.id, "location_dest_id": cls.packing.id})
                          for p, src, q in ((cls.knife, cls.bin_near, 3),
                                            (cls.tape, cls.bin_far, 2))]}
        )  # fmt: skip
        cls.pick.action_confirm()
        cls.pick.action_assign()
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def _next_moves(self):
        return self.env["stock.move"].search([("move_orig_ids", "in", self.pick.move_ids.ids)])

    def _pick_all(self):
        line = self.scan.take_line(self.pick.id)
        while not line.get("done"):
            result = self.scan.confirm_line(
                line["line_id"], line["location_barcode"], line["product_barcode"],
                line["quantity"], f"d{line['line_id']}",
            )  # fmt: skip
            self.assertTrue(result["ok"], result.get("error"))
            line = result["next"]
        return line

    def test_the_pack_step_gets_the_units_at_drop_off(self):
        end = self._pick_all()
        self.assertEqual(self.pick.state, "done", "every line posted at once")
        self.assertEqual(self.knife.with_context(location=self.bin_near.id).qty_available, 0)
        self.assertEqual(
            end["drop"], {"location": self.packing.display_name, "barcode": "TDC-PACKING",
                          "lines": 2},
        )  # fmt: skip
        self.assertFalse(self._next_moves(), "still on the cart: no pack move yet")
        self.assertTrue(self.pick.wms_drop_pending, "the pick's form says so")

        wrong = self.scan.pick_drop(self.pick.ids, "R0112", "drop1")
        self.assertFalse(wrong["ok"])
        self.assertIn("Put the units down at", wrong["error"])
        self.assertFalse(self._next_moves(), "a wrong place hands nothing on")

        dropped = self.scan.pick_drop(self.pick.ids, "TDC-PACKING", "drop2")
        self.assertTrue(dropped["ok"])
        self.assertFalse(dropped["drop"])
        pack = self._next_moves()
        self.assertEqual(pack.picking_type_id, self.warehouse.pack_type_id)
        self.assertEqual(sorted(pack.mapped("product_uom_qty")), [2, 3])
        self.assertEqual(set(pack.mapped("state")), {"assigned"}, "reserved in the packing zone")
        self.assertEqual(len(pack.picking_id), 1, "one pack transfer for the order")
        self.assertFalse(self.pick.wms_drop_pending)

        again = self.scan.pick_drop(self.pick.ids, "TDC-PACKING", "drop2")
        self.assertEqual(again, dropped, "a repeated drop is answered once")
        self.assertEqual(self._next_moves(), pack)

    def test_validating_the_rest_in_odoo_hands_the_trip_on(self):
        line = self.scan.take_line(self.pick.id)
        self.scan.confirm_line(line["line_id"], line["location_barcode"],
                               line["product_barcode"], line["quantity"], "v1")  # fmt: skip
        self.assertFalse(self._next_moves())
        rest = self.pick.move_ids.filtered(lambda m: m.state != "done")
        rest.picked = True
        self.pick.with_user(self.operator).button_validate()
        self.assertEqual(len(self._next_moves()), 2, "the scanned line went on with the rest")
        self.assertFalse(self.pick.move_ids.filtered("wms_push_held"))

    def test_a_trip_left_undropped_is_handed_on_by_the_cron(self):
        self._pick_all()
        moves = self.pick.move_ids
        self.env["stock.move"]._cron_wms_release_pushes()
        self.assertFalse(self._next_moves(), "a trip under way is left alone")
        moves.date = fields.Datetime.now() - timedelta(hours=1)
        self.env["stock.move"]._cron_wms_release_pushes()
        self.assertEqual(len(self._next_moves()), 2)

    def test_a_reloaded_screen_asks_for_the_drop_off_first(self):
        self.assertFalse(self.scan.pick_cart(), "an empty cart asks nothing")
        self._pick_all()
        # the phone reloads: the screen no longer knows its trip, the server does
        cart = self.scan.pick_cart()
        self.assertEqual(cart["picking_ids"], self.pick.ids)
        self.assertEqual(cart["drop"]["barcode"], "TDC-PACKING")
        self.assertEqual(cart["drop"]["lines"], 2)
        other = self.env["wms.scan"].with_user(self.supervisor)
        self.assertFalse(other.pick_cart(), "another operator's cart is not theirs")
        self.scan.pick_drop(cart["picking_ids"], "TDC-PACKING", "reload1")
        self.assertFalse(self.scan.pick_cart(), "dropped off: nothing left on the cart")
