# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class WmsTaskReassign(models.TransientModel):
    """A supervisor moves tasks to another operator, with the reason: pinned first in
    their queue, taken off whoever had them (who can then no longer close them)."""

    _name = "wms.task.reassign"
    _description = "Reassign Warehouse Tasks"

    task_ids = fields.Many2many("wms.task", string="Tasks", required=True)
    operator_id = fields.Many2one("wms.operator", "To", required=True)
    reason = fields.Char(required=True, help="e.g. Tomasz went home sick; rush order")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "wms.task":
            values["task_ids"] = [(6, 0, self.env.context.get("active_ids", []))]
        return values

    def action_apply(self):
        self.ensure_one()
        self.task_ids._reassign(self.operator_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
