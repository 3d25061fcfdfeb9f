# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import re
import uuid
from datetime import datetime, time, timedelta
from decimal import Decimal

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.pdf import merge_pdf

from stockops.dispatch.carrier import CarrierError, CarrierUnavailable, DispatchError, Parcel
from stockops.dispatch.carrier import Shipment as EngineShipment
from stockops.dispatch.rates import RULES, shop_rates

from .delivery_carrier_connector import DISPATCH_TYPES, partner_address

_logger = logging.getLogger(__name__)

DISPATCH_STATES = [
    ("shipped", "Shipped"),
    ("to_retry", "To Retry"),
    ("error", "Refused"),
    ("cancelled", "Cancelled"),
]
RETRY_CHUNK = 50


class StockPicking(models.Model):
    _inherit = "stock.picking"

    dispatch_state = fields.Selection(
        DISPATCH_STATES, "Shipment", copy=False, index=True, tracking=True, readonly=True
    )
    dispatch_message = fields.Text("Carrier Message", copy=False, readonly=True)
    dispatch_idempotency_key = fields.Char(
        "Booking Key",
        copy=False,
        readonly=True,
        help="Sent with every booking attempt of this transfer: the carrier books it once, "
        "however often the booking is retried.",
    )
    dispatch_ship_date = fields.Date("Ship Date", copy=False, readonly=True)
    dispatch_attempts = fields.Integer("Booking Attempts", copy=False, readonly=True)
    dispatch_service_code = fields.Char(
        "Booked Service",
        copy=False,
        help="The carrier service to book; empty books the shipping method's service code.",
    )
    dispatch_parcel_ids = fields.One2many("dispatch.parcel", "picking_id", "Parcels")
    dispatch_event_ids = fields.One2many("dispatch.tracking.event", "picking_id", "Tracking")
    dispatch_quote_ids = fields.One2many("dispatch.quote", "picking_id", "Quotes")
    dispatch_rate_reason = fields.Text("Rate Choice", copy=False, readonly=True)
    dispatch_is_connector = fields.Boolean(related="carrier_id.dispatch_is_connector")
    dispatch_dock_id = fields.Many2one(
        "dispatch.dock",
        "Dock Door",
        compute="_compute_dispatch_dock_id",
        store=True,
        readonly=False,
        index=True,
    )
    dispatch_stop_sequence = fields.Integer(
        "Stop",
        compute="_compute_dispatch_stop_sequence",
        store=True,
        help="Order of the delivery on the driver's route: the partner's route stop, else the "
        "digits of the postal code. The last stop is loaded first.",
    )
    dispatch_ready_estimate = fields.Datetime("Ready By", compute="_compute_dispatch_cutoff")
    dispatch_cutoff_miss = fields.Boolean(
        "Misses Today's Cut-off",
        compute="_compute_dispatch_cutoff",
        search="_search_dispatch_cutoff_miss",
    )
    dispatch_cutoff_reason = fields.Char("Cut-off", compute="_compute_dispatch_cutoff")

    # -- docks and stops ----------------------------------------------------------------------
    @api.depends("carrier_id", "picking_type_id.warehouse_id")
    def _compute_dispatch_dock_id(self):
        warehouses = self.picking_type_id.warehouse_id
        docks = self.env["dispatch.dock"].search([("warehouse_id", "in", warehouses.ids)])
        for picking in self:
            if picking.picking_type_code != "outgoing" or not picking.carrier_id:
                picking.dispatch_dock_id = picking.dispatch_dock_id
                continue
            wh = picking.picking_type_id.warehouse_id
            mine = docks.filtered(lambda d, w=wh: d.warehouse_id == w)
            serving = mine.filtered(lambda d, c=picking.carrier_id: c in d.carrier_ids)
            picking.dispatch_dock_id = (serving or mine.filtered(lambda d: not d.carrier_ids))[:1]

    @api.depends("partner_id.dispatch_route_stop", "partner_id.zip")
    def _compute_dispatch_stop_sequence(self):
        for picking in self:
            partner = picking.partner_id
            digits = re.sub(r"\D", "", partner.zip or "")[:6]
            picking.dispatch_stop_sequence = partner.dispatch_route_stop or int(digits or 0)

    # -- cut-off board ----------------------------------------------------------------------
    def _dispatch_cutoff_rows(self):
        """{picking id: (ready, misses, reason)} for open outgoing pickings with a carrier."""
        now = fields.Datetime.now()
        local_now = fields.Datetime.context_timestamp(self, now).replace(tzinfo=None)
        offset = local_now - now
        today = local_now.date()
        rows = {}
        for picking in self:
            carrier = picking.carrier_id
            if not carrier or picking.state in ("done", "cancel", "draft"):
                rows[picking.id] = (False, False, "")
                continue
            ready = max(now, picking.scheduled_date or now)
            cutoff = carrier.dispatch_next_cutoff
            if (cutoff + offset).date() != today:
                rows[picking.id] = (ready, False, carrier.dispatch_next_cutoff_reason or "")
            elif ready > cutoff:
                late = int((ready - cutoff).total_seconds() // 60)
                reason = _(
                    "ready %(ready)s, %(late)s min after %(carrier)s's cut-off %(cutoff)s",
                    ready=(ready + offset).strftime("%H:%M"),
                    late=late,
                    carrier=carrier.name,
                    cutoff=(cutoff + offset).strftime("%H:%M"),
                )
                rows[picking.id] = (ready, True, reason)
            else:
                reason = _(
                    "makes %(carrier)s's cut-off %(cutoff)s",
                    carrier=carrier.name,
                    cutoff=(cutoff + offset).strftime("%H:%M"),
                )
                rows[picking.id] = (ready, False, reason)
        return rows

    @api.depends_context("tz")
    @api.depends("carrier_id", "scheduled_date", "state")
    def _compute_dispatch_cutoff(self):
        rows = self._dispatch_cutoff_rows()
        for picking in self:
            ready, misses, reason = rows.get(picking.id, (False, False, ""))
            picking.dispatch_ready_estimate = ready
            picking.dispatch_cutoff_miss = misses
            picking.dispatch_cutoff_reason = reason

    def _search_dispatch_cutoff_miss(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search Misses Today's Cut-off with = or != and a boolean."))
        local_now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        end_of_day = datetime.combine(local_now.date() + timedelta(days=1), time.min)
        end_utc = end_of_day - local_now.utcoffset()
        candidates = self.search(
            [
                ("picking_type_code", "=", "outgoing"),
                ("state", "in", ("waiting", "confirmed", "assigned")),
                ("carrier_id", "!=", False),
                ("scheduled_date", "<", end_utc),
            ]
        )
        rows = candidates._dispatch_cutoff_rows()
        ids = [pid for pid, (_ready, misses, _reason) in rows.items() if misses]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    # -- parcels of a picking -----------------------------------------------------------------
    def _dispatch_shipment(self, carrier):
        """The engine shipment of this picking: one parcel per package, plus the bulk goods.

        Returns ``(shipment, packages)`` where ``packages[i]`` is the stock.quant.package of
        parcel ``i`` (an empty recordset for goods shipped without a package).
        """
        self.ensure_one()
        lines = self.move_line_ids.filtered(lambda ml: ml.quantity)
        packages = lines.result_package_id
        parcels, sources = [], []
        weights = packages.sudo()._get_weight(self.id)
        for package in packages:
            weight = package.shipping_weight or weights.get(package, 0.0)
            sides = carrier._dispatch_sides_cm(package.package_type_id, package.name)
            parcels.append(Parcel(carrier._dispatch_kg(weight), *sides, reference=package.name))
            sources.append(package)
        bulk = lines.filtered(lambda ml: not ml.result_package_id)
        if bulk or not packages:
            if packages:
                weight = sum(ml.quantity_product_uom * ml.product_id.weight for ml in bulk)
            else:
                weight = self.shipping_weight or self.weight or self._get_estimated_weight()
            weight += carrier.dispatch_package_type_id.base_weight or 0.0
            sides = carrier._dispatch_sides_cm(self.env["stock.package.type"], self.name)
            parcels.append(Parcel(carrier._dispatch_kg(weight), *sides, reference=self.name))
            sources.append(self.env["stock.quant.package"])
        origin = self.picking_type_id.warehouse_id.partner_id or self.company_id.partner_id
        shipment = EngineShipment(
            self.name,
            partner_address(origin),
            partner_address(self.partner_id),
            tuple(parcels),
            self.dispatch_ship_date or fields.Date.context_today(self),
            carrier.dispatch_label_format or "PDF",
        )
        return shipment, sources

    # -- booking ----------------------------------------------------------------------------
    def _dispatch_book(self):
        """Book this picking with its carrier: one label per parcel, stored on the parcels.

        Raises the engine's CarrierError / CarrierUnavailable; writes nothing but the
        booking key before the carrier has answered.
        """
        self.ensure_one()
        carrier = self.carrier_id
        live = self.dispatch_parcel_ids.filtered(lambda p: p.status != "cancelled")
        if live:
            return {"exact_price": self.carrier_price, "tracking_number": self.carrier_tracking_ref}
        if not self.dispatch_idempotency_key:
            self.write(
                {
                    "dispatch_idempotency_key": f"{self.name}-{uuid.uuid4().hex[:16]}",
                    "dispatch_ship_date": fields.Date.context_today(self),
                }
            )
        self.dispatch_attempts += 1
        service = self.dispatch_service_code or carrier.dispatch_service_code
        if not service:
            raise CarrierError(f"set the service code of {carrier.name}", carrier=carrier.name)
        shipment, packages = self._dispatch_shipment(carrier)
        labels = carrier._dispatch_client().ship(shipment, service, self.dispatch_idempotency_key)
        self._dispatch_store_labels(carrier, service, shipment, packages, labels)
        price = carrier._dispatch_quote_price(self, shipment, service)
        numbers = ",".join(label.tracking_number for label in labels)
        self.write(
            {
                "dispatch_state": "shipped",
                "dispatch_message": _(
                    "%(count)s label(s) booked with %(carrier)s %(service)s.",
                    count=len(labels),
                    carrier=carrier.name,
                    service=service,
                ),
            }
        )
        return {"exact_price": price, "tracking_number": numbers}

    def _dispatch_store_labels(self, carrier, service, shipment, packages, labels):
        mimetypes = {"PDF": ("pdf", "application/pdf"), "ZPL": ("zpl", "text/plain")}
        attachments = self.env["ir.attachment"].create(
            [
                {
                    "name": f"Label-{carrier.name}-{label.tracking_number}."
                    f"{mimetypes[label.format][0]}",
                    "raw": label.data,
                    "mimetype": mimetypes[label.format][1],
                    "res_model": "stock.picking",
                    "res_id": self.id,
                }
                for label in labels
            ]
        )
        self.env["dispatch.parcel"].create(
            [
                {
                    "picking_id": self.id,
                    "package_id": package.id or False,
                    "carrier_id": carrier.id,
                    "service_code": service,
                    "tracking_number": label.tracking_number,
                    "shipment_ref": label.shipment_id,
                    "label_format": label.format,
                    "label_attachment_id": attachment.id,
                    "weight_kg": parcel.weight_kg,
                    "length_cm": parcel.length_cm,
                    "width_cm": parcel.width_cm,
                    "height_cm": parcel.height_cm,
                    "status": "label_created",
                }
                for parcel, package, label, attachment in zip(
                    shipment.parcels, packages, labels, attachments, strict=True
                )
            ]
        )

    def send_to_shipper(self):
        self.ensure_one()
        if self.carrier_id.delivery_type not in DISPATCH_TYPES:
            return super().send_to_shipper()
        return self._dispatch_ship(raise_refusal=True)

    def _dispatch_ship(self, raise_refusal=False):
        """Book through Odoo's send_to_shipper; an outage queues the picking for a retry.

        A refusal raises a UserError when ``raise_refusal`` (validation is undone, nothing
        is shipped) or leaves the picking in the queue as refused with the carrier's reason.
        """
        self.ensure_one()
        try:
            super().send_to_shipper()
        except CarrierUnavailable as exc:
            self._dispatch_failed("to_retry", exc)
            return False
        except CarrierError as exc:
            if raise_refusal:
                raise UserError(
                    _(
                        "%(carrier)s refused the shipment of %(picking)s: %(msg)s",
                        carrier=self.carrier_id.name,
                        picking=self.name,
                        msg=exc.message,
                    )
                ) from exc
            self._dispatch_failed("error", exc)
            return False
        return True

    def _dispatch_failed(self, state, exc):
        if state == "to_retry":
            message = _(
                "%(carrier)s is unavailable: %(msg)s. The transfer is done; the booking is "
                "retried from the dispatch retry queue with key %(key)s, so the carrier "
                "books it once.",
                carrier=self.carrier_id.name,
                msg=exc.message,
                key=self.dispatch_idempotency_key,
            )
        else:
            message = _(
                "%(carrier)s refused the shipment: %(msg)s. Correct the transfer and retry.",
                carrier=self.carrier_id.name,
                msg=exc.message,
            )
        self.write({"dispatch_state": state, "dispatch_message": message})
        self.message_post(body=message, message_type="notification")

    def action_dispatch_retry(self):
        """Retry the booking of the selected transfers (the retry queue's button)."""
        pickings = self.filtered(
            lambda p: (
                p.state == "done"
                and p.dispatch_state in ("to_retry", "error")
                and p.carrier_id.delivery_type in DISPATCH_TYPES
            )
        )
        for picking in pickings:
            picking._dispatch_ship(raise_refusal=False)
        return True

    @api.model
    def _cron_dispatch_retry(self):
        """Retry the queue in chunks: a savepoint per transfer, a commit per chunk (cron)."""
        pickings = self.search(
            [("state", "=", "done"), ("dispatch_state", "=", "to_retry")], limit=RETRY_CHUNK * 10
        )
        for start in range(0, len(pickings), RETRY_CHUNK):
            for picking in pickings[start : start + RETRY_CHUNK]:
                try:
                    with self.env.cr.savepoint():
                        picking._dispatch_ship(raise_refusal=False)
                except Exception:
                    _logger.exception("dispatch retry of %s failed", picking.name)
            if self.env.context.get("dispatch_commit"):  # set by the cron only
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return True

    # -- labels -----------------------------------------------------------------------------
    def action_dispatch_print_labels(self):
        """One document with every live label of the transfer(s): merged PDF or ZPL stream."""
        parcels = self.dispatch_parcel_ids.filtered(
            lambda p: p.status != "cancelled" and p.label_attachment_id
        )
        if not parcels:
            raise UserError(_("There is no label to print."))
        attachments = parcels.label_attachment_id
        formats = set(parcels.mapped("label_format"))
        if len(attachments) == 1:
            document = attachments
        else:
            raws = [a.raw for a in attachments]
            if formats == {"PDF"}:
                data, ext, mimetype = merge_pdf(raws), "pdf", "application/pdf"
            else:
                data, ext, mimetype = b"\n".join(raws), "zpl", "text/plain"
            first = self[:1]
            document = self.env["ir.attachment"].create(
                {
                    "name": f"Labels-{first.name.replace('/', '_')}.{ext}",
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": "stock.picking",
                    "res_id": first.id,
                }
            )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{document.id}?download=true",
            "target": "new",
        }

    # -- rate shopping ------------------------------------------------------------------------
    def _dispatch_deliver_by(self):
        promised = self.sale_id.commitment_date or self.date_deadline
        return fields.Datetime.context_timestamp(self, promised).date() if promised else None

    def action_dispatch_shop_rates(self):
        """Ask every eligible carrier for the transfer's real parcels and choose by rule."""
        for picking in self:
            picking._dispatch_shop_rates()
        return True

    def _dispatch_shop_rates(self):
        self.ensure_one()
        if self.state in ("done", "cancel"):
            raise UserError(_("Shop rates before the transfer is done."))
        carriers = self.env["delivery.carrier"].search(
            [
                ("delivery_type", "in", DISPATCH_TYPES),
                ("company_id", "in", (False, self.company_id.id)),
            ]
        )
        if not carriers:
            raise UserError(_("No carrier connector is configured for %s.", self.company_id.name))
        reference = self.carrier_id if self.carrier_id in carriers else carriers[0]
        try:
            shipment, _packages = self._dispatch_shipment(reference)
            clients = [carrier._dispatch_client() for carrier in carriers]
        except DispatchError as exc:
            raise UserError(exc.message) from exc
        rule = self.picking_type_id.warehouse_id.dispatch_rate_rule or "cheapest_on_time"
        if rule not in RULES:
            rule = "cheapest_on_time"
        company_currency = self.company_id.currency_id
        try:
            decision = shop_rates(
                shipment,
                clients,
                rule=rule,
                deliver_by=self._dispatch_deliver_by(),
                timeout_s=max(carriers.mapped("dispatch_timeout_s") or [15.0]) * 2,
                currency=company_currency.name,
                fx=self._dispatch_fx(),
            )
        except DispatchError as exc:
            raise UserError(exc.message) from exc
        self._dispatch_store_quotes(carriers, decision)
        return decision

    def _dispatch_fx(self):
        """Units of the company currency per unit of each active currency (Decimal)."""
        company = self.company_id
        currencies = self.env["res.currency"].search([])
        rates = currencies._get_rates(company, fields.Date.context_today(self))
        base = rates.get(company.currency_id.id) or 1.0
        return {c.name: _decimal(base / rates[c.id]) for c in currencies if rates.get(c.id)}

    def _dispatch_store_quotes(self, carriers, decision):
        self.dispatch_quote_ids.unlink()
        company_currency = self.company_id.currency_id
        currencies = {
            c.name: c
            for c in self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "in", list({q.currency for q in decision.quotes}))])
        }
        fx = self._dispatch_fx()
        chosen_carrier = self.env["delivery.carrier"]
        vals = []
        for carrier, answer in zip(carriers, decision.answers, strict=True):
            for quote in answer.quotes:
                chosen = quote == decision.chosen
                if chosen:
                    chosen_carrier = carrier
                rate = fx.get(quote.currency)
                vals.append(
                    {
                        "picking_id": self.id,
                        "carrier_id": carrier.id,
                        "service_code": quote.service,
                        "service_name": quote.service_name,
                        "price": float(quote.price),
                        "currency_id": currencies.get(quote.currency, company_currency).id,
                        "price_company": float(quote.price * rate) if rate else 0.0,
                        "transit_days": quote.transit_days,
                        "delivery_date": quote.delivery_date,
                        "chosen": chosen,
                        "on_time": bool(decision.on_time) if chosen else False,
                        "reason": decision.reason if chosen else "",
                    }
                )
        self.env["dispatch.quote"].create(vals)
        values = {"dispatch_rate_reason": "\n".join([decision.reason, *decision.lines()])}
        if decision.chosen:
            values.update(
                carrier_id=chosen_carrier.id, dispatch_service_code=decision.chosen.service
            )
        self.write(values)
        self.message_post(body=Markup("<p>%s</p>") % decision.reason, message_type="notification")


def _decimal(value):
    return Decimal(str(round(value, 10)))
