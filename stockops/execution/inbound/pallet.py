"""Pallet receipt check: a pallet of the notice against what the dock scanned, read or
counted, with the outcome and every reason.

Outcomes: **receive** (the pallet is as noticed: receive it whole in one confirmation,
then put it away by the product breakdown), **exception** (not on the notice, damaged,
tags or lines missing or unexpected, a count or a lot that differs: open an exception with
the reasons) and **refused** (nothing changes: the pallet was already received, the SSCC
has a wrong check digit, no single pallet tag was read, a count is no number). Scanning
the SSCC alone receives the pallet as the notice states it; RFID reads and counted lines
are each compared with the notice when given.

Quantities are in the product's unit. Products are keyed as on the notice: GTIN-14 (a
counted GTIN-13 is padded), else the vendor's product code.

>>> from stockops.execution.inbound.notice import Notice, NoticeLine, Pallet
>>> notice = Notice("ASN-1", "V-7", (Pallet("106141412345678908", (
...     NoticeLine("row 2", "80614141123458", "", 1.0, serial="6789"),
...     NoticeLine("row 3", "04006381333931", "", 12.0, lot="L-4"))),))
>>> check = check_pallet(notice, PalletScan("106141412345678908"))
>>> check.outcome, check.reasons, [(p.product, p.quantity) for p in check.breakdown]
('receive', ('pallet 106141412345678908 is as on notice ASN-1: 2 lines of 2 products, \
receive it whole',), [('80614141123458', 1.0), ('04006381333931', 12.0)])
>>> counted = (CountedLine("4006381333931", 12, lot="L-5"), CountedLine("80614141123458", 1))
>>> check_pallet(notice, PalletScan("106141412345678908", counted=counted)).reasons[-1]
'lot difference: 04006381333931 came as lot L-5, the notice says lot L-4'
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from stockops.execution.inbound.notice import Notice, NoticeLine, Pallet, key_error
from stockops.execution.inbound.reads import Reads, read_tags
from stockops.gs1 import as_gtin14

RECEIVE, EXCEPTION, REFUSED = "receive", "exception", "refused"


@dataclass(frozen=True, slots=True)
class CountedLine:
    """Units of a product (GTIN or the notice's product code) counted on the pallet."""

    product: str
    quantity: float
    lot: str = ""


@dataclass(frozen=True, slots=True)
class PalletScan:
    """What the dock did with one pallet: its ``sscc`` as scanned (empty: take it from the
    one SSCC-96 tag among ``epcs``), the hex EPCs read on it, the lines counted on it
    (None: not counted) and whether it was found damaged."""

    sscc: str = ""
    epcs: tuple[str, ...] = ()
    counted: tuple[CountedLine, ...] | None = None
    damaged: bool = False


@dataclass(frozen=True, slots=True)
class ProductSplit:
    """One product of the pallet for put-away: units, (lot, units, expiry) and serials."""

    product: str
    quantity: float
    lots: tuple[tuple[str, float, date | None], ...]
    serials: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PalletCheck:
    """The outcome for one pallet and why; ``missing`` and ``unexpected`` name tags or
    lines, ``duplicates`` the repeat reads collapsed, ``breakdown`` the notice's contents by
    product (more than one: a mixed pallet, broken down at receipt)."""

    sscc: str
    outcome: str
    reasons: tuple[str, ...]
    missing: tuple[str, ...] = ()
    unexpected: tuple[str, ...] = ()
    duplicates: int = 0
    breakdown: tuple[ProductSplit, ...] = ()

    @property
    def mixed(self) -> bool:
        return len(self.breakdown) > 1


def _sscc(scan: PalletScan, reads: Reads) -> tuple[str, str]:
    """The pallet's SSCC-18, or '' and why not."""
    code = str(scan.sscc or "").strip().replace("(00)", "")
    code = code[2:] if len(code) == 20 and code.startswith("00") else code
    if not code:
        pallets = sorted({t.sscc for t in reads.tags if t.scheme == "sscc"})
        if len(pallets) == 1:
            return pallets[0], ""
        return "", f"{len(pallets)} pallet tags read ({', '.join(pallets) or 'none'}): scan one"
    return code, key_error("SSCC", code, (18,)) or ""


def breakdown(pallet: Pallet) -> tuple[ProductSplit, ...]:
    """The pallet's lines by product, in notice order, for put-away."""
    by_product: dict[str, list[NoticeLine]] = defaultdict(list)
    for line in pallet.lines:
        by_product[line.product].append(line)
    return tuple(
        ProductSplit(
            product,
            sum(line.quantity for line in lines),
            tuple((ln.lot, ln.quantity, ln.expiry) for ln in lines if ln.lot),
            tuple(ln.serial for ln in lines if ln.serial),
        )
        for product, lines in by_product.items()
    )


def _compare_reads(pallet: Pallet, reads: Reads) -> tuple[list[str], list[str], list[str]]:
    """(missing, unexpected, differences) of the tags read against the pallet's lines."""
    serials = {(ln.gtin, ln.serial): ln.where for ln in pallet.lines if ln.gtin and ln.serial}
    bulk = Counter()
    for line in pallet.lines:
        if line.gtin and not line.serial:
            bulk[line.gtin] += line.quantity
    missing = [
        f"{ln.where}: {ln.quantity:g} of {ln.product_code} have no GTIN, no tag can show them"
        for ln in pallet.lines
        if not ln.gtin
    ]
    unexpected, differences, read_bulk, seen = [], [], Counter(), set()
    for tag in reads.tags:
        if tag.scheme == "sscc":
            if tag.sscc != pallet.sscc:
                unexpected.append(f"EPC {tag.hex}: the tag of another pallet, SSCC {tag.sscc}")
        elif (tag.gtin, tag.serial) in serials:
            seen.add((tag.gtin, tag.serial))
        elif bulk[tag.gtin]:
            read_bulk[tag.gtin] += 1
        else:
            unexpected.append(f"EPC {tag.hex}: GTIN {tag.gtin} serial {tag.serial} is not noticed")
    missing += [
        f"{w}: GTIN {g} serial {s} not read" for (g, s), w in serials.items() if (g, s) not in seen
    ]
    for gtin, quantity in bulk.items():
        if read_bulk[gtin] != quantity:
            differences.append(
                f"count difference: GTIN {gtin}: {quantity:g} noticed, {read_bulk[gtin]} read"
            )
    unexpected += [f"unreadable: {why}" for why in reads.refused]
    return missing, unexpected, differences


def _compare_counts(
    pallet: Pallet, counted: tuple[CountedLine, ...]
) -> tuple[list[str], list[str], list[str]]:
    """(missing, unexpected, differences) of the counted lines against the pallet's."""
    noticed, found = defaultdict(Counter), defaultdict(Counter)
    for line in pallet.lines:
        noticed[line.product][line.lot] += line.quantity
    for line in counted:
        code = line.product.strip()
        code = as_gtin14(code) or code
        found[code][line.lot.strip()] += line.quantity
    missing, unexpected, differences = [], [], []
    for product in dict.fromkeys([*noticed, *found]):
        want, got = noticed[product], found[product]
        for lot in dict.fromkeys([*want, *got]):
            name = f"{product} lot {lot}" if lot else product
            if lot not in got:
                missing.append(f"{name}: {want[lot]:g} noticed, none counted")
            elif lot not in want:
                unexpected.append(f"{name}: {got[lot]:g} counted, not on the notice")
            elif not math.isclose(want[lot], got[lot], rel_tol=1e-9):
                differences.append(
                    f"count difference: {name}: {want[lot]:g} noticed, {got[lot]:g} counted"
                )
        extra, short = _lots(set(got) - set(want)), _lots(set(want) - set(got))
        if extra and short:
            differences.append(
                f"lot difference: {product} came as {extra}, the notice says {short}"
            )
    return missing, unexpected, differences


def _lots(lots: set[str]) -> str:
    """Lots as a sentence says them: ``lot L-5, L-6``, ``no lot``."""
    named = sorted(lot for lot in lots if lot)
    said = [f"lot {', '.join(named)}"] if named else []
    return " and ".join(said + (["no lot"] if "" in lots else []))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _count_error(counted: tuple[CountedLine, ...] | None) -> str:
    """Why the counted lines cannot be compared (a count that is no number of units)."""
    for n, line in enumerate(counted or (), start=1):
        if not isinstance(line.product, str) or not line.product.strip():
            return f"counted line {n}: no product"
        if not isinstance(line.lot, str):
            return f"counted line {n} ({line.product}): lot {line.lot!r} is no lot name"
        q = line.quantity
        if isinstance(q, bool) or not isinstance(q, (int, float)) or not math.isfinite(q) or q < 0:
            return f"counted line {n} ({line.product}): quantity {q!r} is no number of units"
    return ""


def check_pallet(notice: Notice, scan: PalletScan, received: Collection[str] = ()) -> PalletCheck:
    """Check one pallet of ``notice`` against ``scan``; ``received`` holds the SSCCs already
    received (module docstring)."""
    reads = read_tags(scan.epcs)
    sscc, why = _sscc(scan, reads)
    why = why or _count_error(scan.counted)
    if why:
        return PalletCheck(sscc, REFUSED, (why,), duplicates=reads.duplicates)
    if sscc in received:
        return PalletCheck(sscc, REFUSED, (f"pallet {sscc} was already received: scanned twice",))
    pallet = notice.pallet(sscc)
    if pallet is None:
        return PalletCheck(sscc, EXCEPTION, (f"pallet {sscc} is not on notice {notice.ref}",))
    missing, unexpected, differences = [], [], []
    for found in ([_compare_reads(pallet, reads)] if scan.epcs else []) + (
        [_compare_counts(pallet, scan.counted)] if scan.counted is not None else []
    ):
        missing += found[0]
        unexpected += found[1]
        differences += found[2]
    split = breakdown(pallet)
    reasons = [f"pallet {sscc} reported damaged"] if scan.damaged else []
    reasons += [f"missing: {m}" for m in missing] + [f"unexpected: {u}" for u in unexpected]
    reasons += differences
    outcome = EXCEPTION if reasons else RECEIVE
    if not reasons:
        lines, products = _plural(len(pallet.lines), "line"), _plural(len(split), "product")
        reasons.append(
            f"pallet {sscc} is as on notice {notice.ref}: {lines} of {products}, receive it whole"
        )
    if reads.duplicates:
        reasons.append(reads.repeats)
    return PalletCheck(
        sscc, outcome, tuple(reasons), tuple(missing), tuple(unexpected), reads.duplicates, split
    )
