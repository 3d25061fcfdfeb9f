# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestWavePlan(WmsCase):
    """Waves on the small test warehouse, where every walk is computed by hand: the pack
    station at (4, 6) in front of aisles R01 (x 4) and R02 (x 10), cross aisles at y 12
    and 52. Acting as a floor supervisor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse.out_type_id.auto_batch = False
        cls.bin_lost = env["stock.location"].create(
            {"name": "R02-05-1L", "location_id": cls.warehouse.lot_stock_id.id,
             "usage": "internal", "wms_zone_id": cls.zone_res.id}
        )  # fmt: skip
        cls.p_near, cls.p_other, cls.p_far, cls.p_lost, cls.p_anvil = env["product.product"].create(
            [
                {"name": name, "is_storable": True, "weight": kg, "volume": m3}
                for name, kg, m3 in (
                    ("Hex Key Set", 2.0, 0.004),
                    ("Wire Brush", 1.0, 0.002),
                    ("Tap Wrench", 3.0, 0.003),
                    ("Chalk Line", 0.5, 0.001),
                    ("Anvil 200 kg", 200.0, 0.05),
                )
            ]
        )
        for product, where in (
            (cls.p_near, cls.bin_near),
            (cls.p_other, cls.bin_other_aisle),
            (cls.p_far, cls.bin_far),
            (cls.p_lost, cls.bin_lost),
            (cls.p_anvil, cls.bin_far),
        ):
            env["stock.quant"]._update_available_quantity(product, where, 50)

    def _order(self, *lines, priority="0"):
        customers = self.env.ref("stock.stock_location_customers")
        stock = self.warehouse.lot_stock_id
        picking = self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.out_type_id.id, "priority": priority,
             "location_id": stock.id, "location_dest_id": customers.id,
             "move_ids": [(0, 0, {"name": p.name, "product_id": p.id, "product_uom_qty": qty,
                                  "location_id": stock.id, "location_dest_id": customers.id})
                          for p, qty in lines]}
        )  # fmt: skip
        picking.action_confirm()
        picking.action_assign()
        self.assertEqual(picking.state, "assigned")
        return picking

    def _plan(self, pickings=None, **limits):
        wizard = (
            self.env["wms.wave.plan"]
            .with_user(self.supervisor)
            .create({"warehouse_id": self.warehouse.id, **limits})
        )
        if pickings is not None:
            wizard.picking_ids = pickings
        wizard.action_plan()
        return wizard

    @staticmethod
    def _walk(lines, batch):
        """Each line's bin, leg and walk so far in route order, then the walk home and
        the total (m)."""
        steps = [(ml.location_id, ml.wms_route_leg_m, ml.wms_route_distance_m) for ml in lines]
        return [*steps, batch.wms_route_return_m, batch.wms_route_distance_m]

    def test_release_by_priority_one_cart_and_the_hand_computed_path(self):
        o1 = self._order((self.p_near, 1))
        o2 = self._order((self.p_other, 1))
        o3 = self._order((self.p_near, 2), priority="1")
        wizard = self._plan()
        self.assertEqual([o3.wms_release_rank, o1.wms_release_rank, o2.wms_release_rank], [1, 2, 3])
        self.assertIn("priority 1", o3.wms_release_reason)
        self.assertEqual({o1.wms_pick_method, o2.wms_pick_method, o3.wms_pick_method}, {"batch"})
        batch = wizard.batch_ids
        self.assertEqual(len(batch), 1)
        self.assertFalse(batch.is_wave)
        self.assertEqual(batch.picking_ids, o1 | o2 | o3)
        self.assertEqual(batch.state, "in_progress")
        self.assertEqual((batch.wms_cart_totes, batch.wms_pick_method), (3, "batch"))
        # R01@14 twice and R02@48, either way round the same loop: pack station to R01@14
        # is 6 + 2 = 8 m, R01@14 to R02@48 over the front cross aisle 2 + 6 + 36 = 44 m,
        # R02@48 back to the pack station 36 + 6 + 6 = 48 m: 100 m, the optimum on one block
        lines = batch.move_line_ids.sorted("wms_route_seq")
        self.assertEqual(lines.mapped("wms_route_seq"), [1, 2, 3])
        near, other = self.bin_near, self.bin_other_aisle
        self.assertIn(
            self._walk(lines, batch),
            (
                [(near, 8.0, 8.0), (near, 0.0, 8.0), (other, 44.0, 52.0), 48.0, 100.0],
                [(other, 48.0, 48.0), (near, 44.0, 92.0), (near, 0.0, 92.0), 8.0, 100.0],
            ),
        )
        self.assertEqual(batch.wms_route_kind, "exact")
        self.assertIn("Ratliff-Rosenthal", batch.wms_route_reason)
        self.assertIn("100 m", wizard.summary)

    def test_order_bigger_than_a_cart_is_split_into_waves_and_loses_nothing(self):
        order = self._order((self.p_near, 3), (self.p_other, 2), (self.p_far, 1))
        wizard = self._plan(max_lines=1)
        waves = wizard.batch_ids
        self.assertEqual(len(waves), 3)
        self.assertTrue(all(waves.mapped("is_wave")))
        self.assertEqual([len(w.move_line_ids) for w in waves], [1, 1, 1])
        parts = waves.picking_ids
        self.assertIn(order, parts)
        self.assertEqual(len(parts), 3)  # Odoo moved each part to a transfer of its own
        moved = {
            p: sum(
                parts.move_line_ids.filtered(lambda ml, p=p: ml.product_id == p).mapped("quantity")
            )
            for p in (self.p_near, self.p_other, self.p_far)
        }
        self.assertEqual(moved, {self.p_near: 3, self.p_other: 2, self.p_far: 1})
        self.assertIn(f"{order.name} split over", wizard.summary)
        self.assertIn("does not fit one cart (8 totes, 1 lines", wizard.summary)
        self.assertTrue(all("part" in w.wms_plan_reason for w in waves))

    def test_a_line_heavier_than_the_cart_gets_a_tour_of_its_own(self):
        self._order((self.p_near, 1))
        heavy = self._order((self.p_anvil, 1))
        wizard = self._plan(max_weight_kg=150.0)
        over = wizard.batch_ids.filtered("wms_over_limit")
        self.assertEqual(over.move_line_ids.picking_id, heavy)
        self.assertEqual(len(over.move_line_ids), 1)
        self.assertIn(f"{over.name} carries a line bigger than a cart", wizard.summary)
        self.assertIn("suitable equipment", over.wms_plan_reason)

    def test_a_bin_without_coordinates_comes_last_and_is_named(self):
        order = self._order((self.p_lost, 1), (self.p_near, 1), (self.p_other, 1))
        wizard = self._plan()
        batch = wizard.batch_ids
        lines = batch.move_line_ids.sorted("wms_route_seq")
        lost = lines[2]
        self.assertEqual(lost.location_id, self.bin_lost)
        self.assertIn("R02-05-1L has no coordinates", lost.wms_route_note)
        # the placed part walks as it would alone (8 + 44 + 48 = 100 m, either way round);
        # the unplaced line comes last with no walk counted
        near, other = self.bin_near, self.bin_other_aisle
        self.assertIn(
            self._walk(lines, batch),
            (
                [(near, 8.0, 8.0), (other, 44.0, 52.0), (lost.location_id, 0.0, 0.0), 48.0, 100.0],
                [(other, 48.0, 48.0), (near, 44.0, 92.0), (lost.location_id, 0.0, 0.0), 8.0, 100.0],
            ),
        )
        self.assertIn("No coordinates: TDC/Stock/R02-05-1L", batch.wms_route_reason)
        self.assertIn("Bins without coordinates", wizard.summary)
        # the operator on the scan screen gets the lines in the same order
        scan = self.env["wms.scan"].with_user(self.operator)
        self.assertEqual(scan.take_line(order.id)["line_id"], lines[0].id)

    def test_nothing_ready_or_a_wrong_selection_says_what_to_do(self):
        with self.assertRaisesRegex(UserError, "No transfer to wave in Test DC"):
            self._plan()
        waiting = self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.out_type_id.id,
             "location_id": self.warehouse.lot_stock_id.id,
             "location_dest_id": self.env.ref("stock.stock_location_customers").id}
        )  # fmt: skip
        with self.assertRaisesRegex(UserError, f"{waiting.name}: Draft, not Ready"):
            self._plan(pickings=waiting)

    def test_cart_limits_must_be_positive(self):
        self._order((self.p_near, 1))
        with self.assertRaisesRegex(ValidationError, "more than 0 totes"):
            self._plan(max_totes=0)
        with self.assertRaisesRegex(ValidationError, "more than 0 kg"):
            self.warehouse.wms_cart_max_weight_kg = -1.0
