"""Inbound by advance ship notice: SSCC pallets and RFID reads.

Decides whether a notice is well formed (every error at once, named by its line), what an
RFID tag identifies, and whether a pallet at the dock is as noticed (receive it whole and
break it down by product for put-away) or opens an exception with its reasons; counts a
bin from a bulk read. Reads a notice's text (CSV, GS1 XML despatch advice, JSON), hex EPCs,
counted lines, the SSCCs already received, the company prefixes known and how each product
is tracked (lot, serial); writes nothing.

Rooms: ``epc`` (TDS SGTIN-96 / SSCC-96 decoding), ``notice`` (the typed notice and its
checks), ``asn_csv``, ``asn_xml``, ``asn_json`` (the three ways a notice comes in),
``products`` (the notice against the catalogue), ``reads`` (bulk reads and bin counts),
``pallet`` (the pallet receipt check).

One call per user action:

- a notice file or post: :func:`parse_notice_csv`, :func:`parse_despatch_advice`,
  :func:`parse_notice_json` → :class:`NoticeResult` (a :class:`Notice`, or its errors);
- the notice against the catalogue (one read of products by GTIN and vendor code):
  :func:`check_products` → the lines whose product is unknown or lacks its lot or serial;
- a single tag scanned like a barcode: :func:`decode_epc` (raises :class:`EpcError`), then
  :func:`unknown_prefixes` with the company prefixes the adapter knows;
- a pallet at the dock: :func:`check_pallet` (notice, :class:`PalletScan`, SSCCs already
  received) → :class:`PalletCheck`;
- a bin counted by RFID: :func:`count_bin` (expected serials, :func:`read_tags`) →
  :class:`BinCount`.
"""

from stockops.execution.inbound.asn_csv import parse_notice_csv
from stockops.execution.inbound.asn_json import parse_notice_json
from stockops.execution.inbound.asn_xml import parse_despatch_advice
from stockops.execution.inbound.epc import (
    Epc,
    EpcError,
    decode_epc,
    encode_sgtin96,
    encode_sscc96,
    unknown_prefixes,
)
from stockops.execution.inbound.notice import (
    Notice,
    NoticeError,
    NoticeLine,
    NoticeResult,
    Pallet,
)
from stockops.execution.inbound.pallet import (
    EXCEPTION,
    RECEIVE,
    REFUSED,
    CountedLine,
    PalletCheck,
    PalletScan,
    ProductSplit,
    check_pallet,
)
from stockops.execution.inbound.products import check_products
from stockops.execution.inbound.reads import BinCount, Reads, count_bin, read_tags

__all__ = [
    "EXCEPTION",
    "RECEIVE",
    "REFUSED",
    "BinCount",
    "CountedLine",
    "Epc",
    "EpcError",
    "Notice",
    "NoticeError",
    "NoticeLine",
    "NoticeResult",
    "Pallet",
    "PalletCheck",
    "PalletScan",
    "ProductSplit",
    "Reads",
    "check_pallet",
    "check_products",
    "count_bin",
    "decode_epc",
    "encode_sgtin96",
    "encode_sscc96",
    "parse_despatch_advice",
    "parse_notice_csv",
    "parse_notice_json",
    "read_tags",
    "unknown_prefixes",
]
