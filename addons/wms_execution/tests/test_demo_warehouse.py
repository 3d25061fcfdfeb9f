# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unittest
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessDenied
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestDemoWarehouse(TransactionCase):
    """The demo tells a consistent story: a placed building, history, open orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        module = cls.env["ir.module.module"].search([("name", "=", "wms_execution")])
        if not module.demo:
            raise unittest.SkipTest("the database was installed without demo data")
        cls.user = new_test_user(
            cls.env, login="wms_demo_t", groups="wms_execution.group_wms_supervisor"
        )
        cls.env = cls.env(user=cls.user)
        cls.warehouse = cls.env.ref("stock.warehouse0")

    def test_every_demo_person_signs_in_with_their_login(self):
        """The README's promise: each demo person's password is their login."""
        people = (
            self.env["res.users"]
            .sudo()
            .search(
                ["|", "|", ("login", "=like", "%.operator"), ("login", "=like", "%.supervisor"),
                 ("login", "=like", "%.planner")]
            )
        )  # fmt: skip
        self.assertGreaterEqual(len(people), 7, "three named people and the floor crew")
        for person in people:
            me = person.with_user(person)
            auth = me._check_credentials(
                {"type": "password", "password": person.login}, {"interactive": False}
            )
            self.assertEqual(auth["uid"], person.id)
            with self.assertRaises(AccessDenied):
                me._check_credentials(
                    {"type": "password", "password": person.login + "x"}, {"interactive": False}
                )

    def test_every_bin_is_placed_and_has_a_walk_from_packing(self):
        bins = self.env["stock.location"].search(
            [("warehouse_id", "=", self.warehouse.id), ("wms_aisle_id", "!=", False)]
        )
        self.assertGreaterEqual(len(bins), 100)
        self.assertTrue(all(bins.mapped("wms_has_coordinates")))
        self.assertEqual(len(bins.filtered(lambda b: b.wms_travel_from_pack_m <= 0)), 0)
        kinds = set(bins.wms_zone_id.mapped("kind"))
        self.assertEqual(kinds, {"reserve", "forward"})

    def test_forward_pick_is_closer_to_packing_than_reserve(self):
        def mean_walk(kind):
            walks = self.env["stock.location"].search(
                [("warehouse_id", "=", self.warehouse.id), ("wms_zone_id.kind", "=", kind),
                 ("wms_aisle_id", "!=", False)]
            ).mapped("wms_travel_from_pack_m")  # fmt: skip
            return sum(walks) / len(walks)

        self.assertLess(mean_walk("forward"), mean_walk("reserve"))

    def test_history_has_weeks_of_receipts_and_deliveries_in_the_ledger(self):
        today = fields.Datetime.now()
        for event_type in ("receipt", "shipment"):
            oldest = self.env["wms.event"].search(
                [("event_type", "=", event_type)], order="date asc", limit=1
            )
            self.assertTrue(oldest, f"no {event_type} in the ledger")
            self.assertLess(oldest.date, today - timedelta(days=28))

    def test_products_carry_dimensions_barcodes_and_vendors(self):
        demo = self.env["product.product"].search(
            [("is_storable", "=", True), ("seller_ids.partner_id.ref", "=like", "V0%")]
        )
        self.assertGreaterEqual(len(demo), 20)
        for product in demo[:20]:
            self.assertTrue(product.barcode)
            self.assertGreater(product.product_length * product.product_width, 0)
            self.assertGreater(product.weight, 0)

    def test_open_orders_wait_with_reserved_picks(self):
        orders = self.env["sale.order"].search([("state", "=", "sale")])
        self.assertGreaterEqual(len(orders), 10)
        picks = orders.picking_ids.filtered(
            lambda p: p.picking_type_id == self.warehouse.pick_type_id
        )
        self.assertTrue(picks.filtered(lambda p: p.state == "assigned"))
