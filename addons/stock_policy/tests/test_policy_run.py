# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from .common import bought_product, planning_setup, ship


@tagged("post_install", "-at_install")
class TestPolicyRun(TransactionCase):
    """A planner runs the policy; reorder rules get explained min/max."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        planning_setup(cls, "plan_run_t", "Policy DC", "PDC", "Lakeside Abrasives")
        cls.gloves = cls._product("Nitrile Gloves M (100)", delay=6)
        cls.discs = cls._product("Flap Disc 115 mm (10)", delay=10)
        today = fields.Date.today()
        weekly = [18, 22, 20, 19, 25, 21, 17, 23, 20, 22, 19, 24, 21, 20, 18, 23, 22, 20]
        cls._ship(cls.gloves, [(today - timedelta(weeks=w + 1), q) for w, q in enumerate(weekly)])
        cls._ship(cls.discs, [(today - timedelta(weeks=3 * w + 1), 6) for w in range(6)])

    @classmethod
    def _product(cls, name, delay, min_qty=0.0):
        return bought_product(cls.env, cls.vendor, name, delay, min_qty)

    @classmethod
    def _ship(cls, product, dated_quantities):
        ship(cls.env, cls.warehouse, product, dated_quantities)

    def _run(self):
        return self.env["stock.policy.run"].with_user(self.planner)._execute(self.warehouse)

    def _rule(self, product):
        return self.env["stock.warehouse.orderpoint"].search(
            [("product_id", "=", product.id), ("warehouse_id", "=", self.warehouse.id)]
        )

    def test_run_creates_explained_rules_from_history(self):
        run = self._run()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.planned_count, 2)
        rule = self._rule(self.gloves)
        # about 20.6 a week over a 6-day promised lead time, plus safety stock
        self.assertAlmostEqual(rule.policy_forecast_per_day, 20.6 / 7, delta=0.6)
        self.assertGreater(rule.product_min_qty, rule.policy_forecast_per_day * 6)
        self.assertGreater(rule.product_max_qty, rule.product_min_qty)
        self.assertEqual(rule.policy_profile_id, self.profile)
        self.assertEqual(rule.policy_lead_time_source, "vendor's promise")
        for part in ("Profile: Test 95", "Forecast:", "Lead time:", "Stock:"):
            self.assertIn(part, rule.policy_reason)

    def test_sparse_demand_is_forecast_as_intermittent(self):
        self._run()
        rule = self._rule(self.discs)
        self.assertIn(rule.policy_pattern, ("intermittent", "lumpy"))
        self.assertIn(rule.policy_method, ("sba", "croston", "tsb"))

    def test_frozen_rule_keeps_the_planners_numbers(self):
        self._run()
        rule = self._rule(self.gloves)
        rule.with_user(self.planner).write(
            {"product_min_qty": 500, "product_max_qty": 900, "policy_frozen": True}
        )
        self._run()
        self.assertEqual((rule.product_min_qty, rule.product_max_qty), (500, 900))
        self.assertLess(rule.policy_proposed_min, 500)

    def test_one_bad_product_is_skipped_with_its_reason(self):
        broken = self._product("Misconfigured Tape", delay=5, min_qty=-4)
        self._ship(broken, [(fields.Date.today() - timedelta(weeks=2), 5)])
        with mute_logger("odoo.addons.stock_policy.models.reorder.stock_policy_run"):
            run = self._run()
        self.assertEqual(run.state, "partial")
        self.assertEqual((run.planned_count, run.skipped_count), (2, 1))
        self.assertIn("Misconfigured Tape", run.log)
        self.assertTrue(self._rule(self.gloves))

    def test_marked_promotion_does_not_inflate_the_forecast(self):
        promo_day = fields.Date.today() - timedelta(weeks=2)
        self._ship(self.gloves, [(promo_day, 400)])
        self._run()
        with_spike = self._rule(self.gloves).policy_forecast_per_day
        self.env["stock.policy.exclusion"].with_user(self.planner).create(
            {"product_id": self.gloves.id, "date_from": promo_day, "date_to": promo_day,
             "kind": "promotion", "note": "Spring safety week"}
        )  # fmt: skip
        self._run()
        rule = self._rule(self.gloves)
        self.assertLess(rule.policy_forecast_per_day, with_spike)
        self.assertAlmostEqual(rule.policy_forecast_per_day, 20.6 / 7, delta=0.6)
        self.assertIn("excluded", rule.policy_reason)

    def test_every_day_of_a_week_counts_in_that_week(self):
        """Weeks are ISO weeks (Monday first) whatever the user's language says."""
        product = self._product("Hi-Vis Vest L", delay=5)
        history = self.env["stock.policy.history"].with_user(self.planner)
        monday = history._week_columns(1)[0]
        self._ship(product, [(monday + timedelta(days=d), 1 + d) for d in range(7)])
        self.assertEqual(self.env.ref("base.lang_en").week_start, "7", "Sunday first")
        shipped, _lost, columns = history._weekly_demand(self.warehouse, product, 3)
        self.assertEqual(columns[-1], monday)
        self.assertEqual(list(shipped[0]), [0.0, 0.0, 28.0])

    def test_quiet_first_weeks_are_demand_once_a_product_sold_before(self):
        """Weeks before a product's first sale are not history, but a product that sold
        before the window was on sale there: its quiet first weeks are zero demand (an
        erratic seasonal item with an empty first week kept two full seasons)."""
        history = self.env["stock.policy.history"].with_user(self.planner)
        old, new = (self._product(n, delay=5) for n in ("Ear Plugs (200)", "Knee Pads"))
        monday = history._week_columns(8)[0]
        self._ship(old, [(monday - timedelta(weeks=3), 4), (monday + timedelta(weeks=2), 5)])
        self._ship(new, [(monday + timedelta(weeks=2), 5)])
        products = old | new
        shipped, lost, columns = history._weekly_demand(self.warehouse, products, 8)
        self.assertEqual(columns[0], monday)
        sold_before = history._sold_before(self.warehouse, products, monday)
        self.assertEqual(list(sold_before), [True, False])
        excluded = history._not_history(shipped, lost, None, sold_before)
        self.assertEqual(list(excluded[0]), [False] * 8)
        self.assertEqual(list(excluded[1]), [True, True] + [False] * 6)

    def test_queries_do_not_grow_with_the_chunk(self):
        today = fields.Date.today()
        extra = self.env["product.product"]
        for name in ("Safety Glasses Clear", "Ear Plugs Corded (200)"):
            product = self._product(name, delay=4)
            self._ship(product, [(today - timedelta(weeks=w + 1), 10 + w) for w in range(12)])
            extra |= product
        self._run()  # every product has its rule now: both chunks below update rules
        run = self.env["stock.policy.run"].with_user(self.planner)
        scopes = run._profile_scopes()

        def queries(products):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            run._plan_chunk(self.warehouse, products, scopes)
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        queries(self.gloves | self.discs)  # warm caches shared by any chunk
        small = queries(self.gloves | self.discs)
        large = queries(self.gloves | self.discs | extra)
        self.assertEqual(small, large)

    def test_scheduler_orders_from_the_planned_rule(self):
        self._run()
        self.env["procurement.group"].run_scheduler()
        line = self.env["purchase.order.line"].search([("product_id", "=", self.gloves.id)])
        self.assertTrue(line)
        self.assertEqual(line.order_id.partner_id, self.vendor)
        self.assertAlmostEqual(line.product_qty, self._rule(self.gloves).product_max_qty)


@tagged("post_install", "-at_install")
class TestPolicyOnDemo(TransactionCase):
    """The demo warehouse's six months of history (and the previous system's 80 weeks
    before it), planned as a planner would."""

    def test_demo_products_get_the_method_their_pattern_calls_for(self):
        module = self.env["ir.module.module"].search([("name", "=", "wms_execution")])
        if not module.demo:
            self.skipTest("installed without demo data")
        planner = new_test_user(
            self.env, login="plan_demo_t", groups="stock_policy.group_inventory_planner"
        )
        warehouse = self.env.ref("stock.warehouse0")
        run = self.env["stock.policy.run"].with_user(planner)._execute(warehouse)
        self.assertEqual(run.skipped_count, 0, run.log)
        rules = self.env["stock.warehouse.orderpoint"].search(
            [("warehouse_id", "=", warehouse.id), ("policy_date", "!=", False)]
        )
        self.assertGreaterEqual(len(rules), 200)
        sparse = rules.filtered(lambda r: r.policy_pattern == "intermittent")
        self.assertTrue(sparse)
        self.assertEqual(set(sparse.mapped("policy_method")) - {"sba", "croston", "tsb"}, set())
        fast = self.env.ref("stock_policy.profile_fast_movers")
        self.assertTrue(rules.filtered(lambda r: r.policy_profile_id == fast))
        measured = rules.filtered(lambda r: r.policy_lead_time_source.startswith("measured"))
        self.assertTrue(measured, "demo receipts should give measured lead times")
        # every seasonal item that sells weekly gets a seasonal model
        seasonal = rules.filtered(
            lambda r: (
                "Seasonal" in r.product_id.product_tag_ids.mapped("name")
                and r.policy_pattern in ("smooth", "erratic")
            )
        )
        self.assertGreaterEqual(len(seasonal), 5)
        self.assertEqual(set(seasonal.mapped("policy_method")), {"holt_winters"})
