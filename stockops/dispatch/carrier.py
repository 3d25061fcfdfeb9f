"""What every carrier connector speaks: shipments in, quotes, labels and events out.

The engine talks to carriers through one small interface, :class:`CarrierClient`, whatever
the wire format (REST in :mod:`stockops.dispatch.rest`, SOAP in :mod:`stockops.dispatch.soap`).
Units are SI and explicit: kilograms, centimetres (the unit carriers quote parcel sides
in), days; money is a :class:`~decimal.Decimal` with its ISO 4217 currency.

Two errors, told apart by what the caller should do next:

* :class:`CarrierError` -- bad input or the carrier said no (HTTP 4xx, SOAP fault): fix
  the data, do not retry;
* :class:`CarrierUnavailable` -- the carrier could not be reached or failed (timeout,
  HTTP 5xx, connection refused): try again later.

>>> Address("Acme", "1 Quay St", "Rotterdam", "3011", "NL").missing()
()
>>> Address("Acme", "", "Rotterdam", "", "NL").validate("ship-to")
Traceback (most recent call last):
...
stockops.dispatch.carrier.CarrierError: ship-to address is missing: street, zip
>>> Parcel(2.5, 30, 20, 10, "BOX1").girth_cm   # length + 2 * (width + height)
90.0
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol, runtime_checkable

LABEL_FORMATS = ("PDF", "ZPL")
#: a postcode of any country: letters and digits, single spaces or hyphens between them
#: ("3011", "SW1A 1AA", "K1A 0B1", "01000-000"), at most 10 characters
POSTCODE = re.compile(r"(?=.{2,10}$)[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*")

#: normalised tracking statuses every connector maps its carrier's codes onto
LABEL_CREATED = "label_created"
PICKED_UP = "picked_up"
IN_TRANSIT = "in_transit"
OUT_FOR_DELIVERY = "out_for_delivery"
DELIVERED = "delivered"
CANCELLED = "cancelled"
EXCEPTION = "exception"
STATUSES = (LABEL_CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, CANCELLED, EXCEPTION)


class DispatchError(Exception):
    """Base of the carrier errors; ``retryable`` says whether trying again can help."""

    retryable = False

    def __init__(self, message: str, *, carrier: str = "", code: str = "") -> None:
        self.message = message
        self.carrier = carrier
        self.code = code
        super().__init__(f"{carrier}: {message}" if carrier else message)


class CarrierError(DispatchError):
    """Bad input or a refusal by the carrier (4xx, SOAP fault): not retryable."""

    retryable = False


class CarrierUnavailable(DispatchError):  # noqa: N818 (the name says what to do)
    """The carrier could not answer (timeout, 5xx, connection refused): retryable."""

    retryable = True


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address; ``country`` is the ISO 3166-1 alpha-2 code (``"NL"``)."""

    name: str
    street: str
    city: str
    zip: str
    country: str
    street2: str = ""
    state: str = ""
    phone: str = ""
    email: str = ""

    def missing(self) -> tuple[str, ...]:
        """The parts a carrier needs that are blank, in address order."""
        parts = (("street", self.street), ("city", self.city), ("zip", self.zip))
        parts += (("country", self.country),)
        return tuple(name for name, value in parts if not (value or "").strip())

    def validate(self, role: str = "address") -> Address:
        """Return self, or raise :class:`CarrierError` naming every missing part."""
        missing = self.missing()
        if missing:
            raise CarrierError(f"{role} address is missing: {', '.join(missing)}")
        if not POSTCODE.fullmatch(self.zip.strip()):
            raise CarrierError(
                f"{role} postcode {self.zip!r} is not a postcode: letters and digits, "
                "with single spaces or hyphens between them"
            )
        if len(self.country.strip()) != 2:
            raise CarrierError(f"{role} country must be an ISO alpha-2 code, not {self.country!r}")
        return self


@dataclass(frozen=True, slots=True)
class Parcel:
    """One carton as handed to the carrier: gross weight in kg, outer sides in cm."""

    weight_kg: float
    length_cm: float
    width_cm: float
    height_cm: float
    reference: str = ""

    def __post_init__(self) -> None:
        sides = (self.weight_kg, self.length_cm, self.width_cm, self.height_cm)
        finite = all(
            isinstance(s, numbers.Real) and not isinstance(s, bool) and math.isfinite(s)
            for s in sides
        )
        if not finite or min(sides) <= 0:
            raise CarrierError(
                f"parcel {self.reference or '?'} needs a positive weight and sides (finite "
                f"numbers), got {self.weight_kg} kg "
                f"{self.length_cm}x{self.width_cm}x{self.height_cm} cm"
            )

    @property
    def girth_cm(self) -> float:
        """Longest side plus twice the other two, the way carriers cap parcel size."""
        longest, *others = sorted((self.length_cm, self.width_cm, self.height_cm), reverse=True)
        return float(longest + 2 * sum(others))

    @property
    def longest_cm(self) -> float:
        return float(max(self.length_cm, self.width_cm, self.height_cm))


@dataclass(frozen=True, slots=True)
class ParcelLimits:
    """What one carrier accepts per parcel (kg, cm); used to decide who may quote."""

    max_weight_kg: float = 30.0
    max_length_cm: float = 150.0
    max_girth_cm: float = 300.0

    def problems(self, parcels: Sequence[Parcel]) -> list[str]:
        """One line per parcel over a limit; empty when every parcel fits.

        >>> ParcelLimits(max_weight_kg=20).problems([Parcel(25, 40, 30, 20, "C2")])
        ['parcel C2 weighs 25 kg, over the 20 kg limit']
        """
        out = []
        for index, parcel in enumerate(parcels, 1):
            name = parcel.reference or str(index)
            if parcel.weight_kg > self.max_weight_kg:
                out.append(
                    f"parcel {name} weighs {parcel.weight_kg:g} kg, "
                    f"over the {self.max_weight_kg:g} kg limit"
                )
            if parcel.longest_cm > self.max_length_cm:
                out.append(
                    f"parcel {name} is {parcel.longest_cm:g} cm long, "
                    f"over the {self.max_length_cm:g} cm limit"
                )
            if parcel.girth_cm > self.max_girth_cm:
                out.append(
                    f"parcel {name} measures {parcel.girth_cm:g} cm length + girth, "
                    f"over the {self.max_girth_cm:g} cm limit"
                )
        return out


@dataclass(frozen=True, slots=True)
class Shipment:
    """One order's cartons from one address to another, leaving on ``ship_date``."""

    reference: str
    ship_from: Address
    ship_to: Address
    parcels: tuple[Parcel, ...]
    ship_date: date
    label_format: str = "PDF"

    def validate(self) -> Shipment:
        """Return self, or raise :class:`CarrierError` saying what is wrong."""
        self.ship_from.validate("ship-from")
        self.ship_to.validate("ship-to")
        if not self.parcels:
            raise CarrierError(f"shipment {self.reference} has no parcels")
        if self.label_format not in LABEL_FORMATS:
            raise CarrierError(
                f"label format {self.label_format!r} is not one of {', '.join(LABEL_FORMATS)}"
            )
        return self

    @property
    def weight_kg(self) -> float:
        return float(sum(p.weight_kg for p in self.parcels))


@dataclass(frozen=True, slots=True)
class Quote:
    """What one carrier service would charge and when it would deliver."""

    carrier: str
    service: str
    service_name: str
    price: Decimal
    currency: str
    transit_days: int
    delivery_date: date


@dataclass(frozen=True, slots=True)
class Label:
    """The label of ONE parcel: its own tracking number and the printable document."""

    carrier: str
    tracking_number: str
    format: str
    data: bytes = field(repr=False)
    parcel_reference: str = ""
    shipment_id: str = ""


@dataclass(frozen=True, slots=True)
class Booking:
    """What a booking returns: one label per parcel and what the carrier charges for it.

    ``charge`` is the carrier's own figure for the booked shipment (all parcels), in
    ``currency``; None when the carrier does not say.

    >>> Booking("fedex", "FEDEX_GROUND", (), Decimal("27.40"), "EUR").reason
    'booked fedex FEDEX_GROUND: 0 labels, charged 27.40 EUR'
    """

    carrier: str
    service: str
    labels: tuple[Label, ...]
    charge: Decimal | None = None
    currency: str = ""
    shipment_id: str = ""

    @property
    def tracking_numbers(self) -> tuple[str, ...]:
        return tuple(label.tracking_number for label in self.labels)

    @property
    def reason(self) -> str:
        charged = (
            f"charged {self.charge:.2f} {self.currency}"
            if self.charge is not None
            else "no charge given"
        )
        return f"booked {self.carrier} {self.service}: {len(self.labels)} labels, {charged}"


@dataclass(frozen=True, slots=True)
class ShippedShipment:
    """A shipment already labelled: what a manifest hands over to the carrier."""

    reference: str
    tracking_numbers: tuple[str, ...]

    @classmethod
    def of(cls, shipment: Shipment, booked: Booking | Sequence[Label]) -> ShippedShipment:
        labels = booked.labels if isinstance(booked, Booking) else booked
        return cls(shipment.reference, tuple(label.tracking_number for label in labels))


@dataclass(frozen=True, slots=True)
class TrackingEvent:
    """One scan of one parcel; ``status`` is one of :data:`STATUSES`."""

    tracking_number: str
    status: str
    description: str
    at: datetime
    location: str = ""
    code: str = ""


@dataclass(frozen=True, slots=True)
class TrackingError:
    """Why the carrier could not track one number (unknown, not yet in its system...)."""

    tracking_number: str
    message: str
    code: str = ""


@dataclass(frozen=True, slots=True)
class TrackingReport:
    """The answer to one tracking call: the scans found and, per number, what went wrong.

    One unknown number does not spoil the others: it gets a :class:`TrackingError` and
    the rest their events.
    """

    events: tuple[TrackingEvent, ...] = ()
    errors: tuple[TrackingError, ...] = ()

    def of(self, tracking_number: str) -> tuple[TrackingEvent, ...]:
        """The scans of one parcel, oldest first."""
        return tuple(e for e in self.events if e.tracking_number == tracking_number)


@dataclass(frozen=True, slots=True)
class Manifest:
    """The end-of-day hand-over document: which parcels the driver takes."""

    carrier: str
    manifest_id: str
    day: date
    tracking_numbers: tuple[str, ...]
    document: bytes = field(repr=False)
    reason: str = ""


@runtime_checkable
class CarrierClient(Protocol):
    """One carrier account, whatever the protocol underneath.

    Every method raises :class:`CarrierError` (do not retry) or
    :class:`CarrierUnavailable` (retry later), each with the carrier's own message.
    """

    name: str
    limits: ParcelLimits

    def rate(self, shipment: Shipment) -> list[Quote]:
        """Every service the carrier offers for these exact cartons."""
        ...

    def ship(self, shipment: Shipment, service: str, idempotency_key: str) -> Booking:
        """Book ``service``: one label per parcel, each with its own tracking number.

        Calling again with the same ``idempotency_key`` returns the same labels and
        never books a second shipment.
        """
        ...

    def cancel(self, tracking_numbers: Sequence[str]) -> list[str]:
        """Void labels not yet handed over; returns the tracking numbers voided."""
        ...

    def track(self, tracking_numbers: Sequence[str]) -> TrackingReport:
        """Every scan so far of these parcels, oldest first per parcel; per-number errors."""
        ...

    def manifest(self, day: date, shipments: Sequence[ShippedShipment]) -> Manifest:
        """Close the day: hand these shipments over and get the manifest document."""
        ...
