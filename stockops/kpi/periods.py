"""The periods a scorecard reports on: days, ISO weeks (Monday to Sunday) or calendar months.

A period runs from its first day to the day before the next period starts. The period
holding ``today`` is reported *to date*: its figures cover the days up to and including
today only, so rates over days (turns, carrying cost) are not diluted by days to come.

>>> [str(p.start) for p in last_periods(date(2025, 3, 5), "week", 3)]
['2025-02-17', '2025-02-24', '2025-03-03']
>>> p = last_periods(date(2025, 3, 5), "month", 2)[-1]
>>> str(p.start), str(p.end), p.days, p.to_date
('2025-03-01', '2025-04-01', 5, True)
>>> period_index([date(2025, 2, 28), date(2025, 3, 2)], last_periods(date(2025, 3, 5), "month", 2))
[0, 1]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

PERIOD_KINDS = ("day", "week", "month")
#: how many periods a scorecard shows for its trend, per kind
TREND_LENGTH = {"day": 14, "week": 8, "month": 6}


@dataclass(frozen=True, slots=True)
class Period:
    """One reporting period: ``start`` (first day), ``end`` (first day after it), and the
    number of days measured (up to today for the running period)."""

    kind: str
    start: date
    end: date
    days: int
    to_date: bool


def period_start(day: date, kind: str) -> date:
    """First day of the period of ``kind`` holding ``day``."""
    if kind == "day":
        return day
    if kind == "week":
        return day - timedelta(days=day.weekday())
    if kind == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period kind {kind!r}: expected one of {', '.join(PERIOD_KINDS)}")


def next_start(start: date, kind: str) -> date:
    """First day of the period after the one starting on ``start``."""
    if kind == "day":
        return start + timedelta(days=1)
    if kind == "week":
        return start + timedelta(days=7)
    if kind == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    raise ValueError(f"unknown period kind {kind!r}: expected one of {', '.join(PERIOD_KINDS)}")


def last_periods(today: date, kind: str, count: int | None = None) -> list[Period]:
    """The ``count`` periods of ``kind`` ending with the one holding ``today``, oldest
    first (``count`` defaults to the trend length of the kind)."""
    count = TREND_LENGTH[kind] if count is None else count
    starts = [period_start(today, kind)]
    while len(starts) < count:
        starts.append(period_start(starts[-1] - timedelta(days=1), kind))
    periods = []
    for start in reversed(starts):
        end = next_start(start, kind)
        measured_end = min(end, today + timedelta(days=1))
        periods.append(Period(kind, start, end, (measured_end - start).days, start <= today < end))
    return periods


def period_index(days: Sequence[date], periods: Sequence[Period]) -> list[int]:
    """Index of the period holding each day (-1 outside them all)."""
    out = []
    for day in days:
        found = -1
        for i, period in enumerate(periods):
            if period.start <= day < period.end:
                found = i
                break
        out.append(found)
    return out
