# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from stockops.execution.handoff import Movement, classify_handoffs


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        done = super()._action_done(cancel_backorder=cancel_backorder)
        done.move_line_ids.filtered(lambda ml: ml.state == "done")._wms_log_handoffs()
        return done


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    def _wms_type_roles(self):
        """Role of every operation type in its warehouse's flow, read once per posting."""
        roles = {}
        for warehouse in self.picking_type_id.warehouse_id:
            for role, ptype in (
                ("in", warehouse.in_type_id),
                ("internal", warehouse.int_type_id),
                ("pick", warehouse.pick_type_id),
                ("pack", warehouse.pack_type_id),
                ("out", warehouse.out_type_id),
            ):
                if ptype:
                    roles[ptype.id] = role
        return roles

    def _wms_handoff_values(self, now):
        roles = self._wms_type_roles()
        values = []
        for line in self:
            ptype = line.picking_type_id or line.move_id.picking_type_id
            handoffs = classify_handoffs(
                Movement(
                    type_role=roles.get(ptype.id, "other"),
                    type_code=ptype.code or "internal",
                    source_zone=line.location_id.wms_zone_id.kind or None,
                    dest_zone=line.location_dest_id.wms_zone_id.kind or None,
                )
            )
            values += [
                {
                    "event_type": handoff.event_type,
                    "reason": handoff.reason,
                    "date": line.date or now,
                    "product_id": line.product_id.id,
                    "lot_id": line.lot_id.id,
                    "quantity": line.quantity_product_uom,
                    "location_id": line.location_id.id,
                    "location_dest_id": line.location_dest_id.id,
                    "package_id": line.package_id.id,
                    "result_package_id": line.result_package_id.id,
                    "operator_id": self.env.uid,
                    "picking_id": line.picking_id.id,
                    "batch_id": line.picking_id.batch_id.id,
                    "move_line_id": line.id,
                    "warehouse_id": (
                        line.location_dest_id.warehouse_id or line.location_id.warehouse_id
                    ).id,
                    "company_id": line.company_id.id,
                }
                for handoff in handoffs
            ]
        return values

    def _wms_log_handoffs(self):
        """Append one ledger event per posted line, in one create; lines already in the
        ledger (a retried posting) are not recorded twice."""
        if not self:
            return self.env["wms.event"]
        logged = (
            self.env["wms.event"]
            .sudo()
            .search_fetch([("move_line_id", "in", self.ids)], ["move_line_id"])
        )
        todo = self - logged.move_line_id
        values = todo._wms_handoff_values(fields.Datetime.now())
        return self.env["wms.event"].sudo().create(values)
