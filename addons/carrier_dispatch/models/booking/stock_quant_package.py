# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .dispatch_parcel import PARCEL_STATUSES


class StockQuantPackage(models.Model):
    """A package's carrier label: tracking number, label document and status."""

    _inherit = "stock.quant.package"

    dispatch_parcel_ids = fields.One2many("dispatch.parcel", "package_id", "Carrier Parcels")
    dispatch_tracking_number = fields.Char(
        "Carrier Tracking Number", compute="_compute_dispatch_label", store=True, index=True
    )
    dispatch_label_id = fields.Many2one(
        "ir.attachment", "Carrier Label", compute="_compute_dispatch_label", store=True
    )
    dispatch_status = fields.Selection(
        PARCEL_STATUSES, "Carrier Status", compute="_compute_dispatch_label", store=True
    )
    dispatch_event_ids = fields.One2many(
        "dispatch.tracking.event", "package_id", "Tracking History"
    )

    @api.depends(
        "dispatch_parcel_ids.status",
        "dispatch_parcel_ids.tracking_number",
        "dispatch_parcel_ids.label_attachment_id",
    )
    def _compute_dispatch_label(self):
        for package in self:
            parcels = package.dispatch_parcel_ids.sorted("id", reverse=True)
            current = parcels.filtered(lambda p: p.status != "cancelled")[:1] or parcels[:1]
            package.dispatch_tracking_number = current.tracking_number
            package.dispatch_label_id = current.label_attachment_id
            package.dispatch_status = current.status
