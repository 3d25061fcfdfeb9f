# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from stockops.dispatch.cutoff import next_cutoff


class DeliveryCarrier(models.Model):
    """A carrier's service as the dock sees it: which service code is booked and the
    daily cut-off after which a parcel leaves the next working day."""

    _inherit = "delivery.carrier"

    dispatch_service_code = fields.Char(
        "Service Code", help="The carrier's own code for this service, e.g. GROUND, EXPRESS."
    )
    dispatch_cutoff_time = fields.Float(
        "Daily Cut-off",
        default=16.0,
        help="Local time by which parcels must be tendered to leave the same working day.",
    )
    dispatch_next_cutoff = fields.Datetime("Next Cut-off", compute="_compute_dispatch_next_cutoff")
    dispatch_next_cutoff_reason = fields.Char(compute="_compute_dispatch_next_cutoff")

    @api.constrains("dispatch_cutoff_time")
    def _check_cutoff(self):
        for carrier in self:
            if not 0.0 <= carrier.dispatch_cutoff_time < 24.0:
                raise ValidationError(
                    _("The cut-off of %(name)s must be a time of day.", name=carrier.name)
                )

    @api.depends("dispatch_cutoff_time")
    @api.depends_context("tz")
    def _compute_dispatch_next_cutoff(self):
        now_utc = fields.Datetime.now()
        local_now = fields.Datetime.context_timestamp(self, now_utc).replace(tzinfo=None)
        offset = local_now - now_utc
        for carrier in self:
            departure = next_cutoff(local_now, carrier.dispatch_cutoff_time)
            carrier.dispatch_next_cutoff = departure.cutoff - offset
            carrier.dispatch_next_cutoff_reason = departure.reason
