"""Dock door appointments: whether a truck may have a slot at a door, and which slots are free.

A door takes ``capacity`` trucks at once (one for most doors, two for a wide one) during
its opening hours on its working days. An appointment is a half-open interval
``[start, end)`` of naive local datetimes; two appointments that merely touch (one ends
at 10:00, the next starts at 10:00) do not overlap. Hours of the day are floats
(7.5 = 07:30), working days ISO weekday numbers (Monday = 1).

>>> from datetime import datetime as dt
>>> door = DoorSchedule("Door 1", capacity=1, opens_hours=7.0, closes_hours=18.0)
>>> booked = [Slot(dt(2026, 11, 23, 8, 0), dt(2026, 11, 23, 9, 0), "Swift Freight")]
>>> check_slot(door, Slot(dt(2026, 11, 23, 9, 0), dt(2026, 11, 23, 10, 0)), booked).ok
True
>>> late = check_slot(door, Slot(dt(2026, 11, 23, 8, 30), dt(2026, 11, 23, 9, 30)), booked)
>>> late.ok, late.next_free.label()
(False, '09:00-10:00')
>>> for part in late.reason.split("; "):
...     print(part)
Door 1 takes 1 truck at a time and 08:30-09:30 overlaps Swift Freight 08:00-09:00
next free slot: Mon 23 Nov 09:00-10:00
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

WEEKDAYS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class Slot:
    """A truck's time at a door, ``[start, end)``; ``reference`` names it in messages."""

    start: datetime
    end: datetime
    reference: str = ""

    def overlaps(self, other: Slot) -> bool:
        return self.start < other.end and other.start < self.end

    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True, slots=True)
class DoorSchedule:
    """A door's capacity (trucks at once), opening hours and working days."""

    name: str
    capacity: int = 1
    opens_hours: float = 7.0
    closes_hours: float = 18.0
    working_days: tuple[int, ...] = WEEKDAYS

    def opening(self, day: date) -> tuple[datetime, datetime]:
        """When the door opens and closes on ``day``."""
        return _at(day, self.opens_hours), _at(day, self.closes_hours)


@dataclass(frozen=True, slots=True)
class SlotCheck:
    """Whether a slot may be booked, the peak of trucks it would make, and why."""

    ok: bool
    peak: int
    reason: str
    next_free: Slot | None = None


def _at(day: date, hours: float) -> datetime:
    minutes = round(hours * 60)
    if minutes >= 24 * 60:
        return datetime.combine(day + timedelta(days=1), time.min)
    return datetime.combine(day, time(minutes // 60, minutes % 60))


def _trucks(s: int) -> str:
    return "1 truck" if s == 1 else f"{s} trucks"


def peak_load(window: Slot, booked: Sequence[Slot]) -> int:
    """Most appointments of ``booked`` at the door at one instant inside ``window``.

    A sweep over start and end times; an end at the same instant as a start is counted
    first, so touching appointments never add up.

    >>> from datetime import datetime as dt
    >>> a = Slot(dt(2026, 1, 5, 8), dt(2026, 1, 5, 10))
    >>> b = Slot(dt(2026, 1, 5, 9), dt(2026, 1, 5, 11))
    >>> c = Slot(dt(2026, 1, 5, 10), dt(2026, 1, 5, 12))
    >>> peak_load(Slot(dt(2026, 1, 5, 7), dt(2026, 1, 5, 13)), [a, b, c])
    2
    """
    edges: list[tuple[datetime, int]] = []
    for slot in booked:
        if slot.overlaps(window):
            edges.append((max(slot.start, window.start), 1))
            edges.append((min(slot.end, window.end), -1))
    edges.sort(key=lambda edge: (edge[0], edge[1]))
    load = peak = 0
    for _at_time, step in edges:
        load += step
        peak = max(peak, load)
    return peak


def free_slots(
    door: DoorSchedule,
    day: date,
    booked: Sequence[Slot],
    length: timedelta,
    step: timedelta = timedelta(minutes=30),
) -> list[Slot]:
    """Every slot of ``length`` on ``day``, starting each ``step``, the door still takes."""
    if day.isoweekday() not in door.working_days or length <= timedelta(0):
        return []
    opens, closes = door.opening(day)
    out, start = [], opens
    while start + length <= closes:
        slot = Slot(start, start + length)
        if peak_load(slot, booked) < door.capacity:
            out.append(slot)
        start += step
    return out


def next_free_slot(
    door: DoorSchedule, after: datetime, booked: Sequence[Slot], length: timedelta, days: int = 7
) -> Slot | None:
    """The first slot of ``length`` starting at or after ``after`` within ``days`` days."""
    for offset in range(days + 1):
        day = after.date() + timedelta(days=offset)
        for slot in free_slots(door, day, booked, length):
            if slot.start >= after:
                return slot
    return None


def check_slot(door: DoorSchedule, slot: Slot, booked: Sequence[Slot]) -> SlotCheck:
    """May ``slot`` be booked at ``door`` beside ``booked`` (the door's other appointments)?

    Refused, with the reason and the next free slot of the same length: a slot that ends
    before it starts, spans two days, falls outside the opening hours or on a day the
    door is closed, or would put more trucks at the door than its capacity.
    """
    if door.capacity < 1:
        return SlotCheck(False, 0, f"{door.name} takes no trucks (capacity {door.capacity})")
    if slot.end <= slot.start:
        return SlotCheck(False, 0, f"an appointment must end after it starts ({slot.label()})")
    length = slot.end - slot.start
    day = slot.start.date()
    opens, closes = door.opening(day)
    problem = ""
    if day.isoweekday() not in door.working_days:
        problem = f"{door.name} is closed on {day:%A}s"
    elif slot.end > datetime.combine(day + timedelta(days=1), time.min):
        problem = f"an appointment must start and end on the same day ({slot.label()})"
    elif slot.start < opens or slot.end > closes:
        problem = f"{door.name} is open {opens:%H:%M}-{closes:%H:%M}; {slot.label()} is outside"
    peak = 0
    if not problem:
        peak = peak_load(slot, booked) + 1
        if peak > door.capacity:
            clashes = [b for b in booked if b.overlaps(slot)]
            names = ", ".join(f"{b.reference or 'an appointment'} {b.label()}" for b in clashes)
            problem = (
                f"{door.name} takes {_trucks(door.capacity)} at a time and "
                f"{slot.label()} overlaps {names}"
            )
    if not problem:
        load = f"{peak} of {door.capacity}" if door.capacity > 1 else "the door to itself"
        return SlotCheck(True, peak, f"{door.name} {slot.start:%a %d %b} {slot.label()}: {load}")
    free = next_free_slot(door, slot.start, booked, length)
    if free is None:
        return SlotCheck(False, peak, f"{problem}; no free slot of that length within a week")
    hint = f"next free slot: {free.start:%a %d %b} {free.label()}"
    return SlotCheck(False, peak, f"{problem}; {hint}", free)
