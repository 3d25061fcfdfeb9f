"""The advance ship notice as a GS1 XML Despatch Advice (DESADV 3.x), a documented subset.

Read, by local name (namespaces ignored), under ``despatchAdvice`` (the document root, or
the one inside ``despatchAdviceMessage``):

- ``despatchAdviceIdentification/entityIdentification``: the notice reference;
- ``shipper/gln``, else ``seller/gln``: the vendor's reference (its GLN);
- each ``despatchAdviceLogisticUnit``: a pallet, ``logisticUnitIdentification/sscc``;
- each of its ``despatchAdviceLineItem``: ``despatchedQuantity``,
  ``transactionalTradeItem/gtin`` or, without a GTIN,
  ``transactionalTradeItem/additionalTradeItemIdentification`` (the vendor's code), and
  ``transactionalTradeItem/transactionalItemData``: ``batchNumber``,
  ``itemExpirationDate`` (YYYY-MM-DD) and ``serialNumber`` — n serial numbers on a line of
  n units give n lines of one unit.

A line item outside a logistic unit, or with several ``transactionalItemData`` (batches),
is refused rather than guessed at; everything else is ignored. A DOCTYPE is refused (no
entity is ever expanded). Errors are named by element path,
``despatchAdvice/despatchAdviceLogisticUnit[2]/…`` (counted from 1).

>>> xml = '''<despatchAdvice>
...   <despatchAdviceIdentification><entityIdentification>DA-9</entityIdentification>
...   </despatchAdviceIdentification><shipper><gln>4012345000009</gln></shipper>
...   <despatchAdviceLogisticUnit>
...     <logisticUnitIdentification><sscc>106141412345678908</sscc></logisticUnitIdentification>
...     <despatchAdviceLineItem><despatchedQuantity>2</despatchedQuantity>
...       <transactionalTradeItem><gtin>80614141123458</gtin><transactionalItemData>
...         <serialNumber>71</serialNumber><serialNumber>72</serialNumber>
...       </transactionalItemData></transactionalTradeItem>
...     </despatchAdviceLineItem>
...   </despatchAdviceLogisticUnit>
... </despatchAdvice>'''
>>> notice = parse_despatch_advice(xml).notice
>>> notice.ref, notice.vendor_ref, [line.serial for line in notice.pallets[0].lines]
('DA-9', '4012345000009', ['71', '72'])
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.parsers import expat

from stockops.execution.inbound.notice import NoticeError, NoticeResult, RawLine, build_notice

ROOT = "despatchAdvice"


def _name(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if element is None else [child for child in element if _name(child) == name]


def _child(element: ET.Element | None, *path: str) -> ET.Element | None:
    """The first element at ``path`` below ``element``, or None."""
    for name in path:
        element = next(iter(_children(element, name)), None)
    return element


def _text(element: ET.Element | None, *path: str) -> str:
    """The stripped text at ``path`` below ``element``, or ''."""
    found = _child(element, *path)
    return (found.text or "").strip() if found is not None else ""


class _DoctypeError(Exception):
    """A DOCTYPE: it could declare entities, so the document is not read at all."""


def _refuse_doctype(*_args: object) -> None:
    raise _DoctypeError


def _root(text: str | bytes) -> tuple[ET.Element | None, str]:
    if not isinstance(text, (str, bytes)):
        return None, f"a despatch advice is XML text, not {text!r}"
    # a first pass that stops at a DOCTYPE, before any entity is declared or expanded
    scout = expat.ParserCreate()
    scout.StartDoctypeDeclHandler = _refuse_doctype
    try:
        scout.Parse(text, True)
        root = ET.fromstring(text)
    except _DoctypeError:
        return None, "a DOCTYPE is not accepted in a despatch advice"
    except (ET.ParseError, expat.ExpatError) as error:
        line, column = getattr(error, "position", None) or (error.lineno, error.offset)
        why = expat.ErrorString(error.code)
        return None, f"not well-formed XML ({why}: line {line}, column {column})"
    if _name(root) == ROOT:
        return root, ""
    found = _children(root, ROOT)
    if len(found) != 1:
        return None, f"{_name(root)} holds {len(found)} despatchAdvice elements, a file holds one"
    return found[0], ""


def _item_lines(item: ET.Element, where: str, head: dict) -> tuple[list[RawLine], list[str]]:
    """The raw lines of one despatchAdviceLineItem and the reader's own errors."""
    trade = _child(item, "transactionalTradeItem")
    batches = _children(trade, "transactionalItemData")
    if len(batches) > 1:
        return [], [f"{len(batches)} transactionalItemData: one batch a line item, split the line"]
    data = batches[0] if batches else None
    quantity = _text(item, "despatchedQuantity")
    serials = [s.text.strip() for s in _children(data, "serialNumber") if s.text]
    values = dict(
        head,
        gtin=_text(trade, "gtin"),
        product_code=_text(trade, "additionalTradeItemIdentification"),
        lot=_text(data, "batchNumber"),
        expiry=_text(data, "itemExpirationDate"),
    )
    if len(serials) <= 1:
        serial = serials[0] if serials else ""
        return [RawLine(where, quantity=quantity, serial=serial, **values)], []
    if _as_float(quantity) != len(serials):
        return [], [f"{len(serials)} serial numbers for a despatched quantity of {quantity}"]
    return [
        RawLine(f"{where}/serialNumber[{k}]", quantity="1", serial=s, **values)
        for k, s in enumerate(serials, start=1)
    ], []


def _as_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def parse_despatch_advice(text: str | bytes) -> NoticeResult:
    """Read a GS1 XML despatch advice (module docstring): a :class:`Notice`, or every
    error by element path."""
    advice, why = _root(text)
    if advice is None:
        return NoticeResult(None, (NoticeError("XML", why),))
    head = {
        "notice_ref": _text(advice, "despatchAdviceIdentification", "entityIdentification"),
        "vendor_ref": _text(advice, "shipper", "gln") or _text(advice, "seller", "gln"),
    }
    lines, errors, seen = [], [], {}
    units = _children(advice, "despatchAdviceLogisticUnit")
    errors += [
        NoticeError(f"{ROOT}/despatchAdviceLineItem[{n}]", "a line outside any pallet")
        for n, _ in enumerate(_children(advice, "despatchAdviceLineItem"), start=1)
    ]
    if not units:
        errors.append(NoticeError(ROOT, "no despatchAdviceLogisticUnit: no pallet"))
    for u, unit in enumerate(units, start=1):
        at = f"{ROOT}/despatchAdviceLogisticUnit[{u}]"
        sscc = _text(unit, "logisticUnitIdentification", "sscc")
        items = _children(unit, "despatchAdviceLineItem")
        if sscc and seen.setdefault(sscc, at) != at:
            errors.append(NoticeError(at, f"SSCC {sscc} is already the pallet of {seen[sscc]}"))
            continue
        if not items:
            errors.append(NoticeError(at, f"pallet {sscc or 'without SSCC'} has no lines"))
        for i, item in enumerate(items, start=1):
            where = f"{at}/despatchAdviceLineItem[{i}]"
            found, why = _item_lines(item, where, dict(head, sscc=sscc))
            lines.extend(found)
            errors.extend(NoticeError(where, message) for message in why)
    return build_notice(lines, errors)
