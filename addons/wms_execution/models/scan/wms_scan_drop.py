# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models


class WmsScan(models.AbstractModel):
    """The end of a pick trip: the units ride on the cart until the picker puts them
    down where their transfers take them and scans that place; their next step (the
    pack transfer) gets them then (``stock_move_drop_off.py``)."""

    _inherit = "wms.scan"

    def _drop_info(self, held):
        """Where the units of the held moves ``held`` (still on the cart) go: {"location",
        "barcode", "lines"} of their first drop-off place, or False."""
        if not held:
            return False
        where = held.location_dest_id[:1]
        return {
            "location": where.display_name,
            "barcode": where.barcode or "",
            "lines": len(held.filtered(lambda m: m.location_dest_id == where)),
        }

    @api.model
    def pick_cart(self):
        """What the operator picked on this screen and has not dropped off yet (a trip
        left without its drop-off: the phone locked, the page reloaded): {"picking_ids",
        "drop"} for the drop-off step, or False when the cart is empty."""
        mine = self.env["wms.event"].search(
            [("operator_id", "=", self.env.uid), ("move_line_id.move_id.wms_push_held", "=", True)]
        )
        held = mine.move_line_id.move_id.filtered("wms_push_held")
        drop = self._drop_info(held)
        return drop and {"picking_ids": held.picking_id.ids, "drop": drop}

    @api.model
    def pick_drop(self, picking_ids, location_code, key):
        """The picker puts the trip's units down and scans where: it must be where the
        transfers take them (the packing zone). Their next step (the pack) gets them
        then. {"ok", "message", "drop": the next drop-off place, if any}; a wrong place
        hands nothing on. The same ``key`` again returns the first answer."""
        return self._once(
            key,
            ("pick_drop", picking_ids),
            lambda: self._pick_drop(picking_ids, location_code),
        )

    def _pick_drop(self, picking_ids, location_code):
        picking_ids = self._record_ids(picking_ids, _("Transfer"))
        location_code = self._code(location_code)
        pickings = self.env["stock.picking"].browse(picking_ids).exists()
        held = pickings.move_ids.filtered("wms_push_held")
        drop = self._drop_info(held)
        if not drop:
            return {"ok": True, "drop": False, "message": _("Nothing left on the cart.")}
        where = held.location_dest_id
        scanned = self.resolve(location_code)
        if not location_code and not any(where.mapped("barcode")):
            # a place without a label is confirmed with the button
            scanned = {"type": "location", "id": where[:1].id}
        if scanned["type"] != "location" or scanned["id"] not in where.ids:
            return {"ok": False, "error": _(
                "Wrong place: scanned %(got)s. Put the units down at %(want)s and scan it.",
                got=scanned.get("name") or location_code, want=drop["location"])}  # fmt: skip
        here = held.filtered(lambda m: m.location_dest_id.id == scanned["id"])
        here._wms_release_pushes()
        return {
            "ok": True,
            "drop": self._drop_info(held - here),
            "message": _("Dropped off at %(where)s: %(n)s line(s) handed on to the next step.",
                         where=here.location_dest_id.display_name, n=len(here)),
        }  # fmt: skip
