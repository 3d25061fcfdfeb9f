"""Every posted movement lands in the ledger as the hand-off a supervisor would call it."""

import pytest

from stockops.execution.handoff import (
    EVENT_TYPES,
    Movement,
    classify_handoff,
    classify_handoffs,
)


@pytest.mark.parametrize(
    ("movement", "expected"),
    [
        (Movement("in", "incoming", None, "receiving"), "receipt"),
        (Movement("other", "incoming", None, None), "receipt"),
        (Movement("internal", "internal", "receiving", "reserve"), "putaway"),
        (Movement("internal", "internal", "qc", "forward"), "putaway"),
        (Movement("internal", "internal", "reserve", "forward"), "replenishment"),
        (Movement("pick", "internal", "forward", "pack"), "pick"),
        (Movement("pack", "internal", "pack", "shipping"), "pack"),
        (Movement("out", "outgoing", "shipping", None), "shipment"),
        (Movement("other", "outgoing", "forward", None), "shipment"),
    ],
)
def test_each_flow_step_is_its_own_handoff(movement, expected):
    assert classify_handoff(movement).event_type == expected


def test_moving_stock_into_hold_is_not_a_handoff():
    handoff = classify_handoff(Movement("internal", "internal", "reserve", "hold"))
    assert handoff.event_type is None
    assert "hold" in handoff.reason


def test_every_named_handoff_is_a_ledger_type():
    flows = [
        Movement(role, code, src, dst)
        for role in ("in", "pick", "pack", "out", "internal", "other")
        for code in ("incoming", "outgoing", "internal")
        for src in (None, "reserve", "forward", "receiving")
        for dst in (None, "reserve", "forward", "hold")
    ]
    assert {classify_handoff(m).event_type for m in flows} - {None} == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("movement", "expected"),
    [
        (Movement("in", "incoming", None, "reserve"), ["receipt", "putaway"]),
        (Movement("in", "incoming", None, "receiving"), ["receipt"]),
        (Movement("out", "outgoing", "forward", None), ["pick", "shipment"]),
        (Movement("out", "outgoing", "shipping", None), ["shipment"]),
        (Movement("internal", "internal", "reserve", "hold"), []),
    ],
)
def test_a_one_step_posting_confirms_both_of_its_handoffs(movement, expected):
    assert [h.event_type for h in classify_handoffs(movement)] == expected
