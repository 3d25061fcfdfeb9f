"""An advance ship notice, checked whole: pallets (by SSCC) and the lines on each.

The file readers (``asn_csv``, ``asn_xml``, ``asn_json``) turn their format into
:class:`RawLine` records, each named by where it came from (a CSV row, an XML element path,
a JSON path); :func:`build_notice` checks them all and returns either a :class:`Notice` or
every error at once, never a part of the notice. Quantities are in the product's unit;
GTINs come back as GTIN-14 (a GTIN-8, -12 or -13 is left-padded with zeros).

>>> line = RawLine("row 2", "ASN-1", "V-7", "106141412345678908", "4006381333931", "",
...                "12", "L-4", "", "2027-03-31")
>>> result = build_notice([line])
>>> pallet = result.notice.pallets[0]
>>> pallet.sscc, pallet.lines[0].gtin, pallet.lines[0].quantity, pallet.lines[0].expiry
('106141412345678908', '04006381333931', 12.0, datetime.date(2027, 3, 31))
>>> bad = RawLine("row 3", "ASN-1", "V-7", "106141412345678900", "", "BOLT-M8", "0", "", "", "")
>>> [str(e) for e in build_notice([line, bad]).errors]
['row 3: SSCC 106141412345678900 has a wrong check digit (8 expected)', \
'row 3: quantity 0 is not a positive number']
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from stockops.gs1 import gs1_check_digit


@dataclass(frozen=True, slots=True)
class NoticeError:
    """One refusal: ``where`` names the line (``row 4``, an XML path), ``message`` why."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line as a file states it, all text; empty text is an absent value."""

    where: str
    notice_ref: str
    vendor_ref: str
    sscc: str
    gtin: str
    product_code: str
    quantity: str
    lot: str = ""
    serial: str = ""
    expiry: str = ""


@dataclass(frozen=True, slots=True)
class NoticeLine:
    """Units of one product (``gtin`` GTIN-14, else the vendor's ``product_code``) with
    their lot or serial and expiry; ``where`` is the line it came from."""

    where: str
    gtin: str
    product_code: str
    quantity: float
    lot: str = ""
    serial: str = ""
    expiry: date | None = None

    @property
    def product(self) -> str:
        """The product's key: its GTIN-14, else its code."""
        return self.gtin or self.product_code


@dataclass(frozen=True, slots=True)
class Pallet:
    """One logistic unit: its SSCC-18 and its lines (several products: a mixed pallet)."""

    sscc: str
    lines: tuple[NoticeLine, ...]


@dataclass(frozen=True, slots=True)
class Notice:
    """The vendor's notice ``ref``, the vendor's reference and the pallets, in file order."""

    ref: str
    vendor_ref: str
    pallets: tuple[Pallet, ...]

    def pallet(self, sscc: str) -> Pallet | None:
        return next((p for p in self.pallets if p.sscc == sscc), None)


@dataclass(frozen=True, slots=True)
class NoticeResult:
    """Either ``notice`` (no errors) or ``errors`` (and no notice)."""

    notice: Notice | None
    errors: tuple[NoticeError, ...] = field(default=())


def key_error(kind: str, value: str, lengths: tuple[int, ...]) -> str | None:
    """Why ``value`` is no GS1 key of ``kind`` (digits of one of ``lengths``, right check
    digit), or None when it is one."""
    if not value.isdigit() or len(value) not in lengths:
        sizes = " or ".join(str(n) for n in lengths)
        return f"{kind} {value!r} is not {sizes} digits"
    expected = gs1_check_digit(value[:-1])
    if value[-1] != expected:
        return f"{kind} {value} has a wrong check digit ({expected} expected)"
    return None


def _quantity(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value > 0 else None


def _expiry(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _line(raw: RawLine, errors: list[NoticeError]) -> NoticeLine | None:
    """The checked line, or None with its errors appended."""
    found = []
    if not raw.sscc:
        found.append("SSCC is empty: every line travels on a pallet")
    elif why := key_error("SSCC", raw.sscc, (18,)):
        found.append(why)
    if raw.gtin and (why := key_error("GTIN", raw.gtin, (8, 12, 13, 14))):
        found.append(why)
    if not raw.gtin and not raw.product_code:
        found.append("neither a GTIN nor a product code")
    quantity = _quantity(raw.quantity)
    if quantity is None:
        found.append(f"quantity {raw.quantity or 'empty'} is not a positive number")
    elif raw.serial and quantity != 1:
        found.append(f"serial {raw.serial} with quantity {raw.quantity}: a serial is 1 unit")
    expiry = _expiry(raw.expiry) if raw.expiry else None
    if raw.expiry and expiry is None:
        found.append(f"expiry {raw.expiry!r} is not a date (YYYY-MM-DD)")
    errors.extend(NoticeError(raw.where, why) for why in found)
    if found:
        return None
    gtin = raw.gtin.zfill(14) if raw.gtin else ""
    return NoticeLine(raw.where, gtin, raw.product_code, quantity, raw.lot, raw.serial, expiry)


HEADS = ("notice_ref", "vendor_ref")


def _same_notice(raw: RawLine, heads: dict[str, RawLine | None]) -> list[str]:
    """Why ``raw`` leaves the notice or vendor reference empty, or names another one than
    ``heads`` (the first line stating each)."""
    found = []
    for label in HEADS:
        name, value, head = label.replace("_", " "), getattr(raw, label), heads[label]
        if not value:
            found.append(f"{name} is empty")
        elif value != getattr(head, label):
            found.append(
                f"{name} {value} differs from {getattr(head, label)} of {head.where}: "
                "one notice at a time"
            )
    return found


def _pallet_errors(lines: list[RawLine]) -> list[NoticeError]:
    """An SSCC that comes back after another pallet's lines: one SSCC, one pallet."""
    first: dict[str, str] = {}
    errors, last = [], None
    for raw in lines:
        if raw.sscc in first and raw.sscc != last:
            why = (
                f"SSCC {raw.sscc} is already the pallet of {first[raw.sscc]}: one SSCC, one pallet"
            )
            errors.append(NoticeError(raw.where, why))
        first.setdefault(raw.sscc, raw.where)
        last = raw.sscc
    return errors


def build_notice(
    lines: Iterable[RawLine], reader_errors: Iterable[NoticeError] = ()
) -> NoticeResult:
    """Check every line and the notice as a whole (one notice and vendor, an SSCC's lines
    together, each serial once) and group the lines into pallets; ``reader_errors`` are
    those the file's reader found (a pallet with no line, a serial count), reported first."""
    lines = list(lines)
    errors = list(reader_errors)
    if not lines:
        errors.append(NoticeError("notice", "no lines"))
        return NoticeResult(None, tuple(errors))
    heads = {label: next((r for r in lines if getattr(r, label)), None) for label in HEADS}
    checked = []
    for raw in lines:
        errors.extend(NoticeError(raw.where, why) for why in _same_notice(raw, heads))
        checked.append(_line(raw, errors))
    errors.extend(_pallet_errors([raw for raw in lines if raw.sscc]))
    serials: dict[tuple[str, str], str] = {}
    for line in filter(None, checked):
        if line.serial:
            seen = serials.setdefault((line.product, line.serial), line.where)
            if seen != line.where:
                why = f"serial {line.serial} of {line.product} is already on {seen}"
                errors.append(NoticeError(line.where, why))
    if errors:
        return NoticeResult(None, tuple(errors))
    pallets: dict[str, list[NoticeLine]] = {}
    for raw, line in zip(lines, checked, strict=True):
        pallets.setdefault(raw.sscc, []).append(line)
    return NoticeResult(
        Notice(
            lines[0].notice_ref,
            lines[0].vendor_ref,
            tuple(Pallet(sscc, tuple(rows)) for sscc, rows in pallets.items()),
        )
    )
