# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The connectors end to end against the engine's local carrier simulators (real HTTP)."""

from datetime import datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DispatchCase


@tagged("post_install", "-at_install")
class TestConnectors(DispatchCase):
    # -- rating ---------------------------------------------------------------------------------
    def test_sale_order_gets_a_rate_from_each_connector(self):
        order = (
            self.env["sale.order"]
            .with_user(self.user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        (0, 0, {"product_id": self.bolts.id, "product_uom_qty": 3}),
                        (0, 0, {"product_id": self.valves.id, "product_uom_qty": 1}),
                    ],
                }
            )
        )
        prices = {}
        for carrier in (self.fedex, self.post):
            result = carrier.with_user(self.user).rate_shipment(order)
            self.assertTrue(result["success"], result["error_message"])
            self.assertGreater(result["price"], 0)
            prices[carrier.delivery_type] = result["price"]
        self.assertEqual(self.fedex_sim.count("rate"), 1)
        self.assertEqual(self.post_sim.count("rate"), 1)
        self.assertNotEqual(prices["fedex_rest"], prices["canadapost_soap"])

    def test_sale_order_rate_error_is_a_message_not_a_crash(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self._partner("Nowhere", "", "").id,
                "order_line": [(0, 0, {"product_id": self.bolts.id, "product_uom_qty": 1})],
            }
        )
        result = self.fedex.with_user(self.user).rate_shipment(order)
        self.assertFalse(result["success"])
        self.assertIn("ship-to address is missing: street, zip", result["error_message"])

    # -- labels ---------------------------------------------------------------------------------
    def test_two_packages_get_two_labels_and_tracking_numbers(self):
        for carrier, sim in ((self.fedex, self.fedex_sim), (self.post, self.post_sim)):
            with self.subTest(carrier=carrier.name):
                picking = self._validate(self._picking(carrier, packages=2))
                self.assertEqual(picking.dispatch_state, "shipped")
                parcels = picking.dispatch_parcel_ids
                self.assertEqual(len(parcels), 2)
                packages = parcels.package_id
                self.assertEqual(len(packages), 2)
                numbers = packages.mapped("dispatch_tracking_number")
                self.assertEqual(len(set(numbers)), 2)
                self.assertEqual(set(numbers), set(sim.book.parcels))
                self.assertEqual(
                    set(picking.carrier_tracking_ref.split(",")), set(numbers), "tracking ref"
                )
                for package in packages:
                    self.assertEqual(package.dispatch_status, "label_created")
                    self.assertTrue(package.dispatch_label_id.raw.startswith(b"%PDF"))
                    self.assertEqual(package.dispatch_label_id.res_id, picking.id)
                self.assertGreater(picking.carrier_price, 0)
                action = picking.action_dispatch_print_labels()
                self.assertIn("/web/content/", action["url"])
                self.assertTrue(picking.get_multiple_carrier_tracking())

    def test_picking_without_packages_ships_as_one_parcel(self):
        picking = self._validate(self._picking(self.post, packages=0))
        (parcel,) = picking.dispatch_parcel_ids
        self.assertFalse(parcel.package_id)
        self.assertAlmostEqual(parcel.weight_kg, 2 * 2.0 + 3.0 + 0.5)
        self.assertEqual(picking.carrier_tracking_ref, parcel.tracking_number)

    # -- tracking -------------------------------------------------------------------------------
    def test_tracking_cron_moves_statuses(self):
        picking = self._validate(self._picking(self.fedex, packages=2))
        self.env["dispatch.parcel"]._cron_track()
        self.assertEqual(set(picking.dispatch_parcel_ids.mapped("status")), {"picked_up"})
        self.assertEqual(self.fedex_sim.count("track"), 1, "one call for all the numbers")
        self.env["dispatch.parcel"]._cron_track()
        package = picking.dispatch_parcel_ids.package_id[:1]
        self.assertEqual(package.dispatch_status, "in_transit")
        self.assertEqual(
            package.dispatch_event_ids.sorted(lambda e: (e.date, e.id)).mapped("status"),
            ["label_created", "picked_up", "in_transit"],
        )
        self.assertEqual(len(picking.dispatch_event_ids), 6, "no scan stored twice")
        for _poll in range(3):
            self.env["dispatch.parcel"]._cron_track()
        self.assertEqual(set(picking.dispatch_parcel_ids.mapped("status")), {"delivered"})
        calls = self.fedex_sim.count("track")
        self.env["dispatch.parcel"]._cron_track()
        self.assertEqual(self.fedex_sim.count("track"), calls, "delivered parcels are not polled")

    # -- failures -------------------------------------------------------------------------------
    def test_outage_after_booking_goes_to_the_retry_queue_and_books_once(self):
        for carrier, sim in ((self.fedex, self.fedex_sim), (self.post, self.post_sim)):
            with self.subTest(carrier=carrier.name):
                sim.inject("timeout", operation="ship")  # booked, but the answer comes too late
                picking = self._validate(self._picking(carrier, packages=2))
                self.assertEqual(picking.dispatch_state, "to_retry")
                self.assertIn("unavailable", picking.dispatch_message)
                self.assertFalse(picking.carrier_tracking_ref)
                self.assertFalse(picking.dispatch_parcel_ids)
                self.assertEqual(sim.book.labels_issued, 2, "the carrier did book")
                queue = (
                    self.env["stock.picking"]
                    .with_user(self.user)
                    .search(
                        [("state", "=", "done"), ("dispatch_state", "in", ("to_retry", "error"))]
                    )
                )
                self.assertIn(picking, queue)
                key = picking.dispatch_idempotency_key
                picking.action_dispatch_retry()
                self.assertEqual(picking.dispatch_state, "shipped")
                self.assertEqual(picking.dispatch_idempotency_key, key)
                self.assertEqual(sim.book.labels_issued, 2, "exactly one booking")
                self.assertEqual(len(sim.book.bookings), 1)
                self.assertEqual(
                    set(picking.dispatch_parcel_ids.mapped("tracking_number")),
                    set(sim.book.parcels),
                )
                picking.action_dispatch_retry()  # a second click changes nothing
                self.assertEqual(len(picking.dispatch_parcel_ids), 2)

    def test_cron_retries_when_the_carrier_is_back(self):
        self.fedex_sim.inject("unavailable", operation="ship")
        picking = self._validate(self._picking(self.fedex, packages=1))
        self.assertEqual(picking.dispatch_state, "to_retry")
        self.assertEqual(self.fedex_sim.book.labels_issued, 0)
        self.env["stock.picking"]._cron_dispatch_retry()
        self.assertEqual(picking.dispatch_state, "shipped")
        self.assertEqual(self.fedex_sim.book.labels_issued, 1)
        self.assertEqual(picking.dispatch_attempts, 2)

    def test_bad_address_is_a_clear_error_and_nothing_ships(self):
        nowhere = self._partner("Marie Roy", "", "", city="Toronto")
        picking = self._picking(self.fedex, packages=2, partner=nowhere)
        with (
            self.assertRaisesRegex(UserError, "ship-to address is missing: street, zip"),
            self.env.cr.savepoint(),
        ):
            picking.button_validate()
        picking.invalidate_recordset()
        self.assertEqual(picking.state, "assigned")
        self.assertFalse(picking.dispatch_parcel_ids)
        self.assertEqual(self.fedex_sim.count("ship"), 0)

    def test_refusal_on_retry_is_kept_with_the_carriers_reason(self):
        self.post_sim.inject("unavailable", operation="ship")
        picking = self._validate(self._picking(self.post, packages=1))
        picking.dispatch_service_code = "DOM.SPACESHIP"
        picking.action_dispatch_retry()
        self.assertEqual(picking.dispatch_state, "error")
        self.assertIn("DOM.SPACESHIP", picking.dispatch_message)
        self.assertFalse(picking.dispatch_parcel_ids)
        picking.dispatch_service_code = False
        picking.action_dispatch_retry()
        self.assertEqual(picking.dispatch_state, "shipped")

    def test_cancel_voids_the_labels_at_the_carrier(self):
        for carrier, sim in ((self.fedex, self.fedex_sim), (self.post, self.post_sim)):
            with self.subTest(carrier=carrier.name):
                picking = self._validate(self._picking(carrier, packages=2))
                numbers = picking.dispatch_parcel_ids.mapped("tracking_number")
                picking.cancel_shipment()
                self.assertFalse(picking.carrier_tracking_ref)
                self.assertEqual(picking.dispatch_state, "cancelled")
                self.assertEqual(set(picking.dispatch_parcel_ids.mapped("status")), {"cancelled"})
                self.assertEqual({sim.book.parcels[n].step for n in numbers}, {"voided"})
                self.assertEqual(
                    set(picking.dispatch_parcel_ids.package_id.mapped("dispatch_status")),
                    {"cancelled"},
                )

    # -- rate shopping --------------------------------------------------------------------------
    def test_rate_shopping_stores_quotes_and_chooses_by_rule(self):
        picking = self._picking(self.fedex, packages=2)
        picking.action_dispatch_shop_rates()
        quotes = picking.dispatch_quote_ids
        self.assertEqual(len(quotes), 6)
        self.assertEqual(quotes.carrier_id, self.fedex | self.post)
        chosen = quotes.filtered("chosen")
        self.assertEqual(len(chosen), 1)
        self.assertEqual(chosen.price_company, min(quotes.mapped("price_company")))
        self.assertEqual(picking.carrier_id, chosen.carrier_id)
        self.assertEqual(picking.dispatch_service_code, chosen.service_code)
        self.assertIn("cheapest", picking.dispatch_rate_reason)

        # a promise only the faster services keep: the cheapest of those
        fastest_day = min(quotes.mapped("delivery_date"))
        picking.date_deadline = datetime.combine(fastest_day, datetime.min.time()) + timedelta(
            hours=12
        )
        picking.action_dispatch_shop_rates()
        quotes = picking.dispatch_quote_ids
        in_time = quotes.filtered(lambda q: q.delivery_date <= fastest_day)
        chosen = quotes.filtered("chosen")
        self.assertEqual(chosen.price_company, min(in_time.mapped("price_company")))
        self.assertTrue(chosen.on_time)

        self.warehouse.dispatch_rate_rule = "fastest"
        picking.date_deadline = False
        picking.action_dispatch_shop_rates()
        chosen = picking.dispatch_quote_ids.filtered("chosen")
        self.assertEqual(chosen.delivery_date, fastest_day)
        self.assertIn("fastest", picking.dispatch_rate_reason)

        # the chosen service is what gets booked, at the quoted price
        self._validate(picking)
        self.assertEqual(
            picking.dispatch_parcel_ids.mapped("service_code"), [chosen.service_code] * 2
        )
        self.assertAlmostEqual(picking.carrier_price, chosen.price_company, places=2)

    def test_rate_shopping_survives_a_carrier_outage(self):
        self.fedex_sim.inject("unavailable", operation="rate")
        picking = self._picking(self.fedex, packages=1)
        picking.action_dispatch_shop_rates()
        self.assertEqual(picking.dispatch_quote_ids.carrier_id, self.post)
        self.assertEqual(picking.carrier_id, self.post)
        self.assertIn("unavailable", picking.dispatch_rate_reason)

    # -- what the carrier says back -----------------------------------------------------------
    def test_the_carriers_charge_is_the_shipping_cost(self):
        picking = self._validate(self._picking(self.post, packages=2))
        (booking,) = self.post_sim.book.bookings.values()
        self.assertEqual(self.post_sim.count("rate"), 0, "no second call to price the booking")
        self.assertAlmostEqual(picking.carrier_price, float(booking.price), places=2)
        self.assertGreater(picking.carrier_price, 0)

    def test_an_unknown_tracking_number_is_noted_on_its_parcel_only(self):
        for carrier, sim in ((self.fedex, self.fedex_sim), (self.post, self.post_sim)):
            with self.subTest(carrier=carrier.name):
                picking = self._validate(self._picking(carrier, packages=2))
                lost, kept = picking.dispatch_parcel_ids.sorted("id")
                del sim.book.parcels[lost.tracking_number]  # the carrier lost track of it
                self.env["dispatch.parcel"]._cron_track()
                self.assertEqual(kept.status, "picked_up")
                self.assertFalse(kept.tracking_error)
                self.assertEqual(lost.status, "label_created")
                self.assertEqual(
                    lost.tracking_error,
                    f"tracking number {lost.tracking_number} is unknown "
                    "(TRACKING.TRACKINGNUMBER.NOTFOUND)",
                )
                problems = self.env["dispatch.parcel"].search(
                    [("tracking_error", "!=", False), ("picking_id", "=", picking.id)]
                )
                self.assertEqual(problems, lost)
