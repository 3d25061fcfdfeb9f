# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import DispatchCase


@tagged("post_install", "-at_install")
class TestCutoff(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the site's clock is the company's: its address in UTC for these hours
        cls.env.company.partner_id.tz = "UTC"
        cls.user = new_test_user(
            cls.env, login="dock_t", groups="wms_execution.group_wms_supervisor", tz="UTC"
        )
        product = cls.env["product.product"].create({"name": "Ground service", "type": "service"})
        cls.carrier = cls.env["delivery.carrier"].create(
            {"name": "Test Parcel", "product_id": product.id, "dispatch_cutoff_time": 16.5}
        )

    def _seen_at(self, moment):
        with patch.object(fields.Datetime, "now", return_value=moment):
            carrier = self.carrier.with_user(self.user)
            carrier.invalidate_recordset(["dispatch_next_cutoff", "dispatch_next_cutoff_reason"])
            return carrier.dispatch_next_cutoff, carrier.dispatch_next_cutoff_reason

    def test_parcel_ready_before_cutoff_leaves_today(self):
        cutoff, reason = self._seen_at(datetime(2026, 11, 23, 9, 0))
        self.assertEqual(cutoff, datetime(2026, 11, 23, 16, 30))
        self.assertIn("today", reason)

    def test_friday_evening_parcel_leaves_monday(self):
        cutoff, reason = self._seen_at(datetime(2026, 11, 20, 18, 0))
        self.assertEqual(cutoff, datetime(2026, 11, 23, 16, 30))
        self.assertIn("missed", reason)

    def test_every_user_sees_the_site_clock_cutoff(self):
        """A supervisor in Tokyo and one in New York see the same departure: the carrier
        leaves at 16:30 on the site's clock, not on each reader's."""
        moment = datetime(2026, 11, 23, 15, 0)
        far = [
            new_test_user(self.env, login=f"dock_{n}", groups="stock.group_stock_user", tz=tz)
            for n, tz in enumerate(("Asia/Tokyo", "America/New_York"))
        ]
        with patch.object(fields.Datetime, "now", return_value=moment):
            for user in far:
                carrier = self.carrier.with_user(user)
                self.assertEqual(carrier.dispatch_next_cutoff, datetime(2026, 11, 23, 16, 30))
        self.env.company.partner_id.tz = "Europe/Brussels"
        cutoff, reason = self._seen_at(moment)  # 16:00 in Brussels: 16:30 there is 15:30 UTC
        self.assertEqual(cutoff, datetime(2026, 11, 23, 15, 30))
        self.assertIn("today", reason)

    def test_cutoff_must_be_a_time_of_day(self):
        with self.assertRaisesRegex(ValidationError, "time of day"):
            self.carrier.dispatch_cutoff_time = 24.5

    def test_demo_orders_are_booked_on_the_demo_carriers(self):
        carriers = self.env["delivery.carrier"].search([("dispatch_service_code", "!=", False)])
        if len(carriers) < 2:
            self.skipTest("installed without demo data")
        orders = self.env["sale.order"].search([("carrier_id", "in", carriers.ids)])
        self.assertGreaterEqual(len(orders.carrier_id), 2)
        self.assertTrue(all(p.carrier_id for p in orders.picking_ids))


@tagged("post_install", "-at_install")
class TestCutoffBoard(DispatchCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.post.write(
            {
                "dispatch_cutoff_time": 16.0,
                "dispatch_service_ids": [
                    (0, 0, {"code": "DOM.RP", "name": "Regular Parcel", "cutoff_time": 16.0}),
                    (
                        0,
                        0,
                        {
                            "code": "DOM.PC",
                            "name": "Priority",
                            "cutoff_time": 15.0,
                            "tender_open_time": 12.0,
                        },
                    ),
                ],
            }
        )
        cls.warehouse.dispatch_pick_pack_min = 60

    def _planned(self, hour, minute=0, service=False, picked=True):
        picking = self._picking(self.post, packages=1)
        picking.write(
            {
                "scheduled_date": datetime(2026, 11, 23, hour, minute),
                "dispatch_service_code": service,
            }
        )
        picking.move_ids.picked = picked
        return picking

    def _board(self, moment, pickings):
        with patch.object(fields.Datetime, "now", return_value=moment):
            board = (
                self.env["stock.picking"]
                .with_user(self.user)
                .search([("dispatch_cutoff_miss", "=", True), ("id", "in", pickings.ids)])
            )
            pickings.invalidate_recordset()
            rows = {
                p: (p.dispatch_cutoff, p.dispatch_release_by, p.dispatch_cutoff_reason)
                for p in pickings.with_user(self.user)
            }
        return board, rows

    def test_each_service_is_measured_against_its_own_cutoff(self):
        late = self._planned(17)
        early = self._planned(11)
        priority = self._planned(15, 30, "DOM.PC")
        regular = self._planned(15, 30, "DOM.RP")
        board, rows = self._board(datetime(2026, 11, 23, 9, 0), late | early | priority | regular)
        self.assertEqual(board, late | priority)
        cutoff, release_by, reason = rows[priority]
        self.assertEqual(cutoff, datetime(2026, 11, 23, 15, 0))
        self.assertEqual(release_by, cutoff, "packed already: nothing left to release")
        self.assertEqual(
            reason,
            "Test Canada Post DOM.PC: ready 15:30, 30 min after the 15:00 cut-off: "
            "next collection Tue 24 Nov",
        )
        self.assertIn("60 min after the 16:00 cut-off", rows[late][2])
        self.assertEqual(rows[regular][2], "Test Canada Post DOM.RP: makes the 16:00 cut-off")

    def test_pick_and_pack_time_sets_the_release_time_and_can_miss_the_cutoff(self):
        unpacked = self._planned(9, picked=False)
        _board, rows = self._board(datetime(2026, 11, 23, 14, 0), unpacked)
        self.assertEqual(rows[unpacked][1], datetime(2026, 11, 23, 15, 0), "release by")
        self.assertEqual(
            rows[unpacked][2], "Test Canada Post DOM.RP: makes the 16:00 cut-off: release by 15:00"
        )
        board, rows = self._board(datetime(2026, 11, 23, 15, 20), unpacked)
        self.assertEqual(board, unpacked)
        self.assertIn("ready 16:20, 20 min after the 16:00 cut-off", rows[unpacked][2])

    def test_waves_are_released_per_cutoff_earliest_first(self):
        priority = self._planned(10, service="DOM.PC", picked=False)
        regular = self._planned(10, service="DOM.RP", picked=False)
        regular_2 = self._planned(11, service="DOM.RP", picked=False)
        with patch.object(fields.Datetime, "now", return_value=datetime(2026, 11, 23, 9, 0)):
            action = (
                (priority | regular | regular_2)
                .with_user(self.user)
                .action_dispatch_release_waves()
            )
        batches = self.env["stock.picking.batch"].search(action["domain"], order="id")
        self.assertEqual([b.picking_ids for b in batches], [priority, regular | regular_2])
        self.assertEqual(
            batches.mapped("description"),
            [
                "Test Canada Post DOM.PC cut-off Mon 15:00, release by 14:00",
                "Test Canada Post DOM.RP cut-off Mon 16:00, release by 15:00",
            ],
        )
        self.assertEqual(set(batches.mapped("state")), {"in_progress"})
