# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ("short_pick", "Short pick"),
    ("damage", "Damage"),
    ("unknown_barcode", "Mislabel / unknown barcode"),
    ("weight_mismatch", "Weight mismatch"),
    ("location", "Location problem"),
    ("receiving", "Receiving difference"),
]
CLOSING = [
    ("reallocated", "Re-allocated from another bin"),
    ("found", "Stock found"),
    ("adjusted", "Stock adjusted after count"),
    ("relabelled", "Relabelled"),
    ("scrapped", "Scrapped"),
    ("repacked", "Repacked"),
    ("no_issue", "No issue"),
]


class WmsException(models.Model):
    """Something on the floor that did not go as planned, in a queue a supervisor works
    through by age: what, where, how much, the resolution tried and the closing reason."""

    _name = "wms.exception"
    _description = "Floor Exception"
    _order = "state, create_date"

    name = fields.Char(required=True)
    kind = fields.Selection(KINDS, required=True, index=True)
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")], default="open", required=True, index=True
    )
    warehouse_id = fields.Many2one("stock.warehouse", index=True)
    picking_id = fields.Many2one("stock.picking", index=True)
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, precompute=True, index=True
    )
    product_id = fields.Many2one("product.product")
    location_id = fields.Many2one("stock.location")
    quantity = fields.Float(digits="Product Unit of Measure")
    scanned = fields.Char("Scanned Code", help="What was scanned, for an unknown barcode.")
    age_hours = fields.Float("Age (h)", compute="_compute_age_hours", digits=(10, 1))
    resolution = fields.Text(readonly=True)
    closing_reason = fields.Selection(CLOSING)
    closed_by = fields.Many2one("res.users", readonly=True)
    closed_date = fields.Datetime(readonly=True)

    @api.depends("warehouse_id", "picking_id")
    def _compute_company_id(self):
        """The company of its warehouse or transfer; else of the user who reported it."""
        for exc in self:
            exc.company_id = (
                exc.warehouse_id.company_id or exc.picking_id.company_id or self.env.company
            )

    @api.depends("create_date", "closed_date")
    def _compute_age_hours(self):
        now = fields.Datetime.now()
        for exc in self:
            end = exc.closed_date or now
            exc.age_hours = (
                ((end - exc.create_date).total_seconds() / 3600) if exc.create_date else 0
            )

    def action_reallocate(self):
        """Short pick: reserve what is missing from other bins, and note where it came from."""
        for exc in self.filtered(lambda e: e.kind == "short_pick" and e.picking_id):
            # the missing units wait in the transfer's backorder, or in the transfer itself
            pickings = exc.picking_id | exc.picking_id.backorder_ids
            moves = pickings.move_ids.filtered(
                lambda m, p=exc.product_id: m.product_id == p and m.state not in ("done", "cancel")
            )
            # the short bin's units are not there: never reserve them again
            moves._do_unreserve()
            found = self.env["stock.location"]
            # only where the transfer picks from: not the units already picked (at packing)
            source = moves.picking_id.location_id or moves.location_id
            others = self.env["stock.quant"].search(
                [("product_id", "=", exc.product_id.id), ("location_id.usage", "=", "internal"),
                 ("location_id", "child_of", source.ids),
                 ("location_id", "!=", exc.location_id.id), ("quantity", ">", 0)],
                order="in_date, id",
            ).location_id  # fmt: skip
            for move in moves:
                need = move.product_qty
                for location in others:
                    if need <= 0:
                        break
                    taken = move._update_reserved_quantity(need, location)
                    if taken:
                        found |= location
                        need -= taken
                move._recompute_state()
            exc.resolution = (
                _("Re-allocated from %(bins)s", bins=", ".join(found.mapped("name")))
                if found
                else _("No other bin holds %(p)s: wait for a count or a receipt",
                       p=exc.product_id.display_name)
            )  # fmt: skip
        return True

    def action_close(self):
        for exc in self:
            if not exc.closing_reason:
                raise UserError(_("Give a closing reason for %(name)s.", name=exc.name))
        self.write(
            {"state": "resolved", "closed_by": self.env.uid, "closed_date": fields.Datetime.now()}
        )
        return True


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        short = self.filtered(
            lambda m: (
                m.picking_code == "outgoing"
                and m.location_id.usage == "internal"
                and m.quantity < m.product_uom_qty
            )
        )
        shortfall = {m.id: (m.product_uom_qty - m.quantity, m.move_line_ids[:1].location_id
                            or m.location_id) for m in short}  # fmt: skip
        done = super()._action_done(cancel_backorder=cancel_backorder)
        # history loaded from another system is not floor work: no exception for it
        if shortfall and not self.env.context.get("wms_history_import"):
            self.env["wms.exception"].sudo().create(
                [
                    {
                        "name": self.env._("Short pick of %(p)s on %(ref)s",
                                           p=m.product_id.display_name,
                                  ref=m.reference),
                        "kind": "short_pick",
                        "warehouse_id": m.picking_type_id.warehouse_id.id,
                        "picking_id": m.picking_id.id,
                        "product_id": m.product_id.id,
                        "location_id": shortfall[m.id][1].id,
                        "quantity": shortfall[m.id][0],
                    }
                    for m in short
                ]
            )  # fmt: skip
        return done
