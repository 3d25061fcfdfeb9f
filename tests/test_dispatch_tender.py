"""Carrier tender windows and cut-offs: what makes today's collection and when to release."""

from datetime import datetime

import pytest

from stockops.dispatch.cutoff import check_tender

MONDAY_9 = datetime(2026, 11, 23, 9, 0)


def test_a_delivery_ready_after_the_cutoff_misses_it_by_so_many_minutes():
    check = check_tender(MONDAY_9, 16.0, scheduled=datetime(2026, 11, 23, 17, 0))
    assert check.misses_today
    assert check.cutoff == datetime(2026, 11, 23, 16, 0)
    assert check.reason == "ready 17:00, 60 min after the 16:00 cut-off: next collection Tue 24 Nov"


def test_work_left_to_do_pushes_the_ready_time_and_sets_the_release_time():
    # 15:00 now, 90 minutes of picking and packing: ready 16:30, half an hour too late
    check = check_tender(datetime(2026, 11, 23, 15, 0), 16.0, work_min=90)
    assert check.misses_today and check.ready_at == datetime(2026, 11, 23, 16, 30)
    assert check.release_by == datetime(2026, 11, 23, 14, 30)
    assert "30 min after the 16:00 cut-off" in check.reason


def test_the_tender_window_is_named_and_delays_the_tender_not_the_release():
    check = check_tender(MONDAY_9, 17.5, work_min=30, opens_hours=15.0)
    assert not check.misses_today
    assert check.ready_at == datetime(2026, 11, 23, 15, 0)
    assert check.release_by == datetime(2026, 11, 23, 17, 0)
    assert check.reason == "makes the 17:30 cut-off (tender window 15:00-17:30): release by 17:00"


def test_a_delivery_planned_for_tomorrow_never_misses_today():
    check = check_tender(MONDAY_9, 16.0, scheduled=datetime(2026, 11, 24, 18, 0))
    assert not check.misses_today
    assert check.cutoff == datetime(2026, 11, 25, 16, 0)
    assert check.reason.startswith("planned for Tue 24 Nov: missed today's 16:00 cut-off")


def test_friday_evening_rolls_to_monday_and_weekends_have_no_collection():
    friday = check_tender(datetime(2026, 11, 20, 15, 0), 16.0, scheduled=datetime(2026, 11, 20, 18))
    assert friday.misses_today and friday.reason.endswith("next collection Mon 23 Nov")
    saturday = check_tender(datetime(2026, 11, 21, 10, 0), 16.0)
    assert not saturday.misses_today and saturday.cutoff == datetime(2026, 11, 23, 16, 0)
    assert saturday.reason == "no collection today: next collection Mon 23 Nov"


def test_a_window_opening_after_the_cutoff_is_refused():
    with pytest.raises(ValueError, match="must open before"):
        check_tender(MONDAY_9, 16.0, opens_hours=16.5)
