"""Dock door appointments and the truck's loading order."""

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from stockops.dispatch.docks import DoorSchedule, Slot, check_slot, free_slots, peak_load
from stockops.dispatch.loading import LoadItem, loading_order

MONDAY = date(2026, 11, 23)
DOOR = DoorSchedule("Door 2", capacity=1, opens_hours=7.0, closes_hours=18.0)
WIDE = DoorSchedule("Door 5", capacity=2, opens_hours=6.5, closes_hours=22.0)


def at(hour, minute=0, day=MONDAY):
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour, minutes=minute)


def slot(start_h, end_h, ref=""):
    return Slot(at(0) + timedelta(hours=start_h), at(0) + timedelta(hours=end_h), ref)


def test_touching_appointments_share_a_one_truck_door():
    booked = [slot(8, 9, "Swift Freight")]
    assert check_slot(DOOR, slot(9, 10), booked).ok
    assert check_slot(DOOR, slot(7, 8), booked).ok


def test_a_double_booking_is_refused_with_the_clash_and_the_next_free_slot():
    booked = [slot(8, 9, "Swift Freight"), slot(9, 10.5, "Northwind")]
    check = check_slot(DOOR, slot(8.5, 9.5, "FedEx"), booked)
    assert not check.ok and check.peak == 2
    assert check.reason == (
        "Door 2 takes 1 truck at a time and 08:30-09:30 overlaps Swift Freight 08:00-09:00, "
        "Northwind 09:00-10:30; next free slot: Mon 23 Nov 10:30-11:30"
    )
    assert check.next_free == slot(10.5, 11.5)


def test_a_wide_door_takes_two_trucks_but_not_three():
    booked = [slot(8, 10, "A"), slot(9, 11, "B")]
    assert not check_slot(WIDE, slot(9.5, 10), booked).ok
    assert check_slot(WIDE, slot(10, 12), booked).ok  # A has left at 10:00
    assert "2 of 2" in check_slot(WIDE, slot(10, 12), booked).reason


def test_outside_opening_hours_or_on_a_closed_day_is_refused():
    early = check_slot(DOOR, slot(6, 7.5), [])
    assert not early.ok
    assert early.reason.startswith("Door 2 is open 07:00-18:00; 06:00-07:30 is outside")
    assert early.next_free == slot(7, 8.5)
    saturday = date(2026, 11, 28)
    closed = check_slot(DOOR, Slot(at(9, day=saturday), at(10, day=saturday)), [])
    assert not closed.ok and "closed on Saturdays" in closed.reason
    assert closed.next_free.start == at(7, day=date(2026, 11, 30))


def test_an_appointment_must_end_after_it_starts_on_the_same_day():
    assert "must end after it starts" in check_slot(DOOR, slot(10, 10), []).reason
    overnight = check_slot(WIDE, slot(21, 25), [])
    assert not overnight.ok and "same day" in overnight.reason


def test_free_slots_skip_the_booked_hours():
    free = free_slots(DOOR, MONDAY, [slot(7, 12)], timedelta(hours=2), timedelta(hours=1))
    assert [s.label() for s in free] == [f"{h}:00-{h + 2}:00" for h in range(12, 17)]


@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(1, 12)),  # start and length in 15-min steps
        max_size=25,
    ),
    st.integers(1, 3),
)
def test_accepted_appointments_never_exceed_the_door_capacity(requests, capacity):
    door = DoorSchedule("D", capacity=capacity, opens_hours=6.0, closes_hours=20.0)
    booked: list[Slot] = []
    for start, length in requests:
        wanted = Slot(
            at(6) + timedelta(minutes=15 * start), at(6) + timedelta(minutes=15 * (start + length))
        )
        check = check_slot(door, wanted, booked)
        if check.ok:
            booked.append(wanted)
        elif check.next_free is not None:  # the suggestion is always bookable
            assert check_slot(door, check.next_free, booked).ok
    day = Slot(at(0), at(24))
    assert peak_load(day, booked) <= capacity
    # brute force: count every appointment present at each quarter hour
    for quarter in range(24 * 4):
        instant = at(0) + timedelta(minutes=15 * quarter)
        present = sum(1 for b in booked if b.start <= instant < b.end)
        assert present <= capacity


def test_last_stop_is_loaded_first_route_by_route():
    items = [
        LoadItem("BOX-A", "North", 2),
        LoadItem("BOX-B", "South", 1),
        LoadItem("BOX-C", "North", 5),
        LoadItem("BOX-D", "North", 0),
        LoadItem("BOX-E", "South", 4),
        LoadItem("BOX-F", "North", 2),
    ]
    steps = loading_order(items)
    assert [s.reference for s in steps] == ["BOX-C", "BOX-A", "BOX-F", "BOX-D", "BOX-E", "BOX-B"]
    assert [s.position for s in steps] == [1, 2, 3, 4, 5, 6]
    reasons = {s.reference: s.reason for s in steps}
    assert reasons["BOX-C"] == (
        "route North: stop 5 is delivered last of 2 stops, so it is loaded first (1 of 4)"
    )
    assert reasons["BOX-D"] == "route North: no stop known: loaded last, by the doors (4 of 4)"
    assert reasons["BOX-B"].startswith("route South: stop 1 is delivered first of 2 stops")


@given(st.lists(st.tuples(st.sampled_from("XYZ"), st.integers(0, 9)), max_size=30))
def test_loading_order_is_a_permutation_with_stops_descending_per_route(raw):
    items = [LoadItem(f"P{i}", route, stop) for i, (route, stop) in enumerate(raw)]
    steps = loading_order(items)
    assert sorted(s.reference for s in steps) == sorted(i.reference for i in items)
    for route in "XYZ":
        stops = [s.stop if s.stop > 0 else -1 for s in steps if s.route == route]
        assert stops == sorted(stops, reverse=True)
