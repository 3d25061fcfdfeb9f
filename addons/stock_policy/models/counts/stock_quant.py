# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero

COUNT_REASONS = [
    ("unscanned_move", "Unscanned move"),
    ("wrong_label", "Wrong label"),
    ("unit_mismatch", "Unit mismatch"),
    ("mixed_bin", "Mixed bin"),
    ("damage", "Damage"),
    ("theft", "Theft"),
    ("unknown", "Unknown"),
]


class StockQuant(models.Model):
    """Counting with a variance workflow: a count off by more than the warehouse's tolerance
    is first recounted; if the recount confirms it, it needs a reason and a supervisor's
    approval before it is applied. Every applied count is logged for accuracy."""

    _inherit = "stock.quant"

    policy_count_state = fields.Selection(
        [("recount", "Recount requested"), ("to_approve", "Awaiting approval"),
         ("approved", "Approved")],
        string="Variance",
        readonly=True,
        copy=False,
    )  # fmt: skip
    policy_first_count = fields.Float(
        "First Count", digits="Product Unit of Measure", readonly=True, copy=False
    )
    policy_count_reason = fields.Selection(COUNT_REASONS, "Variance Reason", copy=False)
    policy_count_trigger = fields.Char(
        "Why Counted", copy=False, help="The plan or the event that asked for this count."
    )
    policy_variance_value = fields.Monetary(
        "Variance Value", compute="_compute_policy_variance_value", currency_field="currency_id"
    )

    def _compute_policy_variance_value(self):
        for quant in self:
            cost = quant.product_id.with_company(quant.company_id).standard_price
            quant.policy_variance_value = quant.inventory_diff_quantity * cost

    def _policy_over_tolerance(self):
        """The quants whose counted quantity differs beyond their warehouse's tolerance."""

        def over(quant):
            warehouse = quant.warehouse_id
            if not quant.inventory_quantity_set or not warehouse:
                return False
            rounding = quant.product_uom_id.rounding
            if float_is_zero(quant.inventory_diff_quantity, precision_rounding=rounding):
                return False
            qty_tol = warehouse.policy_count_tolerance_qty
            value_tol = warehouse.policy_count_tolerance_value
            return abs(quant.inventory_diff_quantity) > qty_tol or (
                value_tol and abs(quant.policy_variance_value) > value_tol
            )

        return self.filtered(over)

    def action_apply_inventory(self):
        if self.env.context.get("set_inventory_quantity_auto_apply"):
            return super().action_apply_inventory()
        over = self._policy_over_tolerance()
        first = over.filtered(lambda q: not q.policy_count_state)
        confirmed = over.filtered(lambda q: q.policy_count_state == "recount")
        waiting = over.filtered(lambda q: q.policy_count_state == "to_approve")
        if first:
            for quant in first:
                quant.policy_first_count = quant.inventory_quantity
            first.write({"policy_count_state": "recount", "inventory_quantity_set": False,
                         "inventory_date": fields.Date.context_today(self)})  # fmt: skip
        if confirmed:
            confirmed.write({"policy_count_state": "to_approve"})
        if waiting.filtered(lambda q: not q.policy_count_reason):
            missing = waiting.filtered(lambda q: not q.policy_count_reason)
            raise UserError(
                _(
                    "Give a variance reason before these counts can be approved:\n%(lines)s",
                    lines="\n".join(f"- {q.product_id.display_name} in "
                                    f"{q.location_id.display_name}" for q in missing),
                )
            )  # fmt: skip
        applicable = self - first - confirmed - waiting
        result = super(StockQuant, applicable).action_apply_inventory() if applicable else None
        held = first | confirmed | waiting
        if held and not result:
            return self._policy_held_notice(first, confirmed | waiting)
        return result

    def _policy_held_notice(self, recount, to_approve):
        message = []
        if recount:
            message.append(
                _("%(count)s count(s) off by more than the tolerance: recount requested.",
                  count=len(recount))
            )  # fmt: skip
        if to_approve:
            message.append(
                _("%(count)s recount(s) confirm the variance: a supervisor must approve.",
                  count=len(to_approve))
            )  # fmt: skip
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"title": _("Counts held"), "message": " ".join(message),
                       "type": "warning", "sticky": True,
                       "next": {"type": "ir.actions.act_window_close"}},
        }  # fmt: skip

    def action_policy_approve_variance(self):
        """A supervisor approves confirmed variances (with their reasons) and applies them."""
        if not self.env.user.has_group("stock.group_stock_manager"):
            raise UserError(_("Only an inventory administrator can approve a count variance."))
        waiting = self.filtered(lambda q: q.policy_count_state == "to_approve")
        missing = waiting.filtered(lambda q: not q.policy_count_reason)
        if missing:
            raise UserError(_("Give a variance reason before approving."))
        waiting.write({"policy_count_state": "approved"})
        return waiting.action_apply_inventory()

    def _apply_inventory(self):
        self.env["stock.policy.count.result"]._log(self)
        result = super()._apply_inventory()
        self.write({"policy_count_state": False, "policy_first_count": 0.0,
                    "policy_count_reason": False, "policy_count_trigger": False})  # fmt: skip
        return result
