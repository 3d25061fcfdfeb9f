# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import far_from_site


@tagged("post_install", "-at_install")
class TestEventCounts(TransactionCase):
    """Postings that upset a bin ask for its count today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(cls.env, login="event_count_t", groups="stock.group_stock_user")
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Event DC", "code": "EVT", "policy_count_receipt_value": 1000.0}
        )
        cls.bin = cls.env["stock.location"].create(
            {"name": "A-01-01", "location_id": cls.warehouse.lot_stock_id.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Pipe Wrench 14 in", "is_storable": True, "standard_price": 30.0}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.product, cls.bin, 10)

    def _post(self, picking_type, source, dest, demand, done):
        picking = (
            self.env["stock.picking"]
            .with_user(self.clerk)
            .create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                    "move_ids": [
                        (0, 0, {"name": self.product.name, "product_id": self.product.id,
                                "product_uom_qty": demand, "location_id": source.id,
                                "location_dest_id": dest.id})
                    ],
                }
            )
        )  # fmt: skip
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.quantity = done
        picking.move_ids.picked = True
        picking.with_context(cancel_backorder=True)._action_done()
        return picking

    def _quant(self, location=None):
        return self.env["stock.quant"].search(
            [("product_id", "=", self.product.id), ("location_id", "=", (location or self.bin).id)]
        )

    def _ship(self, demand, done):
        customers = self.env.ref("stock.stock_location_customers")
        return self._post(self.warehouse.out_type_id, self.bin, customers, demand, done)

    def test_an_ordinary_pick_asks_for_nothing(self):
        self._ship(4, 4)
        self.assertFalse(self._quant().policy_count_trigger)

    def test_emptying_a_bin_asks_for_its_count_today(self):
        picking = self._ship(10, 10)
        quant = self._quant()
        self.assertEqual(quant.inventory_date, self.warehouse._site_today())
        self.assertEqual(quant.policy_count_trigger, f"Stockout after {picking.name}")
        self.assertTrue(quant.user_id, "the empty bin's quant is kept for its count")

    def test_a_clerk_far_from_the_site_asks_for_the_count_on_the_sites_day(self):
        today = far_from_site(self.warehouse, self.clerk)
        self._ship(10, 10)
        self.assertEqual(self._quant().inventory_date, today)

    def test_a_short_pick_asks_for_a_count(self):
        picking = self._ship(8, 5)
        self.assertEqual(self._quant().policy_count_trigger, f"Short pick on {picking.name}")

    def test_a_large_receipt_asks_for_a_count_of_its_bin(self):
        vendors = self.env.ref("stock.stock_location_suppliers")
        picking = self._post(self.warehouse.in_type_id, vendors, self.bin, 50, 50)  # 1,500
        self.assertEqual(self._quant().policy_count_trigger, f"Large receipt {picking.name}")
