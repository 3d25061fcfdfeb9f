# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

EVENT_TYPE_LABELS = [
    ("receipt", "Receipt posted"),
    ("putaway", "Put-away confirmed"),
    ("replenishment", "Replenishment confirmed"),
    ("pick", "Pick confirmed"),
    ("pack", "Pack confirmed"),
    ("shipment", "Shipment confirmed"),
]


class WmsEvent(models.Model):
    """The ledger of confirmed floor hand-offs: who moved what, how much, from where to
    where, when. Written by the code that posts the move line, never by hand; nobody
    edits or deletes a line. KPIs, labour standards and the scan screen read it."""

    _name = "wms.event"
    _description = "Warehouse Hand-off Event"
    _order = "date desc, id desc"
    _rec_name = "event_type"

    event_type = fields.Selection(EVENT_TYPE_LABELS, required=True, index=True, readonly=True)
    reason = fields.Char(readonly=True, help="Why the posting counts as this hand-off.")
    date = fields.Datetime(required=True, index=True, readonly=True)
    product_id = fields.Many2one("product.product", required=True, index=True, readonly=True)
    lot_id = fields.Many2one("stock.lot", readonly=True)
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id")
    location_id = fields.Many2one("stock.location", string="From", readonly=True)
    location_dest_id = fields.Many2one("stock.location", string="To", readonly=True)
    package_id = fields.Many2one("stock.quant.package", readonly=True)
    result_package_id = fields.Many2one("stock.quant.package", string="Into Package", readonly=True)
    operator_id = fields.Many2one("res.users", index=True, readonly=True)
    picking_id = fields.Many2one("stock.picking", string="Transfer", index=True, readonly=True)
    batch_id = fields.Many2one("stock.picking.batch", string="Wave/Batch", readonly=True)
    move_line_id = fields.Many2one("stock.move.line", readonly=True, ondelete="set null")
    warehouse_id = fields.Many2one("stock.warehouse", index=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)

    _sql_constraints = [
        (
            "move_line_event_uniq",
            "unique(move_line_id, event_type)",
            "A posted move line is recorded once per hand-off.",
        ),
    ]

    def write(self, vals):
        if not self.env.su:
            raise UserError(_("The hand-off ledger is append-only: events cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(_("The hand-off ledger is append-only: events cannot be deleted."))
