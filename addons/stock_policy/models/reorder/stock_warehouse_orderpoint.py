# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


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
    policy_service_level = fields.Float("Service Level (%)", digits=(5, 1), readonly=True)
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
