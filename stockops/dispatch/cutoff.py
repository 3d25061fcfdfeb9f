"""When a parcel leaves: the carrier's daily cut-off, rolled to the next working day.

Times are naive local datetimes of the warehouse; the cut-off is given in hours of the
day (16.5 = 16:30), working days as ISO weekday numbers (Monday = 1).

>>> from datetime import datetime
>>> next_cutoff(datetime(2026, 11, 20, 15, 0), 16.5)   # a Friday, before the cut-off
Departure(cutoff=datetime.datetime(2026, 11, 20, 16, 30), reason='today, before the 16:30 cut-off')
>>> next_cutoff(datetime(2026, 11, 20, 17, 0), 16.5).cutoff   # too late: Monday
datetime.datetime(2026, 11, 23, 16, 30)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

WEEKDAYS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class Departure:
    """The cut-off a parcel ready at a given moment makes, and why that one."""

    cutoff: datetime
    reason: str


def next_cutoff(
    ready_at: datetime, cutoff_hours: float, working_days: tuple[int, ...] = WEEKDAYS
) -> Departure:
    """First cut-off at or after ``ready_at`` (hours of day, ISO working weekdays)."""
    if not 0.0 <= cutoff_hours < 24.0:
        raise ValueError(f"a cut-off is a time of day, not {cutoff_hours} h")
    if not working_days:
        raise ValueError("the carrier collects on no day of the week")
    minutes = round(cutoff_hours * 60)
    clock = time(minutes // 60, minutes % 60)
    label = clock.strftime("%H:%M")
    cutoff = datetime.combine(ready_at.date(), clock)
    missed = ready_at > cutoff
    if missed:
        cutoff += timedelta(days=1)
    while cutoff.isoweekday() not in working_days:
        cutoff += timedelta(days=1)
    if cutoff.date() == ready_at.date():
        return Departure(cutoff, f"today, before the {label} cut-off")
    why = f"missed today's {label} cut-off" if missed else "no collection today"
    return Departure(cutoff, f"{why}: next collection {cutoff:%a %d %b}")
