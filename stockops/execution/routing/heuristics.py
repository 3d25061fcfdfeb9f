"""Routing heuristics for warehouses with several blocks: S-shape, largest gap, combined.

After Roodbergen & de Koster (2001), "Routing methods for warehouses with multiple cross
aisles". Cross aisles cut the aisles into *blocks*; the part of an aisle inside one block is a
*sub-aisle*. Each heuristic climbs the leftmost aisle holding picks to the farthest block
that holds any, then works the blocks back towards the front one at a time, sweeping each
from the end nearer to where the picker stands:

* S-shape walks every sub-aisle with picks from end to end, alternating up and down;
* largest gap walks one sub-aisle through to the far side, enters the others from that side
  up to their largest gap between picks, walks the last one through and comes back along
  the near side doing the parts below the gaps;
* combined decides for each sub-aisle, by a small dynamic programme over its two cross
  aisles, between walking it through and entering and leaving it on the same side.

These functions only decide the visit *order* of the points in aisles (indices into
``points``); the walking distance of that order is the layout's (m). Open-floor points are
left to the caller.

>>> from stockops.layout import Aisle, Layout, Point
>>> layout = Layout((Aisle("A", 2.0, 10.0, 50.0), Aisle("B", 6.0, 10.0, 50.0)),
...                 (10.0, 30.0, 50.0))
>>> pts = [Point(0, 40.0, aisle="B"), Point(0, 20.0, aisle="A"), Point(0, 45.0, aisle="A")]
>>> s_shape_order(layout, pts)
[1, 2, 0]
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence

from stockops.layout import Layout, Point

Sub = dict[tuple[int, int], list[int]]  # (block, aisle position) -> point indices by y


def blocks_m(layout: Layout) -> list[tuple[float, float]]:
    """The blocks' (front y, back y) in metres, front block first; one cross aisle gives one
    block of no depth."""
    ys = layout.cross_aisles_y_m
    return list(itertools.pairwise(ys)) or [(ys[0], ys[0])]


def _subaisles(layout: Layout, points: Sequence[Point]) -> tuple[Sub, list[float]]:
    aisles = sorted(layout.aisles, key=lambda a: a.x_m)
    pos = {a.name: k for k, a in enumerate(aisles)}
    inner = layout.cross_aisles_y_m[1:-1]
    sub: Sub = {}
    for i, p in enumerate(points):
        if p.aisle is None:
            continue
        block = bisect_right(inner, p.y_m)
        sub.setdefault((block, pos[p.aisle]), []).append(i)
    for ids in sub.values():
        ids.sort(key=lambda i: points[i].y_m)
    return sub, [a.x_m for a in aisles]


def _climb(sub: Sub) -> tuple[list[int], int, int, set]:
    """Up the leftmost aisle with picks to the farthest block, picking on the way."""
    far = max(b for b, _ in sub)
    left = min(a for _, a in sub)
    order: list[int] = []
    done = set()
    for b in range(far):
        if (b, left) in sub:
            order += sub[(b, left)]
            done.add((b, left))
    return order, far, left, done


def _sweep(sub: Sub, xs: list[float], block: int, done: set, x: float) -> list[int]:
    """Positions of the block's sub-aisles with picks, from the end nearer to ``x``."""
    aisles = sorted(a for b, a in sub if b == block and (b, a) not in done)
    if aisles and abs(xs[aisles[-1]] - x) < abs(xs[aisles[0]] - x):
        aisles.reverse()
    return aisles


def s_shape_order(layout: Layout, points: Sequence[Point]) -> list[int]:
    """S-shape (traversal) visit order of the points in aisles."""
    sub, xs = _subaisles(layout, points)
    if not sub:
        return []
    order, far, left, done = _climb(sub)
    x = xs[left]
    for b in range(far, -1, -1):
        aisles = _sweep(sub, xs, b, done, x)
        up = b == far  # the farthest block is entered from its front, the others from the back
        for a in aisles:
            order += sub[(b, a)] if up else sub[(b, a)][::-1]
            up = not up
        x = xs[aisles[-1]] if aisles else x
    return order


def _split_at_gap(points: Sequence[Point], ids: list[int], lo: float, hi: float) -> int:
    """How many of ``ids`` (by y) lie below the largest gap of the sub-aisle [lo, hi] m."""
    ys = [lo, *(points[i].y_m for i in ids), hi]
    gaps = [b - a for a, b in itertools.pairwise(ys)]
    return max(range(len(gaps)), key=lambda k: (gaps[k], -k))


def largest_gap_order(layout: Layout, points: Sequence[Point]) -> list[int]:
    """Largest-gap visit order of the points in aisles."""
    sub, xs = _subaisles(layout, points)
    if not sub:
        return []
    order, far, left, done = _climb(sub)
    bounds = blocks_m(layout)
    x = xs[left]
    for b in range(far, -1, -1):
        aisles = _sweep(sub, xs, b, done, x)
        if not aisles:
            continue
        lo, hi = bounds[b]
        first, middle = [], aisles[:-1]
        if b == far and len(aisles) > 1:  # entered from the front: first one goes through
            first, middle = sub[(b, aisles[0])], aisles[1:-1]
        order += first
        cut = {a: _split_at_gap(points, sub[(b, a)], lo, hi) for a in middle}
        for a in middle:
            order += sub[(b, a)][cut[a] :][::-1]
        last = sub[(b, aisles[-1])]
        order += last if b == far and len(aisles) == 1 else last[::-1]
        for a in reversed(middle):
            order += sub[(b, a)][: cut[a]]
        x = xs[aisles[0]] if len(aisles) > 1 else xs[aisles[-1]]
    return order


def combined_order(layout: Layout, points: Sequence[Point]) -> list[int]:
    """Combined visit order: per block, each sub-aisle walked through or entered and left
    on one side, whichever the block's dynamic programme finds shorter."""
    sub, xs = _subaisles(layout, points)
    if not sub:
        return []
    order, far, left, done = _climb(sub)
    bounds = blocks_m(layout)
    x = xs[left]
    for b in range(far, -1, -1):
        aisles = _sweep(sub, xs, b, done, x)
        if not aisles:
            continue
        lo, hi = bounds[b]
        order += _combined_block(points, sub, xs, b, aisles, (lo, hi), x, b == far)
        x = xs[aisles[-1]]
    return order


def _combined_block(points, sub, xs, b, aisles, bounds, x, from_front) -> list[int]:
    lo, hi = bounds
    depth = hi - lo
    inf = float("inf")
    cost = {"F": 0.0 if from_front else inf, "B": inf if from_front else 0.0}
    steps: list[dict[str, tuple[str, str]]] = []
    for a in aisles:
        ys = [points[i].y_m for i in sub[(b, a)]]
        dx = abs(xs[a] - x)
        x = xs[a]
        options = {
            "F": [(cost["F"] + dx + 2.0 * (ys[-1] - lo), "F", "return"),
                  (cost["B"] + dx + depth, "B", "through")],
            "B": [(cost["B"] + dx + 2.0 * (hi - ys[0]), "B", "return"),
                  (cost["F"] + dx + depth, "F", "through")],
        }  # fmt: skip
        step = {}
        for side, opts in options.items():
            c, prev, how = min(opts)
            cost[side], step[side] = c, (prev, how)
        steps.append(step)
    side = "F" if cost["F"] <= cost["B"] + depth else "B"
    picked: list[list[int]] = []
    for a, step in zip(reversed(aisles), reversed(steps), strict=True):
        prev, _how = step[side]
        ids = sub[(b, a)]
        picked.append(ids if prev == "F" else ids[::-1])  # entered from the front: upwards
        side = prev
    return [i for ids in reversed(picked) for i in ids]
