# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The status of stock: available, on hold, in quality control, returned, consigned.

A location's status comes from its zone (hold, QC and returns zones; every other zone is
available) or else from its parent, so a bin under the QC area is in QC wherever the
area sits. A quant is *consigned* when it is available but owned by someone else than
its company (Odoo's owner): visible in stock, not valued (Odoo values only the company's
own stock), and reserved for orders after the company's own stock.

Allocation: a move reserves only available and consigned stock, plus stock of the status
of the location it takes from — so nothing on hold, in QC or returned is reserved for a
customer, while a transfer out of the QC area (a release) still reserves what is there.
"""

from odoo import api, fields, models
from odoo.osv import expression

STATUS = [
    ("available", "Available"),
    ("hold", "On hold"),
    ("qc", "In quality control"),
    ("returns", "Returned, to inspect"),
    ("consigned", "Consigned (vendor-owned)"),
]
#: zone kinds whose stock is not free to allocate, and the status they give
ZONE_STATUS = {"hold": "hold", "qc": "qc", "returns": "returns"}
#: statuses any move may reserve from
FREE = ("available", "consigned")


class StockLocation(models.Model):
    _inherit = "stock.location"

    wms_stock_status = fields.Selection(
        STATUS[:4],
        "Stock Status",
        compute="_compute_wms_stock_status",
        store=True,
        recursive=True,
        index=True,
        help="Available stock is reserved for orders. Stock on hold, in quality control or "
        "returned is reserved only by a transfer out of that location (a release).",
    )
    wms_blocked = fields.Boolean(
        "Blocked", help="Nothing is put away here (damaged beam, count in progress)."
    )
    wms_blocked_reason = fields.Char("Why Blocked")

    @api.depends("wms_zone_id.kind", "location_id.wms_stock_status")
    def _compute_wms_stock_status(self):
        # zones name the area they cover: that area is theirs even if it carries no zone
        roots = dict(
            self.env["wms.zone"]._read_group(
                [("location_id", "in", self.ids), ("kind", "in", list(ZONE_STATUS))],
                ["location_id"],
                ["kind:max"],
            )
        )
        for location in self:
            kind = location.wms_zone_id.kind or roots.get(location)
            if kind:
                location.wms_stock_status = ZONE_STATUS.get(kind, "available")
            else:
                location.wms_stock_status = location.location_id.wms_stock_status or "available"


class WmsZone(models.Model):
    _inherit = "wms.zone"

    @api.model_create_multi
    def create(self, vals_list):
        zones = super().create(vals_list)
        zones._wms_refresh_status()
        return zones

    def write(self, vals):
        before = self.location_id
        result = super().write(vals)
        if {"kind", "location_id"} & set(vals):
            self._wms_refresh_status(before)
        return result

    def _wms_refresh_status(self, extra=None):
        """Recompute the status of the areas these zones cover and everything under them."""
        roots = self.location_id | (extra or self.env["stock.location"])
        if roots:
            tree = self.env["stock.location"].search([("id", "child_of", roots.ids)])
            self.env.add_to_compute(tree._fields["wms_stock_status"], tree)
            tree._recompute_recordset(["wms_stock_status"])
            quants = self.env["stock.quant"].search([("location_id", "in", tree.ids)])
            self.env.add_to_compute(quants._fields["wms_stock_status"], quants)
            quants._recompute_recordset(["wms_stock_status"])


class StockQuant(models.Model):
    _inherit = "stock.quant"

    wms_stock_status = fields.Selection(
        STATUS,
        "Stock Status",
        compute="_compute_wms_stock_status",
        store=True,
        index=True,
        help="Consigned: owned by a vendor (the owner), visible and reserved after the "
        "company's own stock, never valued.",
    )

    @api.depends("location_id.wms_stock_status", "owner_id", "company_id")
    def _compute_wms_stock_status(self):
        for quant in self:
            status = quant.location_id.wms_stock_status or "available"
            owner = quant.owner_id
            if status == "available" and owner and owner != quant.company_id.partner_id:
                status = "consigned"
            quant.wms_stock_status = status

    def _get_gather_domain(
        self, product_id, location_id, lot_id=None, package_id=None, owner_id=None, strict=False
    ):
        domain = super()._get_gather_domain(
            product_id, location_id, lot_id, package_id, owner_id, strict
        )
        # a reservation says which status it may take besides free stock; any other
        # search of an exact location (posting, counts) sees everything there
        status = self.env.context.get("wms_reserve_status")
        if status is None:
            if strict:
                return domain
            status = location_id.wms_stock_status or "available"
        return expression.AND([domain, [("wms_stock_status", "in", [*FREE, status])]])

    def _gather(
        self, product_id, location_id, lot_id=None, package_id=None, owner_id=None, strict=False,
        qty=0,
    ):  # fmt: skip
        quants = super()._gather(
            product_id, location_id, lot_id, package_id, owner_id, strict, qty=qty
        )
        if owner_id or strict:
            return quants
        # the company's own stock goes first, consigned stock after it (stable: the
        # removal strategy's order holds within each)
        return quants.sorted(lambda q: q.wms_stock_status == "consigned")


class StockMove(models.Model):
    _inherit = "stock.move"

    def _update_reserved_quantity(
        self, need, location_id, lot_id=None, package_id=None, owner_id=None, strict=True
    ):
        # the status this move may reserve besides free stock: that of where it takes from
        status = self.location_id.wms_stock_status or "available"
        return super(
            StockMove, self.with_context(wms_reserve_status=status)
        )._update_reserved_quantity(need, location_id, lot_id, package_id, owner_id, strict)
