# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

PALLET_STATES = [("expected", "Expected"), ("received", "Received"), ("exception", "Exception")]
SOURCES = [("csv", "CSV file"), ("xml", "GS1 despatch advice (XML)"), ("api", "Vendor API")]


class WmsInboundNotice(models.Model):
    """An advance ship notice: the pallets (SSCC) and lines a vendor announced, and the
    receipt made from it before the truck arrives."""

    _name = "wms.inbound.notice"
    _description = "Advance Ship Notice"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char("Notice", required=True, readonly=True, help="The vendor's notice number.")
    partner_id = fields.Many2one(
        "res.partner", "Vendor", required=True, readonly=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse", required=True, readonly=True, check_company=True
    )
    picking_id = fields.Many2one(
        "stock.picking", "Receipt", readonly=True, check_company=True, index="btree_not_null"
    )
    source = fields.Selection(SOURCES, required=True, readonly=True)
    pallet_ids = fields.One2many("wms.inbound.notice.pallet", "notice_id", "Pallets")
    line_ids = fields.One2many("wms.inbound.notice.line", "notice_id", "Lines")
    pallet_count = fields.Integer(compute="_compute_counts")
    line_count = fields.Integer(compute="_compute_counts")
    state = fields.Selection(
        [("expected", "Expected"), ("received", "Received"), ("cancel", "Cancelled")],
        compute="_compute_state",
        store=True,
        help="Expected until its receipt is validated (received) or cancelled.",
    )

    _sql_constraints = [
        (
            "vendor_notice_unique",
            "unique(partner_id, name, company_id)",
            "A vendor's notice number is taken once: this notice is already in.",
        )
    ]

    @api.depends("pallet_ids", "line_ids")
    def _compute_counts(self):
        for notice in self:
            notice.pallet_count = len(notice.pallet_ids)
            notice.line_count = len(notice.line_ids)

    @api.depends("picking_id.state")
    def _compute_state(self):
        states = {"done": "received", "cancel": "cancel"}
        for notice in self:
            notice.state = states.get(notice.picking_id.state, "expected")

    def action_open_receipt(self):
        self.ensure_one()
        return self.picking_id._get_records_action()


class WmsInboundNoticePallet(models.Model):
    """One logistic unit of a notice: its SSCC and the package made for it."""

    _name = "wms.inbound.notice.pallet"
    _description = "Advance Ship Notice Pallet"
    _order = "notice_id, id"

    notice_id = fields.Many2one("wms.inbound.notice", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    sscc = fields.Char("SSCC", required=True, readonly=True, index=True)
    package_id = fields.Many2one("stock.quant.package", readonly=True)
    line_ids = fields.One2many("wms.inbound.notice.line", "pallet_id", "Lines")
    mixed = fields.Boolean(
        compute="_compute_mixed", help="Several products: broken down at receipt."
    )
    state = fields.Selection(
        PALLET_STATES,
        default="expected",
        required=True,
        readonly=True,
        help="Received: scanned at the dock as noticed (or as counted, with an exception). "
        "Exception: found damaged, it waits for the supervisor in the receipt's backorder.",
    )
    received_date = fields.Datetime(readonly=True)
    exception_id = fields.Many2one("wms.exception", readonly=True)

    @api.depends("line_ids.product_id")
    def _compute_mixed(self):
        for pallet in self:
            pallet.mixed = len(pallet.line_ids.product_id) > 1


class WmsInboundNoticeLine(models.Model):
    """Units of one product on a pallet, with the lot or serial and expiry announced."""

    _name = "wms.inbound.notice.line"
    _description = "Advance Ship Notice Line"
    _order = "pallet_id, id"

    pallet_id = fields.Many2one(
        "wms.inbound.notice.pallet", required=True, ondelete="cascade", index=True
    )
    notice_id = fields.Many2one(related="pallet_id.notice_id", store=True, index=True)
    company_id = fields.Many2one(related="pallet_id.company_id", store=True)
    sscc = fields.Char(related="pallet_id.sscc")
    where = fields.Char("Line", readonly=True, help="Where the notice states it (row, path).")
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    quantity = fields.Float(required=True, readonly=True, digits="Product Unit of Measure")
    lot_name = fields.Char("Lot/Serial", readonly=True)
    expiry_date = fields.Date("Expiry", readonly=True)
    move_line_id = fields.Many2one("stock.move.line", "Operation", readonly=True)
