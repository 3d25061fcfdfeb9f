# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import far_from_site


@tagged("post_install", "-at_install")
class TestCycleCountPlan(TransactionCase):
    """Counts planned by class, with an even load per working day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.planner = new_test_user(
            cls.env, login="plan_count_t",
            groups="stock_policy.group_inventory_planner,stock.group_stock_user",
        )  # fmt: skip
        cls.warehouse = cls.env["stock.warehouse"].create({"name": "Count DC", "code": "CNT"})
        cls.bins = cls.env["stock.location"].create(
            [{"name": f"B-{i:03d}", "location_id": cls.warehouse.lot_stock_id.id}
             for i in range(60)]
        )  # fmt: skip
        mix = ["A"] * 5 + ["B"] * 20 + ["C"] * 100
        cls.products = cls.env["product.product"].create(
            [{"name": f"Part {i}", "is_storable": True} for i in range(len(mix))]
        )
        cls.env["stock.policy.abc"].create(
            [
                {"product_id": p.id, "warehouse_id": cls.warehouse.id, "value_class": c,
                 "lines_class": c, "xyz_class": "X"}
                for p, c in zip(cls.products, mix, strict=True)
            ]
        )  # fmt: skip
        cls.class_of = dict(zip(cls.products.ids, mix, strict=True))
        for i, product in enumerate(cls.products):
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.bins[i % len(cls.bins)], 10
            )

    def _quants(self):
        return self.env["stock.quant"].search(
            [("product_id", "in", self.products.ids), ("location_id", "in", self.bins.ids)]
        )

    def test_next_month_is_evenly_loaded_and_a_items_come_soonest(self):
        plan = self.env["stock.policy.count.plan"].with_user(self.planner)
        plan._plan(self.warehouse)
        quants = self._quants()
        today = self.warehouse._site_today()
        self.assertTrue(all(q.inventory_date > today for q in quants))
        self.assertTrue(all(q.inventory_date.weekday() < 5 for q in quants))
        # 5 x 12 + 20 x 4 + 100 x 1 = 240 counts over about 260 working days: one a day
        month = sorted({q.inventory_date for q in quants})[:20]
        per_day = Counter(q.inventory_date for q in quants if q.inventory_date in month)
        self.assertLessEqual(max(per_day.values()), 2)
        a_dates = [q.inventory_date for q in quants if self.class_of[q.product_id.id] == "A"]
        self.assertLessEqual(max(a_dates), month[-1] + timedelta(days=10))
        a_quant = quants.filtered(lambda q: self.class_of[q.product_id.id] == "A")[:1]
        self.assertIn("A: 12 counts a year", a_quant.policy_count_trigger)

    def test_a_planner_far_from_the_site_plans_from_the_sites_day(self):
        today = far_from_site(self.warehouse, self.planner)
        self.env["stock.policy.count.plan"].with_user(self.planner)._plan(self.warehouse)
        first = min(self._quants().mapped("inventory_date"))
        self.assertGreater(first, today, "nothing is planned for a day the site has lived")
        self.assertLessEqual(first, today + timedelta(days=3), "the plan starts at once")


@tagged("post_install", "-at_install")
class TestCountVariance(TransactionCase):
    """A count off by more than the tolerance: recount, reason, supervisor approval."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counter = new_test_user(cls.env, login="counter_t", groups="stock.group_stock_user")
        cls.supervisor = new_test_user(
            cls.env, login="count_sup_t", groups="stock.group_stock_manager"
        )
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Variance DC", "code": "VAR", "policy_count_tolerance_qty": 2.0}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Hex Bolt M8", "is_storable": True, "standard_price": 0.4}
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.warehouse.lot_stock_id, 100
        )

    def _count(self, qty, user=None):
        quant = self.env["stock.quant"].with_user(user or self.counter).with_context(
            inventory_mode=True
        ).search([("product_id", "=", self.product.id),
                  ("location_id", "=", self.warehouse.lot_stock_id.id)])  # fmt: skip
        quant.inventory_quantity = qty
        quant.inventory_quantity_set = True
        return quant, quant.action_apply_inventory()

    def test_within_tolerance_is_applied_and_counts_as_accurate(self):
        quant, _action = self._count(99)
        self.assertEqual(quant.quantity, 99)
        result = self.env["stock.policy.count.result"].search(
            [("product_id", "=", self.product.id)]
        )
        self.assertTrue(result.accurate)
        self.assertEqual((result.expected_qty, result.counted_qty), (100, 99))

    def test_a_confirmed_variance_needs_a_reason_and_a_supervisor(self):
        quant, action = self._count(90)
        self.assertEqual(quant.policy_count_state, "recount")
        self.assertEqual(quant.quantity, 100, "nothing is applied on a first variance")
        self.assertEqual(quant.policy_first_count, 90)
        self.assertEqual(quant.inventory_date, self.warehouse._site_today(), "recount today")
        self.assertEqual(action["tag"], "display_notification")
        quant, _action = self._count(91)
        self.assertEqual(quant.policy_count_state, "to_approve")
        with self.assertRaises(UserError):
            self._count(91)  # no reason yet
        quant.policy_count_reason = "unscanned_move"
        with self.assertRaises(UserError):
            quant.action_policy_approve_variance()  # a counter cannot approve
        quant.with_user(self.supervisor).action_policy_approve_variance()
        self.assertEqual(quant.quantity, 91)
        self.assertFalse(quant.policy_count_state)
        result = self.env["stock.policy.count.result"].search(
            [("product_id", "=", self.product.id)]
        )
        self.assertFalse(result.accurate)
        self.assertEqual((result.first_count_qty, result.reason), (90, "unscanned_move"))

    def test_a_recount_is_due_on_the_sites_day_whoever_counts(self):
        today = far_from_site(self.warehouse, self.counter)
        quant, _action = self._count(90)
        self.assertEqual((quant.policy_count_state, quant.inventory_date), ("recount", today))

    def test_a_miscount_corrected_by_the_recount_is_applied(self):
        quant, _action = self._count(80)
        quant, _action = self._count(100)
        self.assertFalse(quant.policy_count_state)
        self.assertEqual(quant.quantity, 100)
