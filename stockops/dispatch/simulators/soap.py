"""A Canada Post-shaped SOAP carrier on 127.0.0.1, serving ``wsdl/canadapost.wsdl``.

``GET /?wsdl`` returns the shipped WSDL with this server's address in it; ``POST /``
takes SOAP 1.1 envelopes for the five operations, checks the WS-Security UsernameToken
and answers in the WSDL's schema, or with a SOAP fault (``soap:Client`` for a refusal,
``soap:Server`` for an injected failure). See
:class:`~stockops.dispatch.simulators.server.SimulatorServer` for latency and faults.
Stdlib only (``xml.etree``).
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from stockops.dispatch.carrier import ParcelLimits
from stockops.dispatch.simulators.book import (
    CarrierBook,
    Refusal,
    Tariff,
    address,
    parcel,
)
from stockops.dispatch.simulators.server import Reply, Request, SimulatorServer

TNS = "urn:stockops:soap:canadapost:v1"
SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSDL = Path(__file__).resolve().parent.parent / "wsdl" / "canadapost.wsdl"

OPERATIONS = {
    "GetRatesRequest": "rate",
    "CreateShipmentRequest": "ship",
    "VoidShipmentRequest": "cancel",
    "GetTrackingDetailRequest": "track",
    "TransmitShipmentsRequest": "manifest",
}
OCCURRENCE = {
    "created": ("3000", "Electronic information submitted by shipper"),
    "picked_up": ("0500", "Item picked up by Canada Post"),
    "in_transit": ("0100", "Item processed at postal facility"),
    "out_for_delivery": ("0174", "Item out for delivery"),
    "delivered": ("1496", "Item successfully delivered"),
    "voided": ("9990", "Shipment voided by sender"),
}
CANADA_POST_CODES = (
    ("DOM.RP", "Regular Parcel"),
    ("DOM.XP", "Xpresspost"),
    ("DOM.PC", "Priority"),
)


def _q(tag: str) -> str:
    return f"{{{TNS}}}{tag}"


def _text(node: ET.Element | None, path: str, default: str = "") -> str:
    """Text of the first descendant at ``path`` (slash-separated local names in TNS)."""
    if node is None:
        return default
    found = node.find("/".join(_q(part) for part in path.split("/")))
    return found.text.strip() if found is not None and found.text else default


def _sub(parent: ET.Element, tag: str, text: Any = None) -> ET.Element:
    child = ET.SubElement(parent, _q(tag))
    if text is not None:
        child.text = str(text)
    return child


def _envelope(body: ET.Element) -> bytes:
    envelope = ET.Element(f"{{{SOAP_ENV}}}Envelope")
    ET.SubElement(envelope, f"{{{SOAP_ENV}}}Body").append(body)
    return ET.tostring(envelope, encoding="utf-8", xml_declaration=True)


def soap_fault(code: str, message: str) -> Reply:
    """A SOAP 1.1 fault answer (HTTP 500, as SOAP 1.1 over HTTP requires)."""
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<soap:Envelope xmlns:soap="{SOAP_ENV}"><soap:Body><soap:Fault>'
        f"<faultcode>soap:{code}</faultcode><faultstring>{escape(message)}</faultstring>"
        "</soap:Fault></soap:Body></soap:Envelope>"
    )
    return Reply(500, body.encode(), "text/xml; charset=utf-8")


class SoapCarrierSimulator(SimulatorServer):
    """A Canada Post-shaped account: WS-Security ``username``/``password`` and a customer number."""

    def __init__(
        self,
        *,
        carrier: str = "canadapost-sim",
        username: str = "sim-user",
        password: str = "sim-password",
        customer_number: str = "0009999999",
        currency: str = "CAD",
        price_scale: float = 1.0,
        limits: ParcelLimits | None = None,
        latency_s: float = 0.0,
        hang_s: float = 1.0,
        port: int = 0,
    ) -> None:
        super().__init__(latency_s=latency_s, hang_s=hang_s, port=port)
        limits = limits or ParcelLimits(max_weight_kg=30.0, max_length_cm=200.0, max_girth_cm=300.0)
        self.username = username
        self.password = password
        self.customer_number = customer_number
        tariff = Tariff.standard(currency, price_scale, CANADA_POST_CODES, limits)
        self.book = CarrierBook(carrier, tariff, pin_digits=16)

    def operation(self, request: Request) -> str:
        if request.method == "GET":
            return "wsdl"
        match = re.search(rb"<(?:[\w.-]+:)?(\w+Request)[\s>/]", request.body)
        return OPERATIONS.get(match.group(1).decode(), "unknown") if match else "unknown"

    def fault_reply(self, operation: str) -> Reply:
        return soap_fault(
            "Server", f"the {operation} service failed on the carrier side (injected)"
        )

    def handle(self, operation: str, request: Request) -> Reply:
        if operation == "wsdl":
            text = WSDL.read_text(encoding="utf-8")
            text = re.sub(r'location="[^"]*"', f'location="{self.url}/"', text)
            return Reply(200, text.encode(), "text/xml; charset=utf-8")
        try:
            envelope = ET.fromstring(request.body)
        except ET.ParseError as exc:
            return soap_fault("Client", f"the request is not XML: {exc}")
        token = envelope.find(f"{{{SOAP_ENV}}}Header/{{{WSSE}}}Security/{{{WSSE}}}UsernameToken")
        user = token.findtext(f"{{{WSSE}}}Username") if token is not None else None
        password = token.findtext(f"{{{WSSE}}}Password") if token is not None else None
        if (user, password) != (self.username, self.password):
            return soap_fault("Client", "Authentication failed: unknown username or wrong password")
        body = envelope.find(f"{{{SOAP_ENV}}}Body")
        payload = body[0] if body is not None and len(body) else None
        if payload is None or operation == "unknown":
            return soap_fault("Client", "no operation of this service in the SOAP body")
        try:
            if operation != "track" and _text(payload, "customer-number") != self.customer_number:
                raise Refusal(f"customer number {_text(payload, 'customer-number')!r} is not yours")
            answer = getattr(self, f"_{operation}")(payload)
        except Refusal as refusal:
            return soap_fault("Client", refusal.message)
        except (ValueError, ArithmeticError) as exc:
            return soap_fault("Client", f"malformed request: {exc}")
        return Reply(200, _envelope(answer), "text/xml; charset=utf-8")

    # -- operations ------------------------------------------------------------------------
    @staticmethod
    def _parcels(node: ET.Element | None) -> list[Any]:
        if node is None:
            return []
        return [
            parcel(
                _text(p, "weight"),
                _text(p, "dimensions/length"),
                _text(p, "dimensions/width"),
                _text(p, "dimensions/height"),
                _text(p, "customer-ref"),
            )
            for p in node.findall(_q("parcel-characteristics"))
        ]

    @staticmethod
    def _day(payload: ET.Element, tag: str) -> date:
        return date.fromisoformat(_text(payload, tag) or date.today().isoformat())

    def _rate(self, payload: ET.Element) -> ET.Element:
        lines = self.book.quotes(
            (_text(payload, "origin-postal-code"), _text(payload, "origin-country-code")),
            (
                _text(payload, "destination/postal-zip-code"),
                _text(payload, "destination/country-code"),
            ),
            self._parcels(payload.find(_q("parcels"))),
            self._day(payload, "expected-mailing-date"),
        )
        answer = ET.Element(_q("GetRatesResponse"))
        quotes = _sub(answer, "price-quotes")
        for line in lines:
            quote = _sub(quotes, "price-quote")
            _sub(quote, "service-code", line.service.code)
            _sub(quote, "service-name", line.service.name)
            price = _sub(quote, "price-details")
            _sub(price, "due", line.price)
            _sub(price, "currency", self.book.tariff.currency)
            standard = _sub(quote, "service-standard")
            _sub(standard, "expected-transit-time", line.transit_days)
            _sub(standard, "expected-delivery-date", line.delivery_date.isoformat())
        return answer

    @staticmethod
    def _address(node: ET.Element | None, role: str) -> Any:
        return address(
            _text(node, "name"),
            _text(node, "address-line-1"),
            _text(node, "city"),
            _text(node, "postal-zip-code"),
            _text(node, "country-code"),
            role,
        )

    def _ship(self, payload: ET.Element) -> ET.Element:
        spec = payload.find(_q("delivery-spec"))
        if spec is None:
            raise Refusal("delivery-spec is required")
        request = ET.tostring(payload, encoding="unicode")
        booking, _replayed = self.book.book(
            key=_text(payload, "idempotency-key"),
            request=request,
            service_code=_text(spec, "service-code"),
            ship_from=self._address(spec.find(_q("sender")), "sender"),
            ship_to=self._address(spec.find(_q("destination")), "destination"),
            parcels=self._parcels(spec.find(_q("parcels"))),
            label_format=_text(spec, "print-preferences/output-format", "PDF"),
            reference=_text(spec, "customer-ref-1"),
        )
        answer = ET.Element(_q("CreateShipmentResponse"))
        info = _sub(answer, "shipment-info")
        _sub(info, "shipment-id", booking.shipment_id)
        _sub(info, "shipment-status", "created")
        price = _sub(info, "shipment-price")
        _sub(price, "due-amount", booking.price)
        _sub(price, "currency", self.book.tariff.currency)
        for pin in booking.tracking_numbers:
            record = self.book.parcels[pin]
            parcel_info = _sub(info, "parcel-info")
            _sub(parcel_info, "tracking-pin", pin)
            if record.parcel.reference:
                _sub(parcel_info, "customer-ref", record.parcel.reference)
            _sub(parcel_info, "output-format", record.label_format)
            _sub(parcel_info, "label", base64.b64encode(record.label).decode())
        return answer

    @staticmethod
    def _pins(payload: ET.Element) -> list[str]:
        return [
            (pin.text or "").strip()
            for pin in payload.findall(f"{_q('tracking-pins')}/{_q('tracking-pin')}")
        ]

    def _cancel(self, payload: ET.Element) -> ET.Element:
        voided = self.book.void(self._pins(payload))
        answer = ET.Element(_q("VoidShipmentResponse"))
        _sub(answer, "void-shipment-success", "true")
        pins = _sub(answer, "tracking-pins")
        for pin in voided:
            _sub(pins, "tracking-pin", pin)
        return answer

    def _track(self, payload: ET.Element) -> ET.Element:
        answer = ET.Element(_q("GetTrackingDetailResponse"))
        for node in payload.findall(_q("pin")):
            pin = (node.text or "").strip()
            detail = _sub(answer, "tracking-detail")
            _sub(detail, "pin", pin)
            try:
                scans = self.book.poll(pin)
            except Refusal as refusal:  # this PIN only: the others are still answered
                message = _sub(_sub(detail, "messages"), "message")
                _sub(message, "code", refusal.code)
                _sub(message, "description", refusal.message)
                continue
            events = _sub(detail, "significant-events")
            for scan in reversed(scans):  # newest first, as the tracking service lists them
                occurrence = _sub(events, "occurrence")
                code, description = OCCURRENCE[scan.step]
                _sub(occurrence, "event-identifier", code)
                _sub(occurrence, "event-date-time", scan.at.isoformat())
                _sub(occurrence, "event-description", description)
                _sub(occurrence, "event-site", scan.site)
        return answer

    def _manifest(self, payload: ET.Element) -> ET.Element:
        pins = self._pins(payload)
        if not pins:
            raise Refusal("no tracking pins to transmit")
        manifest_id, pdf = self.book.close(self._day(payload, "manifest-date"), pins)
        answer = ET.Element(_q("TransmitShipmentsResponse"))
        _sub(answer, "manifest-id", manifest_id)
        listed = _sub(answer, "tracking-pins")
        for pin in pins:
            _sub(listed, "tracking-pin", pin)
        _sub(answer, "manifest-pdf", base64.b64encode(pdf).decode())
        return answer
