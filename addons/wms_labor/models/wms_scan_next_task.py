# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models

#: the scan screen's flow that works each kind of task (None: done in Odoo's forms)
FLOW_OF_KIND = {
    "putaway": "putaway",
    "replenish": "replenish",
    "pick": "pick",
    "pack": "pack",
    "count": "count",
    "load": None,
    "returns": None,
}


class WmsScan(models.AbstractModel):
    """ "My next task" on the scan screen: the operator's task in hand, or the next one
    task assignment chooses for them (interleaving, skills, due times, under a row lock),
    opened in the flow that works it; finishing its transfer (a batch's transfers, one
    after the other) there finishes the task."""

    _inherit = "wms.scan"

    @api.model
    def screen_info(self):
        info = super().screen_info()
        info["next_task"] = True
        return info

    @api.model
    def next_task(self):
        operator = self.env["wms.operator"].search([("user_id", "=", self.env.uid)], limit=1)
        if not operator:
            return {"ok": False, "error": _(
                "%(user)s is not set up as an operator: ask a supervisor (Warehouse Floor ▸ "
                "Operators). Meanwhile choose the work below.", user=self.env.user.name,
            )}  # fmt: skip
        task, why = self.env["wms.task"]._assign_next(operator)
        if not task:
            return {"ok": False, "error": why}
        if task.state == "assigned":
            task.action_start()
        pickings = (task.picking_id | task.batch_id.picking_ids).filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        bin_ = task.quant_id.location_id or task.location_id
        return {
            "ok": True,
            "task_id": task.id,
            "name": task.name,
            "kind": task.kind,
            "flow": FLOW_OF_KIND.get(task.kind),
            "picking_id": pickings[:1].id,
            "picking": pickings[:1].name or "",
            "picking_ids": pickings.ids,  # a batch: its transfers one after the other
            "location": bin_.display_name or "",
            "location_barcode": bin_.barcode or "",
            "reason": why,
        }

    @api.model
    def finish_task(self, task_id):
        """The scan screen finished the task's transfer (or count): the task is done."""
        task = self.env["wms.task"].browse(task_id).exists()
        if task.operator_id.user_id == self.env.user and task.state in ("assigned", "in_progress"):
            task.action_done()
            return {"ok": True, "message": _("%(t)s done.", t=task.name)}
        return {"ok": False, "error": _("That task is not in your hands any more.")}
