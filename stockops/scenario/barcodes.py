"""GS1 barcodes: the company prefix the demo products use (the check digit is the engine's,
:mod:`stockops.gs1`)."""

from __future__ import annotations

from stockops.gs1 import gs1_check_digit, is_valid_ean13

__all__ = ["GS1_COMPANY_PREFIX", "gs1_check_digit", "is_valid_ean13"]

# GS1's documentation example company prefix: never a real product's barcode
GS1_COMPANY_PREFIX = "0614141"
