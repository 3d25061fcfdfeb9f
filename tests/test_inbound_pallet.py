"""A pallet at the dock is checked against its notice: as noticed it is received whole in
one confirmation and broken down by product for put-away; otherwise the exception or the
refusal says why, naming the tag, the line or the lot."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.execution.inbound import (
    EXCEPTION,
    RECEIVE,
    REFUSED,
    CountedLine,
    PalletScan,
    check_pallet,
    encode_sgtin96,
    encode_sscc96,
    parse_notice_csv,
)

P1, P2 = "006141410000000012", "006141410000000029"
SER, BULK = "80614141123458", "04006381333931"
HEAD = "notice_ref,vendor_ref,sscc,gtin,product_code,quantity,lot,serial,expiry"
NOTICE = parse_notice_csv(f"""{HEAD}
ASN-7,V-ACME,{P1},{SER},,1,,6789,
ASN-7,V-ACME,{P1},{SER},,1,,6790,
ASN-7,V-ACME,{P1},4006381333931,,3,L-4,,2027-03-31
ASN-7,V-ACME,{P2},,BOLT-M8,40,,,
""").notice  # fmt: skip


def tag(gtin, serial):
    return encode_sgtin96(gtin, serial, 7)


PALLET_TAG = encode_sscc96(P1, 7)
ALL_TAGS = (tag(SER, 6789), tag(SER, 6790), tag(BULK, 1), tag(BULK, 2), tag(BULK, 3))
AS_NOTICED = f"pallet {P1} is as on notice ASN-7: 3 lines of 2 products, receive it whole"


def test_scanning_the_sscc_receives_the_mixed_pallet_whole_broken_down_by_product():
    check = check_pallet(NOTICE, PalletScan(P1))
    assert (check.outcome, check.reasons, check.mixed) == (RECEIVE, (AS_NOTICED,), True)
    serials, lots = check.breakdown
    assert (serials.product, serials.quantity, serials.serials) == (SER, 2.0, ("6789", "6790"))
    assert (lots.product, lots.quantity, lots.lots) == (
        BULK,
        3.0,
        (("L-4", 3.0, date(2027, 3, 31)),),
    )


def test_a_pallet_of_one_product_is_not_mixed():
    check = check_pallet(NOTICE, PalletScan(f"(00){P2}"))
    assert (check.outcome, check.mixed, check.breakdown[0].quantity) == (RECEIVE, False, 40.0)


ROWS = [
    ("tags as noticed, repeats collapsed",
     PalletScan(P1, epcs=(*ALL_TAGS, ALL_TAGS[0], ALL_TAGS[0].lower(), PALLET_TAG)), (),
     RECEIVE, (AS_NOTICED, "2 repeat reads collapsed")),
    ("the pallet found by its own tag", PalletScan("", epcs=(PALLET_TAG, *ALL_TAGS)), (),
     RECEIVE, (AS_NOTICED,)),
    ("a serial tag missing", PalletScan(P1, epcs=ALL_TAGS[:1] + ALL_TAGS[2:]), (),
     EXCEPTION, (f"missing: row 3: GTIN {SER} serial 6790 not read",)),
    ("a tag not noticed", PalletScan(P1, epcs=(*ALL_TAGS, tag(SER, 9))), (),
     EXCEPTION, (f"unexpected: EPC {tag(SER, 9)}: GTIN {SER} serial 9 is not noticed",)),
    ("a tag of another product", PalletScan(P1, epcs=(*ALL_TAGS, tag("00614141999996", 1))), (),
     EXCEPTION, (f"unexpected: EPC {tag('00614141999996', 1)}: GTIN 00614141999996 serial 1 "
                 "is not noticed",)),
    ("a lot unit short", PalletScan(P1, epcs=ALL_TAGS[:4]), (),
     EXCEPTION, (f"count difference: GTIN {BULK}: 3 noticed, 2 read",)),
    ("the tag of another pallet", PalletScan(P1, epcs=(*ALL_TAGS, encode_sscc96(P2, 7))), (),
     EXCEPTION, (f"unexpected: EPC {encode_sscc96(P2, 7)}: the tag of another pallet, SSCC {P2}",)),
    ("an unreadable read", PalletScan(P1, epcs=(*ALL_TAGS, "E2801160600002000000000A")), (),
     EXCEPTION, ("unexpected: unreadable: EPC E2801160600002000000000A: header 0xE2 is neither "
                 "SGTIN-96 (0x30) nor SSCC-96 (0x31)",)),
    ("a product without GTIN read by RFID", PalletScan(P2, epcs=(tag(SER, 1),)), (),
     EXCEPTION, ("missing: row 5: 40 of BOLT-M8 have no GTIN, no tag can show them",
                 f"unexpected: EPC {tag(SER, 1)}: GTIN {SER} serial 1 is not noticed")),
    ("counted as noticed", PalletScan(P2, counted=(CountedLine("BOLT-M8", 40),)), (),
     RECEIVE, (f"pallet {P2} is as on notice ASN-7: 1 line of 1 product, receive it whole",)),
    ("counted short", PalletScan(P2, counted=(CountedLine("BOLT-M8", 38),)), (),
     EXCEPTION, ("count difference: BOLT-M8: 40 noticed, 38 counted",)),
    ("counted another product", PalletScan(P2, counted=(CountedLine("BOLT-M8", 40),
                                                        CountedLine("NUT-M8", 5))), (),
     EXCEPTION, ("unexpected: NUT-M8: 5 counted, not on the notice",)),
    ("nothing counted", PalletScan(P2, counted=()), (),
     EXCEPTION, ("missing: BOLT-M8: 40 noticed, none counted",)),
    ("another lot",
     PalletScan(P1, counted=(CountedLine(SER, 2), CountedLine("4006381333931", 3, "L-5"))),
     (), EXCEPTION, (f"missing: {BULK} lot L-4: 3 noticed, none counted",
                     f"unexpected: {BULK} lot L-5: 3 counted, not on the notice",
                     f"lot difference: {BULK} came as lot L-5, the notice says lot L-4")),
    ("counted without the lot",
     PalletScan(P1, counted=(CountedLine(SER, 2), CountedLine("4006381333931", 3))),
     (), EXCEPTION, (f"missing: {BULK} lot L-4: 3 noticed, none counted",
                     f"unexpected: {BULK}: 3 counted, not on the notice",
                     f"lot difference: {BULK} came as no lot, the notice says lot L-4")),
    ("a counted line without product", PalletScan(P2, counted=(CountedLine(" ", 3),)), (),
     REFUSED, ("counted line 1: no product",)),
    ("damaged", PalletScan(P2, damaged=True), (), EXCEPTION, (f"pallet {P2} reported damaged",)),
    ("not on the notice", PalletScan("006141410000000036"), (),
     EXCEPTION, ("pallet 006141410000000036 is not on notice ASN-7",)),
    ("scanned twice", PalletScan(P1), {P1}, REFUSED, (f"pallet {P1} was already received: "
                                                      "scanned twice",)),
    ("SSCC check digit", PalletScan(P1[:-1] + "9"), (),
     REFUSED, (f"SSCC {P1[:-1]}9 has a wrong check digit (2 expected)",)),
    ("a count of NaN", PalletScan(P2, counted=(CountedLine("BOLT-M8", float("nan")),)), (),
     REFUSED, ("counted line 1 (BOLT-M8): quantity nan is no number of units",)),
    ("a count as text", PalletScan(P2, counted=(CountedLine("BOLT-M8", "40"),)), (),
     REFUSED, ("counted line 1 (BOLT-M8): quantity '40' is no number of units",)),
    ("a negative count", PalletScan(P2, counted=(CountedLine("BOLT-M8", 40), CountedLine("X", -1))),
     (), REFUSED, ("counted line 2 (X): quantity -1 is no number of units",)),
    ("reads pushed as one text", PalletScan(P1, epcs="\n".join(ALL_TAGS) + "," + ALL_TAGS[0]), (),
     RECEIVE, (AS_NOTICED, "1 repeat read collapsed")),
    ("no SSCC and no pallet tag", PalletScan("", epcs=ALL_TAGS), (),
     REFUSED, ("0 pallet tags read (none): scan one",)),
    ("two pallet tags", PalletScan("", epcs=(PALLET_TAG, encode_sscc96(P2, 7))), (),
     REFUSED, (f"2 pallet tags read ({P1}, {P2}): scan one",)),
]  # fmt: skip


@pytest.mark.parametrize(("case", "scan", "received", "outcome", "reasons"), ROWS,
                         ids=[r[0] for r in ROWS])  # fmt: skip
def test_each_pallet_outcome_says_why(case, scan, received, outcome, reasons):
    check = check_pallet(NOTICE, scan, received)
    assert (check.outcome, check.reasons) == (outcome, reasons)


@given(st.lists(st.sampled_from(ALL_TAGS), min_size=5, max_size=40))
def test_repeat_reads_never_change_the_outcome(reads):
    check = check_pallet(NOTICE, PalletScan(P1, epcs=tuple(reads)))
    complete = set(reads) == set(ALL_TAGS)
    assert check.outcome == (RECEIVE if complete else EXCEPTION)
    assert check.duplicates == len(reads) - len(set(reads))
    assert len(check.missing) + len(check.reasons) >= 1
