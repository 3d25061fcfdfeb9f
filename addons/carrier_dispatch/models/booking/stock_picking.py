# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import re
import uuid

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.pdf import merge_pdf

from stockops.dispatch.carrier import CarrierError, CarrierUnavailable, DispatchError, Parcel
from stockops.dispatch.carrier import Shipment as EngineShipment

from ..carriers.delivery_carrier_connector import DISPATCH_TYPES, partner_address

_logger = logging.getLogger(__name__)

DISPATCH_STATES = [
    ("shipped", "Shipped"),
    ("to_retry", "To Retry"),
    ("error", "Refused"),
    ("cancelled", "Cancelled"),
]
RETRY_CHUNK = 50


class StockPicking(models.Model):
    """A delivery as the carrier sees it: its cartons, booking, labels and retry state."""

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
    dispatch_route = fields.Char(
        "Delivery Route", related="partner_id.dispatch_route", store=True, index=True
    )
    dispatch_stop_sequence = fields.Integer(
        "Stop",
        compute="_compute_dispatch_stop_sequence",
        store=True,
        help="Order of the delivery on the driver's route: the partner's route stop, else the "
        "digits of the postal code. The last stop is loaded first.",
    )

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

    # -- parcels of a picking -----------------------------------------------------------------
    def _dispatch_cartons(self):
        """``{package: move lines}`` of the transfer's cartons, as they are on it (the
        package a line goes into, else the one it is taken in), and the unpacked lines."""
        lines = self.move_line_ids.filtered(lambda ml: ml.quantity)
        cartons = lines.grouped(lambda ml: ml.result_package_id or ml.package_id)
        bulk = cartons.pop(self.env["stock.quant.package"], lines.browse())
        return cartons, bulk

    def _dispatch_site_today(self):
        """Today at the warehouse the order ships from (a parcel leaves on the site's day)."""
        return (self.picking_type_id.warehouse_id or self.company_id)._site_today()

    def _dispatch_shipment(self, carrier):
        """The engine shipment of this picking: one parcel per carton, plus the bulk goods.

        Returns ``(shipment, packages)`` where ``packages[i]`` is the stock.quant.package of
        parcel ``i`` (an empty recordset for goods shipped without a package). A carton
        weighs its *Shipping Weight* when one is set, else its goods plus its tare.
        """
        self.ensure_one()
        cartons, bulk = self._dispatch_cartons()
        parcels, sources = [], []
        for package, lines in cartons.items():
            weight = package.shipping_weight or (
                sum(ml.quantity_product_uom * ml.product_id.weight for ml in lines)
                + (package.package_type_id.base_weight or 0.0)
            )
            sides = carrier._dispatch_sides_cm(package.package_type_id, package.name)
            parcels.append(Parcel(carrier._dispatch_kg(weight), *sides, reference=package.name))
            sources.append(package)
        if bulk or not cartons:
            if cartons:
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
            self.dispatch_ship_date or self._dispatch_site_today(),
            carrier.dispatch_label_format or "PDF",
        )
        return shipment, sources

    def _dispatch_checked_shipment(self, carrier, service):
        """The shipment, checked as far as can be without calling the carrier: the service
        is one the carrier lists, both addresses are complete, every carton fits the
        carrier's limits. Raises CarrierError naming every problem."""
        carrier._dispatch_check_service(service)
        shipment, packages = self._dispatch_shipment(carrier)
        shipment.validate()
        client = carrier._dispatch_client()
        problems = client.limits.problems(shipment.parcels)
        if problems:
            raise CarrierError(
                f"{'; '.join(problems)} of {carrier.name}: repack or choose another carrier",
                carrier=carrier.name,
                code="PACKAGE.LIMIT.EXCEEDED",
            )
        return shipment, packages, client

    def _dispatch_to_book(self):
        return self.filtered(
            lambda p: (
                p.picking_type_code == "outgoing"
                and p.carrier_id.delivery_type in DISPATCH_TYPES
                and p.carrier_id.integration_level == "rate_and_ship"
                and p.picking_type_id.print_label
                and p.dispatch_state != "shipped"
            )
        )

    def _dispatch_precheck(self):
        """Stop a validation the carrier would refuse, before anything moves or is booked."""
        problems = []
        for picking in self._dispatch_to_book():
            carrier = picking.carrier_id
            try:
                picking._dispatch_checked_shipment(
                    carrier, picking.dispatch_service_code or carrier.dispatch_service_code
                )
            except DispatchError as exc:
                problems.append(
                    _(
                        "%(picking)s with %(carrier)s: %(msg)s",
                        picking=picking.name,
                        carrier=carrier.name,
                        msg=exc.message,
                    )
                )
        if problems:
            raise UserError(
                _(
                    "The carrier would refuse this shipment, so nothing was validated or "
                    "booked:\n%s\nCorrect it and validate again.",
                    "\n".join(problems),
                )
            )

    def button_validate(self):
        self._dispatch_precheck()
        return super().button_validate()

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
                    "dispatch_ship_date": self._dispatch_site_today(),
                }
            )
        self.dispatch_attempts += 1
        service = self.dispatch_service_code or carrier.dispatch_service_code
        shipment, packages, client = self._dispatch_checked_shipment(carrier, service)
        booking = client.ship(shipment, service, self.dispatch_idempotency_key)
        self._dispatch_store_labels(carrier, service, shipment, packages, booking.labels)
        price = self._dispatch_booking_price(carrier, booking, shipment, service)
        self.write(
            {
                "dispatch_state": "shipped",
                "dispatch_message": _(
                    "%(count)s label(s) booked with %(carrier)s %(service)s.",
                    count=len(booking.labels),
                    carrier=carrier.name,
                    service=service,
                ),
            }
        )
        return {"exact_price": price, "tracking_number": ",".join(booking.tracking_numbers)}

    def _dispatch_booking_price(self, carrier, booking, shipment, service):
        """What the carrier charged, in the company currency (its quote when it does not say)."""
        if booking.charge is None:
            return carrier._dispatch_quote_price(self, shipment, service)
        company = self.company_id
        return carrier._dispatch_money(
            booking.charge,
            booking.currency or company.currency_id.name,
            company.currency_id,
            company,
            fields.Date.context_today(self),
        )

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
        # parcels are the booking's record: written by this flow only, after the user's
        # own right to validate the transfer
        self.env["dispatch.parcel"].sudo().create(
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
        """Retry the booking of the selected transfers (the retry queue's button). Two
        users pressing it at once: the second waits for the first's row locks, then fails
        as a concurrent update, which Odoo retries: the retry finds them booked and books
        nothing again."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT id FROM stock_picking WHERE id = ANY(%s) FOR UPDATE", self.ids)
        )
        self.invalidate_recordset(["dispatch_state", "state"])
        pickings = self.filtered(
            lambda p: (
                p.state == "done"
                and p.dispatch_state in ("to_retry", "error")
                and p.carrier_id.delivery_type in DISPATCH_TYPES
            )
        )
        for picking in pickings:
            # as validation does (stock_delivery books with sudo): the shipping cost goes on
            # the sale order, which a warehouse user may not be allowed to edit
            picking.sudo()._dispatch_ship(raise_refusal=False)
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
