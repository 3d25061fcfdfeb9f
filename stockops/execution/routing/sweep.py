"""Exact picker tours through the aisles of any number of blocks: a sweep over the aisles.

Units are metres. :func:`sweep_route` returns the visit order of ``points`` (all in aisles)
and its length for a tour that starts and ends at ``depot``; the length is the one
:mod:`stockops.layout` gives for that order, and no order is shorter.

Ratliff & Rosenthal (1983) solved one block (a front and a back cross aisle) by sweeping
the aisles from left to right; Roodbergen & de Koster (2001) carried the sweep over a
middle cross aisle. This module carries it over any number ``m`` of cross aisles. A tour
is a connected sub-graph of the aisle network, every edge used at most twice and every
node of even degree, that touches every pick. The sweep keeps, for the ``m`` nodes where
the current aisle meets the cross aisles, a *state*: whether each node is in the
sub-graph yet, the parity of its degree and which of them are already connected. Each
sub-aisle (the part of an aisle between two cross aisles) is covered in one of six ways
(none, through once, through twice, from below, from above, from both ends up to its
largest gap between picks) and each cross-aisle edge to the next aisle is walked 0, 1 or
2 times. The cheapest closed state at the end is the optimum; an Euler walk over the
chosen edges gives the visit order.

The states and the moves between them depend only on ``m``: they are enumerated once
and kept as index tables (:mod:`stockops.execution.routing.sweep_states`), so the sweep
itself is a few numpy steps per aisle, whatever the number of picks. Layouts with more
than ``MAX_CROSS_AISLES`` cross aisles are left to the other methods (the tables grow like
the Bell numbers).

A depot on the open floor in front of the block hangs off the front cross aisle by a stub,
one behind it off the back one; one beside the block is a line of its own that reaches
every cross aisle, as :func:`stockops.layout.travel` says. Picks beyond the front (back)
cross aisle hang off it as dead ends walked in and out.

>>> from stockops.layout import Aisle, Layout, Point
>>> layout = Layout((Aisle("A", 2.0, 10.0, 50.0), Aisle("B", 6.0, 10.0, 50.0)),
...                 (10.0, 30.0, 50.0))
>>> sweep_route(layout, Point(2.0, 8.0), [Point(0, 45.0, aisle="B"),
...                                      Point(0, 20.0, aisle="A")])
((0, 1), 82.0)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from stockops.execution.routing.sweep_states import CONFIGS, Table, table_for
from stockops.layout import FRONT, Layout, Point

#: most cross aisles the sweep handles (5 means 4 blocks)
MAX_CROSS_AISLES = 5
_DEPOT = ("d",)

Node = tuple


@dataclass
class _Column:
    """One column of the sweep: an aisle, or the depot's column (``kind`` front/back: it
    only touches that cross aisle; side: a walkable line like an aisle)."""

    x: float
    kind: str = "aisle"
    picks: list[list[tuple[float, Node]]] = field(default_factory=list)  # per sub-aisle
    below: list[tuple[float, Node]] = field(default_factory=list)  # dead end past the front
    above: list[tuple[float, Node]] = field(default_factory=list)  # dead end past the back
    stub_m: float = 0.0


def sweep_route(
    layout: Layout, depot: Point, points: Sequence[Point]
) -> tuple[tuple[int, ...], float]:
    """Shortest tour (order, m) from ``depot`` through ``points`` (all in aisles) and
    back. ValueError for a point on the open floor or a layout with more than
    ``MAX_CROSS_AISLES`` cross aisles."""
    if len(layout.cross_aisles_y_m) > MAX_CROSS_AISLES:
        raise ValueError(
            f"the aisle sweep handles at most {MAX_CROSS_AISLES} cross aisles, "
            f"not {len(layout.cross_aisles_y_m)}"
        )
    if any(p.aisle is None for p in points):
        raise ValueError("the aisle sweep routes picks in aisles only")
    if not points:
        return (), 0.0
    if depot.aisle is not None and all(p.aisle == depot.aisle for p in points):
        return _along_one_aisle(depot, points)
    ys = tuple(layout.cross_aisles_y_m)
    ys = ys if len(ys) > 1 else ys * 2  # a front cross aisle only: a block of no depth
    cols = _columns(layout, ys, depot, points)
    table = table_for(len(ys))
    cost, chosen_v, chosen_h = _sweep(table, cols, ys)
    order = _euler_order(cols, ys, chosen_v, chosen_h)
    return order, cost + sum(c.stub_m for c in cols)


def _along_one_aisle(depot: Point, points: Sequence[Point]) -> tuple[tuple[int, ...], float]:
    """All picks in the depot's own aisle: out to one end, back past the depot to the other."""
    above = [i for i, p in enumerate(points) if p.y_m >= depot.y_m]
    up = sorted(above, key=lambda i: points[i].y_m)
    down = sorted(set(range(len(points))) - set(above), key=lambda i: -points[i].y_m)
    ys = [depot.y_m, *(p.y_m for p in points)]
    return (*up, *down), 2.0 * (max(ys) - min(ys))


def _columns(
    layout: Layout, ys: tuple[float, ...], depot: Point, points: Sequence[Point]
) -> list[_Column]:
    front, back, m = ys[0], ys[-1], len(ys)
    cols = {a.name: _Column(a.x_m, picks=[[] for _ in range(m - 1)]) for a in layout.aisles}
    placed: list[tuple[str | None, Point, Node]] = [
        (p.aisle, p, ("p", i)) for i, p in enumerate(points)
    ]
    extra: list[_Column] = []
    if depot.aisle is not None:
        placed.append((depot.aisle, depot, _DEPOT))
    else:
        side = layout.entry_side(depot)
        empty = [[] for _ in range(m - 1)]
        if side == FRONT or front == back:
            extra.append(_Column(depot.x_m, "front", empty, stub_m=2.0 * abs(front - depot.y_m)))
        elif depot.y_m >= back:
            extra.append(_Column(depot.x_m, "back", empty, stub_m=2.0 * abs(depot.y_m - back)))
        else:  # beside the block: a walkable line reaching every cross aisle
            side_col = _Column(depot.x_m, "side", empty)
            side_col.picks[_sub_aisle(ys, depot.y_m)].append((depot.y_m, _DEPOT))
            extra.append(side_col)
    for name, p, node in placed:
        col = cols[layout.aisle(name or "").name]
        if p.y_m < front:
            col.below.append((p.y_m, node))
        elif p.y_m > back:
            col.above.append((p.y_m, node))
        else:
            col.picks[_sub_aisle(ys, p.y_m)].append((p.y_m, node))
    for key, col in cols.items():
        if col.below:
            col.stub_m += 2.0 * (front - min(y for y, _ in col.below))
            col.picks[0].append((front, ("f", key)))
        if col.above:
            col.stub_m += 2.0 * (max(y for y, _ in col.above) - back)
            col.picks[-1].append((back, ("B", key)))
        for chain in col.picks:
            chain.sort(key=lambda t: t[0])
    used = [c for c in [*cols.values(), *extra] if c.kind != "aisle" or any(c.picks)]
    lo, hi = min(c.x for c in used), max(c.x for c in used)
    # aisles beyond the outermost pick never shorten a tour; those between may connect
    keep = [c for c in cols.values() if lo <= c.x <= hi]
    return sorted([*keep, *extra], key=lambda c: (c.x, c.kind != "aisle"))


def _sub_aisle(ys: tuple[float, ...], y: float) -> int:
    """Index of the sub-aisle holding ``y`` (a pick on a cross aisle goes to the one above
    it, or below the back one)."""
    return min(max(bisect_right(ys, y) - 1, 0), len(ys) - 2)


def _config_costs(
    chain: list[tuple[float, Node]], lo: float, hi: float
) -> dict[str, tuple[float, int]]:
    """Cost (m) of each allowed way to cover one sub-aisle [lo, hi] holding the picks of
    ``chain`` (sorted by y) and, for "gap", how many picks lie below the split."""
    length = hi - lo
    out = {"full": (length, 0), "double": (2.0 * length, 0)}
    ys = [y for y, _ in chain]
    if not ys:
        out["none"] = (0.0, 0)
        return out
    out["bottom"] = (2.0 * (ys[-1] - lo), len(ys))
    out["top"] = (2.0 * (hi - ys[0]), 0)
    if len(ys) > 1:
        gaps = [2.0 * (a - lo) + 2.0 * (hi - b) for a, b in pairwise(ys)]
        best = int(np.argmin(gaps))
        out["gap"] = (gaps[best], best + 1)
    return out


def _relax(n: int, src: np.ndarray, dst: np.ndarray, val: np.ndarray):
    """Least ``val`` per destination state, with the candidate that gave it."""
    ok = np.isfinite(val)
    src, dst, val, which = src[ok], dst[ok], val[ok], np.flatnonzero(ok)
    order = np.lexsort((val, dst))
    first = order[np.r_[True, dst[order][1:] != dst[order][:-1]]] if order.size else order
    cost = np.full(n, np.inf)
    back = np.full(n, -1, dtype=np.int64)
    cost[dst[first]] = val[first]
    back[dst[first]] = which[first]
    return cost, back


def _sweep(table: Table, cols: list[_Column], ys: tuple[float, ...]):
    """Cheapest closed tour over the columns: its cost (m, without stubs), the config of
    every sub-aisle and the multiplicities walked between neighbouring columns."""
    n, m = len(table.states), len(ys)
    cost = np.full(n, np.inf)
    cost[table.empty] = 0.0
    steps: list[tuple[str, int, np.ndarray, np.ndarray, object]] = []
    for j, col in enumerate(cols):
        if j:
            dx = col.x - cols[j - 1].x
            val = cost[table.h_src] + table.h_walks * dx
            cost, back = _relax(n, table.h_src, table.h_dst, val)
            steps.append(("h", j - 1, back, table.h_src, None))
        for s in range(m - 1):
            options = _column_options(col, s, ys)
            arr = table.vertical[s]
            src = np.repeat(np.arange(n), len(options))
            cfg = np.tile([CONFIGS.index(c) for c in options], n)
            dst = arr[src, cfg]
            extra = np.tile([options[c][0] for c in options], n)
            val = np.where(dst >= 0, cost[src] + extra, np.inf)
            cost, back = _relax(n, src, np.maximum(dst, 0), val)
            steps.append(("v", j, back, src, (s, cfg, options)))
    final = np.where(table.closed, cost, np.inf)
    state = int(np.argmin(final))
    if not np.isfinite(final[state]):
        raise ValueError("no tour covers these picks")  # pragma: no cover - defensive
    total = float(final[state])
    chosen_v: dict[tuple[int, int], tuple[str, int]] = {}
    chosen_h: dict[int, tuple[int, ...]] = {}
    for kind, j, back, src, extra in reversed(steps):
        cand = int(back[state])
        if kind == "h":
            chosen_h[j] = tuple(int(x) for x in table.h_combo[cand])
        else:
            s, cfg, options = extra
            name = CONFIGS[int(cfg[cand])]
            chosen_v[j, s] = (name, options[name][1])
        state = int(src[cand])
    return total, chosen_v, chosen_h


def _column_options(col: _Column, s: int, ys: tuple[float, ...]) -> dict[str, tuple[float, int]]:
    """Allowed configs of sub-aisle ``s`` of the column and their cost (m)."""
    if col.kind == "front":
        return {"bottom": (0.0, 0)} if s == 0 else {"none": (0.0, 0)}
    if col.kind == "back":
        return {"top": (0.0, 0)} if s == len(ys) - 2 else {"none": (0.0, 0)}
    return _config_costs(col.picks[s], ys[s], ys[s + 1])


def _euler_order(cols: list[_Column], ys, chosen_v, chosen_h) -> tuple[int, ...]:
    edges: list[tuple[Node, Node]] = []
    m = len(ys)
    for j, col in enumerate(cols):
        node = [("v", j, c) for c in range(m)]
        if col.kind == "front":
            edges += [(node[0], _DEPOT)] * 2
        elif col.kind == "back":
            edges += [(node[-1], _DEPOT)] * 2
        for s in range(m - 1):
            if col.kind in ("front", "back"):
                break
            cfg, split = chosen_v[j, s]
            a, b = node[s], node[s + 1]
            chain = [n for _, n in col.picks[s]]
            if cfg in ("full", "double"):
                edges += list(pairwise([a, *chain, b])) * (1 if cfg == "full" else 2)
            elif cfg == "bottom":
                edges += list(pairwise([a, *chain])) * 2
            elif cfg == "top":
                edges += list(pairwise([b, *reversed(chain)])) * 2
            elif cfg == "gap":
                edges += list(pairwise([a, *chain[:split]])) * 2
                edges += list(pairwise([b, *reversed(chain[split:])])) * 2
        for hub, tail, at in (("f", col.below, 0), ("B", col.above, -1)):
            if tail:
                hub_node = next(n for _, n in col.picks[at] if n[0] == hub)
                nearest_first = sorted(tail, key=lambda t: abs(t[0] - ys[at]))
                edges += list(pairwise([hub_node, *(n for _, n in nearest_first)])) * 2
    for j, combo in sorted(chosen_h.items()):
        for c, times in enumerate(combo):
            edges += [(("v", j, c), ("v", j + 1, c))] * times
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
