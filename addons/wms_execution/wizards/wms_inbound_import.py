# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import _, api, fields, models

from stockops.execution.inbound import parse_despatch_advice, parse_notice_csv


class WmsInboundImport(models.TransientModel):
    """Import an advance ship notice file (CSV, or GS1 despatch advice XML): one parse,
    one catalogue check, and the notice with its receipt, packages and lots — or nothing
    and every error by its line."""

    _name = "wms.inbound.import"
    _description = "Import Advance Ship Notice"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    partner_id = fields.Many2one(
        "res.partner", "Vendor", required=True, check_company=True,
        help="The vendor sending the notice; the notice's vendor reference must be its "
        "Reference or barcode (GLN).",
    )  # fmt: skip
    warehouse_id = fields.Many2one(
        "stock.warehouse", required=True, check_company=True,
        default=lambda self: self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1),
        help="The warehouse whose Receipts get the notice (wms.inbound.notice._wms_intake).",
    )  # fmt: skip
    file = fields.Binary("Notice File", required=True)
    filename = fields.Char()
    errors = fields.Text(readonly=True)

    @api.onchange("file")
    def _onchange_file(self):
        self.errors = False

    def _parse(self):
        """The engine's reading of the file: GS1 XML when it looks like XML, else CSV."""
        data = base64.b64decode(self.file or b"")
        is_xml = (self.filename or "").lower().endswith(".xml") or data.lstrip(
            b"\xef\xbb\xbf \t\r\n"
        ).startswith(b"<")
        if is_xml:
            return parse_despatch_advice(data), "xml"
        return parse_notice_csv(data), "csv"

    def action_import(self):
        """Take the notice whole, or show every error and create nothing."""
        self.ensure_one()
        result, source = self._parse()
        notice, errors = self.env["wms.inbound.notice"]._wms_intake(
            result, self.partner_id, self.warehouse_id, source
        )
        if errors:
            self.errors = _("Nothing was imported. Correct these and import again:\n%s") % (
                "\n".join(str(error) for error in errors)
            )
            # the dialog keeps its title (an action without a name is titled "Odoo")
            return self._get_records_action(name=_("Import Advance Ship Notice"), target="new")
        return notice._get_records_action()
