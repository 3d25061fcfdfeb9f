"""Scorecard figures: hand-computed values, and nothing measured says so."""

from datetime import date

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


def test_carrying_cost_and_aged_share_against_hand_computed_values():
    # 628.57 held on average, 25 % a year, one week: 628.57 x 0.25 x 7 / 365
    assert kpi.carrying_cost(4400 / 7, 0.25, 7).value == pytest.approx(4400 * 0.25 / 365)
    assert kpi.aged_share(220.0, 520.0, 90).value == pytest.approx(220 / 520)
    assert kpi.carrying_cost(1000.0, 0.0, 7).value is None


def test_pick_accuracy_counts_only_what_no_count_or_review_cleared():
    figure = kpi.pick_accuracy_after_review(lines_picked=3, exceptions=2, cleared=1)
    assert figure.value == pytest.approx(2 / 3)
    assert figure.reason == "1 of 3 pick lines wrong: 2 exceptions, 1 cleared by a count or review"
    # more exceptions than lines never makes accuracy negative
    assert kpi.pick_accuracy_after_review(2, 5, 0).value == 0.0


@pytest.mark.parametrize(
    ("value", "higher", "expected"),
    [
        (0.98, True, "good"), (0.95, True, "warn"), (0.90, True, "bad"),
        (10.0, False, "good"), (30.0, False, "warn"), (60.0, False, "bad"),
    ],
)  # fmt: skip
def test_grade_colours_both_directions(value, higher, expected):
    good, warn = (0.97, 0.93) if higher else (24.0, 48.0)
    assert kpi.grade(value, good, warn, higher)[0] == expected


def test_grade_without_value_or_threshold_has_no_colour():
    assert kpi.grade(None, 1.0, 0.5, True) == (None, "not measured")
    assert kpi.grade(3.0, None, None, False) == (None, "no threshold set")


def test_on_time_in_full_needs_the_day_every_unit_and_no_backorder():
    day, before = date(2025, 3, 4), date(2025, 3, 3)
    assert kpi.is_on_time_in_full(day, day, 20, 20, False)
    assert not kpi.is_on_time_in_full(day, before, 20, 20, False)
    assert not kpi.is_on_time_in_full(day, day, 10, 8, False)
    assert not kpi.is_on_time_in_full(day, day, 10, 10, True)


def test_nothing_to_measure_names_what_was_missing():
    assert kpi.fill_rate(0, 0).reason == "nothing to measure: no units ordered"
    assert kpi.pick_accuracy_after_review(0, 0, 0).reason == (
        "nothing to measure: no pick lines confirmed"
    )
    assert kpi.space_utilisation(3.0, 0.0).reason == (
        "nothing to measure: no bins with a storage volume"
    )
