# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .stock_policy_profile import SERVICE_MEASURES

#: what the policy run writes on a rule: the planner's run or the scheduler's sets them,
#: so no one else can make a rule look planned, on target or measured
RUN_OUTPUTS = frozenset({
    "policy_profile_id", "policy_pattern", "policy_method", "policy_forecast_per_day",
    "policy_lead_time_days", "policy_lead_time_source", "policy_service_level",
    "policy_service_measure", "policy_achieved_service", "policy_replay_cycles",
    "policy_below_target", "policy_fallback", "policy_safety_stock", "policy_mase",
    "policy_bias", "policy_proposed_min", "policy_proposed_max", "policy_reason",
    "policy_date",
})  # fmt: skip


class StockWarehouseOrderpoint(models.Model):
    """A reorder rule as the policy run leaves it: the proposed min/max beside the
    current ones, and every number behind them, so a planner can trust or override."""

    _inherit = "stock.warehouse.orderpoint"

    policy_frozen = fields.Boolean(
        "Frozen",
        help="The planner keeps Min/Max as typed; the run still refreshes the proposal.",
    )
    policy_profile_id = fields.Many2one("stock.policy.profile", readonly=True)
    policy_pattern = fields.Char("Demand Pattern", readonly=True)
    policy_method = fields.Char("Forecast Method", readonly=True)
    policy_forecast_per_day = fields.Float(
        "Forecast / Day", digits="Product Unit of Measure", readonly=True
    )
    policy_lead_time_days = fields.Float("Lead Time Used (days)", digits=(6, 1), readonly=True)
    policy_lead_time_source = fields.Char("Lead Time From", readonly=True)
    policy_service_level = fields.Float(
        "Target (%)",
        digits=(5, 1),
        readonly=True,
        help="The service the profile promises, in its measure.",
    )
    policy_service_measure = fields.Selection(
        SERVICE_MEASURES,
        "Measure",
        readonly=True,
        help="Cycle service: share of replenishment cycles without a stockout. Fill rate: "
        "share of units shipped from stock the day they were asked for.",
    )
    policy_achieved_service = fields.Float(
        "Achieved (26 weeks) (%)",
        digits=(5, 1),
        readonly=True,
        help="The service this rule would have achieved over the last 26 weeks: the "
        "product's own daily demand replayed night by night through the proposed min, max "
        "and pack at the lead time used, as Odoo's scheduler orders "
        "(stockops.policy.service.achieved). Empty when no complete order cycle could be "
        "measured.",
    )
    policy_replay_cycles = fields.Integer(
        "Cycles Replayed",
        readonly=True,
        help="Complete replenishment cycles in the 26-week replay behind Achieved.",
    )
    policy_below_target = fields.Boolean(
        "Achieved Below Target",
        readonly=True,
        help="The replay of the last 26 weeks achieved less than the target.",
    )
    policy_fallback = fields.Boolean(
        "Fallback",
        readonly=True,
        help="Part of the proposal rests on an assumption rather than on this product's "
        "own data (no demand, unknown lead time or spread, a history too short to say "
        "how demand varies): the reason says which.",
    )
    policy_safety_stock = fields.Float(
        "Safety Stock", digits="Product Unit of Measure", readonly=True
    )
    policy_mase = fields.Float("Forecast Error (MASE)", digits=(6, 2), readonly=True)
    policy_bias = fields.Float("Forecast Bias", digits=(6, 2), readonly=True)
    policy_proposed_min = fields.Float(
        "Proposed Min", digits="Product Unit of Measure", readonly=True
    )
    policy_proposed_max = fields.Float(
        "Proposed Max", digits="Product Unit of Measure", readonly=True
    )
    policy_reason = fields.Text("Why", readonly=True)
    policy_date = fields.Datetime("Policy Run", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._policy_check_outputs(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._policy_check_outputs(vals)
        return super().write(vals)

    @api.model
    def _policy_check_outputs(self, vals):
        if self.env.su or not RUN_OUTPUTS.intersection(vals):
            return
        if not self.env.user.has_group("stock_policy.group_inventory_planner"):
            raise AccessError(
                _("The forecast, service and proposal of a reorder rule come from the policy "
                  "run; an inventory planner runs it (Policy > Run Policy Now).")
            )  # fmt: skip
