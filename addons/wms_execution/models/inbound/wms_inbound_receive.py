# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

from odoo import _, fields, models
from odoo.tools import SQL

from stockops.execution.inbound import (
    EXCEPTION,
    RECEIVE,
    CountedLine,
    Notice,
    NoticeLine,
    Pallet,
    PalletScan,
    check_pallet,
)


def product_key(product):
    """A product as the pallet check keys it: its GTIN-14 when its barcode is a GTIN,
    else its reference, barcode or name (how the operator reads it in a reason)."""
    code = product.barcode or ""
    if code.isdigit() and len(code) in (8, 12, 13, 14):
        return code.zfill(14), ""
    return "", product.default_code or code or product.name


class WmsInboundNotice(models.Model):
    _inherit = "wms.inbound.notice"

    def _wms_engine_notice(self):
        """The notice as the engine reads it (its pallets and lines, from the records)."""
        self.ensure_one()
        pallets = []
        for pallet in self.pallet_ids:
            lines = []
            for line in pallet.line_ids:
                gtin, code = product_key(line.product_id)
                serial = line.product_id.tracking == "serial"
                lines.append(NoticeLine(
                    line.where or pallet.sscc, gtin, code, line.quantity,
                    lot="" if serial else line.lot_name or "",
                    serial=line.lot_name or "" if serial else "", expiry=line.expiry_date,
                ))  # fmt: skip
            pallets.append(Pallet(pallet.sscc, tuple(lines)))
        return Notice(self.name, self.partner_id.ref or "", tuple(pallets))

    def _wms_receive_pallet(self, code, damaged=False, counted=None, epcs=()):
        """Receive the pallet ``code`` (its SSCC, bare or as GS1 AI 00) of this notice's
        receipt in one confirmation: one read of the notice and of the SSCCs already
        received, one engine call (``check_pallet``), one write. As noticed: its lines
        are picked with their lots and expiry (a mixed pallet broken down: each product
        leaves the pallet's package for put-away). Damaged: nothing is picked, the pallet
        waits in the backorder. Counted otherwise than noticed (``counted``: [(product,
        quantity, lot)]): received as counted. Tags read (``epcs``) otherwise than noticed:
        received as noticed. Each difference, and a pallet not on the notice, opens a
        receiving exception with the engine's reasons. Returns (check, exception)."""
        self.ensure_one()
        # two docks scanning the same truck: the second waits, then reads it received
        self.env["wms.inbound.notice.pallet"].flush_model(["state"])
        self.env.cr.execute(
            SQL("SELECT id FROM wms_inbound_notice_pallet WHERE notice_id = %s FOR UPDATE", self.id)
        )
        self.pallet_ids.invalidate_recordset(["state"])
        received = self.pallet_ids.filtered(lambda p: p.state != "expected").mapped("sscc")
        lines = None
        if counted is not None:
            lines = tuple(
                CountedLine(product_key(p)[0] or product_key(p)[1], qty, lot or "")
                for p, qty, lot in counted
            )
        scan = PalletScan(code, tuple(epcs), counted=lines, damaged=bool(damaged))
        check = check_pallet(self._wms_engine_notice(), scan, received)
        if check.outcome not in (RECEIVE, EXCEPTION):
            return check, self.env["wms.exception"]
        pallet = self.pallet_ids.filtered(lambda p: p.sscc == check.sscc)
        exception = self.env["wms.exception"]
        if check.outcome == EXCEPTION:
            exception = self._wms_pallet_exception(check, pallet)
        if pallet:
            if not damaged:
                self._wms_pick_pallet(pallet, counted, check.mixed)
            pallet.sudo().write({
                "state": "exception" if damaged else "received",
                "received_date": fields.Datetime.now(), "exception_id": exception.id,
            })  # fmt: skip
        return check, exception

    def _wms_pick_pallet(self, pallet, counted, mixed):
        """Mark the pallet's lines on the receipt picked: as noticed, or as ``counted``
        (a line per product and lot counted; a lot not noticed gets its own line)."""
        lines = self.picking_id.move_line_ids.filtered(
            lambda ml: ml.result_package_id == pallet.package_id and not ml.picked
        )
        if counted is not None:
            want = Counter()
            for product, qty, lot in counted:
                want[product, lot or ""] += qty
            for line in lines:
                if line.product_id.tracking == "serial":  # counted by product: one each
                    line.quantity = min(1.0, want[line.product_id, ""])
                    want[line.product_id, ""] -= line.quantity
                else:
                    line.quantity = want.pop((line.product_id, line.lot_name or ""), 0.0)
            moves = {move.product_id: move for move in self.picking_id.move_ids}
            extra = [(p, lot, q) for (p, lot), q in want.items() if p in moves and q > 0]
            lines |= self.env["stock.move.line"].create([{
                "move_id": moves[p].id, "picking_id": self.picking_id.id, "product_id": p.id,
                "product_uom_id": p.uom_id.id, "quantity": q, "lot_name": lot or False,
                "result_package_id": pallet.package_id.id,
                "location_id": moves[p].location_id.id,
                "location_dest_id": moves[p].location_dest_id.id,
            } for p, lot, q in extra])  # fmt: skip
            nothing = lines.filtered(lambda ml: not ml.quantity)
            lines -= nothing
            nothing.unlink()
        values = {"picked": True}
        if mixed:
            values["result_package_id"] = False
        lines.write(values)

    def _wms_pallet_exception(self, check, pallet):
        products = pallet.line_ids.product_id
        return self.env["wms.exception"].sudo().create({
            "name": _("Pallet %(sscc)s of %(notice)s: %(why)s", sscc=check.sscc,
                      notice=self.name, why="; ".join(check.reasons)),
            "kind": "receiving",
            "warehouse_id": self.warehouse_id.id,
            "picking_id": self.picking_id.id,
            "product_id": products.id if len(products) == 1 else False,
            "scanned": check.sscc,
        })  # fmt: skip
