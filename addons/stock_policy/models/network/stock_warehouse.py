# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockWarehouse(models.Model):
    """What a transfer into this warehouse costs, for the rebalancing proposals."""

    _inherit = "stock.warehouse"

    policy_transfer_cost = fields.Float(
        "Transfer Cost (per transfer)",
        help="What one inter-warehouse transfer into this warehouse costs (truck, "
        "handling), in the company's currency: a rebalancing proposal is made only when "
        "the stockout it avoids costs more (stock.policy.run._propose_rebalancing).",
    )
    policy_transfer_cost_per_unit = fields.Float(
        "Transfer Cost (per unit)",
        help="What moving one unit into this warehouse costs, in the company's currency.",
    )
