"""Task assignment: which task an operator does next, and a shift's queues built from it.

Times are seconds from now, distances metres. Each task starts at one place (the bin to
pick, the dock to collect a pallet from) and ends at another (the pack station, the
reserve bin); the walk from where an operator is to where a task starts is *empty
travel*, the waste interleaving cuts: after a put-away ends deep in the racks, the next
task should start near there, not back at the dock.

An operator may take a task when they have its skill. Among those, the next task is the
one with the lowest cost, in seconds:

    empty travel / speed
    + ZONE_PENALTY_S when the task is outside the operator's home zone
    - URGENCY_WEIGHT x (how far its slack is under URGENCY_WINDOW_S, at most the window)

where slack is the due time minus when the task would finish if started now: the nearest
task wins unless another is due soon (or late), which then goes first. A shift's queues are
built the way the floor runs: whoever becomes free first asks for their next task.

>>> from stockops.layout import Aisle, Layout, Point
>>> layout = Layout((Aisle("A1", 2.0, 10.0, 40.0), Aisle("A2", 7.0, 10.0, 40.0)), (10.0, 40.0))
>>> dock, pack = Point(2.0, 0.0), Point(7.0, 0.0)
>>> tasks = [Task(1, "putaway", dock, Point(2.0, 38.0, aisle="A1"), work_s=60.0),
...          Task(2, "pick", Point(7.0, 12.0, aisle="A2"), pack, work_s=30.0),
...          Task(3, "pick", Point(2.0, 36.0, aisle="A1"), pack, work_s=30.0)]
>>> plan = plan_shift([Operator(7, dock)], tasks, layout)
>>> plan.queues[7]
(1, 3, 2)
>>> plan.reasons[3]
'2 m of empty travel from the end of task 1 (interleaved)'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from stockops.labor.standards import SPEED_M_S
from stockops.layout import Layout, Point, distances_m, travel_distance_m

ZONE_PENALTY_S = 30.0
URGENCY_WEIGHT = 0.5
URGENCY_WINDOW_S = 1800.0
INTERLEAVE_M = 15.0


@dataclass(frozen=True, slots=True)
class Task:
    """A directed movement: where it starts and ends, its standard handling time (s,
    travel excluded), due time (s from now; inf: none), when it is released (s from now:
    it cannot start before), required skill and equipment."""

    id: int
    kind: str
    start: Point
    end: Point
    zone: str | None = None
    work_s: float = 0.0
    due_s: float = math.inf
    skill: str | None = None
    equipment: str = "foot"
    release_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Operator:
    """Someone on shift: where they are, their skills, home zone and when they are free
    (s from now)."""

    id: int
    position: Point
    skills: frozenset[str] = frozenset()
    zone: str | None = None
    free_at_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Plan:
    """Task ids per operator in the order done, every task's start and finish (s), the
    empty travel (m) in all, lateness (s) in all, the tasks left out with why, and why
    each task went where it did."""

    queues: dict[int, tuple[int, ...]]
    start_s: dict[int, float]
    finish_s: dict[int, float]
    empty_travel_m: float
    late_s: float
    late_tasks: int
    unassigned: dict[int, str]
    reasons: dict[int, str]


def _speed(task: Task, speeds: Mapping[str, float]) -> float:
    try:
        return speeds[task.equipment]
    except KeyError:
        raise ValueError(f"task {task.id}: no travel speed for {task.equipment!r}") from None


class _Floor:
    """Distances between every task end / operator position and every task start,
    computed once (m)."""

    def __init__(self, layout: Layout, operators: Sequence[Operator], tasks: Sequence[Task]):
        starts = [t.start for t in tasks]
        places = [o.position for o in operators] + [t.end for t in tasks]
        self.to_start = distances_m(layout, places, starts)
        self.own = np.array([travel_distance_m(layout, t.start, t.end) for t in tasks])


def plan_shift(
    operators: Sequence[Operator],
    tasks: Sequence[Task],
    layout: Layout,
    *,
    pinned: Mapping[int, int] | None = None,
    fifo: bool = False,
    max_tasks: int | None = None,
    speeds: Mapping[str, float] = SPEED_M_S,
) -> Plan:
    """Queue ``tasks`` on ``operators``: repeatedly, the operator free first takes their
    cheapest allowed task (see the module docstring). ``pinned`` maps task id -> operator
    id: a supervisor's choice, done by that operator before anything else. ``fifo=True``
    is the plain queue baseline: the earliest-due allowed task, wherever it is;
    ``max_tasks`` stops after that many assignments. A task no operator may take is left
    out with the reason; none is given twice."""
    pinned = dict(pinned or {})
    op_index = {o.id: j for j, o in enumerate(operators)}
    unknown = sorted(op for op in pinned.values() if op not in op_index)
    if unknown:
        raise ValueError(f"tasks pinned to operators not on shift: {unknown}")
    n = len(tasks)
    floor = _Floor(layout, operators, tasks)
    speed = np.array([_speed(t, speeds) for t in tasks]) if n else np.zeros(0)
    work = np.array([t.work_s for t in tasks], dtype=float)
    due = np.array([t.due_s for t in tasks], dtype=float)
    release = np.array([t.release_s for t in tasks], dtype=float)
    to_start_s = floor.to_start / speed if n else floor.to_start
    # once started: the task's own handling and its walk from start to end
    body_s = work + floor.own / speed if n else work
    order_fifo = np.lexsort((np.arange(n), due))
    rank = np.empty(n)
    rank[order_fifo] = np.arange(n)
    allowed = np.array(
        [[t.skill is None or t.skill in o.skills for t in tasks] for o in operators], dtype=bool
    ).reshape(len(operators), n)
    outside = np.array(
        [[o.zone is not None and t.zone is not None and t.zone != o.zone for t in tasks]
         for o in operators], dtype=bool,
    ).reshape(len(operators), n)  # fmt: skip
    zone_cost = ZONE_PENALTY_S * outside
    pinned_to = np.full(n, -1)
    for i, t in enumerate(tasks):
        if t.id in pinned:
            pinned_to[i] = op_index[pinned[t.id]]

    unassigned = {}
    for i, t in enumerate(tasks):
        if pinned_to[i] < 0 and not allowed[:, i].any():
            unassigned[t.id] = f"no operator on shift has the skill {t.skill!r}"
    open_ = np.array([t.id not in unassigned for t in tasks], dtype=bool)
    clock = np.array([o.free_at_s for o in operators], dtype=float)
    last: list[int | None] = [None] * len(operators)
    active = np.ones(len(operators), dtype=bool)
    queues: dict[int, list[int]] = {o.id: [] for o in operators}
    start_s, finish_s, reasons = {}, {}, {}
    empty_m = late = 0.0
    late_count = 0
    budget = n if max_tasks is None else max_tasks
    while open_.any() and active.any() and len(start_s) < budget:
        j = int(np.argmin(np.where(active, clock, np.inf)))
        mine = open_ & (pinned_to == j)
        eligible = mine if mine.any() else open_ & allowed[j] & (pinned_to < 0)
        if not eligible.any():
            active[j] = False
            continue
        ready = eligible & (release <= clock[j])
        if not ready.any():
            clock[j] = release[eligible].min()  # nothing released yet: wait for the next
            continue
        row = j if last[j] is None else len(operators) + last[j]
        dist = floor.to_start[row]
        finish = clock[j] + to_start_s[row] + body_s
        if fifo:
            cost = np.where(ready, rank, np.inf)
        else:
            urgency = np.clip(URGENCY_WINDOW_S - (due - finish), 0.0, URGENCY_WINDOW_S)
            cost = to_start_s[row] + zone_cost[j] - URGENCY_WEIGHT * urgency
            cost[~ready] = np.inf
        i = int(np.argmin(cost))
        task = tasks[i]
        op = operators[j]
        queues[op.id].append(task.id)
        start_s[task.id] = float(clock[j])
        finish_s[task.id] = float(finish[i])
        empty_m += float(dist[i])
        overdue = max(0.0, float(finish[i] - due[i]))
        late += overdue
        late_count += overdue > 0
        reasons[task.id] = _why(task, tasks, last[j], float(dist[i]), mine.any(), overdue, op)
        clock[j] = finish[i]
        last[j] = i
        open_[i] = False
    if max_tasks is None:
        for i in np.flatnonzero(open_):
            unassigned[tasks[i].id] = "no operator on shift may take it"
    return Plan(
        {k: tuple(v) for k, v in queues.items()}, start_s, finish_s, empty_m, late,
        late_count, unassigned, reasons,
    )  # fmt: skip


def _why(task, tasks, last, dist_m, pinned, overdue, op) -> str:
    where = "where they stood" if last is None else f"the end of task {tasks[last].id}"
    text = f"{dist_m:.0f} m of empty travel from {where}"
    if last is not None and dist_m <= INTERLEAVE_M and tasks[last].kind != task.kind:
        text += " (interleaved)"
    if pinned:
        text = f"pinned by a supervisor; {text}"
    if op.zone and task.zone and task.zone != op.zone:
        text += f"; outside home zone {op.zone}"
    if overdue:
        text += f"; {overdue / 60:.0f} min late"
    return text


def next_task(
    operator: Operator,
    tasks: Sequence[Task],
    layout: Layout,
    *,
    speeds: Mapping[str, float] = SPEED_M_S,
) -> tuple[int | None, str]:
    """The task ``operator`` should do next from where they stand, and why (None and the
    reason when they may take none)."""
    plan = plan_shift([operator], tasks, layout, max_tasks=1, speeds=speeds)
    queue = plan.queues[operator.id]
    if not queue:
        return None, "no open task this operator has the skills for"
    return queue[0], plan.reasons[queue[0]]
