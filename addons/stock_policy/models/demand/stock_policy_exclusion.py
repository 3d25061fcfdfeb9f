# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StockPolicyExclusion(models.Model):
    """Demand a planner tells the forecast to ignore: a promotion, a one-off project
    order, a known data error. The weeks it covers are left out of the history, so they
    neither inflate the forecast nor, when excluded, read as zero."""

    _name = "stock.policy.exclusion"
    _description = "Demand Excluded from Forecasts"
    _order = "date_from desc, id desc"

    product_id = fields.Many2one("product.product", required=True, index=True)
    warehouse_id = fields.Many2one("stock.warehouse", help="Empty means every warehouse.")
    date_from = fields.Date("From", required=True)
    date_to = fields.Date("To", required=True)
    kind = fields.Selection(
        [
            ("promotion", "Promotion"),
            ("one_off", "One-off order"),
            ("data_error", "Data error"),
            ("other", "Other"),
        ],
        required=True,
        default="promotion",
    )
    note = fields.Char()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for exclusion in self:
            if exclusion.date_to < exclusion.date_from:
                raise ValidationError(
                    _(
                        "The exclusion of %(product)s ends before it starts.",
                        product=exclusion.product_id.display_name,
                    )
                )
