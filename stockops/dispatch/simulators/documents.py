"""Printable documents the simulators hand out: a tiny valid PDF and a ZPL II label.

>>> pdf = tiny_pdf(["Parcel 1 of 2", "TRACK 123"])
>>> pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
True
>>> zpl_label("fedex-sim", "794600000011", ["ACME", "Rotterdam"]).startswith("^XA")
True
"""

from __future__ import annotations

from collections.abc import Sequence


def _pdf_text(line: str) -> str:
    safe = line.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def tiny_pdf(lines: Sequence[str], width_pt: int = 288, height_pt: int = 432) -> bytes:
    """A one-page PDF (4x6 inch by default) with ``lines`` of Helvetica text.

    The cross-reference table carries exact byte offsets, so readers open it unrepaired.
    """
    text = ["BT", "/F1 14 Tf", f"18 {height_pt - 36} Td"]
    for n, line in enumerate(lines):
        if n:
            text.append("0 -20 Td")
        text.append(f"({_pdf_text(line)}) Tj")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt} {height_pt}] "
            "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
        ).encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


def zpl_label(carrier: str, tracking_number: str, lines: Sequence[str]) -> str:
    """A 4x6 inch ZPL II label: header, address lines and a Code 128 tracking barcode."""
    body = [f"^XA^CI28^CF0,40^FO40,40^FD{carrier.upper()}^FS^CF0,28"]
    for n, line in enumerate(lines):
        body.append(f"^FO40,{110 + 36 * n}^FD{line.replace('^', ' ')}^FS")
    body.append(f"^BY3^FO40,{150 + 36 * len(lines)}^BCN,160,Y,N,N^FD{tracking_number}^FS^XZ")
    return "".join(body)
