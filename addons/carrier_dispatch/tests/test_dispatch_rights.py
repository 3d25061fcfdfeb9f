# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a stock user may do with dispatch records: read them, and change them only
through the flows (booking, the carrier's tracking, voiding, closing the day)."""

from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DispatchCase


@tagged("post_install", "-at_install")
class TestDispatchRights(DispatchCase):
    def _shipped(self):
        return self._validate(self._picking(self.fedex, packages=1))

    def test_a_stock_user_cannot_mark_a_parcel_delivered(self):
        parcel = self._shipped().dispatch_parcel_ids.with_user(self.user)
        self.assertEqual(parcel.status, "label_created", "the user reads the parcel")
        with self.assertRaises(AccessError):
            parcel.status = "delivered"
        with self.assertRaises(AccessError):
            parcel.write({"tracking_number": "FORGED-1"})
        with self.assertRaises(AccessError):
            parcel.unlink()
        with self.assertRaises(AccessError):
            parcel.create({"picking_id": parcel.picking_id.id, "carrier_id": self.fedex.id,
                           "tracking_number": "FORGED-2", "status": "delivered"})  # fmt: skip
        self.assertEqual(parcel.sudo().status, "label_created")

    def test_a_stock_user_cannot_write_the_carriers_tracking_history(self):
        parcel = self._shipped().dispatch_parcel_ids
        event = self.env["dispatch.tracking.event"].create(
            {"parcel_id": parcel.id, "date": datetime(2030, 1, 7, 9), "status": "in_transit"}
        )
        mine = event.with_user(self.user)
        self.assertEqual(mine.status, "in_transit", "the user reads the history")
        with self.assertRaises(AccessError):
            mine.status = "delivered"
        with self.assertRaises(AccessError):
            mine.unlink()
        with self.assertRaises(AccessError):
            mine.create({"parcel_id": parcel.id, "date": datetime(2030, 1, 7, 10),
                         "status": "delivered"})  # fmt: skip

    def test_voiding_and_closing_the_day_still_work_for_a_stock_user(self):
        voided = self._shipped()
        voided.cancel_shipment()
        self.assertEqual(voided.dispatch_parcel_ids.status, "cancelled")
        self._shipped()
        wizard = (
            self.env["dispatch.manifest.close"]
            .with_user(self.user)
            .create({"warehouse_id": self.warehouse.id})
        )
        action = wizard.action_close()
        manifest = self.env["dispatch.manifest"].with_user(self.user).search(action["domain"])
        self.assertEqual(manifest.parcel_count, 1)
        with self.assertRaises(AccessError):
            manifest.write({"parcel_count": 5})
        with self.assertRaises(AccessError):
            manifest.unlink()

    def test_a_stock_user_cannot_rewrite_or_delete_quotes(self):
        picking = self._picking(self.fedex, packages=1).with_user(self.user)
        picking.action_dispatch_shop_rates()
        quotes = picking.dispatch_quote_ids
        self.assertTrue(quotes, "the rate shop, run by the user, stored its quotes")
        with self.assertRaises(AccessError):
            quotes[:1].price = 0.01
        with self.assertRaises(AccessError):
            quotes.unlink()
        picking.action_dispatch_shop_rates()  # the flow still replaces them
        self.assertTrue(picking.dispatch_quote_ids)
        self.assertFalse(quotes.sudo().exists(), "the old quotes were replaced")

    def test_only_a_supervisor_books_a_dock_door(self):
        door = self.env["dispatch.dock"].create(
            {"name": "Door 9", "warehouse_id": self.warehouse.id}
        )
        vals = {"name": "Truck", "dock_id": door.id, "start": datetime(2030, 1, 7, 9),
                "end": datetime(2030, 1, 7, 10)}  # fmt: skip
        appointments = self.env["dispatch.dock.appointment"]
        with self.assertRaises(AccessError):
            appointments.with_user(self.user).create(vals)
        booked = appointments.with_user(self.supervisor).create(vals)
        with self.assertRaises(AccessError):
            booked.with_user(self.user).action_cancel()
        self.assertEqual(booked.state, "planned")
        booked.action_done()
        self.assertEqual(booked.with_user(self.user).state, "done", "the user reads it")
