"""Whatever a vendor sends or a reader reports, the inbound engine answers with a notice or
sentences, never a raw error: arbitrary text through every reader and the EPC decoder, and
any count of a pallet gives an outcome with its reasons."""

import math

from hypothesis import example, given
from hypothesis import strategies as st

from stockops.execution.inbound import (
    EXCEPTION,
    RECEIVE,
    CountedLine,
    EpcError,
    PalletScan,
    check_pallet,
    decode_epc,
    parse_despatch_advice,
    parse_notice_csv,
    parse_notice_json,
)

HEAD = "notice_ref,vendor_ref,sscc,gtin,product_code,quantity,lot,serial,expiry\n"
CELLS = st.text(st.characters(codec="utf-8"), max_size=12)
ROW = st.lists(CELLS, min_size=0, max_size=10).map(lambda cells: ",".join(cells))
TAGS = ["despatchAdvice", "despatchAdviceLogisticUnit", "sscc", "gtin", "despatchedQuantity"]


def _answers(result):
    assert (result.notice is None) != (not result.errors)
    assert all(str(error) for error in result.errors)


@given(st.lists(ROW, max_size=8))
def test_any_csv_gives_a_notice_or_its_errors(rows):
    _answers(parse_notice_csv(HEAD + "\n".join(rows)))


@given(st.text(max_size=200) | st.binary(max_size=200))
@example("\r0")  # a lone carriage return once made the csv module raise
def test_any_text_as_csv_or_xml_gives_a_notice_or_its_errors(text):
    _answers(parse_notice_csv(text))
    _answers(parse_despatch_advice(text))


@given(st.recursive(st.sampled_from(TAGS) | CELLS, lambda inner: st.lists(inner, max_size=4)))
def test_any_nesting_of_despatch_advice_tags_gives_a_notice_or_its_errors(tree):
    def xml(node):
        if isinstance(node, str):
            return node.replace("<", "").replace("&", "")
        tag = TAGS[len(node) % len(TAGS)]
        return f"<{tag}>{''.join(xml(child) for child in node)}</{tag}>"

    _answers(parse_despatch_advice(f"<despatchAdvice>{xml(tree)}</despatchAdvice>"))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | CELLS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(CELLS, inner, max_size=3),
)


@given(JSON, st.lists(st.dictionaries(st.sampled_from(["gtin", "quantity", "serial"]), JSON)))
def test_any_json_gives_a_notice_or_its_errors(anything, lines):
    _answers(parse_notice_json(anything))
    post = {"notice_ref": "A", "vendor_ref": "V", "pallets": [{"sscc": "1", "lines": lines}]}
    _answers(parse_notice_json(post))


@given(st.text(max_size=40))
def test_any_read_decodes_or_is_refused_with_a_sentence(read):
    try:
        decode_epc(read)
    except EpcError as error:
        assert str(error).startswith("EPC ")


PALLET = "006141410000000012"
NOTICE = parse_notice_csv(
    HEAD
    + f"A,V,{PALLET},4006381333931,,12,L-1,,\nA,V,{PALLET},,BOLT,40,,,\nA,V,{PALLET},,NUT,7.5,,,"
).notice


@given(st.lists(st.tuples(st.sampled_from(range(3)), st.floats(0, 50)), max_size=6))
@example([(0, 12.0), (1, 40.0), (2, 7.5)])
@example([(2, 2.5), (0, 12.0), (2, 5.0), (1, 40.0)])
def test_a_count_receives_exactly_when_it_equals_the_notice(counts):
    products = [("4006381333931", "L-1"), ("BOLT", ""), ("NUT", "")]
    counted = tuple(CountedLine(products[k][0], q, products[k][1]) for k, q in counts)
    check = check_pallet(NOTICE, PalletScan(PALLET, counted=counted))
    totals = [sum(q for k, q in counts if k == n) for n in range(3)]
    same = all(math.isclose(t, want) for t, want in zip(totals, (12, 40, 7.5), strict=True))
    assert check.outcome == (RECEIVE if same else EXCEPTION)
    assert sum(split.quantity for split in check.breakdown) == 59.5
