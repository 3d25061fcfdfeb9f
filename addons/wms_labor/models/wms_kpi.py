# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import fields, models

from stockops import kpi as engine


class WmsKpiValue(models.Model):
    """The floor's labour figure on the scorecard: pick lines per operator hour, from the
    pick tasks done in the week and their actual times."""

    _inherit = "wms.kpi.value"

    kpi = fields.Selection(
        selection_add=[("lines_per_hour", "Pick lines per hour")],
        ondelete={"lines_per_hour": "cascade"},
    )

    def _compute_week(self, warehouse, monday):
        figures = super()._compute_week(warehouse, monday)
        start = datetime.combine(monday, time.min)
        begin = fields.Datetime.to_string(start)
        end = fields.Datetime.to_string(start + timedelta(days=7))
        domain = [
            ("warehouse_id", "=", warehouse.id), ("kind", "=", "pick"), ("state", "=", "done"),
            ("done_date", ">=", begin), ("done_date", "<", end),
        ]  # fmt: skip
        [(lines, seconds)] = self.env["wms.task"]._read_group(
            domain, [], ["lines:sum", "actual_s:sum"]
        )
        figure = engine.lines_per_hour(lines or 0, (seconds or 0.0) / 3600.0)
        good, warn = 60.0, 40.0
        status = False
        if figure.value is not None:
            status = "good" if figure.value >= good else "warn" if figure.value >= warn else "bad"
        return figures | self.create(
            {"warehouse_id": warehouse.id, "week_start": monday, "kpi": "lines_per_hour",
             "side": "floor", "value": figure.value or 0.0, "measured": figure.value is not None,
             "unit": figure.unit, "status": status, "reason": figure.reason,
             "drill_model": "wms.task", "drill_domain": str(domain)}
        )  # fmt: skip
