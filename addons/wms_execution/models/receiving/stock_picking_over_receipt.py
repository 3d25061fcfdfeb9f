# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class ResPartner(models.Model):
    _inherit = "res.partner"

    wms_over_receipt_pct = fields.Float(
        "Over-receipt Tolerance (%)",
        help="Receipts from this vendor may bring this much more than ordered without a "
        "supervisor's approval (0: not a unit more).",
    )


class StockPicking(models.Model):
    """A receipt bringing more than was ordered is stopped at validation (in a warehouse
    that routes its receipts): receive what was ordered, or a supervisor accepts the
    excess with a reason, which stays on the receipt."""

    _name = "stock.picking"
    _inherit = ["stock.picking", "wms.supervisor.reason"]
    _wms_supervisor_reasons = {"wms_over_receipt_reason": "wms_over_receipt_by"}

    wms_over_receipt_reason = fields.Char(
        "Over-receipt Accepted Because",
        copy=False,
        tracking=True,
        help="A supervisor's reason to accept more than ordered on this receipt.",
    )
    wms_over_receipt_by = fields.Many2one(
        "res.users", "Over-receipt Accepted By", readonly=True, copy=False
    )

    def button_validate(self):
        self.filtered(
            lambda p: (
                p.picking_type_code == "incoming"
                and p.picking_type_id.warehouse_id.wms_receiving_rules
                and not p.wms_over_receipt_reason
            )
        )._wms_check_over_receipt()
        return super().button_validate()

    def _wms_check_over_receipt(self):
        """Stop a receipt whose lines bring more than ordered plus the vendor's tolerance,
        naming every such line; nothing is posted."""
        over = []
        for picking in self:
            tolerance = picking.partner_id.commercial_partner_id.wms_over_receipt_pct / 100.0
            for move in picking.move_ids.filtered(lambda m: m.state not in ("done", "cancel")):
                allowed = move.product_uom_qty * (1.0 + tolerance)
                rounding = move.product_uom.rounding
                if float_compare(move.quantity, allowed, precision_rounding=rounding) > 0:
                    over.append(
                        _(
                            "%(p)s: %(got)s %(uom)s received, %(want)s ordered",
                            p=move.product_id.display_name,
                            got=move.quantity,
                            uom=move.product_uom.name,
                            want=move.product_uom_qty,
                        )
                    )
        if over:
            raise UserError(
                _(
                    "More received than ordered on %(ref)s:\n%(lines)s\nReceive only what was "
                    "ordered (set the quantities back and keep the extra aside for the "
                    "vendor), or ask a supervisor to accept the excess by filling in "
                    "'Over-receipt Accepted Because' on the receipt.",
                    ref=", ".join(self.mapped("name")),
                    lines="\n".join(over),
                )
            )
