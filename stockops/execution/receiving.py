"""Receiving: where each received unit goes first — hold, quality control, cross-dock or
put-away — by rule, with the reason.

Units are product units. For one receipt line, in this order:

1. damaged units (counted at the dock) go to **hold**;
2. a product's first receipt, or any receipt from a vendor under inspection, goes to
   **QC** whole (``qc_sample`` > 0 sends only that many units: a sample);
3. of the good units left, as many as open outbound demand still waits for go to
   **cross-dock** staging, to ship without entering storage;
4. the rest is **put away**.

>>> r = route_line(ReceiptLine(received=30, damaged=2, open_demand=5))
>>> r.hold, r.qc, r.crossdock, r.putaway
(2.0, 0.0, 5.0, 23.0)
>>> r.reason
'2 damaged to hold; 5 to cross-dock for waiting orders; 23 to put-away'
>>> route_line(ReceiptLine(received=10, first_receipt=True)).reason
"10 to QC: the product's first receipt"
"""

from __future__ import annotations

from dataclasses import dataclass

HOLD, QC, CROSSDOCK, PUTAWAY = "hold", "qc", "crossdock", "putaway"


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """What came in for one product: units received and found damaged, units of open
    outbound demand waiting for it, whether it is the product's first receipt, whether the
    vendor is under inspection, and the QC sample size (0: inspect everything)."""

    received: float
    damaged: float = 0.0
    open_demand: float = 0.0
    first_receipt: bool = False
    vendor_inspected: bool = False
    qc_sample: float = 0.0


@dataclass(frozen=True, slots=True)
class Routing:
    """Units to each destination (they add up to the units received) and why."""

    hold: float
    qc: float
    crossdock: float
    putaway: float
    reason: str


def route_line(line: ReceiptLine) -> Routing:
    """Split one receipt line over hold, QC, cross-dock and put-away (module docstring)."""
    if line.received < 0 or line.damaged < 0 or line.open_demand < 0:
        raise ValueError("received, damaged and demanded quantities cannot be negative")
    if line.damaged > line.received:
        raise ValueError(
            f"{line.damaged:g} damaged of {line.received:g} received: count the line again"
        )
    hold = float(line.damaged)
    good = line.received - hold
    parts = [f"{hold:g} damaged to hold"] if hold else []
    qc = 0.0
    if good and (line.first_receipt or line.vendor_inspected):
        qc = min(good, line.qc_sample) if line.qc_sample > 0 else good
        why = "the product's first receipt" if line.first_receipt else "the vendor is inspected"
        parts.append(f"{qc:g} to QC: {why}")
        good -= qc
    crossdock = min(good, float(line.open_demand))
    if crossdock:
        parts.append(f"{crossdock:g} to cross-dock for waiting orders")
    putaway = good - crossdock
    if putaway:
        parts.append(f"{putaway:g} to put-away")
    return Routing(hold, qc, crossdock, putaway, "; ".join(parts) or "nothing received")
