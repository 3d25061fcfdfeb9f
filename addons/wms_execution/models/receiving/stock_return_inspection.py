# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError

DISPOSITIONS = [
    ("resale", "Resale: back to stock"),
    ("rework", "Rework: to hold"),
    ("scrap", "Scrap"),
    ("vendor", "Return to vendor"),
]


class StockMove(models.Model):
    _inherit = "stock.move"

    wms_disposition = fields.Selection(DISPOSITIONS, "Disposition")
    wms_disposition_move_id = fields.Many2one("stock.move", "Disposition Move", readonly=True)
    wms_disposition_scrap_id = fields.Many2one("stock.scrap", "Scrap", readonly=True)


class StockPicking(models.Model):
    """Customer returns: received into the returns zone, inspected line by line, then each
    line's disposition makes its move — back to stock, to hold for rework, scrap, or back
    to the vendor."""

    _inherit = "stock.picking"

    wms_is_customer_return = fields.Boolean(compute="_compute_wms_is_customer_return")

    def _compute_wms_is_customer_return(self):
        for picking in self:
            picking.wms_is_customer_return = bool(
                picking.return_id and picking.picking_type_code == "incoming"
            )

    def _wms_route_receipt(self):
        returns = self.filtered("wms_is_customer_return")
        for picking in returns:
            target = picking.picking_type_id.warehouse_id._wms_zone_location("returns")
            if target:
                picking.move_line_ids.location_dest_id = target
                picking.move_ids.wms_route_reason = _("Customer return: to the returns zone")
        return super(StockPicking, self - returns)._wms_route_receipt()

    def action_wms_apply_dispositions(self):
        """Make the move of every inspected line of a received return (one transfer per
        destination kind, one scrap per scrapped line)."""
        for picking in self:
            if picking.state != "done" or not picking.wms_is_customer_return:
                raise UserError(_("Receive the return before dispositioning it."))
            lines = picking.move_ids.filtered(
                lambda m: m.state == "done" and not (
                    m.wms_disposition_move_id or m.wms_disposition_scrap_id
                )
            )  # fmt: skip
            missing = lines.filtered(lambda m: not m.wms_disposition)
            if missing:
                raise UserError(
                    _("Inspect every line first: %(p)s has no disposition.",
                      p=", ".join(missing.product_id.mapped("display_name")))
                )  # fmt: skip
            warehouse = picking.picking_type_id.warehouse_id
            for kind, dest, ptype in (
                ("resale", warehouse.lot_stock_id, warehouse.int_type_id),
                ("rework", warehouse._wms_zone_location("hold"), warehouse.int_type_id),
                ("vendor", self.env.ref("stock.stock_location_suppliers"),
                 warehouse.out_type_id),
            ):  # fmt: skip
                picking._wms_disposition_transfer(lines, kind, dest, ptype)
            for move in lines.filtered(lambda m: m.wms_disposition == "scrap"):
                scrap = self.env["stock.scrap"].create(
                    {"product_id": move.product_id.id, "scrap_qty": move.quantity,
                     "product_uom_id": move.product_uom.id,
                     "location_id": (move.move_line_ids[:1].location_dest_id
                                     or move.location_dest_id).id,
                     "picking_id": picking.id}
                )  # fmt: skip
                scrap.action_validate()
                move.wms_disposition_scrap_id = scrap
        return True

    def _wms_disposition_transfer(self, lines, kind, dest, ptype):
        chosen = lines.filtered(lambda m: m.wms_disposition == kind)
        if not chosen:
            return
        if not dest:
            raise UserError(_("The warehouse has no zone for %(kind)s.", kind=kind))
        # where inspection found them: the returns zone the lines went to
        where = {m: m.move_line_ids[:1].location_dest_id or m.location_dest_id for m in chosen}
        source = where[chosen[:1]]
        vendor = chosen.product_id.seller_ids[:1].partner_id
        transfer = self.create(
            {
                "picking_type_id": ptype.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "origin": self.name,
                "partner_id": (vendor if kind == "vendor" else self.partner_id).id,
                "move_ids": [
                    (0, 0, {"name": self.name, "product_id": m.product_id.id,
                            "product_uom_qty": m.quantity, "product_uom": m.product_uom.id,
                            "location_id": where[m].id, "location_dest_id": dest.id})
                    for m in chosen
                ],
            }
        )  # fmt: skip
        transfer.action_confirm()
        transfer.action_assign()
        for move, new in zip(chosen, transfer.move_ids, strict=True):
            move.wms_disposition_move_id = new
