# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestCutoff(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
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
