# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
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
# moved by the variance workflow itself, or by a supervisor who may approve
WORKFLOW_FIELDS = ("policy_count_state", "policy_first_count")


class StockQuant(models.Model):
    """Counting with a variance workflow: a count off by more than the warehouse's tolerance
    is first recounted; if the recount confirms it, it needs a reason and a supervisor's
    approval before it is applied. Every applied count is logged for accuracy.

    Enforced here, not in the screens: only a supervisor (inventory administrator) moves the
    workflow's state by hand or sets stock directly; whatever door a counter's count comes
    through (a context key, a wizard, a new quant), a variance over the tolerance is not
    applied until a supervisor approved it."""

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
        """The quants whose counted quantity differs beyond their warehouse's tolerance.
        A quant not marked counted is applied at its counted quantity all the same (Odoo's
        apply), so the mark does not matter here."""

        def over(quant):
            warehouse = quant.warehouse_id
            if not warehouse:
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

    def _policy_may_approve(self):
        """Whether the user behind this call may approve a variance or set stock directly:
        an inventory administrator, or Odoo itself. Decided on the user, not on sudo: Odoo
        sudoes on a counter's behalf when a quant is created with a quantity."""
        user = self.env.user
        return user._is_superuser() or user.has_group("stock.group_stock_manager")

    def _policy_check_may_approve(self):
        if not self._policy_may_approve():
            raise AccessError(
                _("Only a supervisor (inventory administrator) approves a count variance or "
                  "sets stock directly. Apply your count: a count off by more than the "
                  "tolerance is recounted, then a supervisor approves it.")
            )  # fmt: skip

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(f in vals for vals in vals_list for f in WORKFLOW_FIELDS):
            self._policy_check_may_approve()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and any(f in vals for f in WORKFLOW_FIELDS):
            self._policy_check_may_approve()
        recounted = self.browse()
        if "inventory_quantity" in vals and not self._policy_may_approve():
            # an approval is for the quantity the supervisor saw
            recounted = self.filtered(lambda q: q.policy_count_state == "approved")
        result = super().write(vals)
        if recounted:
            recounted.sudo().write({"policy_count_state": "to_approve"})
        return result

    def action_apply_inventory(self):
        if self.env.context.get("set_inventory_quantity_auto_apply"):
            # Odoo's own "set the quantity on hand": a supervisor's is applied at once, a
            # counter's takes the variance workflow like any count
            if self._policy_may_approve():
                return super().action_apply_inventory()
            auto = self.with_context(set_inventory_quantity_auto_apply=False)
            return auto.action_apply_inventory()
        over = self._policy_over_tolerance()
        first = over.filtered(lambda q: not q.policy_count_state)
        recount = over.filtered(lambda q: q.policy_count_state == "recount")
        confirmed = recount.filtered("inventory_quantity_set")
        waiting = over.filtered(lambda q: q.policy_count_state == "to_approve")
        # the workflow moves its own state (sudo, after the checks above)
        if first:
            for quant in first.sudo():
                quant.policy_first_count = quant.inventory_quantity
            today = first.location_id._site_days()  # the recount is due today on the site
            for day in set(today.values()):
                same_day = first.filtered(lambda q, d=day: today[q.location_id.id] == d)
                same_day.sudo().write({"policy_count_state": "recount", "inventory_date": day,
                                       "inventory_quantity_set": False})  # fmt: skip
        if confirmed:
            confirmed.sudo().write({"policy_count_state": "to_approve"})
        if waiting.filtered(lambda q: not q.policy_count_reason):
            missing = waiting.filtered(lambda q: not q.policy_count_reason)
            raise UserError(
                _(
                    "Give a variance reason before these counts can be approved:\n%(lines)s",
                    lines=self._policy_lines(missing),
                )
            )  # fmt: skip
        held = first | recount | waiting
        applicable = self - held
        result = super(StockQuant, applicable).action_apply_inventory() if applicable else None
        if held and not result:
            return self._policy_held_notice(first | (recount - confirmed), confirmed | waiting)
        return result

    @api.model
    def _policy_lines(self, quants):
        return "\n".join(
            f"- {q.product_id.display_name} in {q.location_id.display_name}" for q in quants
        )

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
        self._policy_check_may_approve()
        waiting = self.filtered(lambda q: q.policy_count_state == "to_approve")
        missing = waiting.filtered(lambda q: not q.policy_count_reason)
        if missing:
            raise UserError(_("Give a variance reason before approving."))
        waiting.write({"policy_count_state": "approved"})
        return waiting.action_apply_inventory()

    def _apply_inventory(self):
        self._policy_check_approved()
        self.env["stock.policy.count.result"]._log(self)
        result = super()._apply_inventory()
        done = {"policy_count_state": False, "policy_first_count": 0.0,
                "policy_count_reason": False, "policy_count_trigger": False}  # fmt: skip
        self.sudo().write(done)
        return result

    def _policy_check_approved(self):
        """The last gate before stock moves, whatever led here (the apply button, Odoo's
        quantity wizards): a counter's variance over the tolerance needs an approval."""
        if self._policy_may_approve():
            return
        unapproved = self._policy_over_tolerance().filtered(
            lambda q: q.policy_count_state != "approved"
        )
        if unapproved:
            raise UserError(
                _(
                    "These counts are off by more than the warehouse's tolerance: enter them "
                    "on the count sheet and press Apply; they are recounted, then a "
                    "supervisor approves the variance.\n%(lines)s",
                    lines=self._policy_lines(unapproved),
                )
            )
