# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields, models

FLAGS = [("peak", "Falls behind"), ("nobody", "No one on shift")]


class WmsZoneHour(models.Model):
    """One zone in one hour of the next day: the work due then against the capacity of the
    operators on shift, and the shortfall carried so far. Rebuilt on demand (Zone Board ▸
    Hourly Load) and every hour, so it can be charted and pivoted."""

    _name = "wms.zone.hour"
    _description = "Zone Backlog and Capacity per Hour"
    _order = "hour, zone_id"

    zone_id = fields.Many2one("wms.zone", required=True, index=True, ondelete="cascade")
    warehouse_id = fields.Many2one(related="zone_id.warehouse_id", store=True)
    company_id = fields.Many2one(related="zone_id.company_id", store=True)
    hour = fields.Datetime(required=True, help="Start of the hour.")
    backlog_min = fields.Float("Work Due (min)", digits=(10, 1), help="Standard minutes due.")
    capacity_min = fields.Float("Capacity (min)", digits=(10, 1))
    operators = fields.Integer("On Shift")
    short_min = fields.Float(
        "Behind (min)", digits=(10, 1), aggregator="max",
        help="Work due by the end of this hour that the capacity up to then cannot do.",
    )  # fmt: skip
    flag = fields.Selection(FLAGS)
    reason = fields.Char()

    def _refresh(self, zones):
        """Replace the rows of ``zones`` with the next 24 hours: one engine call per zone,
        one unlink, one create."""
        start, loads, _lends = zones._hourly_load(fields.Datetime.now())
        self.search([("zone_id", "in", zones.ids)]).unlink()
        rows = []
        for zone in zones:
            load = loads[zone.id]
            if not (load.backlog_s.any() or load.capacity_s.any()):
                continue
            rows += [
                {"zone_id": zone.id, "hour": start + timedelta(hours=h),
                 "backlog_min": load.backlog_s[h] / 60, "capacity_min": load.capacity_s[h] / 60,
                 "operators": int(load.people[h]), "short_min": load.short_s[h] / 60,
                 "flag": load.flags[h] or False, "reason": load.reasons[h] or False}
                for h in range(len(load.labels))
            ]  # fmt: skip
        return self.create(rows)

    def _cron_refresh(self):
        self._refresh(self.env["wms.zone"].search([]))
