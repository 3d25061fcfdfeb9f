"""RFID tags decode as the GS1 EPC Tag Data Standard says: the published SGTIN-96 and
SSCC-96 examples, any key round-trips through the encoder, and every bad read is refused
with a sentence naming the read."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.execution.inbound import (
    EpcError,
    count_bin,
    decode_epc,
    encode_sgtin96,
    encode_sscc96,
    read_tags,
    unknown_prefixes,
)
from stockops.scenario.barcodes import gs1_check_digit

TDS_SGTIN = "3074257BF7194E4000001A85"  # urn:epc:tag:sgtin-96:3.0614141.812345.6789
TDS_SSCC = "3174257BF4499602D2000000"  # urn:epc:tag:sscc-96:3.0614141.1234567890


def test_the_tds_sgtin96_example_is_gtin_80614141123458_serial_6789():
    epc = decode_epc(TDS_SGTIN)
    assert epc.uri == "urn:epc:id:sgtin:0614141.812345.6789"
    assert (epc.gtin, epc.serial, epc.filter, epc.company_prefix) == (
        "80614141123458", "6789", 3, "0614141"
    )  # fmt: skip
    assert encode_sgtin96("80614141123458", 6789, 7, 3) == TDS_SGTIN


def test_the_tds_sscc96_example_is_sscc_106141412345678908():
    epc = decode_epc(TDS_SSCC)
    assert epc.uri == "urn:epc:id:sscc:0614141.1234567890"
    assert (epc.sscc, epc.filter, epc.gtin) == ("106141412345678908", 3, "")
    assert encode_sscc96("106141412345678908", 7, 3) == TDS_SSCC
    assert epc.element_string == "00106141412345678908"


def test_a_read_in_lower_case_with_spaces_is_the_same_tag():
    assert decode_epc(" 3074 257b f719 4e40 0000 1a85\n").gtin == "80614141123458"


def _key(digits: str) -> str:
    return digits + gs1_check_digit(digits)


@given(
    st.text("0123456789", min_size=13, max_size=13),
    st.integers(0, (1 << 38) - 1),
    st.integers(6, 12),
    st.integers(0, 7),
)
def test_any_sgtin_round_trips(body, serial, prefix_length, filt):
    gtin = _key(body)
    epc = decode_epc(encode_sgtin96(gtin, serial, prefix_length, filt))
    assert (epc.gtin, epc.serial, epc.filter) == (gtin, str(serial), filt)
    assert epc.company_prefix == gtin[1 : 1 + prefix_length]
    assert epc.uri == f"urn:epc:id:sgtin:{gtin[1 : 1 + prefix_length]}.{epc.reference}.{serial}"


@given(st.text("0123456789", min_size=17, max_size=17), st.integers(6, 12), st.integers(0, 7))
def test_any_sscc_round_trips(body, prefix_length, filt):
    sscc = _key(body)
    epc = decode_epc(encode_sscc96(sscc, prefix_length, filt))
    assert (epc.sscc, epc.filter, epc.company_prefix) == (sscc, filt, sscc[1 : 1 + prefix_length])


def _raw(header, partition, field_bits, field, low=0):
    """A 96-bit EPC with any partition and field, even ones the standard forbids."""
    value = (header << 88) | (3 << 85) | (partition << 82)
    return f"{value | field << (82 - field_bits) | low:024X}"


REFUSED = [
    ("empty", "", "EPC '' is not hexadecimal"),
    ("not text", None, "EPC None: a read is text of 24 hex digits"),
    ("a G in it", "3074257BF7194E4000001A8G", "EPC '3074257BF7194E4000001A8G' is not hexadecimal"),
    ("20 digits", "3074257BF7194E400000", "EPC 3074257BF7194E400000: 20 hex digits, SGTIN-96 "
     "and SSCC-96 have 24"),
    ("a 128-bit read", TDS_SGTIN + "00000000", "32 hex digits, SGTIN-96 and SSCC-96 have 24"),
    ("a chip's TID", "E2801160600002000000000A", "EPC E2801160600002000000000A: header 0xE2 is "
     "neither SGTIN-96 (0x30) nor SSCC-96 (0x31)"),
    ("SGTIN-198", "36" + TDS_SGTIN[2:], "header 0x36 is neither"),
    ("partition 7", _raw(0x30, 7, 44, 1), "partition 7 is not in the table (0 to 6)"),
    ("prefix too long", _raw(0x30, 0, 44, (10**12) << 4),
     "company prefix 1000000000000 has more than 12 digits"),
    ("item reference too long", _raw(0x30, 5, 44, 10**6),
     "item reference 1000000 has more than 6 digits"),
    ("serial reference too long", _raw(0x31, 6, 58, 10**11),
     "serial reference 100000000000 has more than 11 digits"),
    ("SSCC reserved bits", TDS_SSCC[:-1] + "1", "the 24 reserved bits of an SSCC-96 are not zero"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "read", "sentence"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_bad_read_is_refused_with_its_reason(case, read, sentence):
    with pytest.raises(EpcError) as refused:
        decode_epc(read)
    assert sentence in str(refused.value)


def test_an_unknown_company_prefix_is_named():
    ours = decode_epc(TDS_SGTIN)
    theirs = decode_epc(encode_sgtin96("04012345000019", 5, 7))
    assert unknown_prefixes([ours, theirs], {"0614141"}) == [
        f"EPC {theirs.hex}: company prefix 4012345 is neither ours nor a vendor's"
    ]


def test_a_bin_count_lists_missing_unexpected_and_collapses_repeats():
    stray = encode_sgtin96("80614141123458", 9000, 7)
    reads = read_tags([TDS_SGTIN, TDS_SGTIN.lower(), stray, TDS_SGTIN, "E2801160"])
    count = count_bin([("80614141123458", "6789"), ("80614141123458", "6790")], reads)
    assert count.matched == (("80614141123458", "6789"),)
    assert count.missing == (("80614141123458", "6790"),)
    assert [t.serial for t in count.unexpected] == ["9000"]
    assert count.duplicates == 2
    assert count.reasons == (
        "2 tags expected, 2 read: 1 matched, 1 missing, 1 unexpected",
        "missing: GTIN 80614141123458 serial 6790",
        f"unexpected: GTIN 80614141123458 serial 9000 (EPC {stray})",
        "unreadable: EPC E2801160: 8 hex digits, SGTIN-96 and SSCC-96 have 24",
        "2 repeat reads collapsed",
    )


@given(st.lists(st.integers(0, 30), max_size=60))
def test_every_read_is_a_tag_a_repeat_or_refused(serials):
    reads = read_tags(encode_sgtin96("80614141123458", s, 7) for s in serials)
    assert len(reads.tags) == len(set(serials))
    assert len(reads.tags) + reads.duplicates == len(serials)
