# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.wms_execution.models.scorecard.wms_kpi import KpiSpec

from stockops import kpi as engine


class WmsKpiValue(models.Model):
    """The floor's labour figure on the scorecard: pick lines per operator hour, from the
    pick tasks done in the period and their actual times."""

    _inherit = "wms.kpi.value"

    kpi = fields.Selection(
        selection_add=[("lines_per_hour", "Pick lines per hour")],
        ondelete={"lines_per_hour": "cascade"},
    )

    @api.model
    def _kpi_specs(self):
        return {**super()._kpi_specs(), "lines_per_hour": KpiSpec("floor", 130, 60.0, 40.0, True)}

    def _kpi_measure(self, warehouse, window):
        out = super()._kpi_measure(warehouse, window)
        base = [("warehouse_id", "=", warehouse.id), ("kind", "=", "pick"), ("state", "=", "done")]
        rows = (
            self.env["wms.task"]
            .with_context(tz=window.tz_name)
            ._read_group(
                base + window.span("done_date"), ["done_date:day"], ["lines:sum", "actual_s:sum"]
            )
        )
        lines, seconds = defaultdict(int), defaultdict(float)
        for day, count, spent in rows:
            lines[day.date()] += count
            seconds[day.date()] += spent
        out["lines_per_hour"] = [
            (
                engine.lines_per_hour(window.total(lines, p), window.total(seconds, p) / 3600.0),
                "wms.task",
                base + window.bounds(p, "done_date"),
            )
            for p in window.periods
        ]
        return out
