# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..classification.stock_policy_abc import CLASSES
from .stock_quant import COUNT_REASONS


class StockPolicyCountResult(models.Model):
    """One applied count: what the system expected, what was counted, and whether it was
    within tolerance — the record inventory accuracy is measured on, per location and class."""

    _name = "stock.policy.count.result"
    _description = "Cycle Count Result"
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, readonly=True)
    user_id = fields.Many2one("res.users", "Counted By", readonly=True)
    product_id = fields.Many2one("product.product", required=True, index=True, readonly=True)
    location_id = fields.Many2one("stock.location", required=True, index=True, readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    lot_id = fields.Many2one("stock.lot", readonly=True)
    abc_class = fields.Selection(CLASSES, "ABC", readonly=True)
    expected_qty = fields.Float("Expected", digits="Product Unit of Measure", readonly=True)
    counted_qty = fields.Float("Counted", digits="Product Unit of Measure", readonly=True)
    first_count_qty = fields.Float("First Count", digits="Product Unit of Measure")
    variance_qty = fields.Float("Variance", digits="Product Unit of Measure", readonly=True)
    variance_value = fields.Float(readonly=True)
    accurate = fields.Boolean("Within Tolerance", readonly=True)
    accuracy = fields.Float(
        "Accuracy (%)", aggregator="avg", readonly=True,
        help="100 when the count was within tolerance, else 0: its average is the accuracy.",
    )  # fmt: skip
    reason = fields.Selection(COUNT_REASONS, readonly=True)
    trigger = fields.Char("Why Counted", readonly=True)

    @api.model
    def _log(self, quants):
        """Record the counts about to be applied (one read of the classes, one create)."""
        counted = quants.filtered("inventory_quantity_set")
        if not counted:
            return self
        classes = self.env["stock.policy.abc"].search_fetch(
            [("product_id", "in", counted.product_id.ids)],
            ["product_id", "warehouse_id", "value_class"],
        )
        class_of = {(c.product_id.id, c.warehouse_id.id): c.value_class for c in classes}
        over = counted._policy_over_tolerance()
        now = fields.Datetime.now()
        return self.sudo().create(
            [
                {
                    "date": now,
                    "user_id": (quant.user_id or self.env.user).id,
                    "product_id": quant.product_id.id,
                    "location_id": quant.location_id.id,
                    "warehouse_id": quant.warehouse_id.id,
                    "company_id": quant.company_id.id,
                    "lot_id": quant.lot_id.id,
                    "abc_class": class_of.get((quant.product_id.id, quant.warehouse_id.id)),
                    "expected_qty": quant.quantity,
                    "counted_qty": quant.inventory_quantity,
                    "first_count_qty": quant.policy_first_count,
                    "variance_qty": quant.inventory_diff_quantity,
                    "variance_value": quant.policy_variance_value,
                    "accurate": quant not in over,
                    "accuracy": 0.0 if quant in over else 100.0,
                    "reason": quant.policy_count_reason,
                    "trigger": quant.policy_count_trigger,
                }
                for quant in counted
            ]
        )
