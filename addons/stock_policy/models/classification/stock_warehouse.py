# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StockWarehouse(models.Model):
    """Per warehouse: the ABC thresholds, how often each class is counted, and how far a
    count may be off before it is recounted and approved."""

    _inherit = "stock.warehouse"

    policy_abc_a = fields.Float("A Share (%)", default=80.0)
    policy_abc_b = fields.Float("B Share (%)", default=15.0)
    policy_abc_c = fields.Float("C Share (%)", default=5.0)
    policy_counts_a = fields.Integer("A Counts a Year", default=12)
    policy_counts_b = fields.Integer("B Counts a Year", default=4)
    policy_counts_c = fields.Integer("C Counts a Year", default=1)
    policy_count_tolerance_qty = fields.Float(
        "Count Tolerance (units)",
        default=0.0,
        help="A count off by more than this many units is recounted, then needs a reason and "
        "a supervisor's approval. 0: any difference.",
    )
    policy_count_receipt_value = fields.Float(
        "Count After Receipts Worth",
        default=10000.0,
        help="A receipt line worth more than this (at cost) asks for a count of the bins it "
        "went to; 0: never.",
    )
    policy_count_tolerance_value = fields.Float(
        "Count Tolerance (value)",
        default=0.0,
        help="The same, by value of the difference at cost; 0: not checked by value.",
    )

    @api.constrains("policy_abc_a", "policy_abc_b", "policy_abc_c")
    def _check_policy_abc_shares(self):
        for warehouse in self:
            shares = warehouse._policy_abc_thresholds()
            if min(shares) < 0 or abs(sum(shares) - 100.0) > 0.01:
                raise ValidationError(
                    _(
                        "The ABC shares of %(warehouse)s must be positive and add up to 100 %%.",
                        warehouse=warehouse.name,
                    )
                )

    @api.constrains("policy_counts_a", "policy_counts_b", "policy_counts_c")
    def _check_policy_counts(self):
        for warehouse in self:
            if min(warehouse._policy_counts_per_year().values()) < 0:
                raise ValidationError(_("A class cannot be counted a negative number of times."))

    def _policy_abc_thresholds(self):
        self.ensure_one()
        return (self.policy_abc_a, self.policy_abc_b, self.policy_abc_c)

    def _policy_counts_per_year(self):
        self.ensure_one()
        return {"A": self.policy_counts_a, "B": self.policy_counts_b, "C": self.policy_counts_c}
