"""Picker routes: metres per tour against S-shape on the demo warehouse, and the gap to the
proven optimum on independent layouts with several blocks.

Demo: 300 random lists of 5 to 40 rack bins of ``scenario.generate(size)`` (seeded), tours
from pack station P1 and back, on the demo layout as it is (for ``default`` and ``large``
three cross aisles, so two blocks) and on the same aisles with only the front and back
cross aisles (one block). Ours is ``route(..., method="auto")``; the classic heuristics
are the baselines.

Independent layouts (seeded, nothing shared with the demo): 3 or 4 cross aisles, 5 to 14
aisles 3 to 6 m apart, blocks 10 to 30 m deep, a depot in front of the block; pick lists
of 10 to 30 distinct spots in aisles, and the same lists with 1 to 3 stops on the open
floor in front of the racks (where the aisle sweep does not apply: Held-Karp up to 15
spots, the iterated local search above). Each tour is compared with the optimum of an
integer programme solved by HiGHS (``bench/tsp_exact.py``, needs scipy: the optional
``bench`` extra); gap = ours / optimum - 1. The heuristic alone (``method="heuristic"``)
is measured on the same lists. Figure: total metres of ours over the independent lists
(both kinds) against the optimum's (ratio 1 = every tour optimal).
"""

from __future__ import annotations

import time

import numpy as np

from bench.result import Result
from bench.tsp_exact import have_scipy, optimum_m
from stockops import scenario
from stockops.execution.routing import combined, largest_gap, route, s_shape
from stockops.execution.routing.exact import held_karp
from stockops.layout import Aisle, Layout, Point, distance_matrix_m

N_LISTS = 300
SIZES = (5, 40)
#: independent layouts per bench size
INDEPENDENT = {"small": 40, "default": 120, "large": 240}
SPOTS = (10, 30)


def _demo(size: str):
    sc = scenario.generate(size=size)
    aisles = tuple(Aisle(a.name, a.x_m, a.y_start_m, a.y_end_m) for a in sc.aisles)
    demo = Layout(aisles=aisles, cross_aisles_y_m=sc.cross_aisles_y_m)
    single = Layout(aisles=aisles, cross_aisles_y_m=(demo.front_y_m, demo.back_y_m))
    bins = [Point(b.x_m, b.y_m, b.z_m, b.aisle_name) for b in sc.bins if b.aisle_name]
    pack = next(b for b in sc.bins if b.zone_code == "PACK")
    rng = np.random.default_rng(7)
    lists = [
        [bins[i] for i in rng.choice(len(bins), size=int(rng.integers(*SIZES, endpoint=True)))]
        for _ in range(N_LISTS)
    ]
    return demo, single, Point(pack.x_m, pack.y_m), lists


def _total(func, layout, depot, lists) -> tuple[float, float]:
    started = time.perf_counter()
    total = sum(func(layout, depot, stops).distance_m for stops in lists)
    return total, (time.perf_counter() - started) / len(lists)


def _spots(stops: list[Point]) -> list[Point]:
    return list({(p.aisle, p.x_m if p.aisle is None else 0.0, p.y_m): p for p in stops}.values())


def _independent(count: int) -> list[tuple[Layout, Point, list[Point], list[Point]]]:
    """Seeded layouts and pick lists: (layout, depot, stops in aisles, the same plus open
    floor stops)."""
    rng = np.random.default_rng(2024)
    cases = []
    for _ in range(count):
        cross_n = int(rng.integers(3, 5))
        depth = float(rng.integers(10, 31))
        ys = tuple(10.0 + depth * k for k in range(cross_n))
        gap = round(float(rng.uniform(3.0, 6.0)), 1)
        aisles = tuple(
            Aisle(f"A{k}", 3.0 + gap * k, ys[0], ys[-1]) for k in range(int(rng.integers(5, 15)))
        )
        layout = Layout(aisles, ys)
        want = int(rng.integers(SPOTS[0], SPOTS[1] + 1))
        seen: dict[tuple, Point] = {}
        while len(seen) < want:
            aisle = aisles[int(rng.integers(len(aisles)))]
            y = round(float(rng.uniform(ys[0], ys[-1])), 1)
            seen.setdefault((aisle.name, y), Point(0.0, y, aisle=aisle.name))
        stops = list(seen.values())
        width = aisles[-1].x_m + 3.0
        floor = [
            Point(round(float(rng.uniform(0, width)), 1), round(float(rng.uniform(1, 8)), 1))
            for _ in range(int(rng.integers(1, 4)))
        ]
        depot = Point(round(float(rng.uniform(0, width)), 1), 5.0)
        cases.append((layout, depot, stops, [*stops[: want - len(floor)], *floor]))
    return cases


def _gaps(cases, method: str) -> dict:
    """Per tour: ours (m), the optimum (m), the time (s) and the method that decided."""
    rows = []
    for layout, depot, stops in cases:
        started = time.perf_counter()
        tour = route(layout, depot, stops, method=method)
        seconds = time.perf_counter() - started
        best = optimum_m(distance_matrix_m(layout, [depot, *_spots(stops)]))
        rows.append((tour.distance_m, best, seconds, tour.method))
    return rows


def _summary(label: str, rows) -> tuple[float, float]:
    solved = [(ours, best) for ours, best, _, _ in rows if best is not None]
    # HiGHS proves its optimum to about 1e-9 m: a tour that short is the optimum
    gaps = np.maximum(np.array([ours / best - 1.0 for ours, best in solved]), 0.0)
    secs = np.array([s for _, _, s, _ in rows])
    methods = sorted({m for _, _, _, m in rows})
    print(
        f"  {label:<34}{len(solved):>4}/{len(rows):<4} mean gap {gaps.mean():7.3%}  worst "
        f"{gaps.max():6.2%}  optimal {np.mean(gaps < 1e-9):5.0%}  ms/route mean "
        f"{secs.mean() * 1000:6.1f} p95 {np.percentile(secs, 95) * 1000:6.1f}  "
        f"({', '.join(methods)})"
    )
    return sum(o for o, _ in solved), sum(b for _, b in solved)


def run(size: str) -> Result:
    demo, single, depot, lists = _demo(size)
    ours, ours_s = _total(route, demo, depot, lists)
    base, base_s = _total(s_shape, demo, depot, lists)
    gap, _ = _total(largest_gap, demo, depot, lists)
    comb, _ = _total(combined, demo, depot, lists)
    heur, heur_s = _total(lambda *a: route(*a, method="heuristic"), demo, depot, lists)
    exact, exact_s = _total(route, single, depot, lists)
    base1, _ = _total(s_shape, single, depot, lists)
    small = [s for s in lists if len(_spots(s)) <= 9]
    rr = sum(route(single, depot, s).distance_m for s in small)
    hk = sum(held_karp(distance_matrix_m(single, [depot, *_spots(s)]))[1] for s in small)
    print(
        f"{len(lists)} pick lists of {SIZES[0]}-{SIZES[1]} bins, size {size}: "
        f"{len(demo.aisles)} aisles, {len(demo.cross_aisles_y_m)} cross aisles"
    )
    print(f"  demo layout  ours (auto)   : {ours:10,.0f} m  {ours_s * 1000:7.2f} ms/route")
    print(f"               heuristic     : {heur:10,.0f} m  {heur_s * 1000:7.2f} ms/route")
    print(f"               S-shape       : {base:10,.0f} m  {base_s * 1000:7.2f} ms/route")
    print(f"               largest gap   : {gap:10,.0f} m")
    print(f"               combined      : {comb:10,.0f} m")
    print(f"  single block Ratliff-Rosen.: {exact:10,.0f} m  {exact_s * 1000:7.2f} ms/route")
    print(f"               S-shape       : {base1:10,.0f} m")
    print(f"    optimum check on {len(small)} lists <= 9 spots: RR {rr:,.1f} m vs Held-Karp "
          f"{hk:,.1f} m, ratio {rr / hk:.3f}")  # fmt: skip
    if not have_scipy():
        print("scipy is NOT installed: no gap to the optimum. Install the bench extra:")
        print("  pip install -e '.[bench]'   (or: pip install scipy)")
        return Result(ours, "s-shape", base, "m")
    cases = _independent(INDEPENDENT.get(size, INDEPENDENT["default"]))
    aisles = [(lay, dep, st) for lay, dep, st, _ in cases]
    mixed = [(lay, dep, st) for lay, dep, _, st in cases]
    print(
        f"independent layouts: {len(cases)} with 3-4 cross aisles, {SPOTS[0]}-{SPOTS[1]} "
        "distinct spots each, against the integer-programme optimum (solved/total):"
    )
    got, best = _summary("ours, stops in aisles", _gaps(aisles, "auto"))
    got2, best2 = _summary("ours, 1-3 stops on the open floor", _gaps(mixed, "auto"))
    _summary("heuristic alone, stops in aisles", _gaps(aisles, "heuristic"))
    _summary("heuristic alone, with open floor", _gaps(mixed, "heuristic"))
    return Result(got + got2, "optimum (integer programme)", best + best2, "m")
