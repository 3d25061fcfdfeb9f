# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class DispatchCarrierService(models.Model):
    """One service of a carrier with its own tender window and cut-off (e.g. overnight
    closes earlier than ground)."""

    _name = "dispatch.carrier.service"
    _description = "Carrier Service"
    _order = "carrier_id, sequence, id"

    carrier_id = fields.Many2one(
        "delivery.carrier", "Shipping Method", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="carrier_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char("Service Code", required=True, help="The carrier's own code, e.g. DOM.RP.")
    name = fields.Char("Service", required=True)
    cutoff_time = fields.Float(
        "Cut-off", default=16.0, help="Local time by which parcels must be tendered today."
    )
    tender_open_time = fields.Float(
        "Tender Window Opens",
        help="Local time from which the carrier takes parcels (its truck's window); "
        "0 means any time before the cut-off.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(carrier_id, code)", "A service code is listed once per carrier.")
    ]

    @api.constrains("cutoff_time", "tender_open_time")
    def _check_window(self):
        for service in self:
            if not 0.0 <= service.tender_open_time < service.cutoff_time < 24.0:
                raise ValidationError(
                    _(
                        "%(carrier)s %(code)s: the tender window must open before the cut-off, "
                        "both within the day (now %(opens)s to %(cutoff)s h).",
                        carrier=service.carrier_id.name,
                        code=service.code,
                        opens=service.tender_open_time,
                        cutoff=service.cutoff_time,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for service in self:
            service.display_name = f"{service.code} ({service.name})"
