"""EPC decoding: a hex SGTIN-96 or SSCC-96 read from an RFID tag, as the GS1 EPC Tag Data
Standard (TDS) defines it, to the GS1 key a warehouse knows — GTIN-14 and serial, or SSCC-18.

96 bits: an 8-bit header (0x30 SGTIN-96, 0x31 SSCC-96), a 3-bit filter (packaging level,
no part of the identity), a 3-bit partition that says how many digits of the next field are
the company prefix (12 down to 6), the company prefix, the item reference (with its
indicator digit first) or serial reference (with its extension digit first), then a
38-bit serial (SGTIN) or 24 reserved zero bits (SSCC). The check digit is not on the tag:
it is computed.

>>> epc = decode_epc("3074257BF7194E4000001A85")
>>> epc.uri, epc.gtin, epc.serial, epc.filter
('urn:epc:id:sgtin:0614141.812345.6789', '80614141123458', '6789', 3)
>>> decode_epc("3174257BF4499602D2000000").sscc, epc.element_string
('106141412345678908', '0180614141123458216789')
>>> try:
...     decode_epc("E2801160600002000000000A")
... except EpcError as error:
...     print(error)
EPC E2801160600002000000000A: header 0xE2 is neither SGTIN-96 (0x30) nor SSCC-96 (0x31)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stockops.gs1 import gs1_check_digit

SGTIN96, SSCC96 = 0x30, 0x31
# partition -> (company prefix bits, digits); the rest of 44 (SGTIN) or 58 (SSCC) bits and
# 13 or 17 digits is the item or serial reference (TDS tables 14-2 and 14-5)
PREFIX = {0: (40, 12), 1: (37, 11), 2: (34, 10), 3: (30, 9), 4: (27, 8), 5: (24, 7), 6: (20, 6)}
_LAYOUT = {SGTIN96: (44, 13, "sgtin"), SSCC96: (58, 17, "sscc")}


class EpcError(ValueError):
    """An EPC read that is no SGTIN-96 or SSCC-96; the sentence names the read and why."""


@dataclass(frozen=True, slots=True)
class Epc:
    """One decoded tag: ``gtin`` (GTIN-14) and ``serial`` for an SGTIN, ``sscc`` (SSCC-18)
    for an SSCC, the other left empty; ``uri`` is the TDS pure-identity URI."""

    hex: str
    scheme: str
    filter: int
    company_prefix: str
    reference: str
    gtin: str = ""
    serial: str = ""
    sscc: str = ""

    @property
    def uri(self) -> str:
        tail = f".{self.serial}" if self.scheme == "sgtin" else ""
        return f"urn:epc:id:{self.scheme}:{self.company_prefix}.{self.reference}{tail}"

    @property
    def element_string(self) -> str:
        """The same key as a GS1 barcode reads (AI 01 + 21, or 00, no parentheses), so a
        tag resolves through the scan's GS1 barcode path: ``0180614141123458216789``."""
        return f"01{self.gtin}21{self.serial}" if self.scheme == "sgtin" else f"00{self.sscc}"


def _clean(read: object) -> str:
    if not isinstance(read, str):
        raise EpcError(f"EPC {read!r}: a read is text of 24 hex digits")
    text = "".join(read.split()).upper()
    if not text or any(c not in "0123456789ABCDEF" for c in text):
        raise EpcError(f"EPC {read!r} is not hexadecimal")
    if len(text) != 24:
        raise EpcError(f"EPC {text}: {len(text)} hex digits, SGTIN-96 and SSCC-96 have 24")
    return text


def decode_epc(read: str) -> Epc:
    """Decode one hex EPC (24 hex digits, spaces and case ignored); raise :class:`EpcError`
    with the reason for anything else (module docstring)."""
    text = _clean(read)
    value = int(text, 16)
    header = value >> 88
    if header not in _LAYOUT:
        raise EpcError(
            f"EPC {text}: header 0x{header:02X} is neither SGTIN-96 (0x30) nor SSCC-96 (0x31)"
        )
    field_bits, digits, scheme = _LAYOUT[header]
    partition = (value >> 82) & 0b111
    if partition not in PREFIX:
        raise EpcError(f"EPC {text}: partition {partition} is not in the table (0 to 6)")
    prefix_bits, prefix_digits = PREFIX[partition]
    rest = 14 + field_bits  # bits after header, filter, partition and the field
    field = (value >> (96 - rest)) & ((1 << field_bits) - 1)
    prefix, reference = divmod(field, 1 << (field_bits - prefix_bits))
    ref_digits = digits - prefix_digits
    for name, number, size in (
        ("company prefix", prefix, prefix_digits),
        ("item reference" if scheme == "sgtin" else "serial reference", reference, ref_digits),
    ):
        if number >= 10**size:
            raise EpcError(f"EPC {text}: {name} {number} has more than {size} digits")
    low = value & ((1 << (96 - rest)) - 1)
    cp, ref = f"{prefix:0{prefix_digits}d}", f"{reference:0{ref_digits}d}"
    filt = (value >> 85) & 0b111
    if scheme == "sscc":
        if low:
            raise EpcError(f"EPC {text}: the 24 reserved bits of an SSCC-96 are not zero")
        body = ref[0] + cp + ref[1:]
        return Epc(text, scheme, filt, cp, ref, sscc=body + gs1_check_digit(body))
    body = ref[0] + cp + ref[1:]
    return Epc(text, scheme, filt, cp, ref, gtin=body + gs1_check_digit(body), serial=str(low))


def _encode(header: int, key: str, prefix_length: int, filt: int, low: int) -> str:
    """The hex EPC for a GS1 key (GTIN-14 or SSCC-18, check digit last) whose company
    prefix has ``prefix_length`` digits; ``low`` fills the bits after the key."""
    field_bits, digits, _ = _LAYOUT[header]
    partition = 12 - prefix_length
    if partition not in PREFIX or not 0 <= filt <= 7:
        raise ValueError(f"company prefix length {prefix_length} or filter {filt} is not valid")
    prefix_bits = PREFIX[partition][0]
    cp, ref = key[1 : 1 + prefix_length], key[0] + key[1 + prefix_length : digits]
    field = (int(cp) << (field_bits - prefix_bits)) | int(ref)
    value = (header << 88) | (filt << 85) | (partition << 82)
    value |= field << (96 - 14 - field_bits) | low
    return f"{value:024X}"


def encode_sgtin96(gtin: str, serial: int, prefix_length: int, filt: int = 1) -> str:
    """Hex SGTIN-96 of a GTIN-14 and a numeric serial below 2**38 (label printing, tests)."""
    if not 0 <= serial < 1 << 38:
        raise ValueError(f"serial {serial} does not fit the 38 bits of an SGTIN-96")
    return _encode(SGTIN96, gtin, prefix_length, filt, serial)


def encode_sscc96(sscc: str, prefix_length: int, filt: int = 2) -> str:
    """Hex SSCC-96 of an SSCC-18 (label printing, tests)."""
    return _encode(SSCC96, sscc, prefix_length, filt, 0)


def unknown_prefixes(epcs: Iterable[Epc], known_prefixes: Iterable[str]) -> list[str]:
    """A sentence for each decoded tag whose company prefix is not in ``known_prefixes``
    (ours and our vendors': the adapter reads them), in the order of ``epcs``."""
    known = set(known_prefixes)
    return [
        f"EPC {epc.hex}: company prefix {epc.company_prefix} is neither ours nor a vendor's"
        for epc in epcs
        if epc.company_prefix not in known
    ]
