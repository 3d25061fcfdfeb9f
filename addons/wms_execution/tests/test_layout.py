# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestLayout(WmsCase):
    def test_walk_between_aisles_goes_round_by_a_cross_aisle(self):
        trip = self.bin_far.with_user(self.operator).wms_travel_to(self.bin_other_aisle)
        # 48 -> back cross aisle at 52 (4 m), across 6 m, back down 4 m
        self.assertAlmostEqual(trip.distance_m, 14.0)
        self.assertIn("R01 -> R02", trip.reason)

    def test_supervisor_recomputes_walks_from_the_pack_station(self):
        self.warehouse.with_user(self.supervisor).action_wms_compute_travel()
        # pack station at (4, 6): 6 m to the front cross aisle, then up aisle R01
        self.assertAlmostEqual(self.bin_near.wms_travel_from_pack_m, 8.0)
        self.assertAlmostEqual(self.bin_far.wms_travel_from_pack_m, 42.0)
        self.assertAlmostEqual(self.bin_other_aisle.wms_travel_from_pack_m, 48.0)

    def test_bin_without_coordinates_gets_a_clear_message(self):
        loose = self.env["stock.location"].create(
            {"name": "Floor spot", "location_id": self.warehouse.lot_stock_id.id}
        )
        with self.assertRaisesRegex(UserError, "has no coordinates"):
            self.bin_near.with_user(self.operator).wms_travel_to(loose)

    def test_bin_placed_outside_its_aisle_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "outside aisle R01"):
            self.make_bins([("R01-99-1L", self.aisle_1, 2.4, 70.0)])

    def test_layout_without_cross_aisle_is_explained(self):
        self.warehouse.wms_cross_aisle_ids.unlink()
        with self.assertRaisesRegex(UserError, "no cross aisles"):
            self.warehouse.with_user(self.supervisor).action_wms_compute_travel()

    def test_operator_cannot_rewrite_distances(self):
        with self.assertRaises(AccessError):
            self.warehouse.with_user(self.operator).action_wms_compute_travel()

    def test_operator_reads_the_layout_but_cannot_redraw_it(self):
        aisle = self.aisle_1.with_user(self.operator)
        self.assertEqual(aisle.x_m, 4.0)
        with self.assertRaises(AccessError):
            aisle.write({"x_m": 7.0})

    def test_a_bins_stock_carries_its_zone_for_the_count_sheets(self):
        product = self.env["product.product"].create(
            {"name": "Cable Tie 8 in", "is_storable": True}
        )
        self.env["stock.quant"]._update_available_quantity(product, self.bin_far, 5)
        quant = self.env["stock.quant"].search([("product_id", "=", product.id)])
        self.assertEqual(quant.wms_zone_id, self.zone_res)
        sheets = self.env.ref("stock_policy.action_policy_count_sheets")
        self.assertIn("wms_zone_id", sheets.context)
