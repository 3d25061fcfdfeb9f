# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

#: the network figures are run figures too: only the run writes them
NETWORK_OUTPUTS = frozenset({"policy_supplier_wh_id", "policy_stacked_safety_stock"})


class StockWarehouseOrderpoint(models.Model):
    """A reorder rule planned as part of a network: which warehouse resupplies it and
    what planning it alone would have held."""

    _inherit = "stock.warehouse.orderpoint"

    policy_supplier_wh_id = fields.Many2one(
        "stock.warehouse",
        "Resupplied From",
        readonly=True,
        help="Planned with the warehouse that resupplies it (its resupply route), with the "
        "transfer's measured lead time (stock.policy.run._plan_networks).",
    )
    policy_stacked_safety_stock = fields.Float(
        "Safety Stock if Planned Alone",
        digits="Product Unit of Measure",
        readonly=True,
        help="What this warehouse would hold planned alone, as if its supplier always "
        "shipped at once: the network plan holds no more than this in total.",
    )

    @api.model
    def _policy_check_outputs(self, vals):
        if NETWORK_OUTPUTS.intersection(vals):
            vals = {**vals, "policy_date": vals.get("policy_date")}
        return super()._policy_check_outputs(vals)
