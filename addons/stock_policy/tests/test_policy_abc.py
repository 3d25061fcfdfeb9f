# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import ship


@tagged("post_install", "-at_install")
class TestAbc(TransactionCase):
    """A planner ranks a warehouse's products by value and picks; classes drive profiles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.planner = new_test_user(
            cls.env, login="plan_abc_t", groups="stock_policy.group_inventory_planner"
        )
        cls.warehouse = cls.env["stock.warehouse"].create({"name": "ABC DC", "code": "ABCD"})
        today = fields.Date.today()
        cls.products = {}
        # name: (cost, units per week for 20 weeks)
        for name, cost, weekly in (
            ("Safety Harness", 400.0, 10),
            ("Nitrile Gloves", 8.0, 60),
            ("Cable Ties", 2.0, 40),
            ("Hose Clamp", 1.5, 5),
            ("Sample Kit", 0.0, 30),
        ):
            product = cls.env["product.product"].create(
                {"name": name, "is_storable": True, "standard_price": cost}
            )
            ship(cls.env, cls.warehouse, product,
                 [(today - timedelta(weeks=w + 1), weekly) for w in range(20)])  # fmt: skip
            cls.products[name] = product
        cls.idle = cls.env["product.product"].create(
            {"name": "Spare Gasket", "is_storable": True, "standard_price": 3.0}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.idle, cls.warehouse.lot_stock_id, 40)

    def _classify(self):
        abc = self.env["stock.policy.abc"].with_user(self.planner)
        abc._classify(self.warehouse)
        return {
            row.product_id.name: row
            for row in abc.search([("warehouse_id", "=", self.warehouse.id)])
        }

    def test_products_are_ranked_by_value_and_by_picks(self):
        rows = self._classify()
        # values a year: harness 80,000 (88 %), gloves 9,600, ties 1,600, clamp 150
        self.assertEqual(rows["Safety Harness"].value_class, "A")
        self.assertEqual(rows["Nitrile Gloves"].value_class, "B")
        self.assertEqual(rows["Cable Ties"].value_class, "C")
        self.assertEqual(rows["Hose Clamp"].value_class, "C")
        self.assertEqual(rows["Safety Harness"].value_rank, 1)
        # every product shipped on the same 20 days: picks do not tell them apart
        self.assertEqual(rows["Safety Harness"].pick_lines, 20)
        self.assertEqual(rows["Safety Harness"].xyz_class, "Z")  # sold 20 weeks of 52: CV 1.26
        self.assertIn("Value: A:", rows["Safety Harness"].reason)

    def test_no_cost_and_no_sales_are_c_with_their_reason(self):
        rows = self._classify()
        self.assertEqual(rows["Sample Kit"].value_class, "C")
        self.assertIn("has no cost", rows["Sample Kit"].reason)
        self.assertEqual(rows["Spare Gasket"].value_class, "C")
        self.assertIn("no consumption", rows["Spare Gasket"].reason)
        self.assertIn("no demand", rows["Spare Gasket"].reason)

    def test_a_reclassification_keeps_the_history_of_changes(self):
        self._classify()
        clamp = self.products["Hose Clamp"]
        ship(self.env, self.warehouse, clamp, [(fields.Date.today() - timedelta(days=3), 30000)])
        rows = self._classify()
        self.assertEqual(rows["Hose Clamp"].value_class, "A")
        change = self.env["stock.policy.abc.change"].search(
            [("product_id", "=", clamp.id), ("old_class", "=", "C")]
        )
        self.assertEqual(change.new_class, "A")

    def test_archived_products_leave_the_classes_with_a_note(self):
        self._classify()
        self.products["Cable Ties"].active = False
        rows = self._classify()
        self.assertNotIn("Cable Ties", rows)
        change = self.env["stock.policy.abc.change"].search(
            [("product_id", "=", self.products["Cable Ties"].id), ("note", "=", "archived")]
        )
        self.assertFalse(change.new_class)

    def test_a_class_profile_sets_the_service_level_of_its_products(self):
        self._classify()
        self.env["stock.policy.profile"].create(
            {"name": "A items", "service_level": 99.0, "abc_class": "A",
             "warehouse_ids": [(6, 0, self.warehouse.ids)]}
        )  # fmt: skip
        self.env["stock.policy.run"].with_user(self.planner)._execute(self.warehouse)
        rule = self.env["stock.warehouse.orderpoint"].search(
            [("product_id", "=", self.products["Safety Harness"].id)]
        )
        self.assertEqual(rule.policy_service_level, 99.0)
        self.assertIn("ABC class (A)", rule.policy_reason)

    def test_an_abc_xyz_profile_governs_its_cell_of_the_matrix(self):
        rows = self._classify()
        # every product sold 20 weeks of 52: all are Z, the harness is A, the gloves B
        self.assertEqual(
            rows["Nitrile Gloves"].value_class + rows["Nitrile Gloves"].xyz_class, "BZ"
        )
        profiles = self.env["stock.policy.profile"].with_user(self.planner)
        scope = {"warehouse_ids": [(6, 0, self.warehouse.ids)]}
        profiles.create({"name": "A items", "service_level": 99.0, "abc_class": "A", **scope})
        profiles.create({"name": "AZ items", "service_level": 97.0, "abc_class": "A",
                         "xyz_class": "Z", **scope})  # fmt: skip
        profiles.create({"name": "Erratic", "service_level": 90.0, "xyz_class": "Z",
                         "sequence": 1, **scope})  # fmt: skip
        self.env["stock.policy.run"].with_user(self.planner)._execute(self.warehouse)
        rules = self.env["stock.warehouse.orderpoint"].search(
            [("warehouse_id", "=", self.warehouse.id)]
        )
        rule_of = {rule.product_id.name: rule for rule in rules}
        harness, gloves = rule_of["Safety Harness"], rule_of["Nitrile Gloves"]
        self.assertEqual(harness.policy_service_level, 97.0)
        self.assertIn("ABC-XYZ class (AZ)", harness.policy_reason)
        self.assertEqual(gloves.policy_service_level, 90.0)
        self.assertIn("XYZ class (Z)", gloves.policy_reason)

    def test_shares_must_add_up_to_a_hundred(self):
        with self.assertRaises(ValidationError):
            self.warehouse.policy_abc_b = 25.0
