"""Tomorrow's staffing from today's actuals: how many operators each zone and shift needs.

Per row (one zone on one shift), in hours:

    workload    the larger of today's standard hours done there (the same day again) and
                the standard hours of the open tasks already due in that shift tomorrow
    performance today's standard over actual hours x 100 (100 when nothing was timed),
                kept within PERFORMANCE_BOUNDS_PCT so one odd day does not swing the roster
    needed      workload / (performance / 100): the hours the crew will actually take
    headcount   needed / (tomorrow's shift hours x utilisation), rounded up

>>> s = suggest_headcount([6.0], [7.5], [4.0], [8.0], utilisation=0.85)
>>> int(s.headcount[0]), round(float(s.needed_h[0]), 2)
(2, 7.5)
>>> s.reasons[0]
"6.0 standard h (today's again) at today's 80% = 7.5 h; 8 h shift x 85% = 6.8 h each"
>>> shift_of([7.0, 15.0, 23.5, 5.0], [(6.0, 14.0), (14.0, 22.0)]).tolist()
[0, 1, 1, 0]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from stockops.labor.capacity import UTILISATION

#: today's performance is trusted within these bounds (%)
PERFORMANCE_BOUNDS_PCT = (50.0, 200.0)


@dataclass(frozen=True, eq=False)
class Staffing:
    """Per row: operators suggested, workload (standard h), performance used (%), hours
    needed at that performance, and why."""

    headcount: np.ndarray
    workload_h: np.ndarray
    performance_pct: np.ndarray
    needed_h: np.ndarray
    reasons: tuple[str, ...]


def suggest_headcount(
    today_standard_h: Sequence[float] | np.ndarray,
    today_actual_h: Sequence[float] | np.ndarray,
    due_h: Sequence[float] | np.ndarray,
    shift_h: Sequence[float] | np.ndarray,
    utilisation: float = UTILISATION,
) -> Staffing:
    """Operators per (zone, shift) row for tomorrow (see the module docstring). Negative
    hours, rows of different lengths or a utilisation outside (0, 1] raise ValueError."""
    std, act, due, shift = (
        np.asarray(a, dtype=float) for a in (today_standard_h, today_actual_h, due_h, shift_h)
    )
    if not (len(std) == len(act) == len(due) == len(shift)):
        raise ValueError("today's standard and actual hours, due hours and shift hours differ")
    if any((a < 0).any() for a in (std, act, due, shift)):
        raise ValueError("hours cannot be negative")
    if not 0.0 < utilisation <= 1.0:
        raise ValueError(f"utilisation must be in (0, 1], got {utilisation}")
    low, high = PERFORMANCE_BOUNDS_PCT
    timed = (act > 0) & (std > 0)
    raw = np.where(timed, 100.0 * std / np.where(timed, act, 1.0), 100.0)
    perf = np.clip(raw, low, high)
    workload = np.maximum(std, due)
    needed = workload / (perf / 100.0)
    each = shift * utilisation
    heads = np.array(
        [math.ceil(n / e - 1e-9) if e > 0 else 0 for n, e in zip(needed, each, strict=True)],
        dtype=int,
    )
    reasons = []
    for i in range(len(std)):
        if workload[i] == 0:
            reasons.append("nothing done here today and nothing due tomorrow")
            continue
        source = "today's again" if std[i] >= due[i] else "already due"
        if not timed[i]:
            rate = "at standard (nothing timed today)"
        elif raw[i] != perf[i]:
            rate = f"at {perf[i]:.0f}% (today's {raw[i]:.0f}%, bounded)"
        else:
            rate = f"at today's {perf[i]:.0f}%"
        text = f"{workload[i]:.1f} standard h ({source}) {rate} = {needed[i]:.1f} h; "
        if each[i] > 0:
            text += f"{shift[i]:g} h shift x {utilisation:.0%} = {each[i]:.1f} h each"
        else:
            text += "the shift does not work tomorrow: move this work to another shift"
        reasons.append(text)
    return Staffing(heads, workload, perf, needed, tuple(reasons))


def shift_of(
    due_hour: Sequence[float] | np.ndarray, windows: Sequence[tuple[float, float]]
) -> np.ndarray:
    """Which shift each task due tomorrow falls to: the shift whose window (start, end
    hours of the day) holds its due hour, else the last shift ending before it, else the
    first shift of the day; -1 when there is no shift."""
    due = np.asarray(due_hour, dtype=float)
    out = np.full(len(due), -1, dtype=int)
    if not windows:
        return out
    starts = np.array([w[0] for w in windows])
    ends = np.array([w[1] for w in windows])
    first = int(np.argmin(starts))
    for i, h in enumerate(due):
        inside = np.flatnonzero((starts <= h) & (h < ends))
        before = np.flatnonzero(ends <= h)
        if inside.size:
            out[i] = int(inside[0])
        elif before.size:
            out[i] = int(before[np.argmax(ends[before])])
        else:
            out[i] = first
    return out
