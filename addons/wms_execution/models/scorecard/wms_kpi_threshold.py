# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class WmsKpiThreshold(models.Model):
    """The colours of a scorecard figure: on target at or beyond *On Target At*, watch at
    or beyond *Watch At*, else off target (beyond is above when higher is better). A row
    without a warehouse applies to every warehouse of its company without its own row; the
    built-in defaults apply where there is no row at all."""

    _name = "wms.kpi.threshold"
    _description = "Scorecard Threshold"
    _order = "kpi, warehouse_id"

    kpi = fields.Selection(selection="_kpi_selection", string="KPI", required=True)
    warehouse_id = fields.Many2one("stock.warehouse", help="Empty: every warehouse.")
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, precompute=True, index=True,
        readonly=False, required=True,
    )  # fmt: skip
    good = fields.Float("On Target At", digits=(16, 3), required=True)
    warn = fields.Float("Watch At", digits=(16, 3), required=True)
    higher_is_better = fields.Boolean(compute="_compute_higher_is_better")

    _sql_constraints = [
        ("one_per_kpi", "unique(kpi, warehouse_id)", "One threshold per KPI and warehouse."),
    ]

    @api.depends("warehouse_id")
    def _compute_company_id(self):
        for row in self:
            row.company_id = row.warehouse_id.company_id or row.company_id or self.env.company

    @api.model
    def _kpi_selection(self):
        return self.env["wms.kpi.value"]._fields["kpi"].selection

    @api.depends("kpi")
    def _compute_higher_is_better(self):
        specs = self.env["wms.kpi.value"]._kpi_specs()
        for row in self:
            row.higher_is_better = bool(row.kpi and specs[row.kpi].higher_is_better)

    @api.constrains("good", "warn", "kpi")
    def _check_order(self):
        for row in self:
            if row.higher_is_better and row.warn > row.good:
                raise ValidationError(
                    _("%(kpi)s: higher is better, so 'Watch At' (%(warn)s) must not be above "
                      "'On Target At' (%(good)s). Lower 'Watch At' or raise the target.",
                      kpi=row.kpi, warn=row.warn, good=row.good)
                )  # fmt: skip
            if not row.higher_is_better and row.warn < row.good:
                raise ValidationError(
                    _("%(kpi)s: lower is better, so 'Watch At' (%(warn)s) must not be below "
                      "'On Target At' (%(good)s). Raise 'Watch At' or lower the target.",
                      kpi=row.kpi, warn=row.warn, good=row.good)
                )  # fmt: skip
