"""GS1 barcodes: the company prefix the demo products use and the check digit."""

from __future__ import annotations

# GS1's documentation example company prefix: never a real product's barcode
GS1_COMPANY_PREFIX = "0614141"


def gs1_check_digit(body: str) -> str:
    """GS1 check digit (mod 10, weights 3,1 from the right) for the digits of ``body``;
    works for EAN-13 (12-digit body) and GTIN-14 (13-digit body)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def is_valid_ean13(code: str) -> bool:
    """True when ``code`` is 13 digits with a correct GS1 check digit."""
    return len(code) == 13 and code.isdigit() and gs1_check_digit(code[:12]) == code[12]
