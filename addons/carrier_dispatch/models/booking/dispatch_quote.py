# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class DispatchQuote(models.Model):
    """One carrier service's quote for a transfer's real parcels, from a rate shop: made
    and replaced by the rate shop only, read by every stock user."""

    _name = "dispatch.quote"
    _description = "Carrier Quote"
    _order = "chosen desc, delivery_date, price_company, id"

    picking_id = fields.Many2one(
        "stock.picking", "Transfer", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="picking_id.company_id", store=True, index=True)
    carrier_id = fields.Many2one("delivery.carrier", required=True, ondelete="cascade")
    service_code = fields.Char("Service", required=True)
    service_name = fields.Char()
    price = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one("res.currency", required=True)
    company_currency_id = fields.Many2one(
        related="picking_id.company_id.currency_id", string="Company Currency"
    )
    price_company = fields.Monetary(
        "Price (company currency)",
        currency_field="company_currency_id",
        help="Zero when the quote's currency has no rate.",
    )
    transit_days = fields.Integer()
    delivery_date = fields.Date()
    chosen = fields.Boolean(readonly=True)
    on_time = fields.Boolean("Meets Promise", readonly=True)
    reason = fields.Char(readonly=True)
