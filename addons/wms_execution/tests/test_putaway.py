# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WmsCase


class PutawayCase(WmsCase):
    """Three shelf bins of 0.10 m3 under directed put-away; a fast and a slow product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse.wms_directed_putaway = True
        cls.category = env["stock.storage.category"].create(
            {"name": "Shelf", "max_weight": 200.0, "wms_max_volume_m3": 0.10,
             "wms_max_length_m": 0.8, "allow_new_product": "mixed"}
        )  # fmt: skip
        (cls.bin_near | cls.bin_far | cls.bin_other_aisle).storage_category_id = cls.category
        cls.warehouse.with_user(cls.supervisor).action_wms_compute_travel()
        metre = env.ref("uom.product_uom_meter")
        cls.fast, cls.slow = env["product.product"].create(
            [
                {"name": name, "is_storable": True, "volume": 0.001, "weight": 0.5,
                 "product_length": 0.1, "product_width": 0.1, "product_height": 0.1,
                 "dimensional_uom_id": metre.id}
                for name in ("Earplugs (box of 200)", "Drum Pump Hand Crank")
            ]
        )  # fmt: skip
        env["stock.policy.abc"].create(
            [
                {"product_id": p.id, "warehouse_id": cls.warehouse.id, "value_class": c,
                 "lines_class": c, "xyz_class": "X"}
                for p, c in ((cls.fast, "A"), (cls.slow, "C"))
            ]
        )  # fmt: skip

    def _receive(self, product, qty):
        vendors = self.env.ref("stock.stock_location_suppliers")
        stock = self.warehouse.lot_stock_id
        receipt = (
            self.env["stock.picking"]
            .with_user(self.operator)
            .create(
                {"picking_type_id": self.warehouse.in_type_id.id, "location_id": vendors.id,
                 "location_dest_id": stock.id,
                 "move_ids": [(0, 0, {"name": product.name, "product_id": product.id,
                                      "product_uom_qty": qty, "location_id": vendors.id,
                                      "location_dest_id": stock.id})]}
            )
        )  # fmt: skip
        receipt.action_confirm()
        return receipt.move_line_ids


@tagged("post_install", "-at_install")
class TestDirectedPutaway(PutawayCase):
    """Receipts are directed to bins by capacity and pick velocity, and say why."""

    def test_a_fast_mover_goes_near_packing_and_a_slow_one_away(self):
        fast = self._receive(self.fast, 10)
        self.assertEqual(fast.location_dest_id, self.bin_near)
        self.assertIn("Directed put-away (A by picks): R01-01-1L", fast.wms_putaway_reason)
        slow = self._receive(self.slow, 10)
        self.assertIn(slow.location_dest_id, self.bin_far | self.bin_other_aisle)

    def test_a_receipt_too_big_for_one_bin_is_split_within_capacity(self):
        lines = self._receive(self.fast, 250)  # 0.25 m3: two and a half bins
        self.assertEqual(sum(lines.mapped("quantity")), 250)
        per_bin = {line.location_dest_id: line.quantity for line in lines}
        for bin_ in self.bin_near | self.bin_far | self.bin_other_aisle:
            self.assertLessEqual(per_bin.get(bin_, 0) * 0.001, 0.10 + 1e-9)
        self.assertEqual(len(per_bin), 3)

    def test_units_no_bin_takes_stay_in_the_area_with_the_reason(self):
        lines = self._receive(self.fast, 350)  # 0.35 m3 for three bins of 0.10
        leftover = lines.filtered(lambda ln: ln.location_dest_id == self.warehouse.lot_stock_id)
        self.assertEqual(leftover.quantity, 50)
        self.assertIn("No bin takes these units", leftover.wms_putaway_reason)

    def test_a_standard_put_away_rule_still_decides(self):
        self.env["stock.putaway.rule"].create(
            {"product_id": self.fast.id, "location_in_id": self.warehouse.lot_stock_id.id,
             "location_out_id": self.bin_other_aisle.id}
        )  # fmt: skip
        self.assertEqual(self._receive(self.fast, 5).location_dest_id, self.bin_other_aisle)

    def test_a_product_without_dimensions_is_left_in_the_area_and_says_so(self):
        bare = self.env["product.product"].create({"name": "Mystery Part", "is_storable": True})
        line = self._receive(bare, 3)
        self.assertEqual(line.location_dest_id, self.warehouse.lot_stock_id)
        self.assertIn("has no dimensions", line.wms_putaway_reason)


@tagged("post_install", "-at_install")
class TestBinRulesAtPosting(PutawayCase):
    """A bin that is full, blocked or of the wrong category is refused when the units are
    posted, with the next best bin; a supervisor may accept it with a reason."""

    def _post(self, lines, user=None):
        lines.picking_id.move_ids.picked = True
        return lines.picking_id.with_user(user or self.operator).button_validate()

    def test_a_full_bin_is_refused_with_the_next_best_and_nothing_is_posted(self):
        lines = self._receive(self.fast, 150)  # 100 fill the near bin, 50 go on
        rest = lines.filtered(lambda ln: ln.location_dest_id != self.bin_near)
        self.assertEqual(rest.quantity, 50)
        other = rest.location_dest_id
        rest.location_dest_id = self.bin_near  # someone sends them there anyway
        with self.assertRaisesRegex(
            UserError,
            r"R01-01-1L cannot take 150\.0 Units Earplugs \(box of 200\): full \(volume\): "
            r"0\.1 m3 free, 0\.15 m3 needed\. Next best: .*" + other.name + " takes 100",
        ):
            self._post(lines)
        self.assertEqual(lines.picking_id.state, "assigned")
        with self.assertRaises(AccessError):
            rest.with_user(self.operator).wms_override_reason = "shelf was emptied"
        rest.with_user(self.supervisor).wms_override_reason = "shelf was emptied by hand"
        self._post(lines)
        self.assertEqual(lines.picking_id.state, "done")
        self.assertEqual(rest.wms_override_by, self.supervisor)

    def test_a_blocked_bin_is_skipped_and_refused(self):
        self.bin_near.with_user(self.supervisor).write(
            {"wms_blocked": True, "wms_blocked_reason": "beam damaged"}
        )
        line = self._receive(self.fast, 10)
        self.assertNotEqual(line.location_dest_id, self.bin_near)
        line.location_dest_id = self.bin_near
        with self.assertRaisesRegex(UserError, "R01-01-1L cannot take 10.0 .*: blocked"):
            self._post(line)

    def test_a_bin_of_the_wrong_category_is_refused(self):
        cage = self.env["stock.storage.category"].create(
            {"name": "Hazmat Cage", "max_weight": 500.0, "wms_max_volume_m3": 1.0,
             "wms_hazardous": True}
        )  # fmt: skip
        self.bin_far.storage_category_id = cage
        line = self._receive(self.slow, 10)
        self.assertNotEqual(line.location_dest_id, self.bin_far, "not hazardous: not there")
        line.location_dest_id = self.bin_far
        with self.assertRaisesRegex(UserError, "R01-12-1L cannot take .*: hazard class"):
            self._post(line)

    def test_a_scan_of_a_full_bin_is_refused_on_the_spot(self):
        wh = self.warehouse
        wh.reception_steps = "two_steps"
        self.fast.barcode = "0840000000057"
        self.bin_far.barcode = "R0112"
        self.env["stock.quant"]._update_available_quantity(self.slow, self.bin_far, 100)
        self.env["stock.quant"]._update_available_quantity(self.fast, wh.wh_input_stock_loc_id, 40)
        store = self.env["stock.picking"].create(
            {"picking_type_id": wh.store_type_id.id, "location_id": wh.wh_input_stock_loc_id.id,
             "location_dest_id": wh.lot_stock_id.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": self.fast.id, "product_uom_qty": 40,
                                  "location_id": wh.wh_input_stock_loc_id.id,
                                  "location_dest_id": wh.lot_stock_id.id})]}
        )  # fmt: skip
        store.action_confirm()
        store.action_assign()
        scan = self.env["wms.scan"].with_user(self.operator)
        job = scan.putaway_take("0840000000057")
        refused = scan.putaway_confirm(job["line_ids"], "R0112", 40, "other", "full-1")
        self.assertFalse(refused["ok"])
        self.assertRegex(
            refused["error"],
            r"R01-12-1L cannot take 40\.0 .*full \(volume\).* Next best: .*R01-01-1L",
        )
        self.assertEqual(store.move_line_ids.location_dest_id, self.bin_near, "nothing changed")
        self.assertEqual(store.state, "assigned")
