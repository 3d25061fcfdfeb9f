"""Backlog against capacity per zone and hour: where the work due will outrun the people on
shift, found before it happens, and who could lend a hand.

Hours are slots counted from the current one (slot 0). For one zone, per slot:

    backlog_s   standard seconds of the open tasks due in the slot (overdue work: slot 0)
    shift_s     operator-seconds on shift in the slot (each operator's working time in it)
    capacity_s  shift_s x utilisation (breaks, walking to the zone, delays: UTILISATION)

Open work may be done before it is due, so the zone falls behind at slot h only when the
work due by the end of h is more than the capacity up to then:

    short_s[h] = max(0, sum(backlog_s[:h + 1]) - sum(capacity_s[:h + 1]))

A slot is flagged *peak* when short_s > 0, and *nobody* when work is due in it and no one
of the zone is on shift then (a shift with no one on it), even when earlier hours cover it.

>>> load = zone_hours("RES", [3600.0, 7200.0, 0.0], [3600.0, 3600.0, 0.0], [1, 1, 0],
...                   ["08:00", "09:00", "10:00"], utilisation=1.0)
>>> load.short_s.tolist()
[0.0, 3600.0, 3600.0]
>>> load.reasons[1]
'peak: 60 min of work due by 10:00 beyond the 1 operator on shift: 1.0 operator-hours short'
>>> balance([load, zone_hours("FWD", [0.0] * 3, [7200.0] * 3, [2] * 3,
...                           ["08:00", "09:00", "10:00"], utilisation=1.0)],
...         ["08:00", "09:00", "10:00"])[0].reason
'lend 1.0 operator-hours from FWD to RES before 10:00 (FWD has 4.0 h spare)'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: share of time on shift spent on tasks (the rest: breaks, briefings, walking to the zone)
UTILISATION = 0.85
#: a shortfall under this (s) is rounding, not a peak
TOLERANCE_S = 60.0


@dataclass(frozen=True, eq=False)
class ZoneHours:
    """One zone's hours: backlog, time on shift, capacity and cumulative shortfall (s), the
    operators on shift, each slot's flag ('', 'peak', 'nobody') and reason, and the first
    flagged slot (None: none)."""

    zone: str
    labels: tuple[str, ...]
    backlog_s: np.ndarray
    shift_s: np.ndarray
    people: np.ndarray
    capacity_s: np.ndarray
    short_s: np.ndarray
    flags: tuple[str, ...]
    reasons: tuple[str, ...]
    first_flag: int | None

    @property
    def reason(self) -> str:
        """The zone's headline: its first flag, or that its capacity covers the backlog."""
        if self.first_flag is None:
            total = self.backlog_s.sum() / 3600.0
            return f"{total:.1f} h of work due, covered by the operators on shift"
        return f"{self.labels[self.first_flag]}: {self.reasons[self.first_flag]}"


def zone_hours(
    zone: str,
    backlog_s: Sequence[float] | np.ndarray,
    shift_s: Sequence[float] | np.ndarray,
    people: Sequence[int] | np.ndarray,
    labels: Sequence[str],
    utilisation: float = UTILISATION,
) -> ZoneHours:
    """Flag ``zone``'s slots (see the module docstring). ``labels`` names each slot's start
    (e.g. "14:00"); the reasons say "by <next slot's label>". Arrays of different lengths,
    negative time or a utilisation outside (0, 1] raise ValueError."""
    due, on, crew = (np.asarray(a, dtype=float) for a in (backlog_s, shift_s, people))
    n = len(labels)
    if not (len(due) == len(on) == len(crew) == n):
        raise ValueError(f"zone {zone}: backlog, shift time, people and labels differ in length")
    if (due < 0).any() or (on < 0).any() or (crew < 0).any():
        raise ValueError(f"zone {zone}: backlog, shift time and people cannot be negative")
    if not 0.0 < utilisation <= 1.0:
        raise ValueError(f"utilisation must be in (0, 1], got {utilisation}")
    capacity = on * utilisation
    short = np.maximum(0.0, np.cumsum(due) - np.cumsum(capacity))
    short[short < TOLERANCE_S] = 0.0
    flags, reasons = [], []
    for h in range(n):
        until = labels[h + 1] if h + 1 < n else f"the end of {labels[h]}"
        if short[h] > 0:
            people_now = int(crew[h])
            flags.append("peak")
            reasons.append(
                f"peak: {short[h] / 60:.0f} min of work due by {until} beyond the "
                f"{people_now} operator{'s' if people_now != 1 else ''} on shift: "
                f"{short[h] / 3600:.1f} operator-hours short"
            )
        elif due[h] > 0 and crew[h] == 0:
            flags.append("nobody")
            reasons.append(
                f"no one on shift: {due[h] / 60:.0f} min of work due by {until}, "
                "done ahead by the hours before"
            )
        else:
            flags.append("")
            reasons.append(
                f"{due[h] / 60:.0f} min due, {capacity[h] / 60:.0f} min of capacity"
                if due[h] or capacity[h]
                else ""
            )
    first = next((h for h, f in enumerate(flags) if f), None)
    return ZoneHours(
        zone, tuple(labels), due, on, crew.astype(int), capacity, short, tuple(flags),
        tuple(reasons), first,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Lend:
    """Operator time (s) a zone with room to spare can lend one falling behind, before the
    slot ``by`` (index) ends, and why."""

    from_zone: str
    to_zone: str
    by: int
    seconds: float
    reason: str


def balance(loads: Sequence[ZoneHours], labels: Sequence[str]) -> list[Lend]:
    """Workload balancing across zones: for each zone falling behind (its first peak
    first), take the shortfall from zones whose capacity stays ahead of their own backlog
    at every later hour, most spare first. Lends never make the lender fall behind."""
    slack = {z.zone: np.cumsum(z.capacity_s) - np.cumsum(z.backlog_s) for z in loads}
    needy = sorted(
        (z for z in loads if z.short_s.any()), key=lambda z: int(np.argmax(z.short_s > 0))
    )
    lends = []
    for zone in needy:
        h = int(np.argmax(zone.short_s > 0))
        need = float(zone.short_s.max())
        donors = sorted(
            ((float(slack[d][h:].min()), d) for d in slack if d != zone.zone), reverse=True
        )
        for spare, donor in donors:
            if need <= 0 or spare < TOLERANCE_S:
                break
            amount = min(need, spare)
            slack[donor][h:] -= amount
            need -= amount
            until = labels[h + 1] if h + 1 < len(labels) else f"the end of {labels[h]}"
            why = (
                f"lend {amount / 3600:.1f} operator-hours from {donor} to {zone.zone} before "
                f"{until} ({donor} has {spare / 3600:.1f} h spare)"
            )
            lends.append(Lend(donor, zone.zone, h, amount, why))
    return lends
