"""Backlog against capacity per zone and hour, and lending operators across zones."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.labor.capacity import balance, zone_hours

HOURS = ["06:00", "07:00", "08:00", "09:00"]


def test_work_done_ahead_is_no_peak():
    # 2 h due at 08:00, one operator from 06:00: the two hours before cover it
    load = zone_hours("FWD", [0, 0, 7200, 0], [3600] * 4, [1] * 4, HOURS, utilisation=1.0)
    assert load.first_flag is None
    assert load.short_s.tolist() == [0.0] * 4
    assert "covered" in load.reason


def test_the_first_hour_the_backlog_outruns_capacity_is_flagged():
    # 3 h due by 08:00 with one operator at 85 %: 3 - 3 x 0.85 = 0.45 h short at 08:00
    load = zone_hours("RES", [0, 0, 3 * 3600, 0], [3600] * 4, [1] * 4, HOURS)
    assert load.first_flag == 2
    assert load.short_s[2] == pytest.approx(3 * 3600 - 3 * 3600 * 0.85)
    assert load.flags[:3] == ("", "", "peak")
    assert load.reason.startswith("08:00: peak: 27 min of work due by 09:00 beyond the 1 operator")


def test_a_shift_with_no_one_on_it_is_flagged_even_when_covered_ahead():
    load = zone_hours("PACK", [0, 0, 0, 600], [3600, 3600, 0, 0], [1, 1, 0, 0], HOURS)
    assert load.flags == ("", "", "", "nobody")
    assert load.reasons[3].startswith("no one on shift: 10 min of work due")


def test_work_due_and_no_one_at_all_is_a_peak():
    load = zone_hours("RCV", [1800, 0, 0, 0], [0] * 4, [0] * 4, HOURS)
    assert load.first_flag == 0
    assert "beyond the 0 operators" in load.reasons[0]


@pytest.mark.parametrize(
    ("backlog", "shift", "people", "match"),
    [([1, 2], [1, 2, 3, 4], [1] * 4, "length"), ([-1, 0, 0, 0], [1] * 4, [1] * 4, "negative")],
)
def test_bad_input_is_named(backlog, shift, people, match):
    with pytest.raises(ValueError, match=match):
        zone_hours("X", backlog, shift, people, HOURS)


def test_a_zone_ahead_lends_to_a_zone_behind_without_falling_behind_itself():
    behind = zone_hours("RES", [0, 4 * 3600, 0, 0], [3600] * 4, [1] * 4, HOURS, utilisation=1.0)
    ahead = zone_hours("FWD", [0, 0, 0, 3 * 3600], [3600] * 4, [1] * 4, HOURS, utilisation=1.0)
    # RES: 4 h due by 08:00 against 2 h on shift: 2 h short. FWD has 2 h spare by 08:00, but
    # needs 3 of its 4 hours by 10:00: it can lend only 1 h
    [lend] = balance([behind, ahead], HOURS)
    assert (lend.from_zone, lend.to_zone, lend.by) == ("FWD", "RES", 1)
    assert lend.seconds == pytest.approx(3600.0)
    assert lend.reason == (
        "lend 1.0 operator-hours from FWD to RES before 08:00 (FWD has 1.0 h spare)"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.floats(0, 7200), min_size=4, max_size=4),
            st.lists(st.floats(0, 3 * 3600), min_size=4, max_size=4),
        ),
        min_size=2, max_size=4,
    )
)  # fmt: skip
def test_lending_never_puts_a_lender_behind(zones):
    loads = [
        zone_hours(f"Z{i}", due, on, [1] * 4, HOURS, utilisation=1.0)
        for i, (due, on) in enumerate(zones)
    ]
    capacity = {z.zone: z.capacity_s.copy() for z in loads}
    for lend in balance(loads, HOURS):
        assert lend.seconds > 0 and lend.from_zone != lend.to_zone
        capacity[lend.from_zone][lend.by] -= lend.seconds
        capacity[lend.to_zone][lend.by] += lend.seconds
    for z in loads:
        if not z.short_s.any():
            behind = np.cumsum(z.backlog_s) - np.cumsum(capacity[z.zone])
            assert (behind <= 60.0 + 1e-6).all(), (z.zone, behind)
