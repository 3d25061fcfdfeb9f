# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestReplenishment(WmsCase):
    """A forward slot below min after its open picks is topped up from reserve first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.zone_fwd = env["wms.zone"].create(
            {"name": "Forward", "code": "FWD", "kind": "forward", "warehouse_id": cls.warehouse.id}
        )
        cls.slot = cls.bin_near
        cls.slot.write({"wms_zone_id": cls.zone_fwd.id, "wms_replenish_min": 10,
                        "wms_replenish_max": 40})  # fmt: skip
        cls.product = env["product.product"].create(
            {"name": "Zip Ties 8 in (100)", "is_storable": True}
        )
        env["stock.quant"]._update_available_quantity(cls.product, cls.slot, 6)
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_far, 200)
        cls.warehouse.out_type_id.auto_batch = False

    def test_open_picks_beyond_the_slot_get_a_top_up_before_they_run(self):
        customers = self.env.ref("stock.stock_location_customers")
        order = self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.out_type_id.id, "location_id": self.slot.id,
             "location_dest_id": customers.id,
             "move_ids": [(0, 0, {"name": "pick", "product_id": self.product.id,
                                  "product_uom_qty": 15, "location_id": self.slot.id,
                                  "location_dest_id": customers.id})]}
        )  # fmt: skip
        order.action_confirm()
        order.action_assign()
        topup = self.warehouse.with_user(self.supervisor).action_wms_plan_replenishment()
        self.assertEqual(topup.priority, "1", topup.move_ids.mapped("wms_replenish_reason"))
        move = topup.move_ids
        self.assertEqual((move.location_id, move.location_dest_id), (self.bin_far, self.slot))
        self.assertEqual(move.move_line_ids.location_dest_id, self.slot)
        self.assertEqual(move.product_uom_qty, 34)  # up to max 40 from 6 on hand
        self.assertIn("short by 9", move.wms_replenish_reason)

    def test_a_slot_above_min_is_left_alone(self):
        self.slot.wms_replenish_min = 5
        self.assertFalse(self.warehouse.with_user(self.supervisor).action_wms_plan_replenishment())

    def _order(self, qty, when):
        customers = self.env.ref("stock.stock_location_customers")
        order = self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.out_type_id.id, "location_id": self.slot.id,
             "location_dest_id": customers.id, "scheduled_date": when,
             "move_ids": [(0, 0, {"name": "pick", "product_id": self.product.id,
                                  "product_uom_qty": qty, "location_id": self.slot.id,
                                  "location_dest_id": customers.id, "date": when})]}
        )  # fmt: skip
        order.action_confirm()
        order.action_assign()
        return order

    def test_releasing_a_wave_tops_up_its_bins_before_it_starts(self):
        start = fields.Datetime.now() + timedelta(hours=2)
        orders = self._order(4, start) | self._order(5, start)
        wave = (
            self.env["stock.picking.batch"]
            .with_user(self.supervisor)
            .create({"is_wave": True, "picking_ids": [(6, 0, orders.ids)]})
        )
        self.assertFalse(wave.wms_topup_ids, "a draft wave plans nothing yet")
        wave.action_confirm()
        topup = wave.wms_topup_ids
        self.assertEqual(len(topup), 1)
        self.assertEqual((topup.move_ids.location_id, topup.move_ids.location_dest_id),
                         (self.bin_far, self.slot))  # fmt: skip
        self.assertEqual(topup.move_ids.product_uom_qty, 34)  # 6 on hand, 9 to pick, to 40
        self.assertIn("short by 3", topup.move_ids.wms_replenish_reason)
        # refilled before the wave: due its lead time before the start, and urgent
        self.assertEqual(topup.scheduled_date, wave.scheduled_date - timedelta(minutes=15))
        self.assertEqual(topup.priority, "1")
        self.assertEqual(orders.mapped("priority"), ["0", "0"])
        # planning again counts the top-up on its way: nothing more
        self.assertFalse(wave.action_wms_plan_topups())
        self.assertEqual(wave.wms_topup_count, 1)
