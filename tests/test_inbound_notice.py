"""An advance ship notice comes in whole or not at all: CSV, GS1 XML despatch advice and
JSON give the same typed notice, and every error is named with its line, all at once."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.execution.inbound import (
    check_products,
    parse_despatch_advice,
    parse_notice_csv,
    parse_notice_json,
)
from stockops.scenario.barcodes import gs1_check_digit

P1, P2 = "006141410000000012", "006141410000000029"
HEAD = "notice_ref,vendor_ref,sscc,gtin,product_code,quantity,lot,serial,expiry"
GOOD = f"""{HEAD}
ASN-7,V-ACME,{P1},4006381333931,,12,L-4,,2027-03-31
ASN-7,V-ACME,{P1},80614141123458,,1,,S-1,
ASN-7,V-ACME,{P2},,BOLT-M8,40.5,,,
"""


def test_a_good_csv_gives_pallets_of_lines():
    notice = parse_notice_csv(GOOD).notice
    assert (notice.ref, notice.vendor_ref) == ("ASN-7", "V-ACME")
    assert [(p.sscc, len(p.lines)) for p in notice.pallets] == [(P1, 2), (P2, 1)]
    first, serial = notice.pallets[0].lines
    assert (first.gtin, first.quantity, first.lot, str(first.expiry)) == (
        "04006381333931", 12.0, "L-4", "2027-03-31"
    )  # fmt: skip
    assert (serial.serial, serial.where) == ("S-1", "row 3")
    assert notice.pallets[1].lines[0].product == "BOLT-M8"


def _csv(*rows, head=HEAD):
    return "\n".join([head, *rows])


OK = f"ASN-7,V-ACME,{P1},4006381333931,,12,L-4,,2027-03-31"
CSV_ERRORS = [
    ("missing columns", _csv(OK, head="sscc,gtin,lot"),
     ["header: missing column(s) notice_ref, vendor_ref, quantity"]),
    ("no product column", _csv("A,V,1,2", head="notice_ref,vendor_ref,sscc,quantity"),
     ["header: missing column(s) gtin or product_code"]),
    ("SSCC check digit", _csv(f"ASN-7,V-ACME,{P1[:-1]}3,4006381333931,,12,,,"),
     [f"row 2: SSCC {P1[:-1]}3 has a wrong check digit (2 expected)"]),
    ("SSCC too short", _csv("ASN-7,V-ACME,12345,4006381333931,,12,,,"),
     ["row 2: SSCC '12345' is not 18 digits"]),
    ("no SSCC", _csv("ASN-7,V-ACME,,4006381333931,,12,,,"),
     ["row 2: SSCC is empty: every line travels on a pallet"]),
    ("GTIN check digit", _csv(f"ASN-7,V-ACME,{P1},4006381333932,,12,,,"),
     ["row 2: GTIN 4006381333932 has a wrong check digit (1 expected)"]),
    ("GTIN of letters", _csv(f"ASN-7,V-ACME,{P1},40063X1333931,,12,,,"),
     ["row 2: GTIN '40063X1333931' is not 8 or 12 or 13 or 14 digits"]),
    ("no product", _csv(f"ASN-7,V-ACME,{P1},,,12,,,"),
     ["row 2: neither a GTIN nor a product code"]),
    ("quantity 0", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,0,,,"),
     ["row 2: quantity 0 is not a positive number"]),
    ("quantity negative", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,-3,,,"),
     ["row 2: quantity -3 is not a positive number"]),
    ("quantity text", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,twelve,,,"),
     ["row 2: quantity twelve is not a positive number"]),
    ("quantity nan", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,nan,,,"),
     ["row 2: quantity nan is not a positive number"]),
    ("quantity empty", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,,,,"),
     ["row 2: quantity empty is not a positive number"]),
    ("serial of 2 units", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,2,,S-9,"),
     ["row 2: serial S-9 with quantity 2: a serial is 1 unit"]),
    ("serial twice", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,1,,S-9,",
                          f"ASN-7,V-ACME,{P1},4006381333931,,1,,S-9,"),
     ["row 3: serial S-9 of 04006381333931 is already on row 2"]),
    ("bad date", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,1,,,2027-02-30"),
     ["row 2: expiry '2027-02-30' is not a date (YYYY-MM-DD)"]),
    ("day first date", _csv(f"ASN-7,V-ACME,{P1},4006381333931,,1,,,31/03/2027"),
     ["row 2: expiry '31/03/2027' is not a date (YYYY-MM-DD)"]),
    ("two notices", _csv(OK, f"ASN-8,V-ACME,{P1},4006381333931,,1,,,"),
     ["row 3: notice ref ASN-8 differs from ASN-7 of row 2: one notice at a time"]),
    ("no vendor", _csv(f"ASN-7,,{P1},4006381333931,,1,,,"), ["row 2: vendor ref is empty"]),
    ("SSCC used twice", _csv(OK, f"ASN-7,V-ACME,{P2},,BOLT,1,,,", OK),
     [f"row 4: SSCC {P1} is already the pallet of row 2: one SSCC, one pallet"]),
    ("pallet with no lines", _csv(OK, f"ASN-7,V-ACME,{P2},,,,,,"),
     [f"row 3: pallet {P2} has no lines"]),
    ("header only", HEAD, ["notice: no lines"]),
    ("empty file", "", ["header: missing column(s) notice_ref, vendor_ref, sscc, quantity, "
                        "gtin or product_code"]),
    ("Latin-1 bytes", f"{HEAD}\nASN-7,Müller".encode("latin-1"),
     ["file: not UTF-8 text (byte 80): save the file as CSV UTF-8"]),
    ("not text", None, ["file: a CSV notice is text, not None"]),
    ("all errors at once", _csv(f"ASN-7,V-ACME,{P1},4006381333932,,0,,,2027-13-01"),
     ["row 2: GTIN 4006381333932 has a wrong check digit (1 expected)",
      "row 2: quantity 0 is not a positive number",
      "row 2: expiry '2027-13-01' is not a date (YYYY-MM-DD)"]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "errors"), CSV_ERRORS, ids=[r[0] for r in CSV_ERRORS])
def test_a_bad_csv_is_refused_whole_with_every_error_named(case, text, errors):
    result = parse_notice_csv(text)
    assert result.notice is None
    assert [str(e) for e in result.errors] == errors


def _xml(units, ref="DA-1", gln="4012345000009"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<despatch_advice:despatchAdviceMessage xmlns:despatch_advice="urn:gs1:ecom:despatch_advice:xsd:3">
  <despatchAdvice>
    <despatchAdviceIdentification><entityIdentification>{ref}</entityIdentification>
    </despatchAdviceIdentification>
    <shipper><gln>{gln}</gln></shipper>
    {units}
  </despatchAdvice>
</despatch_advice:despatchAdviceMessage>"""


def _unit(sscc, *items):
    ident = f"<logisticUnitIdentification><sscc>{sscc}</sscc></logisticUnitIdentification>"
    return f"<despatchAdviceLogisticUnit>{ident}{''.join(items)}</despatchAdviceLogisticUnit>"


def _item(qty, gtin="4006381333931", batch="", expiry="", serials=(), code=""):
    data = f"<batchNumber>{batch}</batchNumber>" if batch else ""
    data += f"<itemExpirationDate>{expiry}</itemExpirationDate>" if expiry else ""
    data += "".join(f"<serialNumber>{s}</serialNumber>" for s in serials)
    trade = f"<gtin>{gtin}</gtin>" if gtin else ""
    trade += (
        f"<additionalTradeItemIdentification>{code}</additionalTradeItemIdentification>"
        if code
        else ""
    )
    return (
        f"<despatchAdviceLineItem><despatchedQuantity measurementUnitCode='EA'>{qty}"
        f"</despatchedQuantity><transactionalTradeItem>{trade}<transactionalItemData>{data}"
        "</transactionalItemData></transactionalTradeItem></despatchAdviceLineItem>"
    )


def test_a_despatch_advice_gives_the_same_notice_as_the_csv():
    lot_line = _item(12, batch="L-4", expiry="2027-03-31")
    serial_line = _item(1, "80614141123458", serials=["S-1"])
    xml = _xml(_unit(P1, lot_line, serial_line) + _unit(P2, _item("40.5", gtin="", code="BOLT-M8")))
    notice, csv = parse_despatch_advice(xml.encode()).notice, parse_notice_csv(GOOD).notice
    assert (notice.ref, notice.vendor_ref) == ("DA-1", "4012345000009")
    strip = lambda n: [(p.sscc, [(ln.product, ln.quantity, ln.lot, ln.serial, ln.expiry)  # noqa: E731
                                 for ln in p.lines]) for p in n.pallets]  # fmt: skip
    assert strip(notice) == strip(csv)


def test_serial_numbers_of_a_line_become_one_unit_each():
    xml = _xml(_unit(P1, _item(3, "80614141123458", serials=["A", "B", "C"])))
    lines = parse_despatch_advice(xml).notice.pallets[0].lines
    assert [(ln.serial, ln.quantity) for ln in lines] == [("A", 1.0), ("B", 1.0), ("C", 1.0)]
    assert lines[2].where.endswith("despatchAdviceLineItem[1]/serialNumber[3]")


U1 = "despatchAdvice/despatchAdviceLogisticUnit[1]"
U2 = "despatchAdvice/despatchAdviceLogisticUnit[2]"
XML_ERRORS = [
    ("not XML", "<despatchAdvice><oops></despatchAdvice>",
     "XML: not well-formed XML (mismatched tag: line 1, column 24)"),
    ("not text", 42, "XML: a despatch advice is XML text, not 42"),
    ("a DOCTYPE", '<!DOCTYPE x [<!ENTITY a "b">]><despatchAdvice/>',
     "XML: a DOCTYPE is not accepted in a despatch advice"),
    ("another document", "<orderResponse/>",
     "XML: orderResponse holds 0 despatchAdvice elements, a file holds one"),
    ("no pallet", _xml(""), "despatchAdvice: no despatchAdviceLogisticUnit: no pallet"),
    ("pallet with no lines", _xml(_unit(P1)), f"{U1}: pallet {P1} has no lines"),
    ("duplicate SSCC", _xml(_unit(P1, _item(1)) + _unit(P1, _item(2))),
     f"{U2}: SSCC {P1} is already the pallet of {U1}"),
    ("SSCC check digit", _xml(_unit(P1[:-1] + "5", _item(1))),
     f"{U1}/despatchAdviceLineItem[1]: SSCC {P1[:-1]}5 has a wrong check digit (2 expected)"),
    ("GTIN check digit", _xml(_unit(P1, _item(1), _item(1, gtin="80614141123450"))),
     f"{U1}/despatchAdviceLineItem[2]: GTIN 80614141123450 has a wrong check digit (8 expected)"),
    ("quantity", _xml(_unit(P1, _item("-1"))),
     f"{U1}/despatchAdviceLineItem[1]: quantity -1 is not a positive number"),
    ("serial count", _xml(_unit(P1, _item(3, serials=["A", "B"]))),
     f"{U1}/despatchAdviceLineItem[1]: 2 serial numbers for a despatched quantity of 3"),
    ("one serial of 2 units", _xml(_unit(P1, _item(2, serials=["A"]))),
     f"{U1}/despatchAdviceLineItem[1]: serial A with quantity 2: a serial is 1 unit"),
    ("bad date", _xml(_unit(P1, _item(1, expiry="2027-3-1"))),
     f"{U1}/despatchAdviceLineItem[1]: expiry '2027-3-1' is not a date (YYYY-MM-DD)"),
    ("a line outside any pallet", _xml(_unit(P1, _item(1)) + _item(2)),
     "despatchAdvice/despatchAdviceLineItem[1]: a line outside any pallet"),
    ("two batches on a line", _xml(_unit(P1, _item(2, batch="A").replace(
        "</transactionalTradeItem>", "<transactionalItemData/></transactionalTradeItem>"))),
     f"{U1}/despatchAdviceLineItem[1]: 2 transactionalItemData: one batch a line item, "
     "split the line"),
    ("no notice ref", _xml(_unit(P1, _item(1)), ref=""),
     f"{U1}/despatchAdviceLineItem[1]: notice ref is empty"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "xml", "error"), XML_ERRORS, ids=[r[0] for r in XML_ERRORS])
def test_a_bad_despatch_advice_names_the_element(case, xml, error):
    result = parse_despatch_advice(xml)
    assert result.notice is None
    assert error in [str(e) for e in result.errors]


def test_a_json_post_is_checked_like_a_file():
    line = {"gtin": "4006381333931", "quantity": 12, "lot": "L-4", "expiry": "2027-03-31"}
    good = {
        "notice_ref": "ASN-7",
        "vendor_ref": "V-ACME",
        "pallets": [{"sscc": P1, "lines": [line]}],
    }
    assert parse_notice_json(good).notice.pallets[0].lines[0].quantity == 12.0
    bad = {**good, "pallets": [{"sscc": P1, "lines": [line, {**line, "quantity": True}]}, 7]}
    assert [str(e) for e in parse_notice_json(bad).errors] == [
        "pallets[1]: a pallet is an object with an SSCC and a list of lines",
        "pallets[0].lines[1]: quantity empty is not a positive number",
    ]
    assert [str(e) for e in parse_notice_json([]).errors] == [
        "notice: an object with a list of pallets"
    ]


def test_a_utf8_file_with_a_byte_order_mark_reads_as_text():
    assert parse_notice_csv(("\ufeff" + GOOD).encode()) == parse_notice_csv(GOOD)


def test_a_csv_with_old_mac_line_ends_reads_the_same():
    assert parse_notice_csv(GOOD.replace("\n", "\r")) == parse_notice_csv(GOOD)


def test_a_spreadsheet_csv_with_semicolons_and_spaced_headers_reads_the_same():
    text = GOOD.replace(",", ";").replace("notice_ref;vendor_ref", "Notice Ref;Vendor Ref")
    assert parse_notice_csv(text) == parse_notice_csv(GOOD)


def test_the_seller_names_the_vendor_when_no_shipper_does():
    xml = _xml(_unit(P1, _item(1))).replace("shipper>", "seller>")
    assert parse_despatch_advice(xml).notice.vendor_ref == "4012345000009"


LINE = st.tuples(
    st.text("0123456789", min_size=12, max_size=12),
    st.integers(1, 10_000),
    st.text("ABCDEFGHJK-0123456789", max_size=8),
    st.dates(date(2024, 1, 1), date(2035, 12, 31)) | st.none(),
)


@given(st.lists(st.lists(LINE, min_size=1, max_size=4), min_size=1, max_size=5))
def test_any_well_formed_notice_reads_back_line_for_line(pallets):
    rows, expected = [HEAD], []
    for p, lines in enumerate(pallets):
        sscc = "0061414100000" + f"{p:04d}"
        sscc += gs1_check_digit(sscc)
        for body, qty, lot, expiry in lines:
            gtin = body + gs1_check_digit(body)
            rows.append(f"ASN-9,V-1,{sscc},{gtin},,{qty},{lot},,{expiry or ''}")
            expected.append((sscc, "0" + gtin, float(qty), lot, expiry))
    notice = parse_notice_csv("\n".join(rows)).notice
    got = [
        (p.sscc, ln.gtin, ln.quantity, ln.lot, ln.expiry) for p in notice.pallets for ln in p.lines
    ]
    assert got == expected


CATALOGUE = {"4006381333931": "lot", "80614141123458": "serial", "BOLT-M8": "none"}
PRODUCT_ERRORS = [
    ("as the catalogue wants", f"{OK}\nASN-7,V-ACME,{P1},80614141123458,,1,,S-1,", []),
    ("an unknown GTIN", f"ASN-7,V-ACME,{P1},00614141999996,,1,,,",
     ["row 2: product 00614141999996 is none of ours (no product has this GTIN or vendor code)"]),
    ("an unknown code", f"ASN-7,V-ACME,{P1},,NUT-M8,1,,,",
     ["row 2: product NUT-M8 is none of ours (no product has this GTIN or vendor code)"]),
    ("a lot product without lot", f"ASN-7,V-ACME,{P1},4006381333931,,3,,,",
     ["row 2: 04006381333931 is tracked by lot: the line gives no lot"]),
    ("a serial product without serial", f"ASN-7,V-ACME,{P1},80614141123458,,1,L-1,,",
     ["row 2: 80614141123458 is tracked by serial: the line gives no serial"]),
    ("a lot on an untracked product is the vendor's information",
     f"ASN-7,V-ACME,{P1},,BOLT-M8,40,L-9,,", []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "rows", "errors"), PRODUCT_ERRORS, ids=[r[0] for r in PRODUCT_ERRORS]
)
def test_the_notice_is_checked_against_the_catalogue_by_line(case, rows, errors):
    notice = parse_notice_csv(_csv(rows)).notice
    assert [str(e) for e in check_products(notice, CATALOGUE)] == errors


def test_a_tracking_the_catalogue_does_not_know_is_refused():
    with pytest.raises(ValueError, match="product BOLT-M8: tracking 'lots' is none of none"):
        check_products(parse_notice_csv(GOOD).notice, {"BOLT-M8": "lots"})
