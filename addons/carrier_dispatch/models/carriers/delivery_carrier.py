# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.addons.stock_policy.models.site_clock import site_now
from odoo.exceptions import ValidationError

from stockops.dispatch.carrier import CarrierError
from stockops.dispatch.cutoff import next_cutoff


class DeliveryCarrier(models.Model):
    """A carrier's service as the dock sees it: which service code is booked, its tender
    window and the daily cut-off after which a parcel leaves the next working day; per
    service when the carrier's services close at different times."""

    _inherit = "delivery.carrier"

    dispatch_service_code = fields.Char(
        "Service Code", help="The carrier's own code for this service, e.g. GROUND, EXPRESS."
    )
    dispatch_cutoff_time = fields.Float(
        "Daily Cut-off",
        default=16.0,
        help="Time of day on the site's clock (the company address's time zone, else its "
        "working hours') by which parcels must be tendered to leave the same working day.",
    )
    dispatch_tender_open_time = fields.Float(
        "Tender Window Opens",
        help="Local time from which the carrier takes parcels; 0 means any time before the "
        "cut-off.",
    )
    dispatch_service_ids = fields.One2many(
        "dispatch.carrier.service",
        "carrier_id",
        "Services",
        help="The carrier's services with their own cut-offs. When listed, only these codes "
        "are booked: another code is refused before the carrier is called.",
    )
    dispatch_next_cutoff = fields.Datetime("Next Cut-off", compute="_compute_dispatch_next_cutoff")
    dispatch_next_cutoff_reason = fields.Char(compute="_compute_dispatch_next_cutoff")

    @api.constrains("dispatch_cutoff_time", "dispatch_tender_open_time")
    def _check_cutoff(self):
        for carrier in self:
            if not 0.0 <= carrier.dispatch_cutoff_time < 24.0:
                raise ValidationError(
                    _("The cut-off of %(name)s must be a time of day.", name=carrier.name)
                )
            if not 0.0 <= carrier.dispatch_tender_open_time < carrier.dispatch_cutoff_time:
                raise ValidationError(
                    _(
                        "The tender window of %(name)s must open before its cut-off.",
                        name=carrier.name,
                    )
                )

    @api.depends("dispatch_cutoff_time", "company_id")
    @api.depends_context("company")
    def _compute_dispatch_next_cutoff(self):
        now_utc = fields.Datetime.now()
        for carrier in self:
            site = (carrier.company_id or self.env.company)._site_tz()
            local_now, offset = site_now(site, now_utc)
            departure = next_cutoff(local_now, carrier.dispatch_cutoff_time)
            carrier.dispatch_next_cutoff = departure.cutoff - offset
            carrier.dispatch_next_cutoff_reason = departure.reason

    def _dispatch_tender_terms(self, service_code=None):
        """``(cut-off hours, tender window opening hours or None, label)`` of a service:
        its own row when listed, else the carrier's."""
        self.ensure_one()
        code = service_code or self.dispatch_service_code
        row = self.dispatch_service_ids.filtered(lambda s: s.code == code)[:1]
        if row:
            return row.cutoff_time, (row.tender_open_time or None), f"{self.name} {row.code}"
        return self.dispatch_cutoff_time, (self.dispatch_tender_open_time or None), self.name

    def _dispatch_check_service(self, service_code):
        """Refuse a service code the carrier does not list (before any carrier call)."""
        self.ensure_one()
        if not service_code:
            raise CarrierError(
                f"no service to book: set the service code of {self.name} or the transfer's "
                "Booked Service",
                carrier=self.name,
            )
        known = self.dispatch_service_ids.mapped("code")
        if known and service_code not in known:
            raise CarrierError(
                f"unknown service code {service_code!r} for {self.name} "
                f"(known: {', '.join(known)})",
                carrier=self.name,
                code="SERVICE.UNKNOWN",
            )
