"""Walking distance from the pack station to every bin of the demo warehouse.

Ours: one vectorised ``distances_m`` call. Baseline: the same engine rules one pair at a
time (``travel_distance_m`` in a loop), which is what a naive adapter would do per bin.
Both must give the same distances; the time is the best of several repeats.
"""

from __future__ import annotations

import time

import numpy as np

from bench.result import Result
from stockops import scenario
from stockops.layout import Aisle, Layout, Point, distances_m, travel_distance_m


def _best_of(repeats: int, func) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - started)
    return best, out


def run(size: str) -> Result:
    sc = scenario.generate(size=size)
    layout = Layout(
        aisles=tuple(Aisle(a.name, a.x_m, a.y_start_m, a.y_end_m) for a in sc.aisles),
        cross_aisles_y_m=sc.cross_aisles_y_m,
    )
    points = [Point(b.x_m, b.y_m, b.z_m, b.aisle_name) for b in sc.bins]
    pack = next(p for p, b in zip(points, sc.bins, strict=True) if b.zone_code == "PACK")
    ours_s, ours = _best_of(5, lambda: distances_m(layout, [pack], points)[0])
    loop_s, loop = _best_of(
        2, lambda: np.array([travel_distance_m(layout, pack, p) for p in points])
    )
    assert np.allclose(ours, loop), "vectorised and scalar distances disagree"
    print(
        f"{len(points)} locations, {len(sc.aisles)} aisles, {len(sc.cross_aisles_y_m)} cross aisles"
    )
    print(f"  vectorised distances_m : {ours_s * 1000:8.2f} ms")
    print(f"  one pair at a time     : {loop_s * 1000:8.2f} ms")
    print(f"  mean walk from packing : {ours.mean():8.1f} m (max {ours.max():.1f} m)")
    return Result(ours_s * 1000, "scalar-loop", loop_s * 1000, "ms")
