# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

from .common import bought_product, planning_setup, ship


@tagged("post_install", "-at_install")
class TestPolicyService(TransactionCase):
    """The service a rule promises, what it would have achieved on the product's own
    last 26 weeks, and rules Odoo executes as the policy means them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        planning_setup(cls, "plan_service_t", "Service DC", "SVD", "Harbour Fasteners")
        cls.today = fields.Date.today()

    @classmethod
    def _product(cls, name, delay, pack=None):
        return bought_product(cls.env, cls.vendor, name, delay, pack=pack)

    def _weekdays(self, weeks, qty_of_day):
        """(day, qty) on the weekdays of the last ``weeks`` full weeks."""
        monday = self.today - timedelta(days=self.today.weekday())
        days = [monday - timedelta(days=d) for d in range(1, weeks * 7 + 1)]
        return [(day, qty_of_day(i)) for i, day in enumerate(days) if day.weekday() < 5]

    def _run(self):
        return self.env["stock.policy.run"].with_user(self.planner)._execute(self.warehouse)

    def _rule(self, product):
        return (
            self.env["stock.warehouse.orderpoint"]
            .with_user(self.planner)
            .search([("product_id", "=", product.id), ("warehouse_id", "=", self.warehouse.id)])
        )

    def _below_target_filter(self):
        """The planning list's "Achieved below target" filter, as the view defines it."""
        view = self.env.ref("stock_policy.stock_orderpoint_view_planning_search")
        [node] = etree.fromstring(view.arch).xpath("//filter[@name='below_target']")
        return safe_eval(node.get("domain"))

    def test_own_history_gives_an_achieved_figure_and_the_filter_finds_misses(self):
        steady = self._product("Cable Ties 200 mm (100)", delay=5)
        ship(self.env, self.warehouse, steady, self._weekdays(52, lambda i: 2 + i % 3))
        # the same small demand, and three customers ordering a pallet each within the
        # last 26 weeks: rare enough that a 95% min does not hold a pallet, so the cycles
        # they fall in run short
        spiky = self._product("Wall Plugs 8 mm (50)", delay=2)
        spikes = {37, 86, 135}  # three Fridays
        ship(
            self.env,
            self.warehouse,
            spiky,
            self._weekdays(52, lambda i: 150 if i in spikes else 2 + i % 3),
        )
        run = self._run()
        self.assertEqual(run.state, "done", run.log)

        rule = self._rule(steady)
        self.assertEqual(rule.policy_service_level, 95.0)
        self.assertEqual(rule.policy_service_measure, "cycle")
        self.assertGreaterEqual(rule.policy_replay_cycles, 10)
        self.assertGreaterEqual(rule.policy_achieved_service, 95.0)
        self.assertFalse(rule.policy_below_target)
        self.assertIn("Achieved: Last 26 weeks of its own demand replayed", rule.policy_reason)
        self.assertIn("at or above the 95.0% target", rule.policy_reason)
        self.assertIn("day-to-day demand as in its own", rule.policy_reason)

        missed = self._rule(spiky)
        self.assertLess(missed.product_min_qty, 150, missed.policy_reason)
        self.assertLess(missed.policy_achieved_service, missed.policy_service_level)
        self.assertTrue(missed.policy_below_target)
        self.assertIn("below the 95.0% target", missed.policy_reason)
        found = (
            self.env["stock.warehouse.orderpoint"]
            .with_user(self.planner)
            .search([("warehouse_id", "=", self.warehouse.id), *self._below_target_filter()])
        )
        self.assertEqual(found, missed)

    def test_fill_rate_profile_is_planned_and_measured_by_fill_rate(self):
        product = self._product("Cable Lugs 16 mm", delay=5)
        ship(self.env, self.warehouse, product, self._weekdays(40, lambda i: 1 + i % 4))
        self.env["stock.policy.profile"].create(
            {"name": "Fill 97", "service_level": 97.0, "service_measure": "fill_rate",
             "sequence": 1, "product_ids": [(6, 0, product.ids)]}
        )  # fmt: skip
        self._run()
        rule = self._rule(product)
        self.assertEqual(rule.policy_service_measure, "fill_rate")
        self.assertEqual(rule.policy_service_level, 97.0)
        self.assertIn("97.0% fill rate (97 of 100 units shipped from stock)", rule.policy_reason)
        self.assertIn("fill rate, ", rule.policy_reason.split("Achieved:")[1])
        self.assertGreater(rule.policy_replay_cycles, 0)

    def test_short_history_is_flagged_as_a_fallback(self):
        product = self._product("Cable Gland M20", delay=5)
        ship(self.env, self.warehouse, product, self._weekdays(3, lambda i: 4))
        self._run()
        rule = self._rule(product)
        self.assertTrue(rule.policy_fallback)
        self.assertIn("short history (3 weeks)", rule.policy_reason)
        fallback = self.env.ref("stock_policy.stock_orderpoint_view_planning_search")
        self.assertIn('name="fallback"', fallback.arch)

    def test_only_the_run_sets_what_a_rule_achieved(self):
        """An inventory administrator without the planner's role may edit rules, but not
        make one look on target."""
        product = self._product("Cable Tie 200 mm", delay=5)
        ship(self.env, self.warehouse, product, self._weekdays(8, lambda i: 3))
        self._run()
        rule = self._rule(product)
        admin = new_test_user(self.env, login="stock_admin_t", groups="stock.group_stock_manager")
        for values in ({"policy_achieved_service": 99.0}, {"policy_below_target": False}):
            with self.assertRaises(AccessError):
                rule.with_user(admin).write(values)
        rule.with_user(admin).write({"product_min_qty": rule.product_min_qty + 1})  # Odoo's own

    def test_a_rule_in_packs_of_12_orders_whole_packs_reaching_min(self):
        """Odoo rounds max - position DOWN to the pack when the rule has a max: the rule
        written must still order, whenever the position is under min, whole packs that
        bring it back to at least min."""
        product = self._product("Hose Clamp 20 mm", delay=7, pack=12)
        ship(self.env, self.warehouse, product, self._weekdays(30, lambda i: i % 2))
        self._run()
        rule = self._rule(product)
        low, high = rule.product_min_qty, rule.product_max_qty
        self.assertEqual(rule.qty_multiple, 12.0)
        self.assertEqual(rule.visibility_days, 0.0)
        self.assertGreater(low, 0.0)
        self.assertLess(low, 12.0, "small demand: min under one pack")
        self.assertEqual((high - low) % 12, 0.0)
        self.assertGreaterEqual(high - low, 12.0)
        stock = self.warehouse.lot_stock_id
        quants = self.env["stock.quant"]
        on_hand = 0.0
        for level in [*range(int(low) + 1), int(low) + 3]:
            if level != on_hand:
                quants._update_available_quantity(product, stock, level - on_hand)
                on_hand = level
            self.env.invalidate_all()
            self.assertEqual(rule.qty_forecast, level)
            qty = rule._get_qty_to_order()
            self.assertEqual(rule.qty_to_order, qty)
            if level < low:
                self.assertGreater(qty, 0.0, f"nothing ordered at {level} under min {low}")
                self.assertEqual(qty % 12, 0.0, f"{qty} at {level} is not whole packs")
                self.assertGreaterEqual(level + qty, low)
            else:
                self.assertEqual(qty, 0.0)
        # and the scheduler buys what the rule says, at one unit under min
        quants._update_available_quantity(product, stock, int(low) - 1 - on_hand)
        self.env.invalidate_all()
        expected = rule._get_qty_to_order()
        self.env["procurement.group"].run_scheduler()
        line = self.env["purchase.order.line"].search([("product_id", "=", product.id)])
        self.assertEqual(line.product_qty, expected)
