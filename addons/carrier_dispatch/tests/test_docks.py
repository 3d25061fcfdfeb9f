# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dock doors: appointments within capacity and opening hours; the truck's loading order."""

from datetime import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DispatchCase

MONDAY = datetime(2030, 1, 7)


def at(hour, minute=0, day=MONDAY):
    return day.replace(hour=hour, minute=minute)


@tagged("post_install", "-at_install")
class TestDocks(DispatchCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.door = cls.env["dispatch.dock"].create(
            {
                "name": "Door 1",
                "warehouse_id": cls.warehouse.id,
                "carrier_ids": cls.post.ids,
                "capacity_pallets": 6,
                "open_time": 7.0,
                "close_time": 18.0,
            }
        )
        cls.wide = cls.env["dispatch.dock"].create(
            {"name": "Door 5", "warehouse_id": cls.warehouse.id, "truck_capacity": 2}
        )

    def _book(self, dock, start, end, carrier=None, **vals):
        return (
            self.env["dispatch.dock.appointment"]
            .with_user(self.supervisor)  # the shift's supervisor books the doors
            .create(
                {
                    "name": f"{(carrier or self.post).name} pick-up",
                    "dock_id": dock.id,
                    "carrier_id": (carrier or self.post).id,
                    "start": start,
                    "end": end,
                    **vals,
                }
            )
        )

    def test_a_door_is_never_double_booked(self):
        first = self._book(self.door, at(8), at(9))
        self.assertEqual(first.slot_reason, "Door 1 Mon 07 Jan 08:00-09:00: the door to itself")
        self._book(self.door, at(9), at(10), self.fedex)  # touching is fine
        with self.assertRaises(ValidationError) as caught:
            self._book(self.door, at(8, 30), at(9, 30), self.fedex)
        self.assertEqual(
            caught.exception.args[0],
            "Test FedEx pick-up cannot have this slot: Door 1 takes 1 truck at a time and "
            "08:30-09:30 overlaps Test Canada Post 08:00-09:00, Test FedEx 09:00-10:00; "
            "next free slot: Mon 07 Jan 10:00-11:00.",
        )
        first.action_cancel()  # a cancelled truck frees its slot
        self._book(self.door, at(8), at(9), self.fedex)
        with (
            self.assertRaisesRegex(ValidationError, "takes 1 truck at a time"),
            self.env.cr.savepoint(),
        ):
            first.state = "planned"

    def test_a_wide_door_takes_two_trucks_at_once_not_three(self):
        self._book(self.wide, at(8), at(10))
        self._book(self.wide, at(9), at(11), self.fedex)
        with (
            self.assertRaisesRegex(ValidationError, "Door 5 takes 2 trucks at a time"),
            self.env.cr.savepoint(),
        ):
            self._book(self.wide, at(9, 30), at(10, 30))
        third = self._book(self.wide, at(10), at(12))  # the first truck left at 10:00
        self.assertIn("2 of 2", third.slot_reason)

    def test_opening_hours_weekends_and_pallets_are_checked(self):
        with (
            self.assertRaisesRegex(
                ValidationError,
                "Door 1 is open 07:00-18:00; 17:30-18:30 is outside; "
                "next free slot: Tue 08 Jan 07:00-08:00",
            ),
            self.env.cr.savepoint(),
        ):
            self._book(self.door, at(17, 30), at(18, 30))
        saturday = datetime(2030, 1, 12)
        with (
            self.assertRaisesRegex(
                ValidationError, "closed on Saturdays; next free slot: Mon 14 Jan 07:00-08:00"
            ),
            self.env.cr.savepoint(),
        ):
            self._book(self.door, at(10, day=saturday), at(11, day=saturday))
        self.door.open_weekends = True
        self._book(self.door, at(10, day=saturday), at(11, day=saturday))
        with (
            self.assertRaisesRegex(ValidationError, "plans 8 pallets; Door 1 takes at most 6"),
            self.env.cr.savepoint(),
        ):
            self._book(self.door, at(12), at(13), pallets=8)

    def test_loading_list_loads_the_last_stop_of_each_route_first(self):
        dock = self.env["dispatch.dock"].create(
            {"name": "Door 2", "warehouse_id": self.warehouse.id, "carrier_ids": self.fedex.ids}
        )
        pickings = self.env["stock.picking"]
        for route, stop in (("East", 2), ("West", 1), ("East", 1), ("East", 3), ("West", 2)):
            partner = self._partner(f"{route} {stop}", f"{stop} Main St", "H2X 1Y4")
            partner.write({"dispatch_route": route, "dispatch_route_stop": stop})
            pickings |= self._validate(self._picking(self.fedex, packages=1, partner=partner))
        self.assertEqual(pickings.dispatch_dock_id, dock)
        loading = dock.with_user(self.user).get_loading_list(self.fedex)
        self.assertEqual(
            [(p.route, p.stop_sequence) for p in loading],
            [("East", 3), ("East", 2), ("East", 1), ("West", 2), ("West", 1)],
        )
        self.assertEqual(loading.mapped("load_position"), [1, 2, 3, 4, 5])
        self.assertEqual(
            loading[0].load_reason,
            "route East: stop 3 is delivered last of 3 stops, so it is loaded first (1 of 3)",
        )
        self.assertEqual(dock.parcel_count, 5)
        action = dock.action_open_loading_list()
        self.assertEqual(self.env["dispatch.parcel"].search(action["domain"]), loading)
        self.env["dispatch.parcel"]._cron_track()  # picked up: off the dock
        self.assertFalse(dock.get_loading_list())
