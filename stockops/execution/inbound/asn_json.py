"""The advance ship notice as JSON (what a vendor's system posts to the notice endpoint):

``{"notice_ref": "ASN-1", "vendor_ref": "V-7", "pallets": [{"sscc": "106141412345678908",
"lines": [{"gtin": "4006381333931", "product_code": "", "quantity": 12, "lot": "L-4",
"serial": "", "expiry": "2027-03-31"}]}]}`` — the CSV's columns, grouped by pallet;
``gtin`` or ``product_code``, the rest optional as in the CSV. Errors are named by path,
``pallets[0].lines[1]``, counted from 0 as JSON is.

>>> payload = {"notice_ref": "ASN-1", "vendor_ref": "V-7", "pallets": [
...     {"sscc": "106141412345678908", "lines": []}]}
>>> [str(e) for e in parse_notice_json(payload).errors]
['pallets[0]: pallet 106141412345678908 has no lines', 'notice: no lines']
"""

from __future__ import annotations

from stockops.execution.inbound.notice import NoticeError, NoticeResult, RawLine, build_notice

FIELDS = ("gtin", "product_code", "quantity", "lot", "serial", "expiry")


def _text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    return str(value).strip() if isinstance(value, (str, int, float)) else repr(value)


def parse_notice_json(payload: object) -> NoticeResult:
    """Read a notice posted as JSON (module docstring): a :class:`Notice`, or every error
    by path."""
    if not isinstance(payload, dict) or not isinstance(payload.get("pallets"), list):
        return NoticeResult(None, (NoticeError("notice", "an object with a list of pallets"),))
    head = {key: _text(payload.get(key)) for key in ("notice_ref", "vendor_ref")}
    lines, errors = [], []
    for p, pallet in enumerate(payload["pallets"]):
        at = f"pallets[{p}]"
        if not isinstance(pallet, dict) or not isinstance(pallet.get("lines"), list):
            errors.append(NoticeError(at, "a pallet is an object with an SSCC and a list of lines"))
            continue
        sscc = _text(pallet.get("sscc"))
        if not pallet["lines"]:
            errors.append(NoticeError(at, f"pallet {sscc or 'without SSCC'} has no lines"))
        for n, line in enumerate(pallet["lines"]):
            where = f"{at}.lines[{n}]"
            if not isinstance(line, dict):
                errors.append(NoticeError(where, "a line is an object"))
                continue
            values = {key: _text(line.get(key)) for key in FIELDS}
            lines.append(RawLine(where, sscc=sscc, **head, **values))
    return build_notice(lines, errors)
