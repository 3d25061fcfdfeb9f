# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    wms_expiry_date = fields.Date(
        "Expiry Date",
        help="Best-before or expiry date printed on the received unit; it is kept on the "
        "package (handling unit) the line is received into.",
    )

    def _wms_expiry(self):
        """The expiry captured on the line, else the lot's own (when Odoo tracks it)."""
        self.ensure_one()
        if self.wms_expiry_date:
            return self.wms_expiry_date
        lot = self.lot_id
        lot_expiry = lot.expiration_date if "expiration_date" in lot._fields else False
        return lot_expiry.date() if lot_expiry else False


class StockQuantPackage(models.Model):
    """A received handling unit knows what it holds: its lot (or serials), its expiry and
    the receipt it came in on — captured when the receipt is posted, so scanning the
    package tells the lot without opening it."""

    _inherit = "stock.quant.package"

    wms_lot_id = fields.Many2one(
        "stock.lot", "Lot/Serial", readonly=True, help="The lot, when the package holds one."
    )
    wms_lot_names = fields.Char(
        "Lots/Serials Received", readonly=True, help="Every lot or serial received into it."
    )
    wms_expiry_date = fields.Date(
        "Expires", readonly=True, help="The earliest expiry of what was received into it."
    )
    wms_receipt_id = fields.Many2one("stock.picking", "Received On", readonly=True)
    wms_received_date = fields.Datetime("Received", readonly=True)

    def _wms_capture(self, lines):
        """Write on each package what its done receipt ``lines`` brought (one write per
        package; lot expiry dates are filled where the lot has none and Odoo tracks them)."""
        by_package = {}
        for line in lines:
            by_package.setdefault(line.result_package_id, []).append(line)
        lots_expire = "expiration_date" in self.env["stock.lot"]._fields
        for package, own in by_package.items():
            lots = self.env["stock.lot"].union(*(ln.lot_id for ln in own))
            expiry = [ln._wms_expiry() for ln in own]
            expiry = min((d for d in expiry if d), default=False)
            package.write(
                {
                    "wms_lot_id": lots.id if len(lots) == 1 else False,
                    "wms_lot_names": ", ".join(lots.mapped("name")) or False,
                    "wms_expiry_date": expiry,
                    "wms_receipt_id": own[0].picking_id.id,
                    "wms_received_date": own[0].date,
                }
            )
            if lots_expire:
                for ln in own:
                    if ln.lot_id and ln.wms_expiry_date and not ln.lot_id.expiration_date:
                        ln.lot_id.expiration_date = fields.Datetime.to_datetime(ln.wms_expiry_date)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        result = super()._action_done()
        lines = self.filtered(lambda p: p.picking_type_code == "incoming").move_line_ids
        received = lines.filtered(lambda ln: ln.state == "done" and ln.result_package_id)
        if received:
            self.env["stock.quant.package"]._wms_capture(received)
        return result


class WmsScan(models.AbstractModel):
    _inherit = "wms.scan"

    @api.model
    def resolve(self, code):
        """A package's scan also says what it holds: its lot (or serials) and expiry."""
        found = super().resolve(code)
        if found.get("type") == "package":
            package = self.env["stock.quant.package"].browse(found["id"])
            found.update(
                {
                    "lot": package.wms_lot_id.name or "",
                    "lot_id": package.wms_lot_id.id or False,
                    "lots": package.wms_lot_names or "",
                    "expiry": fields.Date.to_string(package.wms_expiry_date) or "",
                }
            )
        return found
