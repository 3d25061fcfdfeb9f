"""Fast travel estimate (m) of a picker tour, for many candidate batches at once.

Batching compares thousands of "what if these orders shared a cart" tours, too many to
route each. A set of stops is summarised per sub-aisle (aisle x block) by the lowest and
highest y of its stops; the estimate is the length of a walk that is always possible on
the layout, so it never undercuts the true shortest tour by construction of the walk:
from the depot up an aisle to the farthest block with stops, then block by block towards
the front, sweeping each block in alternate directions and, per sub-aisle, either walking
it through or entering and leaving on the same side, whichever a two-state dynamic
programme (the picker on the block's front or back cross aisle) finds shorter, back down
to the front cross aisle and to the depot. Open-floor stops add their out-and-back walk
from the depot. Arrays of shape ``(candidates, aisles, blocks)`` are evaluated together.

>>> from stockops.layout import Aisle, Layout, Point
>>> layout = Layout((Aisle("A", 2.0, 10.0, 30.0), Aisle("B", 6.0, 10.0, 30.0)), (10.0, 30.0))
>>> geo = Geometry.of(layout, Point(2.0, 8.0))
>>> lo, hi, extra = geo.summarise([Point(0, 25.0, aisle="B"), Point(0, 20.0, aisle="A")])
>>> float(geo.estimate_m(lo[None], hi[None], [extra])[0])
52.0
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from stockops.layout import Layout, Point, distances_m


@dataclass(frozen=True)
class Geometry:
    """What the estimate needs of a layout and depot: aisle x (m, ascending), aisle
    position by name, block bounds (m), the depot's x and the walk from it to the front
    cross aisle (m)."""

    layout: Layout
    depot: Point
    xs: np.ndarray
    position: dict[str, int]
    bounds: tuple[tuple[float, float], ...]
    depot_x_m: float
    depot_stub_m: float

    @classmethod
    def of(cls, layout: Layout, depot: Point) -> Geometry:
        aisles = sorted(layout.aisles, key=lambda a: a.x_m)
        ys = layout.cross_aisles_y_m
        bounds = tuple(itertools.pairwise(ys)) or ((ys[0], ys[0]),)
        if depot.aisle is not None:
            x, stub = layout.aisle(depot.aisle).x_m, abs(depot.y_m - layout.front_y_m)
        else:
            x, stub = depot.x_m, abs(layout.front_y_m - depot.y_m)
        return cls(
            layout,
            depot,
            np.array([a.x_m for a in aisles]),
            {a.name: k for k, a in enumerate(aisles)},
            bounds,
            x,
            stub,
        )

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.xs), len(self.bounds))

    def summarise(self, stops: Sequence[Point]) -> tuple[np.ndarray, np.ndarray, frozenset]:
        """Lowest and highest y (m) of ``stops`` per (aisle, block), +inf/-inf where none,
        and the set of open-floor spots."""
        lo = np.full(self.shape, np.inf)
        hi = np.full(self.shape, -np.inf)
        inner = self.layout.cross_aisles_y_m[1:-1]
        front, back = self.layout.front_y_m, self.layout.back_y_m
        floor = set()
        for p in stops:
            if p.aisle is None:
                floor.add((p.x_m, p.y_m))
                continue
            a, b = self.position[p.aisle], bisect_right(inner, p.y_m)
            y = min(max(p.y_m, front), back)
            lo[a, b], hi[a, b] = min(lo[a, b], y), max(hi[a, b], y)
        return lo, hi, frozenset(floor)

    def floor_m(self, spots: frozenset) -> float:
        """Out-and-back walk (m) from the depot to each open-floor spot."""
        if not spots:
            return 0.0
        pts = [Point(x, y) for x, y in spots]
        return float(2.0 * distances_m(self.layout, [self.depot], pts).sum())

    def estimate_m(
        self, lo: np.ndarray, hi: np.ndarray, floors: Sequence[frozenset] | None = None
    ) -> np.ndarray:
        """Estimated tour length (m) of each candidate (first axis of ``lo``/``hi``);
        ``floors`` holds each candidate's open-floor spots (None: there are none)."""
        n = lo.shape[0]
        hits = lo <= hi
        active = hits.any(axis=0)
        started = np.zeros(n, dtype=bool)
        at_front, at_back = np.zeros(n), np.zeros(n)
        last_x = np.zeros(n)
        front_y = self.bounds[0][0]
        k = len(self.bounds)
        for b in range(k - 1, -1, -1):
            y0, y1 = self.bounds[b]
            depth = y1 - y0
            if b < k - 1:  # down to this block: its back is the front of the one above
                above = self.bounds[b + 1][1] - self.bounds[b + 1][0]
                here = np.minimum(at_front, at_back + above)
                at_back, at_front = here, here + depth
            sweep = range(len(self.xs))
            for a in sweep if (k - 1 - b) % 2 == 0 else reversed(sweep):
                if not active[a, b]:
                    continue
                has = hits[:, a, b]
                x = self.xs[a]
                new = has & ~started
                if new.any():
                    climb = self.depot_stub_m + abs(x - self.depot_x_m) + (y0 - front_y)
                    at_front = np.where(new, climb, at_front)
                    at_back = np.where(new, climb + depth, at_back)
                    last_x = np.where(new, x, last_x)
                    started |= new
                dx = np.abs(x - last_x)
                from_front = np.minimum(at_front + 2.0 * (hi[:, a, b] - y0), at_back + depth)
                from_back = np.minimum(at_back + 2.0 * (y1 - lo[:, a, b]), at_front + depth)
                at_front = np.where(has, from_front + dx, at_front)
                at_back = np.where(has, from_back + dx, at_back)
                last_x = np.where(has, x, last_x)
        home = np.minimum(at_front, at_back + self.bounds[0][1] - front_y)
        home = home + np.abs(last_x - self.depot_x_m) + self.depot_stub_m
        total = np.where(started, home, 0.0)
        if floors is None:
            return total
        return total + np.array([self.floor_m(f) if f else 0.0 for f in floors])
