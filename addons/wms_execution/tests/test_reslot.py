# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestReslot(WmsCase):
    """A re-slot proposal swaps a fast product into the bin nearest packing."""

    def test_proposal_swaps_fast_and_slow_and_approval_makes_the_transfer(self):
        env = self.env
        self.warehouse.with_user(self.supervisor).action_wms_compute_travel()
        fast, slow = env["product.product"].create(
            [{"name": n, "is_storable": True, "volume": 0.001}
             for n in ("Nitrile Gloves L (100)", "Drum Wrench")]
        )  # fmt: skip
        env["stock.quant"]._update_available_quantity(fast, self.bin_far, 30)
        env["stock.quant"]._update_available_quantity(slow, self.bin_near, 4)
        env["stock.policy.abc"].create(
            [
                {"product_id": p.id, "warehouse_id": self.warehouse.id, "value_class": c,
                 "lines_class": c, "xyz_class": "X", "pick_lines": lines}
                for p, c, lines in ((fast, "A", 900), (slow, "C", 12))
            ]
        )  # fmt: skip
        reslot = (
            env["wms.reslot"]
            .with_user(self.supervisor)
            .create(
                {"warehouse_id": self.warehouse.id, "zone_id": self.zone_res.id, "move_budget": 2}
            )
        )
        reslot.action_propose()
        moves = {line.product_id: line for line in reslot.line_ids}
        self.assertEqual(moves[fast].location_dest_id, self.bin_near)
        self.assertEqual(moves[slow].location_dest_id, self.bin_far)
        self.assertGreater(reslot.saving_m, 0)
        self.assertIn("swap", moves[fast].reason)
        reslot.action_approve()
        picking = reslot.picking_id
        self.assertEqual(len(picking.move_ids), 2)
        picking.move_ids.picked = True
        picking._action_done()
        quant = env["stock.quant"].search([("product_id", "=", fast.id), ("quantity", ">", 0)])
        self.assertEqual(quant.location_id, self.bin_near)
