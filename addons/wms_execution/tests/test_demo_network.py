# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unittest

from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestDemoNetwork(TransactionCase):
    """The demo's regional warehouse, resupplied by the main one: its best sellers are
    planned as a network (the main warehouse on its own plus the regional's demand, the
    transfer's measured lead time) and the two short at the regional have a rebalancing
    proposal a planner can read (any day's demo)."""

    def test_the_regional_is_planned_with_the_main_warehouse(self):
        module = self.env["ir.module.module"].search([("name", "=", "wms_execution")])
        if not module.demo:
            raise unittest.SkipTest("the database was installed without demo data")
        main = self.env.ref("stock.warehouse0")
        regional = self.env["stock.warehouse"].search([("code", "=", "NRD")])
        self.assertEqual(regional.resupply_wh_ids, main)
        planner = self.env.ref("stock_policy.user_planner_aiko")
        rules = (
            self.env["stock.warehouse.orderpoint"]
            .with_user(planner)
            .search([("warehouse_id", "in", (main | regional).ids),
                     ("policy_supplier_wh_id", "=", main.id)])
        )  # fmt: skip
        self.assertEqual(len(rules), 5)
        self.assertTrue(all("transfer from" in r.policy_lead_time_source for r in rules))
        for rule in rules:
            upstream = self.env["stock.warehouse.orderpoint"].search(
                [("warehouse_id", "=", main.id), ("product_id", "=", rule.product_id.id)]
            )
            self.assertGreater(upstream.policy_forecast_per_day, rule.policy_forecast_per_day)
            self.assertIn("Network (NRD, resupplied by", rule.policy_reason)
        proposals = self.env["stock.policy.rebalance"].with_user(planner).search([])
        self.assertGreaterEqual(len(proposals), 1)
        self.assertTrue(all(p.dest_warehouse_id == regional for p in proposals))
        self.assertTrue(all(p.stockout_cost_avoided > p.transfer_cost for p in proposals))
