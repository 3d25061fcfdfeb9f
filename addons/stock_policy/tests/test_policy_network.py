# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from datetime import timedelta

import numpy as np

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from stockops.policy.network import Stage, plan_network
from stockops.policy.reorder import z_for_service_level

from .common import bought_product, ship

#: a week of the regional warehouse's customer demand (mean 10 a day), repeated
NORTH_WEEK = [10, 14, 6, 12, 8, 10, 10]
MAIN_PER_DAY = 2


@tagged("post_install", "-at_install")
class TestPolicyNetwork(TransactionCase):
    """A main warehouse buying from a vendor (9 days) resupplies a regional one (transfers
    measured at 3 days): planned as one supply tree, and rebalanced."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.planner = new_test_user(
            env, login="net_planner_t", groups="stock_policy.group_inventory_planner"
        )
        cls.clerk = new_test_user(env, login="net_clerk_t", groups="stock.group_stock_user")
        cls.main = env["stock.warehouse"].create({"name": "Net Main", "code": "NMN"})
        cls.north = env["stock.warehouse"].create(
            {"name": "Net North", "code": "NNO", "resupply_wh_ids": [(6, 0, cls.main.ids)],
             "policy_transfer_cost": 50.0, "policy_transfer_cost_per_unit": 0.5}
        )  # fmt: skip
        cls.warehouses = cls.main | cls.north
        vendor = env["res.partner"].create({"name": "Fjord Fasteners"})
        cls.bolt = bought_product(env, vendor, "Hex Bolt M10 (50)", delay=9)
        cls.bolt.list_price = 20.0
        columns = env["stock.policy.history"]._week_columns(26)
        days = [columns[0] + timedelta(days=d) for d in range(26 * 7)]
        cls.north_daily = [NORTH_WEEK[d % 7] for d in range(len(days))]
        ship(env, cls.north, cls.bolt, list(zip(days, cls.north_daily, strict=True)))
        ship(env, cls.main, cls.bolt, [(day, MAIN_PER_DAY) for day in days])
        cls._transfer_done(days_taken=3)

    @classmethod
    def _transfer_done(cls, days_taken):
        """One done resupply: shipped from main's stock to transit, received in north
        ``days_taken`` days after the shipment was created."""
        env = cls.env
        transit = cls.main.company_id.internal_transit_location_id
        received = fields.Datetime.now() - timedelta(days=10)
        out = env["stock.move"].create(
            {"name": "resupply", "product_id": cls.bolt.id, "product_uom_qty": 40,
             "location_id": cls.main.lot_stock_id.id, "location_dest_id": transit.id,
             "state": "done", "date": received - timedelta(days=days_taken)}
        )  # fmt: skip
        env["stock.move"].create(
            {"name": "resupply", "product_id": cls.bolt.id, "product_uom_qty": 40,
             "location_id": transit.id, "location_dest_id": cls.north.lot_stock_id.id,
             "state": "done", "date": received, "move_orig_ids": [(6, 0, out.ids)]}
        )  # fmt: skip
        env.flush_all()
        env.cr.execute(
            "UPDATE stock_move SET create_date = %s WHERE id = %s",
            [received - timedelta(days=days_taken), out.id],
        )
        env.invalidate_all()

    def _run(self):
        return self.env["stock.policy.run"].with_user(self.planner)._execute(self.warehouses)

    def _rule(self, warehouse):
        return self.env["stock.warehouse.orderpoint"].search(
            [("product_id", "=", self.bolt.id), ("warehouse_id", "=", warehouse.id)]
        )

    def _stock(self, warehouse, qty):
        self.env["stock.quant"]._update_available_quantity(self.bolt, warehouse.lot_stock_id, qty)

    def test_supplier_plans_for_the_network_without_stacking(self):
        run = self._run()
        self.assertEqual(run.state, "done", run.log)
        main, north = self._rule(self.main), self._rule(self.north)
        sd = float(np.std(self.north_daily, ddof=1))
        # the supplier's demand: its own plus the regional's dependent demand
        self.assertAlmostEqual(north.policy_forecast_per_day, 10.0, places=6)
        self.assertAlmostEqual(main.policy_forecast_per_day, 10.0 + MAIN_PER_DAY, places=6)
        self.assertEqual(north.policy_supplier_wh_id, self.main)
        self.assertFalse(main.policy_supplier_wh_id)
        self.assertEqual(north.policy_lead_time_days, 3.0)
        self.assertIn("measured on 1 moves", north.policy_lead_time_source)
        self.assertEqual(main.policy_lead_time_days, 9.0)
        # by hand: sqrt(9 - S) + sqrt(S + 3) is least at S = 9: main passes its 9 days
        # on, north covers 12 days; nothing is held at main
        z = z_for_service_level(0.95)
        self.assertAlmostEqual(main.policy_safety_stock, 0.0, places=6)
        self.assertAlmostEqual(north.policy_safety_stock, z * sd * math.sqrt(12), places=4)
        self.assertAlmostEqual(main.policy_stacked_safety_stock, z * sd * 3, places=4)
        self.assertAlmostEqual(north.policy_stacked_safety_stock, z * sd * math.sqrt(3), places=4)
        held = main.policy_safety_stock + north.policy_safety_stock
        stacked = main.policy_stacked_safety_stock + north.policy_stacked_safety_stock
        self.assertLess(held, stacked - 1.0, "safety stock is not stacked at both levels")
        # the engine's own answer on the same inputs
        plan = plan_network(
            [Stage("B", "NMN", MAIN_PER_DAY, 0.0, 9.0),
             Stage("B", "NNO", 10.0, sd, 3.0, supplier="NMN")]
        )  # fmt: skip
        self.assertAlmostEqual(plan.total_safety_stock, held, places=4)
        self.assertEqual(plan.at("B", "NMN").outbound_service_days, 9)
        # the rules follow: north orders from main through the resupply route
        self.assertEqual(north.product_min_qty, north.policy_proposed_min)
        self.assertGreater(north.product_min_qty, 10.0 * 12)
        self.assertIn("Network (NNO, resupplied by NMN)", north.policy_reason)
        self.assertIn("promises 9 d", main.policy_reason)

    def test_a_warehouse_alone_keeps_its_single_site_plan(self):
        self.env["stock.policy.run"].with_user(self.planner)._execute(self.north)
        north = self._rule(self.north)
        self.assertFalse(north.policy_supplier_wh_id)
        self.assertNotIn("Network", north.policy_reason)

    def test_routes_in_a_circle_keep_the_single_site_plan(self):
        self.main.resupply_wh_ids = self.north
        with mute_logger("odoo.addons.stock_policy.models.network.stock_policy_network"):
            run = self._run()
        self.assertEqual(run.state, "partial")
        self.assertIn("network plan: 'Hex Bolt M10 (50)'", run.log)
        self.assertIn("go round in a circle", run.log)
        north = self._rule(self.north)
        self.assertFalse(north.policy_supplier_wh_id, "nothing of the network plan written")
        self.assertIn("Profile:", north.policy_reason)

    def test_run_figures_stay_the_runs(self):
        self._run()
        with self.assertRaises(AccessError):
            self._rule(self.north).with_user(self.clerk).write({"policy_stacked_safety_stock": 0})

    def test_rebalancing_proposal_approved_into_a_transfer(self):
        self._stock(self.main, 500)
        self._stock(self.north, 5)
        run = self._run()
        self.assertEqual(run.state, "done", run.log)
        proposals = self.env["stock.policy.rebalance"].with_user(self.planner)
        proposal = proposals.search([("product_id", "=", self.bolt.id)])
        self.assertEqual(len(proposal), 1)
        self.assertEqual((proposal.source_warehouse_id, proposal.dest_warehouse_id),
                         (self.main, self.north))  # fmt: skip
        # north: 10/d for 28 d, 5 on hand: 275 short, 250 avoidable after a 3-day transfer;
        # main: 500 - 12/d x 28 d - 0 safety stock = 164 to spare
        self.assertEqual(proposal.units, 164)
        self.assertEqual(proposal.transfer_cost, 50 + 0.5 * 164)
        self.assertEqual(proposal.stockout_cost_avoided, 164 * 20)
        self.assertIn("NNO runs out in 0.5 d", proposal.reason)
        with self.assertRaises(AccessError):
            proposal.with_user(self.clerk).action_approve()
        proposal.action_approve()
        self.assertEqual(proposal.state, "approved")
        picking = proposal.picking_id
        self.assertEqual(picking.picking_type_id, self.main.out_type_id)
        self.assertEqual(picking.location_id, self.main.lot_stock_id)
        self.assertEqual(picking.move_ids.product_uom_qty, 164)
        self.assertEqual(picking.location_dest_id.usage, "transit")
        with self.assertRaisesRegex(UserError, "already approved"):
            proposal.action_approve()
        # a new run keeps the approved one and replaces only open proposals
        self._run()
        self.assertEqual(proposal.exists().state, "approved")

    def test_a_stale_proposal_is_refused(self):
        self._stock(self.main, 500)
        self._stock(self.north, 5)
        run = self._run()
        self.assertEqual(run.state, "done", run.log)
        proposal = (
            self.env["stock.policy.rebalance"]
            .with_user(self.planner)
            .search([("product_id", "=", self.bolt.id), ("state", "=", "proposed")])
        )
        self._stock(self.main, -300)  # stock moved since
        with self.assertRaisesRegex(UserError, "out of date: NMN's free stock went from 500"):
            proposal.action_approve()
        self.assertEqual(proposal.state, "proposed")
        self.assertFalse(proposal.picking_id)

    def test_a_clerk_cannot_make_a_proposal(self):
        with self.assertRaises(AccessError):
            self.env["stock.policy.rebalance"].with_user(self.clerk).create(
                {"product_id": self.bolt.id, "source_warehouse_id": self.main.id,
                 "dest_warehouse_id": self.north.id, "units": 5}
            )  # fmt: skip
