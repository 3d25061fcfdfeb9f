"""A shift's tasks queued on the operators: interleaving against a plain FIFO queue.

A day's work in the demo warehouse of ``scenario.generate(size)``: put-aways (receiving
dock -> reserve bin, forklift), replenishments (reserve -> forward bin, forklift), picks
(forward bin -> pack station, on foot) and cycle counts (a bin), 2,000 tasks due over an
8-hour shift, on 50 operators (15 forklift drivers, the rest pickers, home zones split
between forward and reserve). Ours: ``plan_shift`` (the next task is the cheapest from
where the operator is: interleaving). Baseline: the same engine in FIFO mode (the
earliest-due task the operator may take, wherever it is). Same tasks, same operators,
same layout; the figure is empty travel (m) with every task open at the start of the
shift (the case the target is set for); the same day with work released two hours
before it is due is printed too.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from bench.result import Result
from stockops import scenario
from stockops.labor.assign import Operator, Task, plan_shift
from stockops.labor.standards import standard_times_s
from stockops.layout import Aisle, Layout, Point

TASKS, OPERATORS, DRIVERS, SHIFT_S = 2_000, 50, 15, 8 * 3600.0
RELEASE_AHEAD_S = 2 * 3600.0  # work is released (waves, receipts) two hours before it is due
MIX = {"pick": 0.6, "putaway": 0.15, "replenish": 0.15, "count": 0.10}


def _day(size: str, seed: int = 3):
    sc = scenario.generate(size=size)
    layout = Layout(
        aisles=tuple(Aisle(a.name, a.x_m, a.y_start_m, a.y_end_m) for a in sc.aisles),
        cross_aisles_y_m=sc.cross_aisles_y_m,
    )
    by_zone: dict[str, list[Point]] = {}
    for b in sc.bins:
        by_zone.setdefault(b.zone_code, []).append(Point(b.x_m, b.y_m, b.z_m, b.aisle_name))
    rng = np.random.default_rng(seed)

    def one(zone: str) -> Point:
        places = by_zone[zone]
        return places[int(rng.integers(len(places)))]

    kinds = rng.choice(list(MIX), size=TASKS, p=list(MIX.values()))
    specs = []
    for kind in kinds:
        if kind == "pick":
            specs.append(("pick", one("FWD"), one("PACK"), "FWD", None, "cart"))
        elif kind == "putaway":
            specs.append(("putaway", one("RCV"), one("RES"), "RES", "forklift", "forklift"))
        elif kind == "replenish":
            specs.append(("replenish", one("RES"), one("FWD"), "RES", "forklift", "forklift"))
        else:
            zone = "FWD" if rng.random() < 0.5 else "RES"
            spot = one(zone)
            specs.append(("count", spot, spot, zone, None, "foot"))
    lines = rng.integers(1, 4, TASKS)
    units = rng.integers(1, 24, TASKS)
    handling = standard_times_s(
        [s[0] for s in specs], np.zeros(TASKS), lines, units, [s[5] for s in specs]
    ).handling_s
    due = np.sort(rng.uniform(1800.0, SHIFT_S, TASKS))
    tasks = [
        Task(i, k, a, b, zone=z, work_s=float(handling[i]), due_s=float(due[i]), skill=sk,
             equipment=eq, release_s=max(0.0, float(due[i]) - RELEASE_AHEAD_S))
        for i, (k, a, b, z, sk, eq) in enumerate(specs)
    ]  # fmt: skip
    operators = [
        Operator(j, one("PACK") if j >= DRIVERS else one("RCV"),
                 frozenset({"forklift"}) if j < DRIVERS else frozenset(),
                 "RES" if j < DRIVERS or j % 3 == 0 else "FWD")
        for j in range(OPERATORS)
    ]  # fmt: skip
    return layout, operators, tasks


def _compare(title: str, layout, operators, tasks):
    started = time.perf_counter()
    ours = plan_shift(operators, tasks, layout)
    ours_s = time.perf_counter() - started
    started = time.perf_counter()
    fifo = plan_shift(operators, tasks, layout, fifo=True)
    fifo_s = time.perf_counter() - started
    print(title)
    for name, plan, secs in (("interleaving", ours, ours_s), ("FIFO queue", fifo, fifo_s)):
        last = max(plan.finish_s.values()) / 3600.0
        print(
            f"  {name:13}: empty travel {plan.empty_travel_m / 1000:7.2f} km, "
            f"{plan.late_tasks:4d} late tasks, last task done after {last:4.1f} h, "
            f"planned in {secs * 1000:6.0f} ms"
        )
    saved = 1 - ours.empty_travel_m / fifo.empty_travel_m
    print(f"  empty travel saved by interleaving: {saved:.0%}")
    return ours, fifo, ours_s


def run(size: str) -> Result:
    layout, operators, tasks = _day(size)
    head = f"{len(tasks)} tasks, {len(operators)} operators ({DRIVERS} forklift drivers)"
    ours, fifo, secs = _compare(
        f"{head}, all open at the start of the shift:",
        layout, operators, [replace(t, release_s=0.0) for t in tasks],
    )  # fmt: skip
    saved = 1 - ours.empty_travel_m / fifo.empty_travel_m
    print(
        f"  targets: at least 20% less empty travel ({saved:.0%}: "
        f"{'met' if saved >= 0.2 else 'MISSED'}); {len(tasks):,} tasks on {len(operators)} "
        f"operators under 1 s ({secs:.2f} s: {'met' if secs < 1.0 else 'MISSED'})"
    )
    # overstaffed for work trickling in: queues stay short, so interleaving has less to
    # choose from; shown for honesty, not the figure reported
    _compare("the same, released two hours before due:", layout, operators, tasks)
    return Result(ours.empty_travel_m, "fifo-queue", fifo.empty_travel_m, "m")
