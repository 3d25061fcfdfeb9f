# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast
from collections import namedtuple
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import format_amount

from stockops import kpi as engine
from stockops.kpi.periods import PERIOD_KINDS, last_periods

KPIS = [
    ("fill_rate", "Fill rate"),
    ("inventory_turns", "Inventory turns"),
    ("stockouts", "Stockouts"),
    ("carrying_cost", "Carrying cost"),
    ("ageing", "Stock over 90 days"),
    ("dock_to_stock", "Dock-to-stock time"),
    ("pick_accuracy", "Pick accuracy"),
    ("order_cycle_time", "Order cycle time"),
    ("otif", "On time in full"),
    ("space_utilisation", "Space utilisation"),
]
#: the list a drill-down opens, where the model's default list is not the one to read
DRILL_LIST_VIEWS = {"stock.move": "stock.view_move_tree"}
PERIODS = [("day", "Day"), ("week", "Week"), ("month", "Month")]
SIDES = [("policy", "Inventory policy"), ("floor", "Warehouse floor")]

#: where a KPI sits on the page and its default thresholds (on target at or beyond ``good``,
#: watch at or beyond ``warn``; beyond is above when higher is better); None: no default
KpiSpec = namedtuple("KpiSpec", "side sequence good warn higher_is_better")
SPECS = {
    "fill_rate": KpiSpec("policy", 10, 0.97, 0.93, True),
    "inventory_turns": KpiSpec("policy", 20, 8.0, 4.0, True),
    "stockouts": KpiSpec("policy", 30, 0.02, 0.05, False),
    "carrying_cost": KpiSpec("policy", 40, None, None, False),
    "ageing": KpiSpec("policy", 50, 0.10, 0.25, False),
    "dock_to_stock": KpiSpec("floor", 110, 24.0, 48.0, False),
    "pick_accuracy": KpiSpec("floor", 120, 0.995, 0.98, True),
    "order_cycle_time": KpiSpec("floor", 140, 24.0, 48.0, False),
    "otif": KpiSpec("floor", 150, 0.95, 0.90, True),
    "space_utilisation": KpiSpec("floor", 160, 0.70, 0.50, True),
}


class KpiWindow:
    """The periods measured for one warehouse, in the warehouse's time zone: their
    bounds in UTC for domains, and sums of daily figures per period."""

    def __init__(self, periods, tz_name, today):
        self.periods = periods
        self.tz_name = tz_name
        self.tz = pytz.timezone(tz_name)
        self.today = today
        self.first = min(p.start for p in periods)
        self.end = today + timedelta(days=1)  # nothing after today is measured

    def utc(self, day):
        """Local midnight starting ``day``, as a UTC datetime string for a domain."""
        local = self.tz.localize(datetime.combine(day, time.min))
        return fields.Datetime.to_string(local.astimezone(pytz.utc).replace(tzinfo=None))

    def bounds(self, period, field="date"):
        end = min(period.end, self.end)
        return [(field, ">=", self.utc(period.start)), (field, "<", self.utc(end))]

    def span(self, field="date", first=None):
        return [(field, ">=", self.utc(first or self.first)), (field, "<", self.utc(self.end))]

    def local_day(self, value):
        """The local day of a UTC datetime read from a record."""
        return pytz.utc.localize(value).astimezone(self.tz).date()

    def total(self, by_day, period):
        """Sum of a {day: amount} mapping over the days of ``period``."""
        return sum(v for day, v in by_day.items() if period.start <= day < period.end)

    def pooled(self, by_day, period):
        """All the items of a {day: [items]} mapping in ``period``."""
        return [x for day, xs in by_day.items() if period.start <= day < period.end for x in xs]


class WmsKpiValue(models.Model):
    """One figure of the scorecard: a KPI of one warehouse over one day, week or month, its
    value, colour against its threshold, why, the change since the period before, and the
    records behind it."""

    _name = "wms.kpi.value"
    _description = "Scorecard Figure"
    _order = "date_start desc, warehouse_id, sequence"

    warehouse_id = fields.Many2one("stock.warehouse", required=True, index=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    period = fields.Selection(PERIODS, required=True, default="week", index=True)
    date_start = fields.Date("From", required=True, index=True)
    date_end = fields.Date("To", help="Last day of the period.")
    to_date = fields.Boolean(help="The period is still running: measured up to today.")
    kpi = fields.Selection(KPIS, "KPI", required=True)
    side = fields.Selection(SIDES)
    sequence = fields.Integer()
    value = fields.Float(aggregator="avg")
    measured = fields.Boolean(help="False when the period held nothing to measure.")
    unit = fields.Char()
    display_value = fields.Char("Figure", compute="_compute_display_value")
    status = fields.Selection([("good", "On target"), ("warn", "Watch"), ("bad", "Off target")])
    status_reason = fields.Char("Against Threshold")
    reason = fields.Char("How")
    previous_value = fields.Float("Period Before")
    previous_measured = fields.Boolean()
    drill_model = fields.Char()
    drill_domain = fields.Char()

    _sql_constraints = [
        (
            "one_figure",
            "unique(warehouse_id, period, date_start, kpi)",
            "One figure per warehouse, period and KPI.",
        ),
    ]

    @api.depends("value", "unit", "measured")
    def _compute_display_value(self):
        for figure in self:
            figure.display_value = figure._format(figure.value, figure.measured)

    def _format(self, value, measured=True):
        """A figure as people read it: 97.5 %, 12.4 h, 1,234.00 EUR, 8.1 turns/year."""
        if not measured:
            return "-"
        currency = self.warehouse_id.company_id.currency_id
        if self.unit == "share":
            return f"{value * 100:.1f} %"
        if self.unit == "hours":
            return f"{value:.1f} h"
        if currency and self.unit == currency.name:
            return format_amount(self.env, value, currency)
        return f"{value:,.1f} {self.unit or ''}".strip()

    # ---------------------------------------------------------------- compute
    @api.model
    def _kpi_specs(self):
        """KPI code -> KpiSpec; other add-ons add theirs."""
        return dict(SPECS)

    @api.model
    def _cron_compute(self):
        self._compute(self.env["stock.warehouse"].search([]))

    @api.model
    def action_compute_now(self):
        self._compute(self.env["stock.warehouse"].search([]))
        return self.env["ir.actions.act_window"]._for_xml_id("wms_execution.action_wms_scorecard")

    @api.model
    def _compute(self, warehouses, kinds=PERIOD_KINDS, today=None):
        """Every figure of ``warehouses`` for the last periods of each kind (the current
        one to date, ``today`` by default the warehouse's day): one bulk read per source
        and warehouse, one create."""
        figures = self.browse()
        for warehouse in warehouses:
            day = today or warehouse._site_today()
            periods = [p for kind in kinds for p in last_periods(day, kind)]
            tz_name = warehouse._site_tz()
            window = KpiWindow(periods, tz_name, day)
            figures |= self._store(warehouse, window, self._kpi_measure(warehouse, window))
        return figures

    def _compute_week(self, warehouse, monday):
        """The figures of one warehouse's week starting on ``monday``."""
        today = min(monday + timedelta(days=6), warehouse._site_today())
        figures = self._compute(warehouse, kinds=("week",), today=today)
        return figures.filtered(lambda f: f.date_start == monday)

    def _kpi_measure(self, warehouse, window):
        """KPI code -> one (Kpi, drill model, drill domain) per period of ``window``."""
        return {}

    def _thresholds(self, warehouse):
        specs = self._kpi_specs()
        limits = {code: (spec.good, spec.warn) for code, spec in specs.items()}
        # the warehouse's own rows, and the general rows of its company
        own = [("warehouse_id", "=", warehouse.id)]
        general = [("warehouse_id", "=", False), ("company_id", "=", warehouse.company_id.id)]
        rows = self.env["wms.kpi.threshold"].search(expression.OR([own, general]))
        # a warehouse's own row wins over the general one
        for row in rows.sorted(lambda r: bool(r.warehouse_id)):
            limits[row.kpi] = (row.good, row.warn)
        return limits

    def _store(self, warehouse, window, measured):
        specs = self._kpi_specs()
        limits = self._thresholds(warehouse)
        currency = warehouse.company_id.currency_id.name
        firsts = {}
        for p in window.periods:
            firsts[p.kind] = min(firsts.get(p.kind, p.start), p.start)
        # the periods measured again replace their figures; older ones stay as history
        again = expression.OR(
            [[("period", "=", kind), ("date_start", ">=", first)] for kind, first in firsts.items()]
        )
        self.search(expression.AND([[("warehouse_id", "=", warehouse.id)], again])).unlink()
        rows = []
        for code, figures in measured.items():
            spec = specs[code]
            before = None
            for period, (figure, model, domain) in zip(window.periods, figures, strict=True):
                if before is not None and before[0] != period.kind:
                    before = None
                status, why = engine.grade(figure.value, *limits[code], spec.higher_is_better)
                unit = currency if figure.unit == "currency" else figure.unit
                rows.append(
                    {"warehouse_id": warehouse.id, "period": period.kind,
                     "date_start": period.start, "date_end": period.end - timedelta(days=1),
                     "to_date": period.to_date, "kpi": code, "side": spec.side,
                     "sequence": spec.sequence, "value": figure.value or 0.0,
                     "measured": figure.value is not None, "unit": unit, "status": status,
                     "status_reason": why, "reason": figure.reason,
                     "previous_value": before[1] if before else 0.0,
                     "previous_measured": bool(before and before[1] is not None),
                     "drill_model": model, "drill_domain": str(domain)}
                )  # fmt: skip
                before = (period.kind, figure.value)
        return self.create(rows)

    # ---------------------------------------------------------------- drill
    def action_drill(self):
        """The records behind the figure."""
        self.ensure_one()
        label = dict(self._fields["kpi"]._description_selection(self.env))[self.kpi]
        view = self.env.ref(DRILL_LIST_VIEWS.get(self.drill_model, "-"), raise_if_not_found=False)
        return {
            "type": "ir.actions.act_window",
            "name": f"{label} ({self.date_start})",
            "res_model": self.drill_model,
            "view_mode": "list,form",
            "views": [(view.id if view else False, "list"), (False, "form")],
            "domain": ast.literal_eval(self.drill_domain or "[]"),
            "context": {"create": False},
        }
