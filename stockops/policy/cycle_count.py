"""Cycle-count planning: count each product as often as its class asks, with every working
day carrying about the same counting work.

Days are indices into the planning calendar's working days (0 = the first). A product
counted ``f`` times a year over a year of ``days_per_year`` working days is counted every
``interval = days_per_year / f`` days (a fraction: day numbers are rounded down, so the
year holds exactly ``f`` counts); the planner chooses the
first day (the *phase*) of each product, most frequent first, where the days it then
occupies over a working year carry the least work so far, never later than the day its
next count falls due; the plan returned is the first ``horizon_days`` of that year.
``effort`` is the work of one count of the product in any unit (bins holding it, minutes),
1 by default.

>>> plan = plan_counts(["A", "A", "B", "C"], horizon_days=20, days_per_year=240,
...                    counts_per_year={"A": 12, "B": 4, "C": 1})
>>> [int(d) for d in plan.days_of(0)], [int(d) for d in plan.days_of(1)]
([0], [1])
>>> plan.reason(0)
'A: 12 counts a year, every 20 working days; first on day 0'
>>> [int(d) for d in plan_counts(["B"], 120, days_per_year=250).days_of(0)]
[0, 62]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_COUNTS_PER_YEAR = {"A": 12, "B": 4, "C": 1}


@dataclass(frozen=True, eq=False)
class CountPlan:
    """Counts in the horizon: ``product`` and ``day`` (parallel arrays, one entry per
    count), the work per day, and per product its interval and first day (-1: not counted
    in the horizon) with the class and counts a year behind them."""

    product: np.ndarray
    day: np.ndarray
    load: np.ndarray
    interval: np.ndarray
    first_day: np.ndarray
    classes: tuple[str, ...]
    per_year: np.ndarray
    due: np.ndarray

    def days_of(self, i: int) -> np.ndarray:
        """The days product ``i`` is counted in the horizon."""
        return self.day[self.product == i]

    def reason(self, i: int) -> str:
        """Why product ``i`` is counted when it is."""
        cls, per_year = self.classes[i], int(self.per_year[i])
        if per_year <= 0:
            return f"{cls}: not counted (0 counts a year for class {cls})"
        head = f"{cls}: {per_year} counts a year, every {self.interval[i]:.3g} working days"
        if self.first_day[i] < 0:
            return f"{head}; none falls in the next {self.load.size} days"
        why = f"; first on day {int(self.first_day[i])}"
        if self.due[i] == 0:
            why += " (overdue: counted first)"
        elif self.due[i] > 0 and self.first_day[i] == self.due[i]:
            why += " (when it falls due)"
        return head + why


def plan_counts(
    classes: Sequence[str],
    horizon_days: int,
    days_per_year: int = 250,
    counts_per_year: Mapping[str, int] = DEFAULT_COUNTS_PER_YEAR,
    effort: Sequence[float] | np.ndarray | None = None,
    due_in_days: Sequence[int] | np.ndarray | None = None,
) -> CountPlan:
    """Plan the counts of products of the given ABC ``classes`` over the next
    ``horizon_days`` working days. ``due_in_days``: working days until each product's next
    count falls due (from its last count; 0 = due or overdue; negative or None = never
    counted, so any day of its first interval). Classes missing from ``counts_per_year``
    raise ValueError."""
    n = len(classes)
    if horizon_days < 1 or days_per_year < 1:
        raise ValueError("the horizon and the working year must be at least one day")
    unknown = sorted(set(classes) - set(counts_per_year))
    if unknown:
        raise ValueError(f"no count frequency for class(es) {', '.join(unknown)}")
    per_year = np.array([int(counts_per_year[c]) for c in classes], dtype=np.int64)
    if (per_year < 0).any() or (per_year > days_per_year).any():
        raise ValueError("counts a year must be between 0 and the working days of a year")
    if horizon_days > days_per_year:
        raise ValueError("plan at most a working year ahead")
    work = np.ones(n) if effort is None else np.asarray(effort, dtype=float)
    due = np.full(n, -1) if due_in_days is None else np.asarray(due_in_days, dtype=np.int64)
    interval = np.where(per_year > 0, days_per_year / np.maximum(per_year, 1), 0.0)

    # phases are chosen against the load of a whole working year, so yearly counts spread
    # over the year instead of piling into the horizon; the horizon is then read off it
    load = np.zeros(days_per_year)
    first_day = np.full(n, -1, dtype=np.int64)
    days_of = {}
    # most frequent (then most work) first: they have the fewest choices
    order = np.lexsort((-work, -per_year))
    for i in order:
        if per_year[i] == 0:
            continue
        latest = int(np.ceil(interval[i])) - 1 if due[i] < 0 else min(due[i], interval[i] - 1)
        phases = np.arange(int(latest) + 1)
        steps = np.arange(per_year[i]) * interval[i]
        grid = np.floor(phases[:, None] + steps[None, :]).astype(np.int64)
        grid = grid[grid[:, -1] < days_per_year]
        best = grid[int(np.argmin(load[grid].sum(axis=1)))]
        load[best] += work[i]
        days_of[i] = best[best < horizon_days]
        first_day[i] = best[0] if best[0] < horizon_days else -1

    counted = sorted(days_of)
    products = [np.full(days_of[i].size, i, dtype=np.int64) for i in counted]
    days = [days_of[i] for i in counted]
    load = load[:horizon_days]
    return CountPlan(
        product=np.concatenate(products) if products else np.zeros(0, dtype=np.int64),
        day=np.concatenate(days) if days else np.zeros(0, dtype=np.int64),
        load=load,
        interval=interval,
        first_day=first_day,
        classes=tuple(classes),
        per_year=per_year,
        due=due,
    )
