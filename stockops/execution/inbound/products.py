"""A well-formed notice against our product catalogue: every line's product known, and
its lot or serial given as the product is tracked (Odoo's ``tracking``: ``none``, ``lot``,
``serial``).

The adapter reads the catalogue in one query — products by GTIN (barcodes of 8, 12, 13 or
14 digits, matched as GTIN-14) and by the vendor's product code — and passes
``{key: tracking}``; the errors come back by line, like the notice's own, so the file is
refused with all of them at once.

>>> from stockops.execution.inbound.notice import Notice, NoticeLine, Pallet
>>> notice = Notice("ASN-1", "V-7", (Pallet("106141412345678908", (
...     NoticeLine("row 2", "04006381333931", "", 12.0),
...     NoticeLine("row 3", "", "BOLT-M9", 5.0))),))
>>> [str(e) for e in check_products(notice, {"4006381333931": "lot"})]
['row 2: 04006381333931 is tracked by lot: the line gives no lot', \
'row 3: product BOLT-M9 is none of ours (no product has this GTIN or vendor code)']
"""

from __future__ import annotations

from collections.abc import Mapping

from stockops.execution.inbound.notice import Notice, NoticeError, NoticeLine
from stockops.gs1 import as_gtin14

TRACKING = ("none", "lot", "serial")


def _key(code: str) -> str:
    """A GTIN as GTIN-14; any other code as it is."""
    code = code.strip()
    return as_gtin14(code) or code


def check_products(notice: Notice, tracking: Mapping[str, str]) -> tuple[NoticeError, ...]:
    """Errors of lines whose product is unknown or whose lot or serial does not match how
    the product is tracked; ``tracking`` maps GTINs and vendor codes to ``none``, ``lot``
    or ``serial``."""
    known = {}
    for code, how in tracking.items():
        if how not in TRACKING:
            raise ValueError(f"product {code}: tracking {how!r} is none of {', '.join(TRACKING)}")
        known[_key(code)] = how
    return tuple(
        NoticeError(line.where, why)
        for pallet in notice.pallets
        for line in pallet.lines
        if (why := _line_error(line, known.get(line.gtin) or known.get(line.product_code)))
    )


def _line_error(line: NoticeLine, how: str | None) -> str:
    """Why the line does not fit its product (tracked ``how``; None: unknown), or ''. A lot
    on a product that is not tracked is no error: it is the vendor's information."""
    if how is None:
        return f"product {line.product} is none of ours (no product has this GTIN or vendor code)"
    if how == "serial" and not line.serial:
        return f"{line.product} is tracked by serial: the line gives no serial"
    if how == "lot" and not line.lot:
        return f"{line.product} is tracked by lot: the line gives no lot"
    return ""
