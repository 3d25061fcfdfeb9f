# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter
from datetime import timedelta

import numpy as np

from odoo import api, models

from stockops.policy.cycle_count import plan_counts

from ...tools import bulk_update

WEEKS_PER_YEAR = 52


class StockPolicyCountPlan(models.AbstractModel):
    """The cycle-count plan: each product's bins get the date of its next count, so that
    A items are counted most often, C items least, and every working day carries about
    the same number of bins. Counts are Odoo's own count requests on quants (*Scheduled
    Date*), done from Inventory ▸ Physical Inventory."""

    _name = "stock.policy.count.plan"
    _description = "Cycle count planner"

    @api.model
    def _cron_plan(self):
        self.sudo()._plan(self.env["stock.warehouse"].search([]))

    @api.model
    def action_plan_now(self):
        """The planner's menu entry: plan every warehouse, then show the next counts."""
        self._plan(self.env["stock.warehouse"].search([]))
        return self.env["ir.actions.act_window"]._for_xml_id(
            "stock_policy.action_policy_count_sheets"
        )

    def _working_days(self, warehouse, start, count):
        """The next ``count`` working days from ``start`` on the company's calendar
        (its weekdays, minus its public holidays)."""
        calendar = warehouse.company_id.resource_calendar_id
        weekdays = {int(a.dayofweek) for a in calendar.attendance_ids} or set(range(5))
        holidays = set()
        for leave in calendar.global_leave_ids:
            day = leave.date_from.date()
            while day <= leave.date_to.date():
                holidays.add(day)
                day += timedelta(days=1)
        days, day = [], start
        while len(days) < count:
            if day.weekday() in weekdays and day not in holidays:
                days.append(day)
            day += timedelta(days=1)
        return days, len(weekdays)

    def _last_counts(self, warehouse, products):
        groups = self.env["stock.move"]._read_group(
            [
                ("is_inventory", "=", True),
                ("state", "=", "done"),
                ("product_id", "in", products.ids),
                "|",
                ("location_id.warehouse_id", "=", warehouse.id),
                ("location_dest_id.warehouse_id", "=", warehouse.id),
            ],
            ["product_id"],
            ["date:max"],
        )
        return {product.id: last for product, last in groups}

    def _plan(self, warehouses):
        plans = {}
        for warehouse in warehouses:
            plans[warehouse.id] = self._plan_warehouse(warehouse)
        return plans

    def _plan_warehouse(self, warehouse):
        """One read of the bins, classes and last counts; one engine call; one write."""
        quants = self.env["stock.quant"].search_fetch(
            [
                ("location_id.usage", "=", "internal"),
                ("location_id.warehouse_id", "=", warehouse.id),
                ("quantity", ">", 0),
            ],
            ["product_id", "location_id"],
        )
        products = quants.product_id.sorted("id")
        if not products:
            return None
        classes = self.env["stock.policy.abc"].search_fetch(
            [("warehouse_id", "=", warehouse.id), ("product_id", "in", products.ids)],
            ["product_id", "value_class"],
        )
        class_of = {row.product_id.id: row.value_class for row in classes}
        today = warehouse._site_today()
        _week, per_week = self._working_days(warehouse, today, 1)
        days_per_year = per_week * WEEKS_PER_YEAR
        days, _per_week = self._working_days(warehouse, today + timedelta(days=1), days_per_year)
        per_year = warehouse._policy_counts_per_year()
        bins = Counter(quant.product_id.id for quant in quants)
        last = self._last_counts(warehouse, products)
        labels = [class_of.get(pid, "C") for pid in products.ids]
        due = []
        for pid, label in zip(products.ids, labels, strict=True):
            if pid not in last or not per_year[label]:
                due.append(-1)
                continue
            elapsed = (today - last[pid].date()).days * per_week / 7.0
            due.append(max(0, round(days_per_year / per_year[label] - elapsed)))
        plan = plan_counts(
            labels,
            horizon_days=days_per_year,
            days_per_year=days_per_year,
            counts_per_year=per_year,
            effort=np.array([bins[pid] for pid in products.ids], dtype=float),
            due_in_days=due,
        )
        index = {pid: i for i, pid in enumerate(products.ids)}
        planned, rows = self.env["stock.quant"], []
        for quant in quants:
            i = index[quant.product_id.id]
            if plan.first_day[i] < 0:
                continue
            planned |= quant
            unclassified = "" if quant.product_id.id in class_of else " (not classified yet)"
            rows.append(
                {
                    "inventory_date": days[plan.first_day[i]],
                    "policy_count_trigger": f"Cycle count: {plan.reason(i)}{unclassified}",
                }
            )
        bulk_update(planned, rows)
        return plan
