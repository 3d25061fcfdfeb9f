# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models


class ProductTemplate(models.Model):
    """The planner's view of a product: its shipped demand by week and, per warehouse,
    the forecast and reorder rule the policy run proposed."""

    _inherit = "product.template"

    policy_orderpoint_ids = fields.One2many(
        "stock.warehouse.orderpoint", "product_tmpl_id", string="Policy by Warehouse"
    )
    policy_abc_ids = fields.One2many(
        "stock.policy.abc", "product_tmpl_id", string="ABC / XYZ by Warehouse"
    )

    def action_policy_demand_graph(self):
        """Weekly shipped demand of this product, as a graph a planner can regroup."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock_policy.action_policy_demand_history"
        )
        action["name"] = _("Demand of %(product)s", product=self.display_name)
        action["domain"] = [
            ("product_id.product_tmpl_id", "=", self.id),
            ("location_dest_id.usage", "=", "customer"),
            ("state", "in", ("done", "cancel")),
        ]
        return action
