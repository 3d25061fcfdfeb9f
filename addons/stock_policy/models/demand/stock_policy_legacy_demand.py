# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .stock_policy_history import week_start


class StockPolicyLegacyDemand(models.Model):
    """Weekly demand exported from the system the warehouse ran before Odoo.

    A season shows only after two years of history, and a warehouse that has just moved to
    Odoo has months. Planners import what customers ordered per product and week from
    the old system (Odoo's standard import: product, warehouse, week, quantity); the
    policy run reads those weeks as demand up to the warehouse's first delivery posted in
    Odoo, and Odoo's own moves from then on, so nothing is counted twice.
    """

    _name = "stock.policy.legacy.demand"
    _description = "Demand History Imported from a Previous System"
    _order = "week_start desc, product_id"

    product_id = fields.Many2one("product.product", required=True, index=True, ondelete="cascade")
    warehouse_id = fields.Many2one("stock.warehouse", required=True, index=True, ondelete="cascade")
    week_start = fields.Date(
        "Week", required=True, help="The Monday of the week; any other day is moved back to it."
    )
    qty = fields.Float(
        "Ordered", digits="Product Unit of Measure", required=True, help="In the product's unit."
    )
    source = fields.Char(help="Where the figure comes from, e.g. the old ERP's name.")
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)

    _sql_constraints = [
        (
            "one_figure_per_week",
            "unique(product_id, warehouse_id, week_start)",
            "A product has one imported figure per warehouse and week.",
        ),
        ("not_negative", "CHECK(qty >= 0)", "Imported demand cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._on_monday(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._on_monday(vals))

    @staticmethod
    def _on_monday(vals):
        if vals.get("week_start"):
            vals = {**vals, "week_start": week_start(fields.Date.to_date(vals["week_start"]))}
        return vals
