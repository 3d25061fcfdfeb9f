# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import _, api, models
from odoo.exceptions import UserError

from stockops.execution.inbound import EXCEPTION, REFUSED

from ..inbound.wms_inbound_receive import product_key

#: a pallet's SSCC as a scanner reads it: 18 digits, bare or after AI 00
SSCC_FORM = re.compile(r"^(\(00\)|00)?\d{18}$")


class WmsScan(models.AbstractModel):
    """Receiving by pallet: on a receipt made from an advance ship notice, scanning a
    pallet's SSCC (GS1 AI 00, or its 18 digits) receives the whole pallet in one
    confirmation (wms.inbound.notice._wms_receive_pallet); the operator may first flag it
    damaged or give the lines counted on it."""

    _inherit = "wms.scan"

    def _notice_of(self, picking):
        return self.env["wms.inbound.notice"].search([("picking_id", "=", picking.id)], limit=1)

    @api.model
    def receive_lines(self, picking_id):
        """The receipt's lines and, when it was made from a notice, its pallets."""
        result = super().receive_lines(picking_id)
        notice = self._notice_of(self._receipt(picking_id))
        result["notice"] = notice.name or ""
        if notice:  # received pallet by pallet: what is picked so far of each line
            picked = notice.picking_id.move_line_ids.filtered("picked")
            for line in result["lines"]:
                mine = picked.filtered(lambda ml, m=line["move_id"]: ml.move_id.id == m)
                line["counted"] = sum(mine.mapped("quantity")) if mine else None
        result["pallets"] = [
            {"sscc": pallet.sscc, "state": pallet.state, "mixed": pallet.mixed,
             "what": ", ".join(f"{line.quantity:g} {line.product_id.display_name}"
                               for line in pallet.line_ids)}
            for pallet in notice.pallet_ids
        ]  # fmt: skip
        return result

    @api.model
    def receive_pallet(self, picking_id, code, damaged, counted, key, epcs=None):
        """Receive the pallet ``code`` (its SSCC, or its SSCC-96 tag) of the receipt whole;
        ``damaged`` flags it, ``counted`` ([{"code": a product's label, "quantity"}], or
        None: not counted) gives what was counted on it, ``epcs`` the hex tags a handheld
        read on it (``code`` may then be empty: the pallet's own tag among them). Once per
        ``key``."""
        return self._once(
            key,
            ("receive_pallet", picking_id, code),
            lambda: self._receive_pallet(picking_id, code, damaged, counted, epcs),
        )

    def _receive_pallet(self, picking_id, code, damaged, counted, epcs=None):
        picking = self._receipt(picking_id)
        code = self._code(code)
        if code and not SSCC_FORM.match(code):  # a pallet's RFID tag: its package's SSCC
            what = self.resolve(code)
            code = what["name"] if what["type"] == "package" else code
        if epcs is not None and not isinstance(epcs, list):
            raise UserError(_("The tags read are a list of hex EPCs."))
        if not isinstance(damaged, bool):
            raise UserError(_("Damaged is yes or no, not %(v)r.", v=damaged))
        if counted is not None and not isinstance(counted, list):
            raise UserError(_("The lines counted are a list of labels and quantities."))
        epcs = tuple(self._code(epc) for epc in epcs or ())
        if picking.state in ("done", "cancel"):
            return {"ok": False, "error": _("%(p)s is closed already.", p=picking.name)}
        notice = self._notice_of(picking)
        if not notice:
            return {"ok": False, "error": _("%(p)s has no advance ship notice: scan each "
                                            "product instead.", p=picking.name)}  # fmt: skip
        lines = None if counted is None else [self._counted_line(c) for c in counted or []]
        check, exception = notice._wms_receive_pallet(code, damaged, lines, epcs)
        if check.outcome == REFUSED:
            return {"ok": False, "error": " ".join(check.reasons)}
        if check.outcome == EXCEPTION:
            message = _("Exception opened: %(why)s", why="; ".join(check.reasons))
        elif check.mixed:
            names = {"".join(product_key(p)): p.display_name for p in notice.line_ids.product_id}
            what = ", ".join(
                f"{split.quantity:g} {names.get(split.product, split.product)}"
                for split in check.breakdown
            )
            message = _("Pallet %(sscc)s received, broken down by product: %(what)s",
                        sscc=check.sscc, what=what)  # fmt: skip
        else:
            message = _("Pallet %(sscc)s received whole", sscc=check.sscc)
        return {
            "ok": True,
            "exception": exception.id or False,
            "message": message,
            **self.receive_lines(picking.id),
        }

    def _counted_line(self, line):
        """(product, quantity, lot) of a counted line from the screen."""
        if not isinstance(line, dict):
            raise UserError(_("A counted line is a product's label and its quantity."))
        what = self.resolve(line.get("code"))
        if what["type"] != "product":
            raise UserError(_("Unknown barcode %(c)s: scan the product's label.",
                              c=line.get("code")))  # fmt: skip
        quantity = self._number(line.get("quantity"), _("The count"))
        product = self.env["product.product"].browse(what["id"])
        return product, quantity, self._code(line.get("lot")) or what.get("lot") or ""
