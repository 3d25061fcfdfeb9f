# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

FORECAST_METHODS = [
    ("auto", "Automatic (by demand pattern)"),
    ("ses", "Simple exponential smoothing"),
    ("holt_winters", "Holt-Winters (trend and season)"),
    ("croston", "Croston"),
    ("sba", "Syntetos-Boylan (SBA)"),
    ("tsb", "Teunter-Syntetos-Babai (TSB)"),
]


SERVICE_MEASURES = [("cycle", "Cycle service"), ("fill_rate", "Fill rate")]


class StockPolicyProfile(models.Model):
    """The planner's policy for a set of products: how much service to buy with stock,
    how often stock is reviewed, how far ahead to forecast. Assigned to products,
    categories or warehouses; the most specific assignment wins."""

    _name = "stock.policy.profile"
    _description = "Inventory Policy Profile"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    service_level = fields.Float(
        string="Service Target (%)",
        default=95.0,
        required=True,
        help="The service the reorder rules promise, in the measure below. The reorder "
        "point (min) is the smallest that keeps it, against the demand over the lead time "
        "plus what the night's review adds, as the product's own history or its demand "
        "pattern says it varies.",
    )
    service_measure = fields.Selection(
        SERVICE_MEASURES,
        string="Service Measured As",
        default="cycle",
        required=True,
        help="Cycle service: the share of replenishment cycles (receipt to receipt) in which "
        "no customer waited; 95% means 19 cycles in 20 without a stockout. Fill rate: the "
        "share of units shipped from stock the day they were asked for; 95% means 95 units "
        "in 100. Fill rate needs less stock for the same figure: a stockout usually misses "
        "only a few units.",
    )
    review_period_days = fields.Integer(
        string="Review Period (days)",
        default=7,
        required=True,
        help="Days of demand one replenishment order should cover (the cycle stock "
        "between min and max). Odoo's scheduler reviews the rule every night; the min "
        "covers the lead time and what demand takes below min before that night's order.",
    )
    horizon_days = fields.Integer(string="Forecast Horizon (days)", default=90, required=True)
    history_days = fields.Integer(
        string="History Used (days)",
        default=728,
        required=True,
        help="How far back demand history is read. A season is recognised only when it has "
        "repeated: two years (728 days) or more, counting imported history.",
    )
    forecast_method = fields.Selection(FORECAST_METHODS, default="auto", required=True)
    warehouse_ids = fields.Many2many(
        "stock.warehouse", string="Warehouses", help="Empty means every warehouse."
    )
    categ_ids = fields.Many2many("product.category", string="Product Categories")
    product_ids = fields.Many2many("product.product", string="Products")
    abc_class = fields.Selection(
        [("A", "A"), ("B", "B"), ("C", "C")],
        string="ABC Class",
        help="Applies to the products of this value class in the warehouse (Inventory ▸ "
        "Policy ▸ ABC Classes); a profile naming a product or category still wins.",
    )
    xyz_class = fields.Selection(
        [("X", "X (steady)"), ("Y", "Y (variable)"), ("Z", "Z (erratic)")],
        string="XYZ Class",
        help="Applies to the products whose weekly demand has this variability in the "
        "warehouse (ABC Classes, column XYZ). With an ABC class too, the profile governs "
        "one cell of the ABC-XYZ matrix (e.g. AX) and wins over profiles naming one class.",
    )
    note = fields.Text()

    @api.constrains("service_level")
    def _check_service_level(self):
        for profile in self:
            if not 50.0 < profile.service_level < 100.0:
                raise ValidationError(
                    _(
                        "The service level of %(name)s must be above 50%% and below "
                        "100%% (100%% would need infinite safety stock).",
                        name=profile.name,
                    )
                )

    @api.constrains("review_period_days", "horizon_days", "history_days")
    def _check_periods(self):
        for profile in self:
            if min(profile.review_period_days, profile.horizon_days, profile.history_days) < 1:
                raise ValidationError(
                    _(
                        "Review period, horizon and history of %(name)s must be at least one day.",
                        name=profile.name,
                    )
                )
