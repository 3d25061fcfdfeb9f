# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unittest
from datetime import timedelta

import pytz

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from stockops.kpi.periods import Period

from ..models.scorecard.wms_kpi import KpiWindow


def last_two_weeks(env, warehouse):
    """The scorecard's window over the 14 days up to today, in the warehouse's zone."""
    today = warehouse._site_today()
    start = today - timedelta(days=14)
    period = Period("week", start, today + timedelta(days=1), 15, True)
    return KpiWindow([period], warehouse._site_tz(), today)


def as_demo_supervisor(case, module_name, login):
    """Set up ``case`` (a test class) on the demo warehouse as a new non-admin floor
    supervisor; the whole class is skipped when ``module_name`` has no demo data."""
    module = case.env["ir.module.module"].search([("name", "=", module_name)])
    if not module.demo:
        raise unittest.SkipTest("the database was installed without demo data")
    user = new_test_user(case.env, login=login, groups="wms_execution.group_wms_supervisor")
    case.env = case.env(user=user)
    case.warehouse = case.env.ref("stock.warehouse0")
    case.window = last_two_weeks(case.env, case.warehouse)


@tagged("post_install", "-at_install")
class TestDemoFloorWeeks(TransactionCase):
    """The demo's last two weeks of floor work give the scorecard's floor side figures a
    warehouse manager recognises: receipts put away hours after the truck, picks mostly
    right, orders shipped hours after they came in, by named operators in shift hours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        as_demo_supervisor(cls, "wms_execution", "wms_floor_demo_t")
        cls.measured = cls.env["wms.kpi.value"]._kpi_measure(cls.warehouse, cls.window)

    def _value(self, kpi):
        [(figure, _model, _domain)] = self.measured[kpi]
        self.assertIsNotNone(figure.value, f"{kpi}: {figure.reason}")
        return figure.value

    def test_floor_figures_of_the_last_two_weeks_are_plausible(self):
        self.assertTrue(0.5 <= self._value("dock_to_stock") <= 48.0, self.measured)
        self.assertTrue(0.90 <= self._value("pick_accuracy") < 1.0, self.measured)
        self.assertTrue(0.0 < self._value("order_cycle_time") <= 72.0, self.measured)

    def test_the_scorecard_shows_them_for_the_last_full_week(self):
        figures = self.env["wms.kpi.value"]._compute(self.warehouse, kinds=("week",))
        monday = self.window.today - timedelta(days=self.window.today.weekday() + 7)
        shown = {f.kpi: f.display_value for f in figures if f.date_start == monday}
        for kpi in ("dock_to_stock", "pick_accuracy", "order_cycle_time"):
            self.assertNotEqual(shown[kpi], "-", f"{kpi} of the week of {monday}")
            self.assertNotEqual(shown[kpi], "0.0 h", f"{kpi} of the week of {monday}")

    def test_operators_post_the_work_in_shift_hours(self):
        events = self.env["wms.event"].search(
            [("warehouse_id", "=", self.warehouse.id),
             ("event_type", "in", ("receipt", "putaway", "pick", "pack", "shipment")),
             ("operator_id.login", "=like", "%.operator"), *self.window.span()]
        )  # fmt: skip
        self.assertGreaterEqual(len(events.operator_id), 5, "a crew, not one login")
        self.assertEqual(
            set(events.mapped("event_type")), {"receipt", "putaway", "pick", "pack", "shipment"}
        )
        tz = pytz.timezone(self.window.tz_name)
        hours = {pytz.utc.localize(e.date).astimezone(tz).hour for e in events}
        self.assertTrue(hours <= set(range(6, 22)), sorted(hours))
        self.assertGreaterEqual(len(hours), 8, "spread over the working day")
        # two steps in: every put-away follows its receipt, hours later
        putaways = events.filtered(lambda e: e.event_type == "putaway")
        for event in putaways:
            [receipt] = event.move_line_id.move_id.move_orig_ids
            self.assertEqual(receipt.picking_code, "incoming")
            self.assertGreater(event.date, receipt.date)

    def test_short_picks_are_closed_with_reasons_and_counted(self):
        shorts = self.env["wms.exception"].search(
            [("warehouse_id", "=", self.warehouse.id), ("kind", "=", "short_pick"),
             *self.window.span("create_date")]
        )  # fmt: skip
        self.assertGreaterEqual(len(shorts), 2)
        self.assertEqual(set(shorts.mapped("state")), {"resolved"})
        self.assertTrue(all(shorts.mapped("closing_reason")))
        self.assertEqual(shorts.closed_by, self.env.ref("wms_execution.user_supervisor_james"))
        self.assertTrue(all(s.closed_date > s.create_date for s in shorts))
        picks = self.env["wms.event"].search_count(
            [("warehouse_id", "=", self.warehouse.id), ("event_type", "=", "pick"),
             *self.window.span()]
        )  # fmt: skip
        cleared = len(shorts.filtered(lambda s: s.closing_reason in ("adjusted", "no_issue")))
        self.assertAlmostEqual(self._value("pick_accuracy"), 1 - (len(shorts) - cleared) / picks)
