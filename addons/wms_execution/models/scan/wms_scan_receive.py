# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class WmsScan(models.AbstractModel):
    """Receiving on the scan screen: scan the receipt (its reference, the purchase order
    or the vendor's delivery note number, the ASN), then each product and the quantity
    counted (and any found damaged); each count is written on the receipt's line at once.
    Closing the receipt posts it through Odoo's validation, so the receiving rules route
    it (hold, QC, cross-dock, put-away) and the ledger records the receipt; lines not
    counted wait in a backorder."""

    _inherit = "wms.scan"

    def _receipt(self, picking_id):
        picking_id = self._record_id(picking_id, _("Receipt"))
        picking = self.env["stock.picking"].browse(picking_id).exists()
        if not picking or picking.picking_type_code != "incoming":
            raise UserError(_("That receipt does not exist any more: scan it again."))
        return picking

    @api.model
    def receive_lines(self, picking_id):
        """The receipt's lines: what is expected and what was counted so far."""
        picking = self._receipt(picking_id)
        moves = picking.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
        return {
            "id": picking.id,
            "picking": picking.name,
            "partner": picking.partner_id.display_name or "",
            "state": picking.state,
            "lines": [
                {
                    "move_id": move.id,
                    "product_id": move.product_id.id,
                    "product": move.product_id.display_name,
                    "barcode": move.product_id.barcode or "",
                    "expected": move.product_uom_qty,
                    "counted": move.quantity if move.picked else None,
                    "damaged": move.wms_damaged_qty,
                    "uom": move.product_uom.name,
                    "tracked": move.product_id.tracking != "none",
                }
                for move in moves
            ],
        }

    @api.model
    def receive_count(self, picking_id, product_code, quantity, damaged, key):
        """Write the count of one product on the receipt: what was counted (of which
        ``damaged``); more than expected, a product not on the receipt or a tracked
        product without its lot is refused and nothing is written. Once per ``key``."""
        return self._once(
            key,
            ("receive_count", picking_id, product_code),
            lambda: self._receive_count(picking_id, product_code, quantity, damaged),
        )

    def _receive_count(self, picking_id, product_code, quantity, damaged):
        quantity = self._number(quantity)
        damaged = self._number(damaged, _("The damaged quantity"), allow_none=True) or 0.0
        picking = self._receipt(picking_id)
        if picking.state in ("done", "cancel"):
            return {"ok": False, "error": _("%(p)s is closed already.", p=picking.name)}
        what = self.resolve(product_code)
        moves = picking.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
        expected = ", ".join(moves.product_id.mapped("display_name"))
        if what["type"] != "product":
            return {"ok": False, "error": _("Unknown barcode %(c)s: scan a product of %(p)s "
                                            "(%(expected)s).", c=product_code, p=picking.name,
                                            expected=expected)}  # fmt: skip
        mine = moves.filtered(lambda m: m.product_id.id == what["id"])
        if not mine:
            return {"ok": False, "error": _("Wrong product: %(got)s is not on %(p)s. Put it "
                                            "aside for the supervisor; expected %(expected)s.",
                                            got=what["name"], p=picking.name,
                                            expected=expected)}  # fmt: skip
        move = (mine.filtered(lambda m: not m.picked) or mine)[:1]
        rounding = move.product_uom.rounding
        self._in_steps(quantity, move.product_uom)
        if float_compare(damaged, quantity, precision_rounding=rounding) > 0:
            return {"ok": False, "error": _("Count again: %(q)s counted, %(d)s damaged.",
                                            q=quantity, d=damaged)}  # fmt: skip
        if float_compare(quantity, move.product_uom_qty, precision_rounding=rounding) > 0:
            return {"ok": False, "error": _(
                "Quantity over: %(q)s counted, %(want)s %(uom)s expected. Count again; put "
                "the extra aside for the supervisor.", q=quantity, want=move.product_uom_qty,
                uom=move.product_uom.name)}  # fmt: skip
        lot_name = what.get("lot") or ""
        untracked = self._untracked_lot(move.product_id, lot_name)  # wms_scan_lot.py
        if untracked:
            return {"ok": False, "error": untracked}
        if move.product_id.tracking != "none" and not lot_name:
            return {"ok": False, "error": _("%(p)s is tracked by lot: scan its GS1-128 label "
                                            "(with the lot).", p=what["name"])}  # fmt: skip
        move.quantity = quantity
        move.picked = True
        move.wms_damaged_qty = damaged
        if lot_name:
            move.move_line_ids.write({"lot_name": lot_name})
        short = move.product_uom_qty - quantity
        return {
            "ok": True,
            "message": _("Counted %(q)s %(p)s%(short)s", q=quantity, p=what["name"],
                         short=_(" (%(s)s short)", s=short) if short > 0 else ""),
            **self.receive_lines(picking.id),
        }  # fmt: skip

    @api.model
    def receive_close(self, picking_id, key):
        """Post the counted lines of the receipt (Odoo's validation: receiving rules,
        ledger); what was not counted waits in a backorder. Once per ``key``."""
        return self._once(
            key, ("receive_close", picking_id), lambda: self._receive_close(picking_id)
        )

    def _receive_close(self, picking_id):
        picking = self._receipt(picking_id)
        counted = picking.move_ids.filtered(
            lambda m: m.picked and m.state not in ("done", "cancel")
        )
        if not counted:
            return {"ok": False, "error": _("Count at least one line of %(p)s before closing it.",
                                            p=picking.name)}  # fmt: skip
        picking.with_context(skip_backorder=True).button_validate()
        backorder = picking.backorder_ids[:1]
        return {
            "ok": True,
            "posted": len(counted),
            "backorder": backorder.name or "",
            "message": _("%(p)s received: %(n)s line(s) posted%(rest)s.", p=picking.name,
                         n=len(counted), rest=_(", the rest waits in %(b)s", b=backorder.name)
                         if backorder else ""),
        }  # fmt: skip
