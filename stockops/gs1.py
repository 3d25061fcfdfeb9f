"""GS1 check digits, shared by the demo's barcodes and the inbound engine's SSCC, GTIN and
EPC checks (a plain module: importing it loads nothing else)."""

from __future__ import annotations


def gs1_check_digit(body: str) -> str:
    """GS1 check digit (mod 10, weights 3,1 from the right) for the digits of ``body``;
    works for EAN-13 (12-digit body), GTIN-14 (13-digit body) and SSCC (17-digit body)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def is_valid_ean13(code: str) -> bool:
    """True when ``code`` is 13 digits with a correct GS1 check digit."""
    return len(code) == 13 and code.isdigit() and gs1_check_digit(code[:12]) == code[12]
