# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The FedEx-shaped REST and Canada Post-shaped SOAP connectors as Odoo shipping providers.

Odoo calls ``<delivery_type>_rate_shipment`` / ``_send_shipping`` / ``_get_tracking_link`` /
``_cancel_shipment``; each reads the order or pickings in bulk, makes one call to the
carrier through ``stockops.dispatch`` and writes the answer back.
"""

import json
import threading

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from stockops.dispatch.canadapost import CanadaPostSoapCarrier
from stockops.dispatch.carrier import (
    Address,
    CarrierError,
    CarrierUnavailable,
    DispatchError,
    Parcel,
    Shipment,
)
from stockops.dispatch.fedex import FedexRestCarrier
from stockops.dispatch.retry import RetryPolicy

DISPATCH_TYPES = ("fedex_rest", "canadapost_soap")
TRACKING_URLS = {
    "fedex_rest": "https://www.fedex.com/fedextrack/?trknbr=<shipmenttrackingnumber>",
    "canadapost_soap": "https://www.canadapost-postescanada.ca/track-reperage/en#/search?"
    "searchFor=<shipmenttrackingnumber>",
}
#: the longest a user waits for one carrier answer, in seconds; the most calls per request
MAX_TIMEOUT_S = 120.0
MAX_ATTEMPTS = 10
#: engine clients per carrier configuration (a SOAP client parses its WSDL once)
_CLIENTS = {}
_CLIENTS_LOCK = threading.Lock()


def partner_address(partner):
    """An engine :class:`Address` from a res.partner (blank parts stay blank)."""
    return Address(
        name=partner.name or partner.commercial_partner_id.name or "",
        street=partner.street or "",
        city=partner.city or "",
        zip=partner.zip or "",
        country=partner.country_id.code or "",
        street2=partner.street2 or "",
        state=partner.state_id.code or "",
        phone=partner.phone or "",
        email=partner.email or "",
    )


class DeliveryCarrier(models.Model):
    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("fedex_rest", "FedEx (REST)"), ("canadapost_soap", "Canada Post (SOAP)")],
        ondelete={"fedex_rest": "set default", "canadapost_soap": "set default"},
    )
    dispatch_url = fields.Char(
        "Service Address",
        help="Base URL of the carrier's API (REST) or the SOAP service address: production, "
        "sandbox or a local simulator.",
    )
    dispatch_client_id = fields.Char("Client ID", groups="base.group_system", copy=False)
    dispatch_client_secret = fields.Char("Client Secret", groups="base.group_system", copy=False)
    dispatch_username = fields.Char("API Username", groups="base.group_system", copy=False)
    dispatch_password = fields.Char("API Password", groups="base.group_system", copy=False)
    dispatch_account_number = fields.Char(
        "Account / Customer Number", help="The shipper account (FedEx) or customer number."
    )
    dispatch_label_format = fields.Selection(
        [("PDF", "PDF"), ("ZPL", "ZPL (thermal printer)")], "Label Format", default="PDF"
    )
    dispatch_timeout_s = fields.Float(
        "Timeout (s)", default=15.0, help="How long to wait for one answer of the carrier."
    )
    dispatch_attempts = fields.Integer(
        "Attempts",
        default=3,
        help="Calls per request when the carrier is unavailable before the request fails "
        "(a failed booking then goes to the dispatch retry queue).",
    )
    dispatch_package_type_id = fields.Many2one(
        "stock.package.type",
        "Default Package",
        help="Sides and tare of the carton assumed for quotes on sale orders and for goods "
        "shipped without a package.",
    )
    dispatch_is_connector = fields.Boolean(compute="_compute_dispatch_is_connector")

    @api.constrains("dispatch_timeout_s", "dispatch_attempts")
    def _check_dispatch_calls(self):
        """A timeout of 0 or less (or of hours) would drop the carrier from every quote
        without a word; fewer than one attempt would never call it."""
        for carrier in self:
            if not 0.0 < carrier.dispatch_timeout_s <= MAX_TIMEOUT_S:
                raise ValidationError(
                    _("The timeout of %(name)s must be above 0 and at most %(max)s seconds "
                      "(%(t)s given).", name=carrier.name, max=MAX_TIMEOUT_S,
                      t=carrier.dispatch_timeout_s)
                )  # fmt: skip
            if not 1 <= carrier.dispatch_attempts <= MAX_ATTEMPTS:
                raise ValidationError(
                    _("%(name)s is called 1 to %(max)s times per request (%(n)s given).",
                      name=carrier.name, max=MAX_ATTEMPTS, n=carrier.dispatch_attempts)
                )  # fmt: skip

    @api.depends("delivery_type")
    def _compute_dispatch_is_connector(self):
        for carrier in self:
            carrier.dispatch_is_connector = carrier.delivery_type in DISPATCH_TYPES

    # -- engine client --------------------------------------------------------------------
    def _dispatch_client(self):
        """The engine's CarrierClient for this shipping method (cached per configuration)."""
        self.ensure_one()
        conf = self.sudo()
        if conf.delivery_type not in DISPATCH_TYPES:
            raise UserError(_("%s is not a carrier connector.", self.name))
        if not conf.dispatch_url:
            raise CarrierError(f"set the service address of {self.name}", carrier=self.name)
        timeout = conf.dispatch_timeout_s or 15.0
        retry = RetryPolicy(attempts=max(conf.dispatch_attempts, 1), base_delay_s=0.2)
        if conf.delivery_type == "fedex_rest":
            secrets = (conf.dispatch_client_id or "", conf.dispatch_client_secret or "")
        else:
            secrets = (conf.dispatch_username or "", conf.dispatch_password or "")
        key = (
            self.env.cr.dbname,
            conf.id,
            conf.delivery_type,
            conf.name,
            conf.dispatch_url,
            secrets,
            conf.dispatch_account_number or "",
            timeout,
            retry.attempts,
        )
        with _CLIENTS_LOCK:
            client = _CLIENTS.get(key)
            if client is None:
                if len(_CLIENTS) > 64:
                    _CLIENTS.clear()
                client = _CLIENTS[key] = self._dispatch_new_client(conf, secrets, timeout, retry)
        return client

    @api.model
    def _dispatch_new_client(self, conf, secrets, timeout, retry):
        account = conf.dispatch_account_number or ""
        if conf.delivery_type == "fedex_rest":
            return FedexRestCarrier(
                conf.dispatch_url, *secrets, account, name=conf.name, timeout_s=timeout, retry=retry
            )
        address = conf.dispatch_url if conf.dispatch_url.endswith("/") else conf.dispatch_url + "/"
        return CanadaPostSoapCarrier(
            address, *secrets, account, name=conf.name, timeout_s=timeout, retry=retry
        )

    # -- units ----------------------------------------------------------------------------
    @api.model
    def _dispatch_kg(self, weight):
        uom = self.env["product.template"]._get_weight_uom_id_from_ir_config_parameter()
        return uom._compute_quantity(weight, self.env.ref("uom.product_uom_kgm"), round=False)

    @api.model
    def _dispatch_cm(self, length):
        uom = self.env["product.template"]._get_length_uom_id_from_ir_config_parameter()
        return uom._compute_quantity(length, self.env.ref("uom.product_uom_cm"), round=False)

    def _dispatch_sides_cm(self, package_type, reference):
        """(length, width, height) in cm of ``package_type``, or of the default package."""
        for ptype in (package_type, self.dispatch_package_type_id):
            if ptype and ptype.packaging_length and ptype.width and ptype.height:
                return tuple(
                    self._dispatch_cm(v)
                    for v in (ptype.packaging_length, ptype.width, ptype.height)
                )
        raise CarrierError(
            f"parcel {reference} has no sides: set length, width and height on its package type "
            f"or on the default package of {self.name}",
            carrier=self.name,
        )

    def _dispatch_money(self, amount, currency_name, to_currency, company, day):
        """A carrier amount in ``to_currency``."""
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "=", currency_name)], limit=1)
        )
        if not currency or currency == to_currency:
            return float(amount)
        return currency._convert(float(amount), to_currency, company, day)

    # -- rate a sale order ------------------------------------------------------------------
    def _dispatch_order_shipment(self, order):
        warehouse_partner = order.warehouse_id.partner_id or order.company_id.partner_id
        tare = self.dispatch_package_type_id.base_weight or 0.0
        weight_kg = self._dispatch_kg(order._get_estimated_weight() + tare)
        sides = self._dispatch_sides_cm(self.dispatch_package_type_id, order.name)
        parcel = Parcel(weight_kg, *sides, reference=order.name)
        return Shipment(
            order.name,
            partner_address(warehouse_partner),
            partner_address(order.partner_shipping_id),
            (parcel,),
            fields.Date.context_today(self),
            self.dispatch_label_format or "PDF",
        )

    def _dispatch_pick_quote(self, quotes):
        """The quote of the configured service, or the cheapest when no service is set."""
        if self.dispatch_service_code:
            wanted = [q for q in quotes if q.service == self.dispatch_service_code]
            if not wanted:
                offered = ", ".join(q.service for q in quotes) or "none"
                raise CarrierError(
                    f"service {self.dispatch_service_code} not offered here (offered: {offered})",
                    carrier=self.name,
                )
            return wanted[0]
        if not quotes:
            raise CarrierError("no service quoted for this shipment", carrier=self.name)
        return min(quotes, key=lambda q: (q.price, q.delivery_date))

    def _dispatch_rate_shipment(self, order):
        self.ensure_one()
        if not self._match_address(order.partner_shipping_id):
            return self._dispatch_rate_error(_("This delivery method does not serve this address."))
        try:
            shipment = self._dispatch_order_shipment(order)
            quote = self._dispatch_pick_quote(self._dispatch_client().rate(shipment))
        except CarrierUnavailable as exc:
            return self._dispatch_rate_error(
                _(
                    "%(carrier)s is unavailable, try again later: %(msg)s",
                    carrier=self.name,
                    msg=exc.message,
                )
            )
        except DispatchError as exc:
            return self._dispatch_rate_error(
                _("%(carrier)s: %(msg)s", carrier=self.name, msg=exc.message)
            )
        price = self._dispatch_money(
            quote.price,
            quote.currency,
            order.currency_id,
            order.company_id,
            order.date_order or fields.Date.today(),
        )
        return {
            "success": True,
            "price": price,
            "error_message": False,
            "warning_message": _(
                "%(service)s, delivery expected %(day)s (%(days)s days)",
                service=quote.service_name,
                day=quote.delivery_date,
                days=quote.transit_days,
            ),
        }

    @api.model
    def _dispatch_rate_error(self, message):
        return {"success": False, "price": 0.0, "error_message": message, "warning_message": False}

    # -- Odoo's provider hooks ----------------------------------------------------------------
    def fedex_rest_rate_shipment(self, order):
        return self._dispatch_rate_shipment(order)

    def canadapost_soap_rate_shipment(self, order):
        return self._dispatch_rate_shipment(order)

    def fedex_rest_send_shipping(self, pickings):
        return [picking._dispatch_book() for picking in pickings]

    def canadapost_soap_send_shipping(self, pickings):
        return [picking._dispatch_book() for picking in pickings]

    def fedex_rest_get_tracking_link(self, picking):
        return self._dispatch_tracking_link(picking)

    def canadapost_soap_get_tracking_link(self, picking):
        return self._dispatch_tracking_link(picking)

    def fedex_rest_cancel_shipment(self, pickings):
        return self._dispatch_cancel(pickings)

    def canadapost_soap_cancel_shipment(self, pickings):
        return self._dispatch_cancel(pickings)

    def _dispatch_tracking_link(self, picking):
        template = self.tracking_url or TRACKING_URLS.get(self.delivery_type)
        numbers = [n.strip() for n in (picking.carrier_tracking_ref or "").split(",") if n.strip()]
        if not template or not numbers:
            return False
        links = [[n, template.replace("<shipmenttrackingnumber>", n)] for n in numbers]
        return links[0][1] if len(links) == 1 else json.dumps(links)

    def _dispatch_cancel(self, pickings):
        """Void every live label of ``pickings`` at the carrier, then mark them cancelled."""
        self.ensure_one()
        pickings.check_access("write")
        parcels = pickings.dispatch_parcel_ids.filtered(lambda p: p.status != "cancelled")
        if not parcels:
            return True
        handed = parcels.filtered("manifest_id")
        if handed:
            raise UserError(
                _(
                    "%(numbers)s went to %(carrier)s on manifest %(manifest)s and cannot be "
                    "voided; nothing was voided. Ask the carrier to return them instead.",
                    numbers=", ".join(handed.mapped("tracking_number")),
                    carrier=self.name,
                    manifest=", ".join(handed.manifest_id.mapped("name")),
                )
            )
        try:
            voided = set(self._dispatch_client().cancel(parcels.mapped("tracking_number")))
        except CarrierUnavailable as exc:
            raise UserError(
                _(
                    "%(carrier)s is unavailable, nothing was voided; try again later: %(msg)s",
                    carrier=self.name,
                    msg=exc.message,
                )
            ) from exc
        except CarrierError as exc:
            raise UserError(
                _(
                    "%(carrier)s refused to void the labels: %(msg)s",
                    carrier=self.name,
                    msg=exc.message,
                )
            ) from exc
        # the carrier voided them: the status is the carrier's, written by this flow only
        parcels.filtered(lambda p: p.tracking_number in voided).sudo().write(
            {"status": "cancelled"}
        )
        pickings.write(
            {
                "dispatch_state": "cancelled",
                "dispatch_message": _("Labels voided at %s.", self.name),
                "dispatch_idempotency_key": False,
                "dispatch_ship_date": False,
            }
        )
        return True

    def _dispatch_quote_price(self, picking, shipment, service):
        """What the booked service costs, in the company currency, and the quote used."""
        chosen = picking.dispatch_quote_ids.filtered(
            lambda q: q.chosen and q.carrier_id == self and q.service_code == service
        )[:1]
        if chosen:
            return chosen.price_company
        try:
            quotes = self._dispatch_client().rate(shipment)
        except DispatchError:
            return 0.0  # the price is informative; the booking matters more
        quote = next((q for q in quotes if q.service == service), None)
        if quote is None:
            return 0.0
        company = picking.company_id
        return self._dispatch_money(
            quote.price, quote.currency, company.currency_id, company, fields.Date.today()
        )
