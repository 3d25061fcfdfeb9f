# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import timezone

from odoo import _, api, fields, models

from stockops.dispatch.carrier import DispatchError
from stockops.dispatch.loading import LoadItem, loading_order

_logger = logging.getLogger(__name__)

PARCEL_STATUSES = [
    ("label_created", "Label Created"),
    ("picked_up", "Picked Up"),
    ("in_transit", "In Transit"),
    ("out_for_delivery", "Out for Delivery"),
    ("delivered", "Delivered"),
    ("cancelled", "Cancelled"),
    ("exception", "Exception"),
]
OPEN_STATUSES = ("label_created", "picked_up", "in_transit", "out_for_delivery", "exception")


class DispatchParcel(models.Model):
    """One labelled parcel: its carrier tracking number, label document and status.

    Every stock user reads parcels; they are written only by their flows (booking, the
    carrier's tracking, voiding, the day's manifest), never by hand: a status says what
    the carrier said."""

    _name = "dispatch.parcel"
    _description = "Dispatch Parcel"
    _order = "id desc"
    _rec_name = "tracking_number"

    picking_id = fields.Many2one(
        "stock.picking", "Transfer", required=True, ondelete="cascade", index=True
    )
    package_id = fields.Many2one("stock.quant.package", index=True, ondelete="set null")
    carrier_id = fields.Many2one("delivery.carrier", required=True, index=True)
    company_id = fields.Many2one(related="picking_id.company_id", store=True)
    partner_id = fields.Many2one(related="picking_id.partner_id", string="Ship To")
    service_code = fields.Char("Service")
    tracking_number = fields.Char(required=True, index=True, readonly=True)
    shipment_ref = fields.Char("Carrier Shipment", readonly=True)
    label_format = fields.Selection([("PDF", "PDF"), ("ZPL", "ZPL")], readonly=True)
    label_attachment_id = fields.Many2one("ir.attachment", "Label", readonly=True)
    weight_kg = fields.Float("Weight (kg)", digits=(16, 3), readonly=True)
    length_cm = fields.Float("Length (cm)", readonly=True)
    width_cm = fields.Float("Width (cm)", readonly=True)
    height_cm = fields.Float("Height (cm)", readonly=True)
    status = fields.Selection(PARCEL_STATUSES, default="label_created", required=True, index=True)
    status_date = fields.Datetime("Last Scan", readonly=True)
    status_description = fields.Char("Last Scan Detail", readonly=True)
    event_ids = fields.One2many("dispatch.tracking.event", "parcel_id", "Tracking History")
    tracking_error = fields.Char(
        "Tracking Problem", readonly=True, help="What the carrier said at the last poll."
    )
    warehouse_id = fields.Many2one(
        related="picking_id.picking_type_id.warehouse_id", store=True, index=True
    )
    manifest_id = fields.Many2one(
        "dispatch.manifest", readonly=True, index=True, ondelete="set null"
    )
    dock_id = fields.Many2one(
        related="picking_id.dispatch_dock_id", string="Dock Door", store=True, index=True
    )
    route = fields.Char(related="picking_id.dispatch_route", store=True)
    stop_sequence = fields.Integer(related="picking_id.dispatch_stop_sequence", store=True)
    load_position = fields.Integer("Load Order", compute="_compute_load_order")
    load_reason = fields.Char("Why This Order", compute="_compute_load_order")

    _sql_constraints = [
        (
            "tracking_number_uniq",
            "unique(carrier_id, tracking_number)",
            "A tracking number is used once per carrier.",
        )
    ]

    @api.depends("dock_id", "carrier_id", "route", "stop_sequence", "status")
    def _compute_load_order(self):
        """Position in the truck of each waiting parcel, among all parcels at its door for
        its carrier (one read of them all, one engine call per door and carrier)."""
        self.load_position, self.load_reason = 0, False
        waiting = self.filtered(lambda p: p.dock_id and p.status == "label_created")
        if not waiting:
            return
        others = self.search(waiting.dock_id._loading_domain())
        for _key, group in (others | waiting).grouped(lambda p: (p.dock_id, p.carrier_id)).items():
            group = group.sorted(lambda p: (p.route or "", -p.stop_sequence, p.id))
            steps = loading_order(
                [LoadItem(str(p.id), p.route or "", p.stop_sequence) for p in group]
            )
            by_id = {int(step.reference): step for step in steps}
            for parcel in group & waiting:
                step = by_id[parcel.id]
                parcel.load_position = step.position
                parcel.load_reason = step.reason

    def action_open_label(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.label_attachment_id.id}?download=true",
            "target": "new",
        }

    # -- tracking -----------------------------------------------------------------------------
    @api.model
    def _cron_track(self):
        """Poll the carriers for every parcel still on its way: one call per carrier."""
        parcels = self.search([("status", "in", OPEN_STATUSES)])
        parcels._dispatch_track()
        return True

    def _dispatch_track(self):
        """One tracking call per carrier; a number the carrier does not know is noted on
        its parcel and does not stop the others. What the carrier says is written by this
        flow only (sudo, for parcels the caller may read)."""
        self.check_access("read")
        for carrier, parcels in self.sudo().grouped("carrier_id").items():
            numbers = parcels.mapped("tracking_number")
            try:
                report = carrier._dispatch_client().track(numbers)
            except DispatchError as exc:
                _logger.warning("tracking at %s failed: %s", carrier.name, exc)
                continue
            errors = {e.tracking_number: e for e in report.errors}
            failed = parcels.filtered(lambda p, e=errors: p.tracking_number in e)
            for parcel in failed:
                error = errors[parcel.tracking_number]
                message = f"{error.message} ({error.code})" if error.code else error.message
                if parcel.tracking_error != message:
                    parcel.tracking_error = message
            (parcels - failed).filtered("tracking_error").tracking_error = False
            parcels._dispatch_record_events(report.events)

    def _dispatch_record_events(self, events):
        """Store the scans not seen yet and move each parcel to its latest status."""
        by_number = {p.tracking_number: p for p in self}
        known = {
            (e.parcel_id.id, e.date, e.code or e.status)
            for e in self.env["dispatch.tracking.event"].search([("parcel_id", "in", self.ids)])
        }
        vals, latest = [], {}
        for event in events:
            parcel = by_number.get(event.tracking_number)
            if parcel is None:
                continue
            at = event.at
            if at.tzinfo is not None:
                at = at.astimezone(timezone.utc).replace(tzinfo=None)
            at = at.replace(microsecond=0)
            latest[parcel] = (at, event)
            key = (parcel.id, at, event.code or event.status)
            if key in known:
                continue
            known.add(key)
            vals.append(
                {
                    "parcel_id": parcel.id,
                    "date": at,
                    "status": event.status,
                    "code": event.code,
                    "description": event.description,
                    "location": event.location,
                }
            )
        self.env["dispatch.tracking.event"].create(vals)
        for parcel, (at, event) in latest.items():
            if parcel.status != event.status or parcel.status_date != at:
                parcel.write(
                    {
                        "status": event.status,
                        "status_date": at,
                        "status_description": event.description,
                    }
                )
        return len(vals)


class DispatchTrackingEvent(models.Model):
    """One scan of one parcel, as the carrier reported it: recorded by the tracking flow
    only, read by every stock user."""

    _name = "dispatch.tracking.event"
    _description = "Parcel Tracking Event"
    _order = "date desc, id desc"

    parcel_id = fields.Many2one("dispatch.parcel", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="parcel_id.company_id", store=True, index=True)
    picking_id = fields.Many2one(
        related="parcel_id.picking_id", string="Transfer", store=True, index=True
    )
    package_id = fields.Many2one(
        related="parcel_id.package_id", string="Package", store=True, index=True
    )
    tracking_number = fields.Char(related="parcel_id.tracking_number")
    date = fields.Datetime(required=True)
    status = fields.Selection(PARCEL_STATUSES, required=True)
    code = fields.Char("Carrier Code")
    description = fields.Char()
    location = fields.Char()

    @api.depends("tracking_number", "status")
    def _compute_display_name(self):
        labels = dict(PARCEL_STATUSES)
        for event in self:
            event.display_name = _(
                "%(number)s: %(status)s", number=event.tracking_number, status=labels[event.status]
            )
