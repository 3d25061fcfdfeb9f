# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
import random
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.addons.stock_policy.models.demand.stock_policy_history import week_start
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestLegacyDemand(TransactionCase):
    """Two years of weekly demand imported from the previous system feed the forecast."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.planner = new_test_user(
            cls.env, login="plan_legacy_t", groups="stock_policy.group_inventory_planner"
        )
        cls.warehouse = cls.env["stock.warehouse"].create({"name": "Legacy DC", "code": "LDC"})
        cls.env["stock.policy.profile"].create(
            {"name": "Two years", "service_level": 95.0, "history_days": 770,
             "warehouse_ids": [(6, 0, cls.warehouse.ids)]}
        )  # fmt: skip
        cls.this_monday = week_start(fields.Date.today())
        cls.heater = cls.env["product.product"].create(
            {"name": "Garage Heater 1500 W", "default_code": "HTR-1500", "is_storable": True}
        )
        cls.legacy = cls.env["stock.policy.legacy.demand"].with_user(cls.planner)

    def _import(self, product, weekly, source="Old ERP"):
        """``weekly``: units per week, oldest first, ending last week."""
        return self.legacy.create(
            [
                {
                    "product_id": product.id,
                    "warehouse_id": self.warehouse.id,
                    "week_start": self.this_monday - timedelta(weeks=len(weekly) - i),
                    "qty": qty,
                    "source": source,
                }
                for i, qty in enumerate(weekly)
                if qty
            ]
        )

    def _rule(self, product):
        self.env["stock.policy.run"].with_user(self.planner)._execute(self.warehouse)
        return self.env["stock.warehouse.orderpoint"].search(
            [("product_id", "=", product.id), ("warehouse_id", "=", self.warehouse.id)]
        )

    def test_two_imported_winters_give_a_seasonal_forecast(self):
        noise = random.Random(7)
        weeks = 110
        peak = self.this_monday + timedelta(weeks=6)  # the season is coming
        weekly = []
        for i in range(weeks):
            monday = self.this_monday - timedelta(weeks=weeks - i)
            phase = 2 * math.pi * ((monday - peak).days / 7) / 52
            weekly.append(max(0, round(40 + 32 * math.cos(phase) + noise.gauss(0, 4))))
        self._import(self.heater, weekly)
        rule = self._rule(self.heater)
        self.assertEqual(rule.policy_method, "holt_winters", rule.policy_reason)
        self.assertIn("season", rule.policy_reason)
        # heading into the peak, the forecast is above the two-year average
        self.assertGreater(rule.policy_forecast_per_day * 7, sum(weekly) / weeks)

    def test_zero_weeks_of_a_product_sold_before_the_window_are_history(self):
        """Weeks before the first sale in the window are "not sold yet" only for a product
        that never sold before it: otherwise they are real weeks without demand (and
        count towards the two seasons a seasonal forecast needs)."""
        history = self.env["stock.policy.history"].with_user(self.planner)
        self._import(self.heater, [5, 0, 0, 5, 5, 5, 5, 5, 5, 5])  # ending last week
        demand = history._demand_history(self.warehouse, self.heater, 9)  # from the 1st zero
        sold = history._sold_before(self.warehouse, self.heater, demand.columns[0])
        self.assertEqual(sold.tolist(), [True])
        self.assertFalse(history._not_history(demand.shipped, demand.lost, None, sold).any())
        unsold = history._not_history(demand.shipped, demand.lost)
        self.assertEqual(unsold[0].tolist(), [True, True] + [False] * 7)

    def test_weeks_after_go_live_are_read_from_odoo_not_from_the_import(self):
        customers = self.env.ref("stock.stock_location_customers")
        go_live = fields.Datetime.to_datetime(self.this_monday - timedelta(weeks=8))
        self.env["stock.move"].create(
            [
                {"name": "delivery", "product_id": self.heater.id, "product_uom_qty": 10,
                 "location_id": self.warehouse.lot_stock_id.id,
                 "location_dest_id": customers.id, "state": "done",
                 "date": go_live + timedelta(weeks=w, hours=10)}
                for w in range(8)
            ]
        )  # fmt: skip
        # the old system's export overlaps Odoo's first weeks with bogus figures
        self._import(self.heater, [10] * 20 + [900] * 8)
        rule = self._rule(self.heater)
        self.assertAlmostEqual(rule.policy_forecast_per_day * 7, 10.0, delta=0.5)

    def test_any_day_is_stored_as_its_week_and_a_week_has_one_figure(self):
        wednesday = self.this_monday - timedelta(days=5)
        row = self.legacy.create(
            {"product_id": self.heater.id, "warehouse_id": self.warehouse.id,
             "week_start": wednesday, "qty": 12}
        )  # fmt: skip
        self.assertEqual(row.week_start, wednesday - timedelta(days=2))
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.legacy.create(
                {"product_id": self.heater.id, "warehouse_id": self.warehouse.id,
                 "week_start": row.week_start, "qty": 3}
            )  # fmt: skip

    def test_negative_imported_demand_is_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.legacy.create(
                {"product_id": self.heater.id, "warehouse_id": self.warehouse.id,
                 "week_start": self.this_monday, "qty": -5}
            )  # fmt: skip

    def test_planner_imports_a_file_with_odoos_standard_import(self):
        monday = str(self.this_monday - timedelta(weeks=30))
        result = self.legacy.load(
            ["product_id", "warehouse_id", "week_start", "qty", "source"],
            [
                ["[HTR-1500] Garage Heater 1500 W", "Legacy DC", monday, "14", "AS/400"],
                ["HTR-1500", "Legacy DC", str(self.this_monday - timedelta(weeks=29)), "9", ""],
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(sum(self.legacy.browse(result["ids"]).mapped("qty")), 23)
