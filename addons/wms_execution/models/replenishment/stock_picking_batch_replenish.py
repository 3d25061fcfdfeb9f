# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class StockPickingBatch(models.Model):
    """Wave-triggered top-ups: when a wave (or batch) is released, its picks from each
    forward bin are set against the bin's stock; every bin they would leave short or
    under its min gets a replenishment scheduled a lead time before the wave starts, at
    a higher priority, so the bin is refilled before its pick."""

    _inherit = "stock.picking.batch"

    wms_topup_ids = fields.One2many("stock.picking", "wms_topup_batch_id", "Top-ups")
    wms_topup_count = fields.Integer("Top-up Count", compute="_compute_wms_topup_count")

    @api.depends("wms_topup_ids")
    def _compute_wms_topup_count(self):
        for batch in self:
            batch.wms_topup_count = len(batch.wms_topup_ids)

    @api.model_create_multi
    def create(self, vals_list):
        batches = super().create(vals_list)
        # a planner may create its waves released at once
        batches.filtered(lambda b: b.state == "in_progress")._wms_wave_topups()
        return batches

    def write(self, vals):
        drafts = self.filtered(lambda b: b.state == "draft")
        result = super().write(vals)
        # released: Odoo's Confirm writes the state, and so may a wave planner
        if vals.get("state") == "in_progress":
            drafts._wms_wave_topups()
        return result

    def action_wms_plan_topups(self):
        """The wave's *Plan Top-ups* button: again, after its pickings changed (top-ups
        already on their way count as stock)."""
        return self._wms_wave_topups()

    def _wms_wave_topups(self):
        """One replenishment per wave and warehouse for the wave's products whose forward
        bins its picks (with the picks due before it) would leave short. Returns them."""
        pickings = self.env["stock.picking"]
        for batch in self:
            moves = batch.picking_ids.move_ids.filtered(
                lambda m: m.state not in ("draft", "done", "cancel")
            )
            for warehouse in moves.picking_type_id.warehouse_id:
                mine = moves.filtered(lambda m, w=warehouse: m.picking_type_id.warehouse_id == w)
                pickings |= warehouse._wms_replenish(mine.product_id, wave=batch)
        return pickings

    def action_wms_open_topups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("wms_topup_batch_id", "=", self.id)]
        action["context"] = {}
        return action
