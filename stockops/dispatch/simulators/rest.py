"""A FedEx-shaped REST carrier on 127.0.0.1, for tests and benchmarks.

Serves the endpoints :class:`~stockops.dispatch.fedex.FedexRestCarrier` calls, with
OAuth2 client-credentials tokens that expire (``token_ttl_s``) or can be revoked
(:meth:`RestCarrierSimulator.revoke_tokens`), FedEx-style error bodies
(``{"errors": [{"code", "message"}]}``), and the ``Idempotency-Key`` header honoured on
bookings. See :class:`~stockops.dispatch.simulators.server.SimulatorServer` for latency
and fault injection.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

from stockops.dispatch.carrier import ParcelLimits
from stockops.dispatch.simulators.book import (
    CarrierBook,
    Refusal,
    Tariff,
    address,
    parcel,
)
from stockops.dispatch.simulators.server import Reply, Request, SimulatorServer

ROUTES = {
    ("POST", "/oauth/token"): "token",
    ("POST", "/rate/v1/rates/quotes"): "rate",
    ("POST", "/ship/v1/shipments"): "ship",
    ("PUT", "/ship/v1/shipments/cancel"): "cancel",
    ("POST", "/track/v1/trackingnumbers"): "track",
    ("PUT", "/ship/v1/endofday"): "manifest",
}
SCAN = {
    "created": ("OC", "Shipment information sent to FedEx"),
    "picked_up": ("PU", "Picked up"),
    "in_transit": ("IT", "In transit"),
    "out_for_delivery": ("OD", "On FedEx vehicle for delivery"),
    "delivered": ("DL", "Delivered"),
    "voided": ("CA", "Shipment cancelled by sender"),
}
FEDEX_CODES = (
    ("FEDEX_GROUND", "FedEx Ground"),
    ("FEDEX_2_DAY", "FedEx 2Day"),
    ("PRIORITY_OVERNIGHT", "FedEx Priority Overnight"),
)
_WORDS = ("ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN")


def _json(status: int, payload: Any, **headers: str) -> Reply:
    return Reply(status, json.dumps(payload).encode(), "application/json", dict(headers))


def _error(status: int, code: str, message: str) -> Reply:
    return _json(
        status,
        {"transactionId": secrets.token_hex(8), "errors": [{"code": code, "message": message}]},
    )


def _transit(days: int) -> str:
    word = _WORDS[min(days, 10) - 1]
    return f"{word}_DAY" if days == 1 else f"{word}_DAYS"


class RestCarrierSimulator(SimulatorServer):
    """A FedEx-shaped account: ``client_id``/``client_secret``/``account_number`` to log in.

    ``price_scale`` shifts the whole tariff (to simulate a cheaper or dearer carrier).
    """

    def __init__(
        self,
        *,
        carrier: str = "fedex-sim",
        client_id: str = "sim-client",
        client_secret: str = "sim-secret",
        account_number: str = "510087000",
        currency: str = "EUR",
        price_scale: float = 1.0,
        limits: ParcelLimits | None = None,
        token_ttl_s: float = 3600.0,
        latency_s: float = 0.0,
        hang_s: float = 1.0,
        port: int = 0,
    ) -> None:
        super().__init__(latency_s=latency_s, hang_s=hang_s, port=port)
        limits = limits or ParcelLimits(max_weight_kg=68.0, max_length_cm=274.0, max_girth_cm=419.0)
        self.client_id = client_id
        self.client_secret = client_secret
        self.account_number = account_number
        self.token_ttl_s = token_ttl_s
        self.book = CarrierBook(
            carrier, Tariff.standard(currency, price_scale, FEDEX_CODES, limits)
        )
        self._tokens: dict[str, float] = {}
        self._token_lock = threading.Lock()

    # -- tokens ------------------------------------------------------------------------------
    def revoke_tokens(self) -> None:
        """Make every issued token invalid (the next call gets 401)."""
        with self._token_lock:
            self._tokens.clear()

    @property
    def tokens_issued(self) -> int:
        return self.count("token")

    def _authorised(self, request: Request) -> bool:
        header = request.headers.get("Authorization") or ""
        token = header.removeprefix("Bearer ").strip()
        with self._token_lock:
            expires = self._tokens.get(token)
        return expires is not None and time.monotonic() < expires

    def _token(self, request: Request) -> Reply:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        if form.get("grant_type") != "client_credentials":
            return _json(
                400,
                {"error": "unsupported_grant_type", "error_description": "use client_credentials"},
            )
        if (form.get("client_id"), form.get("client_secret")) != (
            self.client_id,
            self.client_secret,
        ):
            return _error(
                401, "NOT.AUTHORIZED.ERROR", "The given client credentials are not valid."
            )
        token = secrets.token_urlsafe(24)
        with self._token_lock:
            self._tokens[token] = time.monotonic() + self.token_ttl_s
        return _json(
            200,
            {
                "access_token": token,
                "token_type": "bearer",
                "expires_in": self.token_ttl_s,
                "scope": "CXS",
            },
        )

    # -- dispatch ----------------------------------------------------------------------------
    def operation(self, request: Request) -> str:
        path = urlsplit(request.path).path.rstrip("/") or "/"
        return ROUTES.get((request.method, path), f"{request.method} {path}")

    def fault_reply(self, operation: str) -> Reply:
        return _error(
            400, "SIMULATED.FAULT", f"the carrier refused the {operation} request (injected)"
        )

    def unavailable_reply(self, operation: str) -> Reply:
        return _json(
            503,
            {
                "errors": [
                    {
                        "code": "SERVICE.UNAVAILABLE.ERROR",
                        "message": "The service is currently unavailable. Please try again later.",
                    }
                ]
            },
            **{"Retry-After": "0"},
        )

    def handle(self, operation: str, request: Request) -> Reply:
        if operation == "token":
            return self._token(request)
        if operation not in ROUTES.values():
            return _error(404, "NOT.FOUND.ERROR", f"no such resource: {operation}")
        if not self._authorised(request):
            return _error(401, "NOT.AUTHORIZED.ERROR", "The given JWT is invalid or expired.")
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return _error(400, "INVALID.INPUT.EXCEPTION", "the request body is not JSON")
        try:
            account = (body.get("accountNumber") or {}).get("value")
            if operation != "track" and account != self.account_number:
                raise Refusal(
                    f"account number {account!r} is not yours", "ACCOUNTNUMBER.MISMATCH", 403
                )
            return getattr(self, f"_{operation}")(body, request)
        except Refusal as refusal:
            return _error(refusal.status, refusal.code, refusal.message)
        except (KeyError, TypeError, AttributeError) as exc:
            return _error(400, "INVALID.INPUT.EXCEPTION", f"missing or malformed field: {exc}")

    # -- operations ------------------------------------------------------------------------
    @staticmethod
    def _parcels(shipment: dict[str, Any]) -> list[Any]:
        out = []
        for item in shipment.get("requestedPackageLineItems") or []:
            dims = item.get("dimensions") or {}
            refs = item.get("customerReferences") or [{}]
            out.append(
                parcel(
                    item["weight"]["value"],
                    dims.get("length"),
                    dims.get("width"),
                    dims.get("height"),
                    refs[0].get("value", ""),
                )
            )
        return out

    def _rate(self, body: dict[str, Any], request: Request) -> Reply:
        shipment = body["requestedShipment"]
        origin = shipment["shipper"]["address"]
        dest = shipment["recipient"]["address"]
        day = date.fromisoformat(shipment.get("shipDateStamp") or date.today().isoformat())
        lines = self.book.quotes(
            (origin.get("postalCode", ""), origin.get("countryCode", "")),
            (dest.get("postalCode", ""), dest.get("countryCode", "")),
            self._parcels(shipment),
            day,
        )
        details = [
            {
                "serviceType": line.service.code,
                "serviceName": line.service.name,
                "ratedShipmentDetails": [
                    {
                        "rateType": "ACCOUNT",
                        "totalNetCharge": float(line.price),
                        "currency": self.book.tariff.currency,
                    }
                ],
                "commit": {
                    "transitDays": {"minimumTransitTime": _transit(line.transit_days)},
                    "dateDetail": {"dayFormat": f"{line.delivery_date.isoformat()}T17:00:00"},
                },
            }
            for line in lines
        ]
        return _json(
            200, {"transactionId": secrets.token_hex(8), "output": {"rateReplyDetails": details}}
        )

    @staticmethod
    def _address(party: dict[str, Any], role: str) -> Any:
        a = party.get("address") or {}
        lines = a.get("streetLines") or [""]
        name = (party.get("contact") or {}).get("personName", "")
        return address(
            name,
            lines[0],
            a.get("city", ""),
            a.get("postalCode", ""),
            a.get("countryCode", ""),
            role,
        )

    def _ship(self, body: dict[str, Any], request: Request) -> Reply:
        shipment = body["requestedShipment"]
        image = (shipment.get("labelSpecification") or {}).get("imageType", "PDF")
        label_format = {"PDF": "PDF", "ZPLII": "ZPL"}.get(image, image)
        refs = shipment.get("customerReferences") or [{}]
        booking, replayed = self.book.book(
            key=request.headers.get("Idempotency-Key") or "",
            request=body,
            service_code=shipment.get("serviceType", ""),
            ship_from=self._address(shipment["shipper"], "shipper"),
            ship_to=self._address((shipment.get("recipients") or [{}])[0], "recipient"),
            parcels=self._parcels(shipment),
            label_format=label_format,
            reference=refs[0].get("value", ""),
        )
        pieces = []
        for pin in booking.tracking_numbers:
            record = self.book.parcels[pin]
            pieces.append(
                {
                    "trackingNumber": pin,
                    "customerReferences": [
                        {
                            "customerReferenceType": "CUSTOMER_REFERENCE",
                            "value": record.parcel.reference,
                        }
                    ],
                    "packageDocuments": [
                        {
                            "contentType": "LABEL",
                            "docType": "PDF" if record.label_format == "PDF" else "ZPLII",
                            "encodedLabel": base64.b64encode(record.label).decode(),
                        }
                    ],
                }
            )
        output = {
            "transactionShipments": [
                {
                    "masterTrackingNumber": booking.shipment_id,
                    "serviceType": booking.service.code,
                    "completedShipmentDetail": {
                        "shipmentRating": {
                            "shipmentRateDetails": [
                                {
                                    "rateType": "PAYOR_ACCOUNT_SHIPMENT",
                                    "totalNetCharge": float(booking.price),
                                    "currency": self.book.tariff.currency,
                                }
                            ]
                        }
                    },
                    "pieceResponses": pieces,
                }
            ]
        }
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return _json(200, {"transactionId": secrets.token_hex(8), "output": output}, **headers)

    def _cancel(self, body: dict[str, Any], request: Request) -> Reply:
        voided = self.book.void([body["trackingNumber"]])
        return _json(
            200,
            {
                "output": {
                    "cancelledShipment": True,
                    "trackingNumber": voided[0],
                    "message": "Shipment is successfully cancelled",
                }
            },
        )

    def _track(self, body: dict[str, Any], request: Request) -> Reply:
        results = []
        for info in body["trackingInfo"]:
            number = info["trackingNumberInfo"]["trackingNumber"]
            try:
                scans = self.book.poll(number)
            except Refusal as refusal:
                result = {"error": {"code": refusal.code, "message": refusal.message}}
            else:
                events = [
                    {
                        "date": scan.at.isoformat(),
                        "eventType": SCAN[scan.step][0],
                        "eventDescription": SCAN[scan.step][1],
                        "scanLocation": {"city": scan.site},
                    }
                    for scan in reversed(scans)
                ]
                latest = SCAN[scans[-1].step]
                result = {
                    "latestStatusDetail": {"code": latest[0], "description": latest[1]},
                    "scanEvents": events,
                }
            results.append({"trackingNumber": number, "trackResults": [result]})
        return _json(200, {"output": {"completeTrackResults": results}})

    def _manifest(self, body: dict[str, Any], request: Request) -> Reply:
        numbers = list(body.get("trackingNumbers") or [])
        if not numbers:
            raise Refusal("no shipments to close", "CLOSE.NOSHIPMENTS")
        manifest_id, pdf = self.book.close(date.fromisoformat(body["closeDate"]), numbers)
        documents = [
            {
                "type": "MANIFEST",
                "docType": "PDF",
                "parts": [{"image": base64.b64encode(pdf).decode()}],
            }
        ]
        output = {
            "manifestNumber": manifest_id,
            "trackingNumbers": numbers,
            "closeDocuments": documents,
        }
        return _json(200, {"transactionId": secrets.token_hex(8), "output": output})
