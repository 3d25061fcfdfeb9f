"""A parcel ready after the cut-off, or on a day without collection, waits for the next one."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.dispatch.cutoff import next_cutoff


def test_saturday_parcel_leaves_monday():
    departure = next_cutoff(datetime(2026, 11, 21, 9, 0), 16.0)
    assert departure.cutoff == datetime(2026, 11, 23, 16, 0)
    assert "no collection today" in departure.reason


def test_saturday_collection_counts_when_the_carrier_works_saturdays():
    departure = next_cutoff(datetime(2026, 11, 21, 9, 0), 12.0, working_days=(1, 2, 3, 4, 5, 6))
    assert departure.cutoff == datetime(2026, 11, 21, 12, 0)


def test_exactly_at_cutoff_still_makes_it():
    assert next_cutoff(datetime(2026, 11, 23, 16, 0), 16.0).cutoff.day == 23


def test_nonsense_cutoff_is_refused():
    with pytest.raises(ValueError, match="time of day"):
        next_cutoff(datetime(2026, 11, 23, 9, 0), 25.0)


@given(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
    st.floats(0, 23.9),
)
def test_cutoff_is_never_before_ready_and_within_a_week(ready, hours):
    departure = next_cutoff(ready, hours)
    assert ready <= departure.cutoff
    assert (departure.cutoff - ready).days <= 3
    assert departure.cutoff.isoweekday() <= 5
