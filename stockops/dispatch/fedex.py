"""A REST carrier shaped like FedEx's REST APIs (OAuth, Rate, Ship, Track, End of Day).

A small subset with FedEx's endpoints and field names, so a reader who knows them finds
their way and a real connector is a short step away:

==========================  =============================================
``POST /oauth/token``        client-credentials grant, form body
``POST /rate/v1/rates/quotes``  ``requestedShipment`` -> ``output.rateReplyDetails``
``POST /ship/v1/shipments``  -> ``output.transactionShipments[].pieceResponses[]``
``PUT /ship/v1/shipments/cancel``  one tracking number per call
``POST /track/v1/trackingnumbers``  -> ``output.completeTrackResults[]``
``PUT /ship/v1/endofday/``   ground close: the day's manifest
==========================  =============================================

Kept small on purpose: weights in KG and sides in CM only, one account, the
``Idempotency-Key`` header on bookings (honoured by the simulator; FedEx itself echoes
``x-customer-transaction-id``, sent with the same value), the close names the tracking
numbers it hands over, and delivery dates are plain ISO dates.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import date, datetime
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
    TrackingError,
    TrackingEvent,
    TrackingReport,
)
from stockops.dispatch.rest import JsonApi, OAuth2ClientCredentials, RestCarrier
from stockops.dispatch.retry import RetryPolicy

#: FedEx scan event types -> normalised statuses
EVENT_STATUS = {
    "OC": LABEL_CREATED,
    "PU": PICKED_UP,
    "IT": IN_TRANSIT,
    "AR": IN_TRANSIT,
    "DP": IN_TRANSIT,
    "OD": OUT_FOR_DELIVERY,
    "DL": DELIVERED,
    "DE": EXCEPTION,
    "CA": CANCELLED,
}
_TRANSIT_WORDS = {
    w: n
    for n, w in enumerate(
        ("ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"), 1
    )
}
_IMAGE_TYPE = {"PDF": "PDF", "ZPL": "ZPLII"}


def transit_days(words: str) -> int:
    """FedEx spells transit times out: ``"TWO_DAYS"`` -> 2.

    >>> transit_days("ONE_DAY"), transit_days("THREE_DAYS")
    (1, 3)
    """
    return _TRANSIT_WORDS[words.split("_", 1)[0]]


def transit_words(days: int) -> str:
    """The other way round: 2 -> ``"TWO_DAYS"``."""
    word = next(w for w, n in _TRANSIT_WORDS.items() if n == days)
    return f"{word}_DAY" if days == 1 else f"{word}_DAYS"


def _address(address: Address) -> dict[str, Any]:
    lines = [line for line in (address.street, address.street2) if line]
    out: dict[str, Any] = {
        "streetLines": lines,
        "city": address.city,
        "postalCode": address.zip,
        "countryCode": address.country.upper(),
    }
    if address.state:
        out["stateOrProvinceCode"] = address.state
    return out


def _party(address: Address) -> dict[str, Any]:
    contact = {"personName": address.name}
    if address.phone:
        contact["phoneNumber"] = address.phone
    if address.email:
        contact["emailAddress"] = address.email
    return {"contact": contact, "address": _address(address)}


def _packages(shipment: Shipment) -> list[dict[str, Any]]:
    return [
        {
            "sequenceNumber": index,
            "weight": {"units": "KG", "value": parcel.weight_kg},
            "dimensions": {
                "length": parcel.length_cm,
                "width": parcel.width_cm,
                "height": parcel.height_cm,
                "units": "CM",
            },
            "customerReferences": [
                {"customerReferenceType": "CUSTOMER_REFERENCE", "value": parcel.reference}
            ],
        }
        for index, parcel in enumerate(shipment.parcels, 1)
    ]


class FedexRestCarrier(RestCarrier):
    """A FedEx-shaped REST account (see the module docstring for the endpoints)."""

    name = "fedex"
    limits = ParcelLimits(max_weight_kg=68.0, max_length_cm=274.0, max_girth_cm=419.0)

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        account_number: str,
        *,
        name: str = "",
        limits: ParcelLimits | None = None,
        timeout_s: float | tuple[float, float] = (3.05, 15.0),
        retry: RetryPolicy | None = None,
    ) -> None:
        base_url = base_url.rstrip("/")
        auth = OAuth2ClientCredentials(f"{base_url}/oauth/token", client_id, client_secret)
        api = JsonApi(
            base_url,
            carrier=name or self.name,
            auth=auth,
            timeout_s=timeout_s,
            retry=retry,
            headers={"x-locale": "en_US"},
        )
        super().__init__(api, name=name, limits=limits)
        self.account_number = account_number

    @property
    def _account(self) -> dict[str, str]:
        return {"value": self.account_number}

    def _idempotency_headers(self, key: str) -> dict[str, str]:
        return {self.idempotency_header: key, "x-customer-transaction-id": key}

    # -- rate ------------------------------------------------------------------------------
    def _rate_request(self, shipment: Shipment) -> tuple[str, str, Any]:
        body = {
            "accountNumber": self._account,
            "rateRequestControlParameters": {"returnTransitTimes": True},
            "requestedShipment": {
                "shipper": {"address": _address(shipment.ship_from)},
                "recipient": {"address": _address(shipment.ship_to)},
                "shipDateStamp": shipment.ship_date.isoformat(),
                "pickupType": "USE_SCHEDULED_PICKUP",
                "rateRequestType": ["ACCOUNT"],
                "requestedPackageLineItems": _packages(shipment),
            },
        }
        return "POST", "/rate/v1/rates/quotes", body

    def _parse_quotes(self, payload: Any, shipment: Shipment) -> list[Quote]:
        quotes = []
        for detail in payload["output"]["rateReplyDetails"]:
            rated = detail["ratedShipmentDetails"][0]
            commit = detail["commit"]
            quotes.append(
                Quote(
                    carrier=self.name,
                    service=detail["serviceType"],
                    service_name=detail.get("serviceName", detail["serviceType"]),
                    price=Decimal(str(rated["totalNetCharge"])),
                    currency=rated["currency"],
                    transit_days=transit_days(commit["transitDays"]["minimumTransitTime"]),
                    delivery_date=date.fromisoformat(commit["dateDetail"]["dayFormat"][:10]),
                )
            )
        return quotes

    # -- ship ------------------------------------------------------------------------------
    def _ship_request(self, shipment: Shipment, service: str) -> tuple[str, str, Any]:
        body = {
            "labelResponseOptions": "LABEL",
            "accountNumber": self._account,
            "requestedShipment": {
                "shipper": _party(shipment.ship_from),
                "recipients": [_party(shipment.ship_to)],
                "shipDatestamp": shipment.ship_date.isoformat(),
                "serviceType": service,
                "packagingType": "YOUR_PACKAGING",
                "pickupType": "USE_SCHEDULED_PICKUP",
                "shippingChargesPayment": {"paymentType": "SENDER"},
                "labelSpecification": {
                    "imageType": _IMAGE_TYPE[shipment.label_format],
                    "labelStockType": "STOCK_4X6",
                },
                "customerReferences": [
                    {"customerReferenceType": "CUSTOMER_REFERENCE", "value": shipment.reference}
                ],
                "requestedPackageLineItems": _packages(shipment),
            },
        }
        return "POST", "/ship/v1/shipments", body

    def _parse_booking(self, payload: Any, shipment: Shipment, service: str) -> Booking:
        labels: list[Label] = []
        charge, currency, master = None, "", ""
        for booked in payload["output"]["transactionShipments"]:
            master = master or booked.get("masterTrackingNumber", "")
            rating = (booked.get("completedShipmentDetail") or {}).get("shipmentRating") or {}
            for detail in rating.get("shipmentRateDetails") or []:
                amount = Decimal(str(detail["totalNetCharge"]))
                charge = amount if charge is None else charge + amount
                currency = detail.get("currency", currency)
            for piece in booked["pieceResponses"]:
                document = next(
                    d for d in piece["packageDocuments"] if d.get("contentType") == "LABEL"
                )
                refs = piece.get("customerReferences") or [{}]
                labels.append(
                    Label(
                        carrier=self.name,
                        tracking_number=piece["trackingNumber"],
                        format="ZPL" if document["docType"].startswith("ZPL") else "PDF",
                        data=base64.b64decode(document["encodedLabel"]),
                        parcel_reference=refs[0].get("value", ""),
                        shipment_id=booked.get("masterTrackingNumber", ""),
                    )
                )
        return Booking(self.name, service, tuple(labels), charge, currency, master)

    # -- cancel ----------------------------------------------------------------------------
    def _cancel_request(self, tracking_number: str) -> tuple[str, str, Any]:
        body = {
            "accountNumber": self._account,
            "trackingNumber": tracking_number,
            "deletionControl": "DELETE_ONE_PACKAGE",
        }
        return "PUT", "/ship/v1/shipments/cancel", body

    def _parse_cancel(self, payload: Any, tracking_number: str) -> None:
        output = payload.get("output", {})
        if not output.get("cancelledShipment"):
            raise CarrierError(output.get("message", "not cancelled"), carrier=self.name)

    # -- track -----------------------------------------------------------------------------
    def _track_request(self, tracking_numbers: Sequence[str]) -> tuple[str, str, Any]:
        body = {
            "includeDetailedScans": True,
            "trackingInfo": [
                {"trackingNumberInfo": {"trackingNumber": n}} for n in tracking_numbers
            ],
        }
        return "POST", "/track/v1/trackingnumbers", body

    def _parse_tracking(self, payload: Any) -> TrackingReport:
        events: list[TrackingEvent] = []
        errors: list[TrackingError] = []
        for complete in payload["output"]["completeTrackResults"]:
            number = complete["trackingNumber"]
            for result in complete["trackResults"]:
                if "error" in result:
                    error = result["error"]
                    message = error.get("message", "unknown tracking number")
                    errors.append(TrackingError(number, message, error.get("code", "")))
                    continue
                scans = [
                    TrackingEvent(
                        tracking_number=number,
                        status=EVENT_STATUS.get(scan["eventType"], IN_TRANSIT),
                        description=scan.get("eventDescription", ""),
                        at=datetime.fromisoformat(scan["date"]),
                        location=scan.get("scanLocation", {}).get("city", ""),
                        code=scan["eventType"],
                    )
                    for scan in result.get("scanEvents", [])
                ]
                scans.reverse()  # the carrier lists the newest first
                events.extend(sorted(scans, key=lambda e: e.at))
        return TrackingReport(tuple(events), tuple(errors))

    # -- manifest (ground end-of-day close) -------------------------------------------------
    def _manifest_request(self, day: date, tracking_numbers: list[str]) -> tuple[str, str, Any]:
        body = {
            "accountNumber": self._account,
            "groundServiceCategory": "GROUND",
            "closeReqType": "GCCLOSE",
            "closeDate": day.isoformat(),
            "trackingNumbers": tracking_numbers,
        }
        return "PUT", "/ship/v1/endofday/", body

    def _parse_manifest(
        self, payload: Any, day: date, tracking_numbers: list[str], shipments: int
    ) -> Manifest:
        output = payload["output"]
        document = next(d for d in output["closeDocuments"] if d.get("type") == "MANIFEST")
        handed = tuple(output.get("trackingNumbers", tracking_numbers))
        return Manifest(
            carrier=self.name,
            manifest_id=output["manifestNumber"],
            day=day,
            tracking_numbers=handed,
            document=base64.b64decode(document["parts"][0]["image"]),
            reason=f"{len(handed)} parcels of {shipments} shipments handed over on {day}",
        )
