"""GS1 check digits, shared by the demo's barcodes and the inbound engine's SSCC, GTIN and
EPC checks (a plain module: importing it loads nothing else)."""

from __future__ import annotations


def gs1_check_digit(body: str) -> str:
    """GS1 check digit (mod 10, weights 3,1 from the right) for the digits of ``body``;
    works for EAN-13 (12-digit body), GTIN-14 (13-digit body) and SSCC (17-digit body)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def as_gtin14(code: str) -> str | None:
    """The GTIN-14 of a GTIN barcode (EAN-8, UPC-A, EAN-13 or GTIN-14: 8, 12, 13 or 14
    digits), left-padded with zeros; None for any other code."""
    return code.zfill(14) if code.isdigit() and len(code) in (8, 12, 13, 14) else None


def gtin_forms(gtin14: str) -> tuple[str, ...]:
    """The barcodes a GTIN-14 may be printed as, longest first: itself and, when its
    leading digits are zeros, its EAN-13, UPC-A and EAN-8 forms."""
    return tuple(
        gtin14[14 - size :] for size in (14, 13, 12, 8) if not gtin14[: 14 - size].strip("0")
    )


def is_valid_ean13(code: str) -> bool:
    """True when ``code`` is 13 digits with a correct GS1 check digit."""
    return len(code) == 13 and code.isdigit() and gs1_check_digit(code[:12]) == code[12]
