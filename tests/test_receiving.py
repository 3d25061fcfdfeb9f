"""Receiving routes every unit once: hold, QC, cross-dock, put-away."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.execution.receiving import ReceiptLine, route_line


def test_an_inspected_vendor_sends_a_sample_to_qc():
    routing = route_line(ReceiptLine(received=100, vendor_inspected=True, qc_sample=5))
    assert (routing.qc, routing.putaway) == (5.0, 95.0)
    assert "the vendor is inspected" in routing.reason


def test_more_damaged_than_received_is_refused():
    with pytest.raises(ValueError, match="count the line again"):
        route_line(ReceiptLine(received=3, damaged=4))


@given(
    st.floats(0, 1e4), st.floats(0, 1), st.floats(0, 1e4), st.booleans(), st.booleans(),
    st.floats(0, 50),
)  # fmt: skip
def test_every_unit_goes_exactly_once(received, damaged_share, demand, first, inspected, sample):
    line = ReceiptLine(received, received * damaged_share, demand, first, inspected, sample)
    r = route_line(line)
    assert r.hold + r.qc + r.crossdock + r.putaway == pytest.approx(received)
    assert min(r.hold, r.qc, r.crossdock, r.putaway) >= 0
    assert r.crossdock <= demand + 1e-9
