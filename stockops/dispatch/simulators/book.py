"""The simulated carrier's own books: tariff, bookings, labels, scans and manifests.

Both simulators (REST and SOAP) keep their state in a :class:`CarrierBook`; only the
wire format differs. Prices grow with billable weight (actual or volumetric, whichever
is more) and with the zone between the postal codes; transit days grow with the zone.

>>> tariff = Tariff.standard("EUR", 1.0)
>>> tariff.zone("NL", "3011", "NL", "3012"), tariff.zone("NL", "3011", "NL", "9711")
(1, 3)
>>> tariff.zone("NL", "3011", "DE", "10115")
4
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from stockops.dispatch.carrier import Address, CarrierError, Parcel, ParcelLimits
from stockops.dispatch.simulators.documents import tiny_pdf, zpl_label

#: the life of a parcel, one step per tracking poll; "voided" ends it early
STEPS = ("created", "picked_up", "in_transit", "out_for_delivery", "delivered")


class Refusal(Exception):  # noqa: N818
    """The simulated carrier says no: a 4xx answer or a SOAP Client fault."""

    def __init__(self, message: str, code: str = "INVALID.INPUT", status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


@dataclass(frozen=True, slots=True)
class Service:
    """One service of the simulated carrier: base price + price per billable kg."""

    code: str
    name: str
    base: Decimal
    per_kg: Decimal
    transit_days: int


@dataclass(frozen=True, slots=True)
class QuoteLine:
    service: Service
    price: Decimal
    transit_days: int
    delivery_date: date


def add_working_days(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``."""
    out = start
    while days > 0:
        out += timedelta(days=1)
        if out.isoweekday() <= 5:
            days -= 1
    return out


@dataclass(frozen=True, slots=True)
class Tariff:
    """Prices and transit times by zone; ``volumetric_cm3_per_kg`` as carriers publish it."""

    currency: str
    services: tuple[Service, ...]
    limits: ParcelLimits = field(default_factory=ParcelLimits)
    zone_factors: tuple[float, ...] = (1.0, 1.15, 1.35, 2.2)
    zone_extra_days: tuple[int, ...] = (0, 0, 1, 3)
    volumetric_cm3_per_kg: float = 5000.0

    @classmethod
    def standard(
        cls,
        currency: str,
        scale: float,
        codes: Sequence[tuple[str, str]] = (
            ("GROUND", "Ground"),
            ("EXPRESS", "Express"),
            ("OVERNIGHT", "Overnight"),
        ),
        limits: ParcelLimits | None = None,
    ) -> Tariff:
        """Three services (slow/cheap to fast/dear) with prices scaled by ``scale``."""
        shapes = ((5.0, 0.60, 3), (9.0, 1.10, 2), (16.0, 1.90, 1))
        services = tuple(
            Service(
                code,
                name,
                Decimal(str(round(base * scale, 2))),
                Decimal(str(round(per_kg * scale, 2))),
                days,
            )
            for (code, name), (base, per_kg, days) in zip(codes, shapes, strict=False)
        )
        return cls(currency, services, limits or ParcelLimits())

    def service(self, code: str) -> Service:
        for service in self.services:
            if service.code == code:
                return service
        known = ", ".join(s.code for s in self.services)
        raise Refusal(f"unknown service code {code!r} (known: {known})", "SERVICE.TYPE.INVALID")

    def zone(self, from_country: str, from_zip: str, to_country: str, to_zip: str) -> int:
        """1 same area, 2 same region, 3 same country, 4 abroad (by postal code prefix)."""
        if from_country.upper() != to_country.upper():
            return 4
        a, b = from_zip.replace(" ", "").upper(), to_zip.replace(" ", "").upper()
        if a[:2] == b[:2]:
            return 1
        if a[:1] == b[:1]:
            return 2
        return 3

    def billable_kg(self, parcel: Parcel) -> float:
        volume = parcel.length_cm * parcel.width_cm * parcel.height_cm
        return max(parcel.weight_kg, volume / self.volumetric_cm3_per_kg)

    def quote(
        self, service: Service, parcels: Sequence[Parcel], zone: int, ship_date: date
    ) -> QuoteLine:
        factor = Decimal(str(self.zone_factors[zone - 1]))
        price = sum(
            (service.base + service.per_kg * Decimal(str(self.billable_kg(p)))) * factor
            for p in parcels
        )
        price = Decimal(price).quantize(Decimal("0.01"), ROUND_HALF_UP)
        days = service.transit_days + self.zone_extra_days[zone - 1]
        return QuoteLine(service, price, days, add_working_days(ship_date, days))

    def check(self, parcels: Sequence[Parcel]) -> None:
        if not parcels:
            raise Refusal("at least one package is required", "PACKAGECOUNT.INVALID")
        problems = self.limits.problems(parcels)
        if problems:
            raise Refusal("; ".join(problems), "PACKAGE.LIMIT.EXCEEDED")


@dataclass(slots=True)
class Scan:
    step: str
    at: datetime
    site: str


@dataclass(slots=True)
class ParcelRecord:
    tracking_number: str
    shipment_id: str
    parcel: Parcel
    label_format: str
    label: bytes
    origin_city: str
    destination_city: str
    scans: list[Scan] = field(default_factory=list)
    manifest_id: str = ""

    @property
    def step(self) -> str:
        return self.scans[-1].step


@dataclass(slots=True)
class Booking:
    shipment_id: str
    service: Service
    reference: str
    tracking_numbers: tuple[str, ...]
    price: Decimal = Decimal(0)


def fingerprint(request: Any) -> str:
    """A stable digest of a booking request, to catch a key reused for another booking."""
    text = json.dumps(request, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def parcel(weight: Any, length: Any, width: Any, height: Any, reference: str = "") -> Parcel:
    """A :class:`Parcel` from wire values, refusing what is not a number or not positive."""
    try:
        values = [float(v) for v in (weight, length, width, height)]
        return Parcel(*values, reference=reference or "")
    except (TypeError, ValueError) as exc:
        raise Refusal(f"package weight and dimensions must be numbers: {exc}") from exc
    except CarrierError as exc:
        raise Refusal(exc.message) from exc


def address(name: str, street: str, city: str, zip_code: str, country: str, role: str) -> Address:
    """An :class:`Address` from wire values, refusing one with missing parts."""
    found = Address(name or "", street or "", city or "", zip_code or "", country or "")
    try:
        return found.validate(role)
    except CarrierError as exc:
        raise Refusal(exc.message, "ADDRESS.INCOMPLETE") from exc


class CarrierBook:
    """Thread-safe state of one simulated carrier account."""

    def __init__(self, carrier: str, tariff: Tariff, pin_digits: int = 12) -> None:
        self.carrier = carrier
        self.tariff = tariff
        self.pin_digits = pin_digits
        self._prefix = str(random.randint(100, 999))
        self._seq = itertools.count(1)
        self._lock = threading.RLock()
        self.bookings: dict[str, Booking] = {}
        self.parcels: dict[str, ParcelRecord] = {}
        self._keys: dict[str, tuple[str, str]] = {}
        self.manifests: dict[str, tuple[str, ...]] = {}

    def clear(self) -> None:
        """Forget every booking, parcel, key and manifest (tracking numbers never repeat)."""
        with self._lock:
            self.bookings.clear()
            self.parcels.clear()
            self._keys.clear()
            self.manifests.clear()

    @property
    def labels_issued(self) -> int:
        return len(self.parcels)

    def _pin(self) -> str:
        body = f"{self._prefix}{next(self._seq):0{self.pin_digits - 4}d}"
        check = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10
        return f"{body}{check}"

    def quotes(
        self, origin: tuple[str, str], dest: tuple[str, str], parcels: Sequence[Parcel], day: date
    ) -> list[QuoteLine]:
        if not (origin[0] and origin[1] and dest[0] and dest[1]):
            raise Refusal("origin and destination need a postal code and a country code")
        self.tariff.check(parcels)
        zone = self.tariff.zone(origin[1], origin[0], dest[1], dest[0])
        return [self.tariff.quote(s, parcels, zone, day) for s in self.tariff.services]

    def book(
        self,
        key: str,
        request: Any,
        service_code: str,
        ship_from: Address,
        ship_to: Address,
        parcels: Sequence[Parcel],
        label_format: str,
        reference: str,
    ) -> tuple[Booking, bool]:
        """Book once per idempotency key; ``(booking, replayed)``."""
        service = self.tariff.service(service_code)
        self.tariff.check(parcels)
        if label_format not in ("PDF", "ZPL"):
            raise Refusal(f"label format {label_format!r} not offered", "LABEL.FORMAT.INVALID")
        digest = fingerprint(request)
        with self._lock:
            if key and key in self._keys:
                known_digest, shipment_id = self._keys[key]
                if known_digest != digest:
                    raise Refusal(
                        f"idempotency key {key!r} was already used for another shipment",
                        "IDEMPOTENCY.KEY.REUSED",
                        422,
                    )
                return self.bookings[shipment_id], True
            pins = tuple(self._pin() for _ in parcels)
            shipment_id = pins[0]
            now = datetime.now().replace(microsecond=0)
            for n, (pin, p) in enumerate(zip(pins, parcels, strict=True), 1):
                lines = [
                    f"{self.carrier} {service.name}",
                    f"Parcel {n} of {len(parcels)}  {p.weight_kg:g} kg",
                    f"To: {ship_to.name}",
                    ship_to.street,
                    f"{ship_to.zip} {ship_to.city} {ship_to.country}",
                    f"Ref: {reference} {p.reference}".strip(),
                    f"Tracking: {pin}",
                ]
                label = (
                    tiny_pdf(lines)
                    if label_format == "PDF"
                    else zpl_label(self.carrier, pin, lines).encode()
                )
                self.parcels[pin] = ParcelRecord(
                    pin,
                    shipment_id,
                    p,
                    label_format,
                    label,
                    ship_from.city,
                    ship_to.city,
                    [Scan("created", now, ship_from.city)],
                )
            zone = self.tariff.zone(ship_from.country, ship_from.zip, ship_to.country, ship_to.zip)
            price = self.tariff.quote(service, parcels, zone, now.date()).price
            booking = Booking(shipment_id, service, reference, pins, price)
            self.bookings[shipment_id] = booking
            if key:
                self._keys[key] = (digest, shipment_id)
            return booking, False

    def record(self, pin: str) -> ParcelRecord:
        try:
            return self.parcels[pin]
        except KeyError:
            raise Refusal(
                f"tracking number {pin} is unknown", "TRACKING.TRACKINGNUMBER.NOTFOUND", 404
            ) from None

    def void(self, pins: Sequence[str]) -> list[str]:
        """Void all of ``pins`` or none (a parcel already moving cannot be voided)."""
        with self._lock:
            records = [self.record(pin) for pin in pins]
            for r in records:
                if r.manifest_id:
                    raise Refusal(
                        f"{r.tracking_number} is on manifest {r.manifest_id} and cannot be voided",
                        "SHIPMENT.CANCEL.NOTALLOWED",
                    )
                if r.step not in ("created", "voided"):
                    raise Refusal(
                        f"{r.tracking_number} is already {r.step.replace('_', ' ')}",
                        "SHIPMENT.CANCEL.NOTALLOWED",
                    )
            now = datetime.now().replace(microsecond=0)
            for r in records:
                if r.step != "voided":
                    r.scans.append(Scan("voided", now, r.origin_city))
            return [r.tracking_number for r in records]

    def poll(self, pin: str) -> list[Scan]:
        """The parcel's scans, one step further than at the previous poll."""
        with self._lock:
            r = self.record(pin)
            if r.step in STEPS[:-1]:
                step = STEPS[STEPS.index(r.step) + 1]
                site = {
                    "picked_up": r.origin_city,
                    "in_transit": "Sorting hub",
                }.get(step, r.destination_city)
                r.scans.append(Scan(step, datetime.now().replace(microsecond=0), site))
            return list(r.scans)

    def close(self, day: date, pins: Sequence[str]) -> tuple[str, bytes]:
        """Hand ``pins`` over on ``day``: the manifest id and its PDF."""
        with self._lock:
            records = [self.record(pin) for pin in pins]
            voided = [r.tracking_number for r in records if r.step == "voided"]
            if voided:
                raise Refusal(f"voided parcels cannot be manifested: {', '.join(voided)}")
            handed = [f"{r.tracking_number} ({r.manifest_id})" for r in records if r.manifest_id]
            if handed:
                raise Refusal(f"parcels already on a manifest: {', '.join(handed)}")
            manifest_id = f"M{day:%Y%m%d}{len(self.manifests) + 1:04d}"
            for r in records:
                r.manifest_id = manifest_id
            self.manifests[manifest_id] = tuple(pins)
            weight = sum(r.parcel.weight_kg for r in records)
            lines = [
                f"{self.carrier} manifest {manifest_id}",
                f"Date: {day.isoformat()}",
                f"Parcels: {len(records)}  Weight: {weight:.1f} kg",
                *pins,
            ]
            return manifest_id, tiny_pdf(lines, height_pt=max(432, 120 + 20 * len(lines)))
