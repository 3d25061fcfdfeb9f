"""Tomorrow's headcount per zone and shift from today's actuals."""

import pytest

from stockops.labor.staffing import shift_of, suggest_headcount


def test_a_slow_day_asks_for_more_people_tomorrow():
    # 12 standard h done today in 16 actual h (75 %): 16 h tomorrow, 8 h x 85 % = 6.8 h each
    slow = suggest_headcount([12.0], [16.0], [0.0], [8.0])
    assert slow.performance_pct[0] == pytest.approx(75.0)
    assert slow.needed_h[0] == pytest.approx(16.0)
    assert slow.headcount[0] == 3
    at_standard = suggest_headcount([12.0], [12.0], [0.0], [8.0])
    assert at_standard.headcount[0] == 2


def test_work_already_due_tomorrow_counts_when_it_is_more():
    staff = suggest_headcount([2.0], [2.0], [10.0], [8.0], utilisation=1.0)
    assert staff.workload_h[0] == 10.0
    assert staff.headcount[0] == 2
    assert "(already due)" in staff.reasons[0]


def test_nothing_timed_today_plans_at_standard():
    staff = suggest_headcount([0.0], [0.0], [6.0], [8.0], utilisation=0.75)
    assert staff.performance_pct[0] == 100.0
    assert staff.headcount[0] == 1
    assert "nothing timed today" in staff.reasons[0]


def test_an_odd_day_is_bounded():
    staff = suggest_headcount([10.0], [1.0], [0.0], [8.0])
    assert staff.performance_pct[0] == 200.0
    assert "bounded" in staff.reasons[0]


def test_a_shift_that_does_not_work_tomorrow_gets_no_one_and_says_so():
    staff = suggest_headcount([5.0], [5.0], [0.0], [0.0])
    assert staff.headcount[0] == 0
    assert "move this work to another shift" in staff.reasons[0]


def test_negative_hours_are_refused():
    with pytest.raises(ValueError, match="negative"):
        suggest_headcount([-1.0], [1.0], [0.0], [8.0])


def test_tasks_due_tomorrow_fall_to_the_shift_that_must_do_them():
    early, late = (6.0, 14.0), (14.0, 22.0)
    assert shift_of([6.0, 13.99, 14.0, 21.0, 22.5, 3.0], [early, late]).tolist() == [
        0, 0, 1, 1, 1, 0,
    ]  # fmt: skip
    assert shift_of([10.0], []).tolist() == [-1]


def test_no_work_says_so():
    staff = suggest_headcount([0.0], [0.0], [0.0], [8.0])
    assert staff.headcount[0] == 0
    assert staff.reasons[0] == "nothing done here today and nothing due tomorrow"
