# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import numpy as np

from odoo import _, fields, models

from stockops.labor.capacity import balance, zone_hours

#: how far ahead the board looks (hours)
HORIZON_H = 24
OPEN = ("open", "assigned", "in_progress")


class WmsZone(models.Model):
    """The supervisor's zone board: each zone's queue, its backlog against the capacity of
    the operators on shift hour by hour (their shift calendars), the first hour it falls
    behind or has work and no one on shift, and which zone could lend a hand."""

    _inherit = "wms.zone"

    open_task_count = fields.Integer("Open Tasks", compute="_compute_board")
    backlog_hours = fields.Float("Backlog (h)", digits=(10, 2), compute="_compute_board")
    operator_count = fields.Integer("Operators Based Here", compute="_compute_board")
    on_shift_count = fields.Integer("On Shift Now", compute="_compute_board")
    due_hours = fields.Float(
        "Due in 24 h (h)", digits=(10, 2), compute="_compute_board",
        help="Standard hours of the open tasks due in the next 24 hours (overdue included).",
    )  # fmt: skip
    capacity_hours = fields.Float(
        "Capacity in 24 h (h)", digits=(10, 2), compute="_compute_board",
        help="Hours the operators based here are on shift in the next 24 hours, times the "
        "share of a shift spent on tasks.",
    )  # fmt: skip
    board_flag = fields.Char("Flag", compute="_compute_board")
    peak_at = fields.Datetime("Flagged From", compute="_compute_board")
    lend_advice = fields.Char("Balance", compute="_compute_board")

    def _hourly_load(self, now, hours=HORIZON_H):
        """Start of the first slot, zone id -> engine ``ZoneHours`` for the next ``hours``
        one-hour slots, and zone id -> the lends it could receive (per warehouse). One read
        of the open tasks, one of the crew, one calendar read per shift."""
        start = now.replace(minute=0, second=0, microsecond=0)
        end = start + timedelta(hours=hours)
        backlog = {zone.id: np.zeros(hours) for zone in self}
        tasks = self.env["wms.task"].search_fetch(
            [("zone_id", "in", self.ids), ("state", "in", OPEN), ("due_date", "<", end)],
            ["zone_id", "due_date", "standard_s"],
        )
        for task in tasks:
            slot = max(0, int((task.due_date - start).total_seconds() // 3600))
            backlog[task.zone_id.id][slot] += task.standard_s
        shift = {zone.id: np.zeros(hours) for zone in self}
        people = {zone.id: np.zeros(hours) for zone in self}
        crew = self.env["wms.operator"].search([("home_zone_id", "in", self.ids)])
        on_shift = crew._seconds_on_shift(start, hours)
        gone = (now - start).total_seconds() / 3600.0  # of the current hour, already past
        for operator in crew:
            seconds = on_shift[operator.id].copy()
            seconds[0] *= 1.0 - gone
            shift[operator.home_zone_id.id] += seconds
            people[operator.home_zone_id.id] += seconds > 0
        labels = [
            fields.Datetime.context_timestamp(self, start + timedelta(hours=h)).strftime("%H:%M")
            for h in range(hours)
        ]
        loads = {
            zone.id: zone_hours(
                zone.code, backlog[zone.id], shift[zone.id], people[zone.id], labels
            )
            for zone in self
        }
        lends = {}
        for warehouse in self.warehouse_id:
            zones = self.filtered(lambda z, w=warehouse: z.warehouse_id == w)
            by_code = {zone.code: zone.id for zone in zones}
            for lend in balance([loads[z] for z in zones.ids], labels):
                lends.setdefault(by_code[lend.to_zone], []).append(lend)
        return start, loads, lends

    def _compute_board(self):
        """One grouped read of all open tasks, one of the crew, and the hourly load."""
        start, loads, lends = self._hourly_load(fields.Datetime.now())
        backlog = {
            zone.id: (count, seconds)
            for zone, count, seconds in self.env["wms.task"]._read_group(
                [("zone_id", "in", self.ids), ("state", "in", OPEN)],
                ["zone_id"],
                ["__count", "standard_s:sum"],
            )
        }
        crew = dict(
            self.env["wms.operator"]._read_group(
                [("home_zone_id", "in", self.ids)], ["home_zone_id"], ["__count"]
            )
        )
        for zone in self:
            count, seconds = backlog.get(zone.id, (0, 0.0))
            load = loads[zone.id]
            zone.open_task_count = count
            zone.backlog_hours = seconds / 3600.0
            zone.operator_count = crew.get(zone, 0)
            zone.on_shift_count = int(load.people[0])
            zone.due_hours = load.backlog_s.sum() / 3600.0
            zone.capacity_hours = load.capacity_s.sum() / 3600.0
            flagged = load.first_flag is not None
            flag = flagged and load.reason
            if count and not zone.operator_count:
                nobody = _("No operator based here")
                flag = f"{nobody}; {flag}" if flag else nobody
            zone.board_flag = flag
            zone.peak_at = flagged and start + timedelta(hours=load.first_flag)
            zone.lend_advice = "; ".join(lend.reason for lend in lends.get(zone.id, [])) or False

    def action_hourly_load(self):
        """Refresh the hour-by-hour rows of these zones (all zones from the menu) and open
        them."""
        zones = self or self.search([])
        self.env["wms.zone.hour"]._refresh(zones)
        action = self.env["ir.actions.act_window"]._for_xml_id("wms_labor.action_wms_zone_hour")
        if self:
            action["domain"] = [("zone_id", "in", self.ids)]
        return action
