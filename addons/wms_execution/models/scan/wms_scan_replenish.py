# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.tools import float_compare


class WmsScan(models.AbstractModel):
    """Replenishment on the scan screen: take the next top-up of a replenishment transfer
    (most urgent transfer first, lines in walking order), go to its reserve bin, scan the
    bin, the product and the quantity taken, carry it to the forward slot and scan the
    slot: the line is posted at once, which writes the replenishment to the ledger. A
    reserve bin short of the quantity opens a short-pick exception and a count of it."""

    _inherit = "wms.scan"

    @api.model
    def replenish_confirm(
        self, line_id, from_code, product_code, quantity, to_code, key, lot_code=None
    ):
        """Confirm one top-up: the reserve bin, product and quantity are checked as for a
        pick, then the forward slot scanned must be the line's; a short quantity posts
        what was taken and leaves the rest to do. Once per ``key``."""
        return self._once(
            key,
            ("replenish_confirm", line_id),
            lambda: self._replenish_confirm(
                line_id, from_code, product_code, quantity, to_code, lot_code
            ),
        )

    def _replenish_confirm(self, line_id, from_code, product_code, quantity, to_code, lot_code):
        quantity = self._number(quantity)
        line = self._lock_line(self._record_id(line_id, _("Line")))
        problem = self._check(line, from_code, product_code, quantity, lot_code)
        if problem:
            return {"ok": False, "error": problem}
        slot = self.resolve(to_code)
        want = line.location_dest_id
        if slot["type"] != "location" or slot["id"] != want.id:
            return {"ok": False, "step": "slot", "error": _(
                "Wrong slot: scanned %(got)s, this top-up goes to %(want)s. Scan that slot.",
                got=slot.get("name") or to_code, want=want.display_name)}  # fmt: skip
        if quantity <= 0:
            return {"ok": False, "error": _("Take at least one unit, or leave the top-up.")}
        short = float_compare(
            quantity, line.quantity, precision_rounding=line.product_uom_id.rounding
        )
        left = line.quantity - quantity if short < 0 else 0.0
        picking = line.picking_id
        self._post(line, quantity)
        if left:
            self._short(line, left)
        return {
            "ok": True,
            "posted": quantity,
            "short": left,
            "message": _("Topped up %(slot)s with %(q)s.", slot=line.location_dest_id.name,
                         q=quantity),
            "next": self.take_line(picking.id),
        }  # fmt: skip
