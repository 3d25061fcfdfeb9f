# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestDirectedPutaway(WmsCase):
    """Receipts are directed to bins by capacity and pick velocity, and say why."""

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
