"""Bulk RFID reads: a handheld's or a reader's list of hex EPCs, decoded once each, and a
bin count (expected serials against the tags read).

A reader reports the same tag many times: repeats collapse into one tag and are counted.
A read that is no SGTIN-96 or SSCC-96 is kept with its sentence, never dropped silently.

>>> reads = read_tags(["3074257BF7194E4000001A85", "3074257bf7194e4000001a85", "XYZ"])
>>> len(reads.tags), reads.duplicates, reads.refused
(1, 1, ("EPC 'XYZ' is not hexadecimal",))
>>> count = count_bin([("80614141123458", "6789"), ("80614141123458", "6790")], reads)
>>> count.missing, count.reasons[0]
((('80614141123458', '6790'),), '2 tags expected, 1 read: 1 matched, 1 missing, 0 unexpected')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stockops.execution.inbound.epc import Epc, EpcError, decode_epc


@dataclass(frozen=True, slots=True)
class Reads:
    """Distinct decoded ``tags`` in first-read order, how many repeat reads were collapsed
    into them, and a sentence for each read that could not be decoded."""

    tags: tuple[Epc, ...]
    duplicates: int
    refused: tuple[str, ...]

    @property
    def repeats(self) -> str:
        """The collapsed repeats as an operator reads them."""
        n = self.duplicates
        return f"{n} repeat read collapsed" if n == 1 else f"{n} repeat reads collapsed"


def read_tags(reads: Iterable[str] | str) -> Reads:
    """Decode a bulk read: a list of hex EPCs (any case and spacing), or one text of them
    a line, a comma or a semicolon apart (a reader's push); a tag read twice is one tag."""
    if isinstance(reads, str):
        reads = [r for r in reads.replace(",", "\n").replace(";", "\n").splitlines() if r.strip()]
    tags: dict[str, Epc] = {}
    duplicates, refused = 0, []
    for read in reads:
        try:
            epc = decode_epc(read)
        except EpcError as error:
            refused.append(str(error))
            continue
        if epc.uri in tags:
            duplicates += 1
        else:
            tags[epc.uri] = epc
    return Reads(tuple(tags.values()), duplicates, tuple(refused))


@dataclass(frozen=True, slots=True)
class BinCount:
    """A bin counted by RFID: serials (GTIN-14, serial) ``matched`` and ``missing``, tags
    read that the bin should not hold (``unexpected``), the reads that were no EPC, the
    collapsed repeats, and the sentences an operator reads."""

    matched: tuple[tuple[str, str], ...]
    missing: tuple[tuple[str, str], ...]
    unexpected: tuple[Epc, ...]
    refused: tuple[str, ...]
    duplicates: int
    reasons: tuple[str, ...]


def count_bin(expected: Iterable[tuple[str, str]], reads: Reads) -> BinCount:
    """Compare the serials the bin should hold (GTIN-14 or shorter GTIN, serial) with the
    tags read in it: expected against read, missing and unexpected listed."""
    wanted = list(dict.fromkeys((gtin.zfill(14), serial) for gtin, serial in expected))
    seen = {(t.gtin, t.serial) for t in reads.tags if t.scheme == "sgtin"}
    matched = tuple(key for key in wanted if key in seen)
    missing = tuple(key for key in wanted if key not in seen)
    known = set(wanted)
    unexpected = tuple(t for t in reads.tags if (t.gtin, t.serial) not in known)
    reasons = [
        f"{len(wanted)} tags expected, {len(reads.tags)} read: {len(matched)} matched, "
        f"{len(missing)} missing, {len(unexpected)} unexpected"
    ]
    reasons += [f"missing: GTIN {gtin} serial {serial}" for gtin, serial in missing]
    reasons += [f"unexpected: {_label(t)} (EPC {t.hex})" for t in unexpected]
    reasons += [f"unreadable: {why}" for why in reads.refused]
    if reads.duplicates:
        reasons.append(reads.repeats)
    return BinCount(matched, missing, unexpected, reads.refused, reads.duplicates, tuple(reasons))


def _label(tag: Epc) -> str:
    """How an operator names a tag: GTIN and serial, or the pallet's SSCC."""
    return f"GTIN {tag.gtin} serial {tag.serial}" if tag.scheme == "sgtin" else f"SSCC {tag.sscc}"
