"""Scorecard figures: hand-computed values, and nothing measured says so."""

import pytest

from stockops import kpi


def test_rates_against_hand_computed_values():
    assert kpi.fill_rate(200, 190).value == pytest.approx(0.95)
    assert kpi.pick_accuracy(400, 6).value == pytest.approx(0.985)
    assert kpi.stockout_rate(1000, 25).value == pytest.approx(0.025)
    assert kpi.space_utilisation(450.0, 600.0).value == pytest.approx(0.75)
    assert kpi.lines_per_hour(300, 4.0).value == pytest.approx(75.0)
    assert kpi.mean_hours([2.0, 4.0, 9.0], "receipts put away").value == pytest.approx(5.0)
    assert kpi.inventory_turns(10_000.0, 5_000.0, 365).value == pytest.approx(2.0)


@pytest.mark.parametrize(
    "figure",
    [
        kpi.fill_rate(0, 0), kpi.otif(0, 0), kpi.lines_per_hour(3, 0.0),
        kpi.mean_hours([], "orders"), kpi.inventory_turns(5.0, 0.0, 30),
    ],
)  # fmt: skip
def test_nothing_to_measure_is_none_with_a_reason(figure):
    assert figure.value is None
    assert figure.reason.startswith("nothing to measure")
