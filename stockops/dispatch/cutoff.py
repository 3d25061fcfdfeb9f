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


@dataclass(frozen=True, slots=True)
class TenderCheck:
    """Whether an open delivery makes today's cut-off, the latest release of its wave, why.

    ``cutoff`` is the collection it is measured against; ``release_by`` the latest moment
    its pick-and-pack work may start to make it; ``ready_at`` when its parcels can be
    tendered (never before the carrier's tender window opens).
    """

    cutoff: datetime
    release_by: datetime
    ready_at: datetime
    misses_today: bool
    reason: str


def _clock(hours: float) -> time:
    minutes = round(hours * 60)
    return time(minutes // 60, minutes % 60)


def check_tender(
    now: datetime,
    cutoff_hours: float,
    *,
    scheduled: datetime | None = None,
    work_min: float = 0.0,
    opens_hours: float | None = None,
    working_days: tuple[int, ...] = WEEKDAYS,
) -> TenderCheck:
    """Measure one open delivery against its carrier's cut-off (naive local datetimes).

    ``scheduled`` is when the goods are planned to be ready (None: now); ``work_min`` the
    minutes of picking and packing still to do; ``opens_hours`` when the carrier starts
    taking tenders (its window runs from then to the cut-off). A delivery planned for a
    later day is measured against that day's collection and never misses today's.

    >>> monday_9 = datetime(2026, 11, 23, 9, 0)
    >>> check_tender(monday_9, 16.0, scheduled=datetime(2026, 11, 23, 17, 0)).reason
    'ready 17:00, 60 min after the 16:00 cut-off: next collection Tue 24 Nov'
    >>> ok = check_tender(monday_9, 16.0, work_min=90, opens_hours=14.0)
    >>> ok.misses_today, ok.release_by.strftime("%H:%M"), ok.reason
    (False, '14:30', 'makes the 16:00 cut-off (tender window 14:00-16:00): release by 14:30')
    """
    if opens_hours is not None and not 0.0 <= opens_hours < cutoff_hours:
        raise ValueError(f"the tender window must open before the {cutoff_hours} h cut-off")
    work = timedelta(minutes=max(work_min, 0.0))
    start = max(now, scheduled) if scheduled else now
    if start.date() > now.date() or now.isoweekday() not in working_days:
        departure = next_cutoff(start + work, cutoff_hours, working_days)
        planned = "" if start.date() == now.date() else f"planned for {start:%a %d %b}: "
        reason = f"{planned}{departure.reason}"
        return TenderCheck(departure.cutoff, departure.cutoff - work, start + work, False, reason)
    cutoff = datetime.combine(now.date(), _clock(cutoff_hours))
    label = cutoff.strftime("%H:%M")
    ready = start + work
    window = ""
    if opens_hours is not None:
        opens = datetime.combine(now.date(), _clock(opens_hours))
        ready = max(ready, opens)
        window = f" (tender window {opens:%H:%M}-{label})"
    release_by = cutoff - work
    if ready <= cutoff:
        release = f": release by {release_by:%H:%M}" if work else ""
        return TenderCheck(
            cutoff, release_by, ready, False, f"makes the {label} cut-off{window}{release}"
        )
    late = int((ready - cutoff).total_seconds() // 60)
    following = next_cutoff(cutoff + timedelta(minutes=1), cutoff_hours, working_days)
    reason = (
        f"ready {ready:%H:%M}, {late} min after the {label} cut-off: "
        f"next collection {following.cutoff:%a %d %b}"
    )
    return TenderCheck(cutoff, release_by, ready, True, reason)
