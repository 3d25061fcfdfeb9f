# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dispatch's bad inputs, as a careless user types them: docks, appointments, carrier
settings and a delivery's address are refused with a clear sentence and change nothing."""

from datetime import datetime

from odoo.addons.stock_policy.tests.bad_input import REFUSED, BadInputCase
from odoo.tests import new_test_user, tagged

from .common import DispatchCase

NINE = datetime(2030, 1, 7, 9, 0)  # a Monday
TEN = datetime(2030, 1, 7, 10, 0)


@tagged("post_install", "-at_install")
class TestDispatchBadInput(DispatchCase, BadInputCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="dispatch_mgr_bad", groups="stock.group_stock_manager", tz="UTC"
        )
        cls.door = cls.env["dispatch.dock"].create(
            {"name": "Door 1", "warehouse_id": cls.warehouse.id, "carrier_ids": cls.post.ids,
             "capacity_pallets": 6, "open_time": 7.0, "close_time": 18.0}
        )  # fmt: skip
        cls.slot = cls.env["dispatch.dock.appointment"].create(
            {"name": "Post pick-up", "dock_id": cls.door.id, "carrier_id": cls.post.id,
             "start": NINE, "end": TEN, "pallets": 2}
        )  # fmt: skip

    def _state(self):
        return (
            self.door.read(["truck_capacity", "capacity_pallets", "open_time", "close_time"]),
            self.env["dispatch.dock.appointment"].search_read([], ["pallets", "start", "end"]),
            self.post.read(["dispatch_timeout_s", "dispatch_attempts", "dispatch_cutoff_time"]),
            self.env["stock.picking"].search_read(
                [("carrier_id", "in", (self.post | self.fedex).ids)], ["state", "dispatch_state"]
            ),
            self.env["dispatch.parcel"].search_count([]),
            self.fedex_sim.count("ship"),
        )

    def test_bad_dispatch_inputs_are_refused_clearly(self):
        door = self.door.with_user(self.manager)
        slot = self.slot.with_user(self.manager)
        post = self.post.with_user(self.manager)
        appointments = self.env["dispatch.dock.appointment"].with_user(self.manager)
        nowhere = self._partner("Marie Roy", "2 Rue Saint-Paul", "!!!!")
        picking = self._picking(self.fedex, packages=1, partner=nowhere)

        def book(**vals):
            values = {"name": "Extra pick-up", "dock_id": door.id, "carrier_id": post.id,
                      "start": TEN, "end": TEN.replace(hour=11), **vals}  # fmt: skip
            return lambda: appointments.create(values)

        rows = [
            ("appointment for -4 pallets", REFUSED, "plans -4 pallets", book(pallets=-4)),
            ("appointment changed to -4 pallets", REFUSED, "plans -4 pallets",
             lambda: slot.write({"pallets": -4})),
            ("appointment over the door's pallets", REFUSED, "takes at most 6",
             book(pallets=7)),
            ("appointment ending before it starts", REFUSED, "cannot have this slot",
             book(start=TEN, end=NINE)),
            ("door with negative pallets", REFUSED, "cannot be negative",
             lambda: door.write({"capacity_pallets": -1})),
            ("door with negative parcels", REFUSED, "cannot be negative",
             lambda: door.write({"capacity_parcels": -10})),
            ("door for no truck", REFUSED, "at least one truck",
             lambda: door.write({"truck_capacity": 0})),
            ("door closing before it opens", REFUSED, "must open before it closes",
             lambda: door.write({"open_time": 20.0, "close_time": 8.0})),
            ("carrier timeout -1", REFUSED, "must be above 0 and at most",
             lambda: post.write({"dispatch_timeout_s": -1})),
            ("carrier timeout 0", REFUSED, "must be above 0 and at most",
             lambda: post.write({"dispatch_timeout_s": 0})),
            ("carrier timeout of hours", REFUSED, "must be above 0 and at most",
             lambda: post.write({"dispatch_timeout_s": 36000})),
            ("carrier called no time", REFUSED, "is called 1 to 10 times",
             lambda: post.write({"dispatch_attempts": 0})),
            ("carrier cut-off at 25 h", REFUSED, "must be a time of day",
             lambda: post.write({"dispatch_cutoff_time": 25.0})),
            ("postcode !!!! at validation", REFUSED, "postcode '!!!!' is not a postcode",
             lambda: picking.button_validate()),
        ]  # fmt: skip
        self.check_catalogue(rows, self._state)
        self.assertEqual(self.fedex_sim.count("ship"), 0, "the carrier was never called")
