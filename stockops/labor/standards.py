"""Engineered labour standards: how long a warehouse task should take, and how an operator
did against it.

Expected time (s) = travel (walking or driving distance in m / speed of the equipment in
m/s) + the task type's fixed time + per-line time x lines + per-unit time x units.
Performance (%) = expected / actual x 100: above 100 is faster than standard.

>>> t = standard_times_s(["pick"], travel_m=[60.0], lines=[3], units=[10], equipment=["cart"])
>>> round(float(t.total_s[0]), 1)
142.7
>>> t.reason(0)
'pick: travel 60 m by cart at 0.9 m/s = 66.7 s + fixed 20 s + 3 lines x 12 s + 10 units x 2 s'
>>> performance_pct([120.0], [150.0]).tolist()
[80.0]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: travel speed per equipment (m/s), loaded, including turns and stops in the aisle
SPEED_M_S = {
    "foot": 1.0,
    "cart": 0.9,
    "pallet_jack": 1.2,
    "reach_truck": 1.8,
    "forklift": 2.2,
}


@dataclass(frozen=True, slots=True)
class Standard:
    """Handling times of a task type (s): once per task, per line, per unit."""

    fixed_s: float
    per_line_s: float
    per_unit_s: float


#: defaults from typical engineered standards of a case-and-each distributor (s)
DEFAULT_STANDARDS = {
    "pick": Standard(20.0, 12.0, 2.0),
    "putaway": Standard(45.0, 30.0, 1.0),
    "replenish": Standard(60.0, 30.0, 1.0),
    "count": Standard(30.0, 20.0, 1.5),
    "pack": Standard(40.0, 10.0, 4.0),
    "load": Standard(60.0, 0.0, 20.0),
    "returns": Standard(60.0, 30.0, 10.0),
}


@dataclass(frozen=True, eq=False)
class StandardTimes:
    """Expected seconds per task, split into travel and handling, with the inputs kept
    for the reasons."""

    total_s: np.ndarray
    travel_s: np.ndarray
    handling_s: np.ndarray
    kinds: tuple[str, ...]
    travel_m: np.ndarray
    lines: np.ndarray
    units: np.ndarray
    equipment: tuple[str, ...]
    speed_m_s: np.ndarray
    fixed_s: np.ndarray
    per_line_s: np.ndarray
    per_unit_s: np.ndarray

    def reason(self, i: int) -> str:
        """How task ``i``'s expected time is made up."""
        return (
            f"{self.kinds[i]}: travel {self.travel_m[i]:.0f} m by {self.equipment[i]} at "
            f"{self.speed_m_s[i]:g} m/s = {self.travel_s[i]:.1f} s + fixed "
            f"{self.fixed_s[i]:g} s + {int(self.lines[i])} lines x {self.per_line_s[i]:g} s + "
            f"{self.units[i]:g} units x {self.per_unit_s[i]:g} s"
        )


def standard_times_s(
    kinds: Sequence[str],
    travel_m: Sequence[float] | np.ndarray,
    lines: Sequence[int] | np.ndarray,
    units: Sequence[float] | np.ndarray,
    equipment: Sequence[str] | None = None,
    standards: Mapping[str, Standard] = DEFAULT_STANDARDS,
    speeds: Mapping[str, float] = SPEED_M_S,
) -> StandardTimes:
    """Expected time (s) of each task from its type, travel (m), lines and units, moving
    with its equipment ("foot" when not given). Unknown types or equipment, negative
    quantities or a speed that is not positive raise ValueError naming them."""
    n = len(kinds)
    gear = tuple(equipment) if equipment is not None else ("foot",) * n
    missing = sorted(set(kinds) - set(standards))
    if missing:
        raise ValueError(f"no labour standard for task type(s) {', '.join(missing)}")
    unknown = sorted(set(gear) - set(speeds))
    if unknown:
        raise ValueError(f"no travel speed for equipment {', '.join(unknown)}")
    dist, n_lines, n_units = (np.asarray(a, dtype=float) for a in (travel_m, lines, units))
    if (dist < 0).any() or (n_lines < 0).any() or (n_units < 0).any():
        raise ValueError("travel, lines and units cannot be negative")
    speed = np.array([speeds[g] for g in gear], dtype=float)
    if (speed <= 0).any():
        raise ValueError("a travel speed must be positive")
    fixed = np.array([standards[k].fixed_s for k in kinds])
    per_line = np.array([standards[k].per_line_s for k in kinds])
    per_unit = np.array([standards[k].per_unit_s for k in kinds])
    travel = dist / speed
    handling = fixed + per_line * n_lines + per_unit * n_units
    return StandardTimes(
        travel + handling, travel, handling, tuple(kinds), dist, n_lines, n_units, gear,
        speed, fixed, per_line, per_unit,
    )  # fmt: skip


def performance_pct(
    standard_s: Sequence[float] | np.ndarray, actual_s: Sequence[float] | np.ndarray
) -> np.ndarray:
    """Performance to standard (%): total expected over total actual seconds x 100, per
    element; NaN where no actual time was recorded."""
    std = np.asarray(standard_s, dtype=float)
    act = np.asarray(actual_s, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(act > 0, 100.0 * std / np.where(act > 0, act, 1.0), np.nan)
