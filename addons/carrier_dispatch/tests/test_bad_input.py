# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bad input never reaches the carrier, never half-validates a delivery, loses nothing."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DispatchCase


@tagged("post_install", "-at_install")
class TestBadInput(DispatchCase):
    def _refused(self, picking, pattern):
        with self.assertRaisesRegex(UserError, pattern), self.env.cr.savepoint():
            picking.button_validate()
        picking.invalidate_recordset()
        self.assertEqual(picking.state, "assigned", "nothing moved")
        self.assertFalse(picking.dispatch_parcel_ids, "nothing booked")
        self.assertFalse(picking.dispatch_state)

    def test_parcel_over_the_carriers_weight_limit_stops_validation(self):
        # one box of 2 bolts (2 kg) and 9 valves (3 kg) + 0.5 kg carton = 31.5 kg
        picking = self._picking(self.post, packages=1, qty=(2, 9))
        self._refused(picking, r"weighs 31\.5 kg, over the 30 kg limit of Test Canada Post")
        self.assertEqual(self.post_sim.calls, [], "the carrier was never called")
        # split over two boxes it fits, and ships
        self.assertEqual(len(picking.move_line_ids), 2)
        second = self.env["stock.quant.package"].create({"package_type_id": self.box.id})
        picking.move_line_ids.filtered(lambda ml: ml.product_id == self.valves).write(
            {"result_package_id": second.id}
        )
        self._validate(picking)
        self.assertEqual(sorted(picking.dispatch_parcel_ids.mapped("weight_kg")), [4.5, 27.5])

    def test_unknown_service_code_is_refused_before_the_carrier_is_called(self):
        self.post.dispatch_service_ids = [
            (0, 0, {"code": "DOM.RP", "name": "Regular Parcel", "cutoff_time": 16.0}),
            (0, 0, {"code": "DOM.XP", "name": "Xpresspost", "cutoff_time": 15.5}),
        ]
        picking = self._picking(self.post, packages=1)
        picking.dispatch_service_code = "DOM.ZZ"
        self._refused(
            picking,
            r"unknown service code 'DOM\.ZZ' for Test Canada Post \(known: DOM\.RP, DOM\.XP\)",
        )
        self.assertEqual(self.post_sim.calls, [])
        picking.dispatch_service_code = "DOM.XP"
        self._validate(picking)
        self.assertEqual(picking.dispatch_parcel_ids.service_code, "DOM.XP")

    def test_every_missing_address_part_is_named(self):
        nowhere = self._partner("Marie Roy", "", "", city="")
        picking = self._picking(self.fedex, packages=1, partner=nowhere)
        self._refused(picking, "ship-to address is missing: street, city, zip")
        self.assertEqual(self.fedex_sim.count("ship"), 0)

    def test_carrier_down_leaves_the_shipment_unconfirmed_with_its_message(self):
        self.post_sim.inject("unavailable", operation="ship")
        picking = self._validate(self._picking(self.post, packages=2))
        self.assertEqual(picking.dispatch_state, "to_retry")
        self.assertFalse(picking.carrier_tracking_ref)
        self.assertIn("Test Canada Post is unavailable", picking.dispatch_message)
        self.assertIn(picking.dispatch_idempotency_key, picking.dispatch_message)
        self.assertTrue(
            any("Test Canada Post is unavailable" in m.body for m in picking.message_ids),
            "the carrier's message is in the chatter",
        )
        self.assertEqual(self.post_sim.book.labels_issued, 0)
