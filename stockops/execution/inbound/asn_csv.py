"""The advance ship notice as CSV: one notice a file, one line a row, a pallet's rows
together.

Columns (header row first, any order, names as below in any case and with spaces for
underscores, extra columns ignored; commas, or semicolons as spreadsheets in many
countries save them):
``notice_ref``, ``vendor_ref``, ``sscc`` (SSCC-18 with its check digit), ``gtin`` (GTIN-8,
-12, -13 or -14) or ``product_code`` (the vendor's code; one of the two columns at least,
one of the two values on each row), ``quantity`` (units, > 0), and the optional ``lot``,
``serial`` (a serial is one unit) and ``expiry`` (YYYY-MM-DD). A row with an SSCC and no
product and no quantity declares a pallet; a declared pallet with no other row is an error.
Rows are numbered as a spreadsheet shows them: the header is row 1.

>>> text = '''notice_ref,vendor_ref,sscc,gtin,quantity,lot,expiry
... ASN-1,V-7,106141412345678908,4006381333931,12,L-4,2027-03-31
... ASN-1,V-7,106141412345678908,80614141123458,1,,2027-03-31'''
>>> [len(p.lines) for p in parse_notice_csv(text).notice.pallets]
[2]
>>> [str(e) for e in parse_notice_csv("sscc,gtin\\n").errors]
['header: missing column(s) notice_ref, vendor_ref, quantity']
"""

from __future__ import annotations

import csv
import io

from stockops.execution.inbound.notice import NoticeError, NoticeResult, RawLine, build_notice

REQUIRED = ("notice_ref", "vendor_ref", "sscc", "quantity")
OPTIONAL = ("gtin", "product_code", "lot", "serial", "expiry")


def parse_notice_csv(text: str | bytes) -> NoticeResult:
    """Read a CSV notice (module docstring; bytes are UTF-8): a :class:`Notice`, or every
    error by row."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            why = f"not UTF-8 text (byte {error.start + 1}): save the file as CSV UTF-8"
            return NoticeResult(None, (NoticeError("file", why),))
    if not isinstance(text, str):
        return NoticeResult(None, (NoticeError("file", f"a CSV notice is text, not {text!r}"),))
    text = text.lstrip("\ufeff")
    first = next(iter(text.splitlines()), "")
    # newline="": the csv module itself reads \r\n, \n and a lone \r as line ends
    delimiter = ";" if ";" in first and "," not in first else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower().replace(" ", "_") for name in next(rows, [])]
    missing = [name for name in REQUIRED if name not in header]
    if "gtin" not in header and "product_code" not in header:
        missing.append("gtin or product_code")
    if missing:
        return NoticeResult(
            None, (NoticeError("header", f"missing column(s) {', '.join(missing)}"),)
        )
    lines, declared = [], {}
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
        values = {name: cells.get(name, "") for name in REQUIRED + OPTIONAL}
        if values["sscc"] and not (values["gtin"] or values["product_code"] or values["quantity"]):
            declared.setdefault(values["sscc"], f"row {number}")
            continue
        lines.append(RawLine(f"row {number}", **values))
    used = {line.sscc for line in lines}
    empty = [
        NoticeError(where, f"pallet {sscc} has no lines")
        for sscc, where in declared.items()
        if sscc not in used
    ]
    return build_notice(lines, empty)
