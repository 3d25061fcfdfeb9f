# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The issue's "done when", on the demo database: its orders, warehouse and carriers.

A demo order is picked and packed in two cartons; closing the pack step gets quotes from
both connectors (real HTTP to the simulators the demo carriers point at); validating the
delivery books the chosen one, a label and tracking number per carton; an outage lands
the next order in the retry queue and a retry books it exactly once; the loading list
orders the parcels by stop; the tracking cron brings the scans in.
"""

import unittest

from odoo.tests import new_test_user, tagged

from stockops.dispatch.simulators.demo import demo_simulators

from .common import LocalCarrierCase

CARTON_LIMIT_KG = 25.0  # a line heavier would not leave both cartons under Canada Post's 30 kg


@tagged("post_install", "-at_install")
class TestDemoDispatch(LocalCarrierCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        module = cls.env["ir.module.module"].search([("name", "=", "carrier_dispatch")])
        if not module.demo:
            raise unittest.SkipTest("the database was installed without demo data")
        cls.env["wms.demo.loader"]._load_dispatch_demo()  # no-op once loaded
        carriers = cls.env["delivery.carrier"].search(
            [("delivery_type", "in", ("fedex_rest", "canadapost_soap"))]
        )
        cls.fedex = carriers.filtered(lambda c: c.name == "FedEx (demo, REST)")
        cls.post = carriers.filtered(lambda c: c.name == "Canada Post (demo, SOAP)")
        (carriers - cls.fedex - cls.post).active = False
        rest, soap = demo_simulators(
            cls.env.company.currency_id.name, latency_s=0.0, rest_port=0, soap_port=0
        )
        cls.sims = (rest.start(), soap.start())
        for sim in cls.sims:
            cls.addClassCleanup(sim.stop)
        # the demo points at 127.0.0.1:8271/8272; these run on free ports, same accounts
        cls.fedex.write({"dispatch_url": rest.url, "dispatch_attempts": 1})
        cls.post.write({"dispatch_url": f"{soap.url}/", "dispatch_attempts": 1})
        cls.warehouse = cls.env.ref("stock.warehouse0")
        cls.user = new_test_user(
            cls.env,
            login="demo_dispatcher",
            groups="stock.group_stock_user",
            tz="UTC",
        )
        cls.orders = cls._shippable_orders(2)

    @classmethod
    def _shippable_orders(cls, count):
        """Demo orders whose picking can be fully reserved, light enough for two cartons."""
        found = cls.env["sale.order"]
        for order in cls.env["sale.order"].search(
            [("state", "=", "sale"), ("client_order_ref", "=like", "S%")], order="id"
        ):
            pick = order.picking_ids.filtered(
                lambda p: p.picking_type_id == cls.warehouse.pick_type_id and p.state != "done"
            )
            moves = pick.move_ids
            weight = sum(m.product_uom_qty * m.product_id.weight for m in moves)
            if len(pick) != 1 or len(moves) < 2 or not 0 < weight <= 30.0:
                continue
            if order.partner_shipping_id in found.partner_shipping_id:
                continue
            if any(m.product_uom_qty * m.product_id.weight > CARTON_LIMIT_KG for m in moves):
                continue
            pick.action_assign()
            if pick.state == "assigned" and all(m.state == "assigned" for m in moves):
                found |= order
                if len(found) == count:
                    return found
        raise AssertionError(f"the demo has fewer than {count} shippable orders")

    def _steps(self, order, picking_type):
        """The order's transfer of a step (the next step appears when the last is done)."""
        order.invalidate_recordset(["picking_ids"])
        found = order.picking_ids.filtered(lambda p: p.picking_type_id == picking_type)
        self.assertEqual(len(found), 1, f"one {picking_type.name} transfer")
        return found.with_user(self.user)

    def _pack(self, order):
        """Pick the order, pack it in two cartons and close the pack step; the delivery."""
        # the salesperson offered FedEx: a carrier connector (the demo orders are on fixed
        # price carriers)
        order.carrier_id = self.fedex
        order.picking_ids.carrier_id = self.fedex
        env = self.env(user=self.user)
        pick = self._steps(order, self.warehouse.pick_type_id)
        pick.move_ids.picked = True
        self.assertIs(pick.button_validate(), True)
        pack = self._steps(order, self.warehouse.pack_type_id)
        if pack.state != "assigned":
            pack.action_assign()
        self.assertEqual(pack.state, "assigned", "the picked goods wait at packing")
        lines = pack.move_line_ids.sorted(
            lambda ml: -ml.quantity_product_uom * ml.product_id.weight
        )
        first, second, load = lines.browse(), lines.browse(), [0.0, 0.0]
        for line in lines:  # heaviest first, into the lighter carton
            side = 0 if load[0] <= load[1] else 1
            load[side] += line.quantity_product_uom * line.product_id.weight
            first, second = (first | line, second) if side == 0 else (first, second | line)
        for carton in (first, second):
            pack.move_line_ids.picked = False
            carton.picked = True
            result = pack.action_put_in_pack()
            if isinstance(result, dict) and result.get("res_model") == "choose.delivery.package":
                env["choose.delivery.package"].with_context(**result["context"]).create(
                    {}
                ).action_put_in_pack()
        pack.move_line_ids.picked = True
        self.assertEqual(len(pack.move_line_ids.result_package_id), 2)
        self.assertIs(pack.button_validate(), True)
        return self._steps(order, self.warehouse.out_type_id)

    def _ship(self, out):
        out.move_ids.picked = True
        self.assertIs(out.button_validate(), True)
        self.assertEqual(out.state, "done")
        return out

    def test_a_packed_demo_order_is_quoted_labelled_per_carton_tracked_and_loaded_by_stop(self):
        first, second = (self._pack(order) for order in self.orders)
        for out in (first, second):
            quotes = out.dispatch_quote_ids
            self.assertEqual(quotes.carrier_id, self.fedex | self.post, out.dispatch_rate_reason)
            self.assertEqual(len(quotes.filtered("chosen")), 1)
            chosen = quotes.filtered("chosen")
            self.assertEqual(out.carrier_id, chosen.carrier_id)
            self.assertEqual(out.dispatch_service_code, chosen.service_code)

        # the chosen carrier books a label per carton, each with its own tracking number
        self._ship(first)
        sim = self.sims[0] if first.carrier_id == self.fedex else self.sims[1]
        parcels = first.dispatch_parcel_ids
        cartons = first.move_line_ids.result_package_id | first.move_line_ids.package_id
        self.assertEqual(len(parcels), 2)
        self.assertEqual(parcels.package_id, cartons)
        self.assertEqual(set(parcels.mapped("tracking_number")), set(sim.book.parcels))
        self.assertEqual(len(set(cartons.mapped("dispatch_tracking_number"))), 2)
        self.assertTrue(all(label.raw.startswith(b"%PDF") for label in parcels.label_attachment_id))

        # an outage: the second delivery is done but waits in the retry queue
        for each in self.sims:
            each.inject("unavailable", operation="ship")
        self._ship(second)
        self.assertEqual(second.dispatch_state, "to_retry")
        queue = (
            self.env["stock.picking"]
            .with_user(self.user)
            .search([("state", "=", "done"), ("dispatch_state", "in", ("to_retry", "error"))])
        )
        self.assertIn(second, queue)
        second_sim = self.sims[0] if second.carrier_id == self.fedex else self.sims[1]
        issued = second_sim.book.labels_issued
        second.with_user(self.user).action_dispatch_retry()
        self.assertEqual(second.dispatch_state, "shipped")
        self.assertEqual(second_sim.book.labels_issued - issued, 2, "exactly one label a carton")
        self.assertEqual(len(second.dispatch_parcel_ids), 2)

        # the loading list: per route, the last stop first
        for out, stop in ((first, 1), (second, 7)):  # the dispatcher's office plans routes
            out.partner_id.sudo().write({"dispatch_route": "Route T", "dispatch_route_stop": stop})
        dock = (first | second).dispatch_dock_id
        self.assertEqual(dock.name, "Door 1 - Parcel carriers")
        loading = dock.with_user(self.user).get_loading_list()
        mine = loading.filtered(lambda p: p.picking_id in first | second)
        self.assertEqual(mine.picking_id.ids, [second.id, first.id])
        self.assertEqual(mine.mapped("stop_sequence"), [7, 7, 1, 1])
        self.assertTrue(mine[0].load_reason.startswith("route Route T: stop 7"))

        # tracking updates arrive by cron, per carton, on the package and the delivery
        self.env["dispatch.parcel"]._cron_track()
        self.env["dispatch.parcel"]._cron_track()
        for out in (first, second):
            self.assertEqual(set(out.dispatch_parcel_ids.mapped("status")), {"in_transit"})
            self.assertEqual(len(out.dispatch_event_ids), 6)
        self.assertEqual(
            cartons[:1].dispatch_event_ids.sorted(lambda e: (e.date, e.id)).mapped("status"),
            ["label_created", "picked_up", "in_transit"],
        )

    def test_the_demo_has_a_connector_of_each_protocol_docks_and_appointments(self):
        self.assertEqual(
            (self.fedex.delivery_type, self.post.delivery_type), ("fedex_rest", "canadapost_soap")
        )
        for carrier, codes in (
            (self.fedex, ["FEDEX_GROUND", "FEDEX_2_DAY", "PRIORITY_OVERNIGHT"]),
            (self.post, ["DOM.RP", "DOM.XP", "DOM.PC"]),
        ):
            self.assertEqual(carrier.dispatch_service_ids.mapped("code"), codes)
            self.assertTrue(carrier.dispatch_account_number.startswith("DEMO-"))
            self.assertFalse(carrier.prod_environment, "test mode")
            self.assertTrue(carrier.dispatch_package_type_id.packaging_length)
            for service in carrier.dispatch_service_ids:
                self.assertLess(service.tender_open_time, service.cutoff_time)
        self.assertTrue(self.fedex.sudo().dispatch_client_secret.startswith("DEMO-"))
        self.assertTrue(self.post.sudo().dispatch_password.startswith("DEMO-"))
        doors = self.env["dispatch.dock"].search([("warehouse_id", "=", self.warehouse.id)])
        self.assertGreaterEqual(len(doors), 4)
        parcel_door = doors.filtered(lambda d: d.name == "Door 1 - Parcel carriers")
        self.assertEqual(parcel_door.carrier_ids, self.fedex | self.post)
        self.assertEqual(doors.filtered(lambda d: not d.carrier_ids).truck_capacity, 2)
        appointments = self.env["dispatch.dock.appointment"].search([("dock_id", "in", doors.ids)])
        self.assertGreaterEqual(len(appointments), 4)
        self.assertTrue(all("the door to itself" in a.slot_reason for a in appointments))
