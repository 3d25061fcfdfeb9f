# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from stockops.labor.staffing import shift_of, suggest_headcount

OPEN = ("open", "assigned", "in_progress")


class WmsStaffingLine(models.Model):
    """How many operators a zone needs on a shift tomorrow, from today's actuals: the
    standard hours done there today (or already due tomorrow, when more) at the speed the
    crew actually worked today, against tomorrow's shift length."""

    _name = "wms.staffing.line"
    _description = "Suggested Staffing per Zone and Shift"
    _order = "date desc, warehouse_id, zone_id, shift_id"

    date = fields.Date("For", required=True, index=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, index=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    zone_id = fields.Many2one("wms.zone", required=True, ondelete="cascade")
    shift_id = fields.Many2one("resource.calendar")
    today_standard_h = fields.Float("Done Today, Standard (h)", digits=(10, 2))
    today_actual_h = fields.Float("Done Today, Actual (h)", digits=(10, 2))
    performance = fields.Float("Performance Used (%)", digits=(10, 0), aggregator="avg")
    due_h = fields.Float("Already Due (h)", digits=(10, 2))
    workload_h = fields.Float("Workload (h)", digits=(10, 2))
    needed_h = fields.Float("Hours Needed", digits=(10, 2))
    shift_h = fields.Float("Shift Length (h)", digits=(10, 2), aggregator="max")
    suggested = fields.Integer("Suggested Operators")
    rostered = fields.Integer(
        help="Operators based in the zone whose shift this is (their calendar)."
    )
    gap = fields.Integer(help="Suggested minus rostered: above 0, bring people in.")
    reason = fields.Char()

    @api.model
    def action_plan_tomorrow(self):
        """Supervisor's button: plan tomorrow for every warehouse with operators."""
        warehouses = self.env["wms.operator"].search([]).warehouse_id
        lines = self._plan(warehouses)
        action = self.env["ir.actions.act_window"]._for_xml_id("wms_labor.action_wms_staffing")
        action["domain"] = [("id", "in", lines.ids)]
        return action

    @api.model
    def _cron_plan(self):
        self.sudo().action_plan_tomorrow()

    def _plan(self, warehouses, today=None):
        """Tomorrow's staffing of each warehouse; tomorrow is the day after ``today``, by
        default the warehouse's own day."""
        lines = self.browse()
        for warehouse in warehouses:
            lines |= self._plan_for(warehouse, today or warehouse._site_today())
        return lines

    def _tomorrow(self, shifts, tomorrow, tz):
        """Per shift: tomorrow's working hours (in the shift's own time zone) and its window
        (hours after midnight in ``tz``)."""
        begin = tz.localize(datetime.combine(tomorrow, time.min))
        hours, windows = {}, {}
        for shift in shifts:
            worked = shift._work_intervals_batch(begin, begin + timedelta(days=1))[False]
            spans = [
                ((a - begin).total_seconds() / 3600, (b - begin).total_seconds() / 3600)
                for a, b, _att in worked
            ]
            hours[shift] = sum(b - a for a, b in spans)
            if spans:
                windows[shift] = (spans[0][0], spans[-1][1])
        return begin, hours, windows

    def _plan_for(self, warehouse, today):
        """One read of today's done tasks, one of tomorrow's due tasks, one of the crew;
        one engine call; the day's previous lines replaced in one unlink and one create."""
        tomorrow = today + timedelta(days=1)
        crew = self.env["wms.operator"].search(
            [("warehouse_id", "=", warehouse.id), ("home_zone_id", "!=", False)]
        )
        shifts = self.env["resource.calendar"].union(*(op._shift() for op in crew))
        tz = pytz.timezone(self.env.user.tz or shifts[:1].tz or "UTC")
        begin, shift_h, windows = self._tomorrow(shifts, tomorrow, tz)
        tasks = self.env["wms.task"]
        done = tasks._read_group(
            [("warehouse_id", "=", warehouse.id), ("state", "=", "done"),
             ("shift_date", "=", today), ("zone_id", "!=", False)],
            ["zone_id", "shift_id"], ["standard_s:sum", "actual_s:sum"],
        )  # fmt: skip
        utc_begin = begin.astimezone(pytz.utc).replace(tzinfo=None)
        due = tasks.search_fetch(
            [("warehouse_id", "=", warehouse.id), ("state", "in", OPEN),
             ("zone_id", "!=", False), ("due_date", ">=", utc_begin),
             ("due_date", "<", utc_begin + timedelta(days=1))],
            ["zone_id", "due_date", "standard_s"],
        )  # fmt: skip
        working = list(windows)
        which = shift_of(
            [(t.due_date - utc_begin).total_seconds() / 3600 for t in due],
            [windows[s] for s in working],
        )
        rows = {}  # (zone, shift) -> [standard s today, actual s today, due s tomorrow, crew]

        def row(zone, shift):
            return rows.setdefault((zone, shift), [0.0, 0.0, 0.0, 0])

        for operator in crew:
            row(operator.home_zone_id, operator._shift())[3] += 1
        for zone, shift, standard, actual in done:
            r = row(zone, shift)
            r[0], r[1] = r[0] + standard, r[1] + actual
        for task, index in zip(due, which, strict=True):
            shift = working[index] if index >= 0 else self.env["resource.calendar"]
            row(task.zone_id, shift)[2] += task.standard_s
        keys = sorted(rows, key=lambda k: (k[0].sequence, k[0].code, k[1].name or ""))
        values = [rows[k] for k in keys]
        staffing = suggest_headcount(
            [v[0] / 3600 for v in values], [v[1] / 3600 for v in values],
            [v[2] / 3600 for v in values], [shift_h.get(k[1], 0.0) for k in keys],
        )  # fmt: skip
        self.search([("warehouse_id", "=", warehouse.id), ("date", "=", tomorrow)]).unlink()
        return self.create(
            [
                {"date": tomorrow, "warehouse_id": warehouse.id, "zone_id": zone.id,
                 "shift_id": shift.id, "today_standard_h": v[0] / 3600,
                 "today_actual_h": v[1] / 3600, "due_h": v[2] / 3600,
                 "performance": float(staffing.performance_pct[i]),
                 "workload_h": float(staffing.workload_h[i]),
                 "needed_h": float(staffing.needed_h[i]), "shift_h": shift_h.get(shift, 0.0),
                 "suggested": int(staffing.headcount[i]), "rostered": v[3],
                 "gap": int(staffing.headcount[i]) - v[3], "reason": staffing.reasons[i]}
                for i, ((zone, shift), v) in enumerate(zip(keys, values, strict=True))
            ]
        )  # fmt: skip
