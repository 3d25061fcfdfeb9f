"""A SOAP carrier shaped like Canada Post's web services (Rating, Shipping, Tracking).

The WSDL shipped in ``wsdl/canadapost.wsdl`` keeps Canada Post's operation and element
names -- ``GetRates`` (``price-quotes/price-quote``), ``CreateShipment``
(``delivery-spec``, ``parcel-characteristics``, one ``tracking-pin`` and label per
parcel), ``VoidShipment``, ``TransmitShipments`` (the manifest) and ``GetTrackingDetail``
(``significant-events/occurrence``) -- in one small document/literal service; the file's
header comment lists where it departs from the published services. Authentication is a
WS-Security UsernameToken, as at Canada Post.

zeep hands back the content of a response element that has a single child (so
``GetRates`` returns the list of ``price-quote``, ``CreateShipment`` the
``shipment-info``, ``GetTrackingDetail`` the list of ``tracking-detail``); the methods
below read those shapes. ``CreateShipment`` answers with the ``shipment-price`` Canada
Post serves from its separate ``GetShipmentPrice``; a PIN the tracking service does not
know comes back as that PIN's own ``messages``, not as a fault for the whole call.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from stockops.dispatch.carrier import (
    CANCELLED,
    DELIVERED,
    EXCEPTION,
    IN_TRANSIT,
    LABEL_CREATED,
    OUT_FOR_DELIVERY,
    PICKED_UP,
    Address,
    Booking,
    CarrierError,
    Label,
    Manifest,
    ParcelLimits,
    Quote,
    Shipment,
    ShippedShipment,
    TrackingError,
    TrackingEvent,
    TrackingReport,
)
from stockops.dispatch.soap import SoapCarrier

NAMESPACE = "urn:stockops:soap:canadapost:v1"

#: event identifiers of the tracking service -> normalised statuses
EVENT_STATUS = {
    "3000": LABEL_CREATED,
    "0500": PICKED_UP,
    "0100": IN_TRANSIT,
    "0174": OUT_FOR_DELIVERY,
    "1496": DELIVERED,
    "1415": EXCEPTION,
    "9990": CANCELLED,
}


def _address(address: Address) -> dict[str, Any]:
    out = {
        "name": address.name,
        "address-line-1": address.street,
        "city": address.city,
        "postal-zip-code": address.zip,
        "country-code": address.country.upper(),
    }
    if address.street2:
        out["address-line-2"] = address.street2
    if address.state:
        out["prov-state"] = address.state
    return out


def _parcels(shipment: Shipment) -> dict[str, Any]:
    return {
        "parcel-characteristics": [
            {
                "weight": Decimal(str(p.weight_kg)),
                "dimensions": {
                    "length": Decimal(str(p.length_cm)),
                    "width": Decimal(str(p.width_cm)),
                    "height": Decimal(str(p.height_cm)),
                },
                "customer-ref": p.reference or None,
            }
            for p in shipment.parcels
        ]
    }


class CanadaPostSoapCarrier(SoapCarrier):
    """A Canada Post-shaped SOAP account: ``customer_number`` plus API username/password."""

    name = "canadapost"
    limits = ParcelLimits(max_weight_kg=30.0, max_length_cm=200.0, max_girth_cm=300.0)
    wsdl_file = "canadapost.wsdl"
    binding = f"{{{NAMESPACE}}}CanadaPostBinding"

    def __init__(
        self, address: str, username: str, password: str, customer_number: str, **kwargs: Any
    ) -> None:
        super().__init__(address, username, password, **kwargs)
        self.customer_number = customer_number

    def rate(self, shipment: Shipment) -> list[Quote]:
        shipment.validate()
        quotes = self.call(
            "GetRates",
            **{
                "customer-number": self.customer_number,
                "expected-mailing-date": shipment.ship_date,
                "origin-postal-code": shipment.ship_from.zip,
                "origin-country-code": shipment.ship_from.country.upper(),
                "destination": {
                    "postal-zip-code": shipment.ship_to.zip,
                    "country-code": shipment.ship_to.country.upper(),
                },
                "parcels": _parcels(shipment),
            },
        )
        return [
            Quote(
                carrier=self.name,
                service=q["service-code"],
                service_name=q["service-name"],
                price=Decimal(q["price-details"]["due"]),
                currency=q["price-details"]["currency"],
                transit_days=int(q["service-standard"]["expected-transit-time"]),
                delivery_date=q["service-standard"]["expected-delivery-date"],
            )
            for q in quotes or []
        ]

    def ship(self, shipment: Shipment, service: str, idempotency_key: str) -> Booking:
        shipment.validate()
        if not idempotency_key:
            raise CarrierError("a booking needs an idempotency key", carrier=self.name)
        info = self.call(
            "CreateShipment",
            **{
                "customer-number": self.customer_number,
                "idempotency-key": idempotency_key,
                "expected-mailing-date": shipment.ship_date,
                "delivery-spec": {
                    "service-code": service,
                    "sender": _address(shipment.ship_from),
                    "destination": _address(shipment.ship_to),
                    "parcels": _parcels(shipment),
                    "print-preferences": {"output-format": shipment.label_format},
                    "customer-ref-1": shipment.reference,
                },
            },
        )
        labels = [
            Label(
                carrier=self.name,
                tracking_number=parcel["tracking-pin"],
                format=parcel["output-format"],
                data=parcel["label"],
                parcel_reference=parcel.get("customer-ref") or "",
                shipment_id=info["shipment-id"],
            )
            for parcel in info["parcel-info"]
        ]
        if len(labels) != len(shipment.parcels):
            raise CarrierError(
                f"asked for {len(shipment.parcels)} labels, got {len(labels)}", carrier=self.name
            )
        price = info.get("shipment-price") or {}
        due = price.get("due-amount")
        return Booking(
            self.name,
            service,
            tuple(labels),
            None if due is None else Decimal(due),
            price.get("currency") or "",
            info["shipment-id"],
        )

    def cancel(self, tracking_numbers: Sequence[str]) -> list[str]:
        if not tracking_numbers:
            return []
        answer = self.call(
            "VoidShipment",
            **{
                "customer-number": self.customer_number,
                "tracking-pins": {"tracking-pin": list(tracking_numbers)},
            },
        )
        if not answer.get("void-shipment-success"):
            raise CarrierError("the carrier did not void the shipment", carrier=self.name)
        return list(answer["tracking-pins"]["tracking-pin"])

    def track(self, tracking_numbers: Sequence[str]) -> TrackingReport:
        if not tracking_numbers:
            return TrackingReport()
        details = self.call("GetTrackingDetail", pin=list(tracking_numbers))
        events: list[TrackingEvent] = []
        errors: list[TrackingError] = []
        for detail in details or []:
            messages = (detail.get("messages") or {}).get("message") or []
            if messages:
                text = "; ".join(m["description"] for m in messages)
                errors.append(TrackingError(detail["pin"], text, messages[0]["code"]))
                continue
            occurrences = (detail.get("significant-events") or {}).get("occurrence") or []
            scans = [
                TrackingEvent(
                    tracking_number=detail["pin"],
                    status=EVENT_STATUS.get(o["event-identifier"], IN_TRANSIT),
                    description=o["event-description"],
                    at=o["event-date-time"],
                    location=o["event-site"],
                    code=o["event-identifier"],
                )
                for o in occurrences
            ]
            scans.reverse()  # the carrier lists the newest first
            events.extend(sorted(scans, key=lambda e: e.at))
        return TrackingReport(tuple(events), tuple(errors))

    def manifest(self, day: date, shipments: Sequence[ShippedShipment]) -> Manifest:
        pins = [n for s in shipments for n in s.tracking_numbers]
        if not pins:
            raise CarrierError(f"nothing to hand over on {day}", carrier=self.name)
        answer = self.call(
            "TransmitShipments",
            idempotent=False,
            **{
                "customer-number": self.customer_number,
                "manifest-date": day,
                "tracking-pins": {"tracking-pin": pins},
            },
        )
        handed = tuple(answer["tracking-pins"]["tracking-pin"])
        return Manifest(
            carrier=self.name,
            manifest_id=answer["manifest-id"],
            day=day,
            tracking_numbers=handed,
            document=answer["manifest-pdf"],
            reason=f"{len(handed)} parcels of {len(shipments)} shipments handed over on {day}",
        )
