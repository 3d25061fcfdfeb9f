"""Picker routes over the demo warehouse: metres per tour against S-shape and the optimum.

Pick lists: 300 random lists of 5 to 40 rack bins of ``scenario.generate(size)`` (seeded),
tours from pack station P1 and back. On the demo layout as it is (for ``default`` and
``large`` three cross aisles, so two blocks), ours is ``route(..., method="auto")``:
exact Held-Karp up to 8 distinct spots, else the best of S-shape, largest gap and combined
improved by 2-opt/or-opt; the baseline is S-shape, the usual rule of thumb. On the same
aisles with only the front and back cross aisles (one block), ours is Ratliff-Rosenthal,
checked against Held-Karp's optimum on the lists with at most 9 spots (ratio must be
1.000). Figure: total metres over the lists on the demo layout (lower is better).
"""

from __future__ import annotations

import time

import numpy as np

from bench.result import Result
from stockops import scenario
from stockops.execution.routing import combined, largest_gap, route, s_shape
from stockops.execution.routing.exact import held_karp
from stockops.layout import Aisle, Layout, Point, distance_matrix_m

N_LISTS = 300
SIZES = (5, 40)


def _setup(size: str):
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


def run(size: str) -> Result:
    demo, single, depot, lists = _setup(size)
    ours, ours_s = _total(route, demo, depot, lists)
    base, base_s = _total(s_shape, demo, depot, lists)
    gap, _ = _total(largest_gap, demo, depot, lists)
    comb, _ = _total(combined, demo, depot, lists)
    exact, exact_s = _total(route, single, depot, lists)
    base1, _ = _total(s_shape, single, depot, lists)
    small = [s for s in lists if len({(p.aisle, p.y_m) for p in s}) <= 9]
    rr = sum(route(single, depot, s).distance_m for s in small)
    hk = sum(held_karp(distance_matrix_m(single, [depot, *_spots(s)]))[1] for s in small)
    print(
        f"{len(lists)} pick lists of {SIZES[0]}-{SIZES[1]} bins, size {size}: "
        f"{len(demo.aisles)} aisles, {len(demo.cross_aisles_y_m)} cross aisles"
    )
    print(f"  demo layout  ours (auto)   : {ours:10,.0f} m  {ours_s * 1000:7.2f} ms/route")
    print(f"               S-shape       : {base:10,.0f} m  {base_s * 1000:7.2f} ms/route")
    print(f"               largest gap   : {gap:10,.0f} m")
    print(f"               combined      : {comb:10,.0f} m")
    print(f"  single block Ratliff-Rosen.: {exact:10,.0f} m  {exact_s * 1000:7.2f} ms/route")
    print(f"               S-shape       : {base1:10,.0f} m")
    print(f"    optimum check on {len(small)} lists <= 9 spots: RR {rr:,.1f} m vs Held-Karp "
          f"{hk:,.1f} m, ratio {rr / hk:.3f}")  # fmt: skip
    return Result(ours, "s-shape", base, "m")


def _spots(stops: list[Point]) -> list[Point]:
    return list({(p.aisle, p.y_m): p for p in stops}.values())
