"""Exact picker tours: Ratliff-Rosenthal for a single block, Held-Karp for a few stops.

Units are metres. Both return the visit order of ``points`` (indices) and its length for a
tour that starts and ends at ``depot``; the length is the one :mod:`stockops.layout` gives
for that order.

Ratliff & Rosenthal (1983) sweep the aisles from left to right. A tour is an Eulerian
sub-graph of the aisle network (aisles, the front and the back cross aisle) that touches
every pick; the sweep keeps, for the front and back node of the current aisle, the parity
of their degree, whether they are in the sub-graph yet and whether they are already
connected, and prices six ways of covering the aisle (none, through once, through twice,
from the back, from the front, from both ends up to its largest gap) and three
multiplicities (0, 1, 2) of each cross-aisle edge to the next aisle. The cheapest complete
state is the optimum; an Euler walk over the chosen edges gives the visit order.

A depot on the open floor in front of the block is a zero-width column joined to the front
cross aisle by a stub; one beside the block is a column of its own that reaches every
cross aisle, as :func:`stockops.layout.travel` says. Picks beyond the front (back) cross
aisle hang off it as dead ends walked in and out.

>>> from stockops.layout import Aisle, Layout, Point
>>> layout = Layout((Aisle("A", 2.0, 10.0, 30.0), Aisle("B", 6.0, 10.0, 30.0)), (10.0, 30.0))
>>> ratliff_rosenthal(layout, Point(2.0, 8.0), [Point(2.0, 25.0, aisle="B"),
...                                              Point(2.0, 20.0, aisle="A")])
((0, 1), 52.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from stockops.layout import FRONT, Layout, Point

#: ways to cover one column; "bottom" walks in from the front, "top" from the back
CONFIGS = ("none", "full", "double", "bottom", "top", "gap")
DONE = (9, 9, 9, 9, 9)  # the tour is already closed: nothing more may be added
EMPTY = (0, 0, 0, 0, 0)  # (front parity, back parity, front used, back used, connected)
_DEPOT = ("d",)

Node = tuple


@dataclass
class _Column:
    """One column of the sweep: an aisle, or the depot's column (``kind`` front/back)."""

    x: float
    kind: str = "aisle"
    picks: list[tuple[float, Node]] = field(default_factory=list)  # (y clamped, node)
    below: list[tuple[float, Node]] = field(default_factory=list)  # dead end past the front
    above: list[tuple[float, Node]] = field(default_factory=list)  # dead end past the back
    stub_m: float = 0.0


def ratliff_rosenthal(
    layout: Layout, depot: Point, points: Sequence[Point]
) -> tuple[tuple[int, ...], float]:
    """Shortest tour (order, m) from ``depot`` through ``points`` (all in aisles) and back,
    on a layout with one or two cross aisles. ValueError on a layout with more."""
    if len(layout.cross_aisles_y_m) > 2:
        raise ValueError("Ratliff-Rosenthal needs a single block (at most two cross aisles)")
    if any(p.aisle is None for p in points):
        raise ValueError("Ratliff-Rosenthal routes picks in aisles only")
    if not points:
        return (), 0.0
    if depot.aisle is not None and all(p.aisle == depot.aisle for p in points):
        return _along_one_aisle(depot, points)
    cols = _columns(layout, depot, points)
    cost, verticals, horizontals = _sweep(cols, layout.front_y_m, layout.back_y_m)
    order = _euler_order(cols, verticals, horizontals)
    return order, cost + sum(c.stub_m for c in cols)


def _along_one_aisle(depot: Point, points: Sequence[Point]) -> tuple[tuple[int, ...], float]:
    """All picks in the depot's own aisle: out to one end, back past the depot to the other."""
    above = [i for i, p in enumerate(points) if p.y_m >= depot.y_m]
    up = sorted(above, key=lambda i: points[i].y_m)
    down = sorted(set(range(len(points))) - set(above), key=lambda i: -points[i].y_m)
    ys = [depot.y_m, *(p.y_m for p in points)]
    return (*up, *down), 2.0 * (max(ys) - min(ys))


def _columns(layout: Layout, depot: Point, points: Sequence[Point]) -> list[_Column]:
    front, back = layout.front_y_m, layout.back_y_m
    cols = {a.name: _Column(a.x_m) for a in layout.aisles}
    extra: list[_Column] = []
    placed: list[tuple[str | None, Point, Node]] = [
        (p.aisle, p, ("p", i)) for i, p in enumerate(points)
    ]
    if depot.aisle is not None:
        placed.append((depot.aisle, depot, _DEPOT))
    else:
        side = layout.entry_side(depot)
        if side == FRONT or front == back:
            col = _Column(depot.x_m, "front", stub_m=2.0 * abs(front - depot.y_m))
        elif depot.y_m >= back:
            col = _Column(depot.x_m, "back", stub_m=2.0 * abs(depot.y_m - back))
        else:  # beside the block: a walkable line reaching every cross aisle
            col = _Column(depot.x_m, picks=[(depot.y_m, _DEPOT)])
        extra.append(col)
    for name, p, node in placed:
        layout.aisle(name or "")  # ValueError naming an unknown aisle
        col = cols[name]
        if p.y_m < front:
            col.below.append((p.y_m, node))
        elif p.y_m > back:
            col.above.append((p.y_m, node))
        else:
            col.picks.append((p.y_m, node))
    for key, col in cols.items():
        if col.below:
            col.stub_m += 2.0 * (front - min(y for y, _ in col.below))
            col.picks.append((front, ("f", key)))
        if col.above:
            col.stub_m += 2.0 * (max(y for y, _ in col.above) - back)
            col.picks.append((back, ("B", key)))
        col.picks.sort(key=lambda t: t[0])
    return sorted([*cols.values(), *extra], key=lambda c: c.x)


def _config_costs(col: _Column, front_y: float, back_y: float) -> dict[str, tuple[float, int]]:
    """Cost (m) of each allowed way to cover ``col`` and, for "gap", where to split."""
    if col.kind == "front":
        return {"bottom": (0.0, 0)}
    if col.kind == "back":
        return {"top": (0.0, 0)}
    ys = [y for y, _ in col.picks]
    length = back_y - front_y
    out = {"full": (length, 0), "double": (2.0 * length, 0)}
    if not ys:
        out["none"] = (0.0, 0)
        return out
    out["bottom"] = (2.0 * (ys[-1] - front_y), 0)
    out["top"] = (2.0 * (back_y - ys[0]), 0)
    if len(ys) > 1:
        gaps = [2.0 * (lo - front_y) + 2.0 * (back_y - hi) for lo, hi in pairwise(ys)]
        best = int(np.argmin(gaps))
        out["gap"] = (gaps[best], best)
    return out


def _vertical(state: tuple, cfg: str) -> tuple | None:
    if state == DONE:
        return DONE if cfg == "none" else None
    pa, pb, ia, ib, conn = state
    if cfg == "none":
        return state
    if cfg in ("full", "double"):
        flip = 1 if cfg == "full" else 0
        return (pa ^ flip, pb ^ flip, 1, 1, 1)
    if cfg == "bottom":
        return (pa, pb, 1, ib, conn if ia else 0)
    if cfg == "top":
        return (pa, pb, ia, 1, conn if ib else 0)
    return (pa, pb, 1, 1, conn if ia and ib else 0)  # gap: both ends, not joined


def _horizontal(state: tuple, m1: int, m2: int) -> tuple | None:
    if state == DONE:
        return DONE if m1 == m2 == 0 else None
    pa, pb, ia, ib, conn = state
    if (pa + m1) % 2 or (pb + m2) % 2:
        return None  # every node of a tour has an even degree
    go_a, go_b = m1 > 0, m2 > 0
    nxt = (m1 % 2, m2 % 2, int(go_a), int(go_b))
    if ia and ib and conn:
        return DONE if not (go_a or go_b) else (*nxt, int(go_a and go_b))
    if ia and ib:
        return (*nxt, 0) if go_a and go_b else None  # a component left behind
    if ia or ib:
        if go_a if ia else go_b:
            return (*nxt, 0)
        return DONE if not (go_a or go_b) else None
    return (*nxt, 0)


def _sweep(cols: list[_Column], front_y: float, back_y: float):
    layer: dict[tuple, float] = {EMPTY: 0.0}
    verticals: list[dict] = []
    horizontals: list[dict] = []
    for j, col in enumerate(cols):
        costs = _config_costs(col, front_y, back_y)
        plus: dict[tuple, float] = {}
        back_v: dict[tuple, tuple] = {}
        for state, cost in layer.items():
            for cfg, (c, split) in costs.items():
                new = _vertical(state, cfg)
                if new is not None and cost + c < plus.get(new, np.inf) - 1e-12:
                    plus[new], back_v[new] = cost + c, (state, cfg, split)
        verticals.append(back_v)
        if j == len(cols) - 1:
            layer = plus
            break
        dx = cols[j + 1].x - col.x
        layer, back_h = {}, {}
        for state, cost in plus.items():
            for m1 in (0, 1, 2):
                for m2 in (0, 1, 2):
                    new = _horizontal(state, m1, m2)
                    c = cost + (m1 + m2) * dx
                    if new is not None and c < layer.get(new, np.inf) - 1e-12:
                        layer[new], back_h[new] = c, (state, m1, m2)
        horizontals.append(back_h)
    finals = {s: c for s, c in layer.items() if _closed(s)}
    if not finals:
        raise ValueError("no tour covers these picks")  # pragma: no cover - defensive
    state = min(finals, key=finals.__getitem__)
    total = finals[state]
    chosen_v: list[tuple[str, int]] = [("none", 0)] * len(cols)
    chosen_h: list[tuple[int, int]] = [(0, 0)] * (len(cols) - 1)
    for j in range(len(cols) - 1, -1, -1):
        state, cfg, split = verticals[j][state]
        chosen_v[j] = (cfg, split)
        if j:
            state, m1, m2 = horizontals[j - 1][state]
            chosen_h[j - 1] = (m1, m2)
    return total, chosen_v, chosen_h


def _closed(state: tuple) -> bool:
    if state == DONE:
        return True
    pa, pb, ia, ib, conn = state
    return not pa and not pb and (bool(ia and ib and conn) or bool(ia) != bool(ib))


def _euler_order(cols: list[_Column], verticals, horizontals) -> tuple[int, ...]:
    edges: list[tuple[Node, Node]] = []
    for j, (col, (cfg, split)) in enumerate(zip(cols, verticals, strict=True)):
        a, b = ("a", j), ("b", j)
        chain = [n for _, n in col.picks]
        if col.kind == "front":
            edges += [(a, _DEPOT)] * 2
        elif col.kind == "back":
            edges += [(b, _DEPOT)] * 2
        elif cfg in ("full", "double"):
            path = list(pairwise([a, *chain, b]))
            edges += path * (1 if cfg == "full" else 2)
        elif cfg == "bottom":
            edges += list(pairwise([a, *chain])) * 2
        elif cfg == "top":
            edges += list(pairwise([b, *reversed(chain)])) * 2
        elif cfg == "gap":
            edges += list(pairwise([a, *chain[: split + 1]])) * 2
            edges += list(pairwise([b, *reversed(chain[split + 1 :])])) * 2
        for hub, tail in ((("f",), col.below), (("B",), col.above)):
            if tail:
                hub_node = next(n for _, n in col.picks if n[0] == hub[0])
                nearest_first = sorted(tail, key=lambda t: abs(t[0] - col.picks[0][0]))
                edges += list(pairwise([hub_node, *(n for _, n in nearest_first)])) * 2
    for j, (m1, m2) in enumerate(horizontals):
        edges += [(("a", j), ("a", j + 1))] * m1 + [(("b", j), ("b", j + 1))] * m2
    walk = _euler_walk(edges, _DEPOT)
    seen: dict[int, None] = {}
    for node in walk:
        if node[0] == "p":
            seen.setdefault(node[1], None)
    return tuple(seen)


def _euler_walk(edges: list[tuple[Node, Node]], start: Node) -> list[Node]:
    """Hierholzer's closed walk over a connected multigraph whose degrees are all even."""
    adj: dict[Node, list[tuple[Node, int]]] = {}
    for k, (u, v) in enumerate(edges):
        adj.setdefault(u, []).append((v, k))
        adj.setdefault(v, []).append((u, k))
    used = [False] * len(edges)
    stack, walk = [start], []
    while stack:
        node = stack[-1]
        out = adj.get(node, [])
        while out and used[out[-1][1]]:
            out.pop()
        if out:
            nxt, k = out.pop()
            used[k] = True
            stack.append(nxt)
        else:
            walk.append(stack.pop())
    return walk[::-1]


def held_karp(dist: np.ndarray) -> tuple[tuple[int, ...], float]:
    """Shortest closed tour from node 0 through all others of the ``n x n`` matrix ``dist``
    (m): the visit order of nodes 1..n-1 and its length. Exponential: keep n small (<= 12).

    >>> held_karp(np.array([[0, 1, 5], [1, 0, 1], [5, 1, 0]], dtype=float))
    ((2, 1), 7.0)
    """
    n = dist.shape[0] - 1
    if n <= 0:
        return (), 0.0
    d = dist[1:, 1:]
    full = 1 << n
    best = np.full((full, n), np.inf)
    parent = np.full((full, n), -1, dtype=np.int64)
    for j in range(n):
        best[1 << j, j] = dist[0, j + 1]
    for mask in range(1, full):
        row = best[mask]
        if not np.isfinite(row).any():
            continue
        # extend every ending j of ``mask`` to each k outside it
        outside = [k for k in range(n) if not mask >> k & 1]
        if not outside:
            continue
        cand = row[:, None] + d[:, outside]  # (j, k)
        arg = cand.argmin(axis=0)
        val = cand[arg, np.arange(len(outside))]
        for k, v, j in zip(outside, val, arg, strict=True):
            nm = mask | 1 << k
            if v < best[nm, k]:
                best[nm, k], parent[nm, k] = v, j
    last_row = best[full - 1] + dist[1:, 0]
    j = int(np.argmin(last_row))
    total = float(last_row[j])
    order, mask = [], full - 1
    while j >= 0:
        order.append(j + 1)
        j, mask = int(parent[mask, j]), mask & ~(1 << j)
    return tuple(reversed(order)), total
