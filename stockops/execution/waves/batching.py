"""Batching: which orders share a picking cart, so the carts' tours walk the least.

Every order becomes one tote on a cart, unless it alone exceeds the cart (totes, lines,
weight kg, volume m3): then its lines are split, in walking order, into parts that each
fit, and every part says so; a single line too heavy or too bulky for any cart travels on
a tour of its own, marked ``over_limit``. No line is ever dropped: each ends in exactly one
batch.

Orders are merged by travel savings (Clarke & Wright's idea on picker tours): start with
one cart per order, and repeatedly join the two carts whose joint tour saves the most
walking against touring them apart, as long as the result fits, re-pricing the joined
cart's neighbours after every merge; then move single orders to the cart where they cost
least while that still shortens the total. Tours are priced by
:mod:`stockops.execution.waves.estimate` during the search and routed for real at the end
by :func:`stockops.execution.routing.route` (metres).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from stockops.execution.routing import route
from stockops.execution.waves.estimate import Geometry
from stockops.execution.waves.model import Batch, BatchLine, CartLimits, Order
from stockops.layout import Layout, Point

#: best partners kept per cart when pricing merges
NEIGHBOURS = 12
#: above this many parts, merge partners are pre-selected by shared sub-aisles
ALL_PAIRS_MAX = 1500
_EPS = 1e-9


@dataclass
class Part:
    """Lines of one order that ride in one tote, with their load and why they are apart."""

    order_id: str
    lines: tuple[BatchLine, ...]
    weight_kg: float
    volume_m3: float
    note: str = ""
    over: bool = False
    rank: int = 0


def split_order(order: Order, limits: CartLimits, geo: Geometry, rank: int = 0) -> list[Part]:
    """The order as one part, or as several that each fit the cart (lines in walking
    order); a line bigger than the cart on its own is a part of its own, ``over``."""
    lines = [BatchLine(order.id, k, line) for k, line in enumerate(order.lines)]
    lines.sort(key=lambda bl: _walk_key(geo, bl.line.location))
    weight = sum(bl.line.weight_kg for bl in lines)
    volume = sum(bl.line.volume_m3 for bl in lines)
    parts: list[Part] = []
    current: list[BatchLine] = []
    for bl in lines:
        if _too_big(bl, limits):
            parts.append(
                Part(order.id, (bl,), bl.line.weight_kg, bl.line.volume_m3, over=True, rank=rank,
                     note=f"line {bl.line_no} of order {order.id} ({bl.line.weight_kg:g} kg, "
                          f"{bl.line.volume_m3:g} m3) alone exceeds the cart "
                          f"({limits.describe()}): a tour of its own with suitable equipment")
            )  # fmt: skip
            continue
        if current and not _fits_lines([*current, bl], limits):
            parts.append(_part(order.id, current, rank))
            current = []
        current.append(bl)
    if current:
        parts.append(_part(order.id, current, rank))
    if len(parts) > 1:
        why = (
            f"order {order.id} ({len(lines)} lines, {weight:g} kg, {volume:g} m3) exceeds one "
            f"cart ({limits.describe()})"
        )
        for k, part in enumerate(parts, 1):
            part.note = f"part {k} of {len(parts)}: {part.note or why}"
    return parts


def _walk_key(geo: Geometry, p: Point) -> tuple:
    if p.aisle is None:
        return (1, p.x_m, p.y_m)
    return (0, geo.position.get(p.aisle, 0), p.y_m)


def _too_big(bl: BatchLine, limits: CartLimits) -> bool:
    return bl.line.weight_kg > limits.max_weight_kg + _EPS or (
        bl.line.volume_m3 > limits.max_volume_m3 + _EPS
    )


def _fits_lines(lines: Sequence[BatchLine], limits: CartLimits) -> bool:
    return (
        len(lines) <= limits.max_lines
        and sum(bl.line.weight_kg for bl in lines) <= limits.max_weight_kg + _EPS
        and sum(bl.line.volume_m3 for bl in lines) <= limits.max_volume_m3 + _EPS
    )


def _part(order_id: str, lines: list[BatchLine], rank: int) -> Part:
    w = sum(bl.line.weight_kg for bl in lines)
    v = sum(bl.line.volume_m3 for bl in lines)
    return Part(order_id, tuple(lines), w, v, rank=rank)


class _Carts:
    """Carts being merged: members (part indices), load and sub-aisle summary per cart."""

    def __init__(self, parts: list[Part], geo: Geometry, limits: CartLimits) -> None:
        self.parts, self.geo, self.limits = parts, geo, limits
        summaries = [geo.summarise([bl.line.location for bl in p.lines]) for p in parts]
        self.lo = np.stack([s[0] for s in summaries]) if parts else np.zeros((0, *geo.shape))
        self.hi = np.stack([s[1] for s in summaries]) if parts else np.zeros((0, *geo.shape))
        self.floor = [s[2] for s in summaries]
        self.members = [[i] for i in range(len(parts))]
        self.alive = np.ones(len(parts), dtype=bool)
        self.load = np.array(
            [[1, len(p.lines), p.weight_kg, p.volume_m3] for p in parts], dtype=float
        ).reshape(-1, 4)
        self.cap = np.array(
            [limits.max_orders, limits.max_lines, limits.max_weight_kg, limits.max_volume_m3]
        )
        self.over = np.array([p.over for p in parts], dtype=bool)
        self.est = geo.estimate_m(self.lo, self.hi, self.floor) if parts else np.zeros(0)
        self.version = np.zeros(len(parts), dtype=np.int64)

    def fits(self, i: int, others: np.ndarray) -> np.ndarray:
        ok = ((self.load[others] + self.load[i]) <= self.cap + _EPS).all(axis=1)
        return ok & ~self.over[others] & ~self.over[i] & self.alive[others] & (others != i)

    def joint_m(self, i: int, others: np.ndarray) -> np.ndarray:
        lo = np.minimum(self.lo[others], self.lo[i])
        hi = np.maximum(self.hi[others], self.hi[i])
        return self.geo.estimate_m(lo, hi, self._floors(self.floor[i], others))

    def _floors(self, extra: frozenset, others: np.ndarray) -> list[frozenset] | None:
        if not extra and not any(self.floor[k] for k in others):
            return None
        return [extra | self.floor[k] for k in others]

    def pair_savings(self, rows: np.ndarray, others: np.ndarray) -> np.ndarray:
        """Savings (m) of every row cart joined with every other cart: ``rows x others``."""
        lo = np.minimum(self.lo[rows][:, None], self.lo[others][None, :])
        hi = np.maximum(self.hi[rows][:, None], self.hi[others][None, :])
        shape = (rows.size * others.size, *self.geo.shape)
        floors = None
        if any(self.floor[k] for k in rows) or any(self.floor[k] for k in others):
            floors = [self.floor[i] | self.floor[k] for i in rows for k in others]
        joint = self.geo.estimate_m(lo.reshape(shape), hi.reshape(shape), floors)
        joint = joint.reshape(rows.size, others.size)
        return self.est[rows][:, None] + self.est[others][None, :] - joint

    def savings(self, i: int, others: np.ndarray) -> np.ndarray:
        return self.est[i] + self.est[others] - self.joint_m(i, others)

    def merge(self, i: int, j: int) -> None:
        self.members[i] += self.members[j]
        self.members[j] = []
        self.lo[i] = np.minimum(self.lo[i], self.lo[j])
        self.hi[i] = np.maximum(self.hi[i], self.hi[j])
        self.floor[i] |= self.floor[j]
        self.load[i] += self.load[j]
        self.est[i] = self.joint_m(i, np.array([j]))[0]
        self.alive[j] = False
        self.version[i] += 1

    def rebuild(self, c: int) -> None:
        ms = self.members[c]
        if not ms:
            self.alive[c] = False
            self.est[c] = 0.0
            return
        lines = [bl.line.location for m in ms for bl in self.parts[m].lines]
        self.lo[c], self.hi[c], self.floor[c] = self.geo.summarise(lines)
        self.load[c] = [
            len(ms),
            sum(len(self.parts[m].lines) for m in ms),
            sum(self.parts[m].weight_kg for m in ms),
            sum(self.parts[m].volume_m3 for m in ms),
        ]
        one = slice(c, c + 1)
        self.est[c] = self.geo.estimate_m(self.lo[one], self.hi[one], [self.floor[c]])[0]


def merge_by_savings(carts: _Carts) -> None:
    """Clarke-Wright-style merging on estimated tour length, re-priced after each merge."""
    n = len(carts.parts)
    if n < 2:
        return
    partners = _initial_partners(carts)
    heap: list[tuple[float, int, int, int, int]] = []
    for i in range(n):
        _push(carts, heap, i, partners[i])
    while heap:
        _neg, i, j, vi, vj = heapq.heappop(heap)
        if not (carts.alive[i] and carts.alive[j]) or carts.version[i] != vi:
            continue
        if carts.version[j] != vj or not carts.fits(i, np.array([j]))[0]:
            continue
        carts.merge(i, j)
        joined = {p for p in partners[i] | partners[j] if carts.alive[p] and p != i}
        partners[i] = joined
        for p in joined:
            partners[p].add(i)
        _push(carts, heap, i, joined)


def _push(carts: _Carts, heap: list, i: int, partners: set[int]) -> None:
    if not partners:
        return
    others = np.fromiter(partners, dtype=np.int64)
    others = others[carts.fits(i, others)]
    if not others.size:
        return
    save = carts.savings(i, others)
    keep = np.argsort(-save)[:NEIGHBOURS]
    for k in keep:
        if save[k] > _EPS:
            j = int(others[k])
            entry = (-float(save[k]), i, j, int(carts.version[i]), int(carts.version[j]))
            heapq.heappush(heap, entry)


def _initial_partners(carts: _Carts) -> list[set[int]]:
    n = len(carts.parts)
    partners: list[set[int]] = [set() for _ in range(n)]
    if n > ALL_PAIRS_MAX:  # pre-select by shared sub-aisles, then price those
        hits = (carts.lo <= carts.hi).reshape(n, -1).astype(float)
        shared = hits @ hits.T
        for i in range(n):
            others = np.argsort(-shared[i])[: 4 * NEIGHBOURS]
            _keep_best(carts, partners, i, others, carts.savings(i, others))
        return partners
    everyone = np.arange(n)
    step = max(1, 40_000 // n)
    for start in range(0, n, step):
        rows = everyone[start : start + step]
        save = carts.pair_savings(rows, everyone)
        for r, i in enumerate(rows):
            _keep_best(carts, partners, int(i), everyone, save[r])
    return partners


def _keep_best(carts, partners, i: int, others: np.ndarray, save: np.ndarray) -> None:
    ok = carts.fits(i, others) & (save > _EPS)
    for k in np.argsort(-np.where(ok, save, -np.inf))[:NEIGHBOURS]:
        if ok[k]:
            partners[i].add(int(others[k]))
            partners[int(others[k])].add(i)


def improve_by_moves(carts: _Carts, sweeps: int = 2) -> None:
    """Move one part at a time to the cart where the total estimated walk drops most."""
    owner = {m: c for c in range(len(carts.parts)) for m in carts.members[c]}
    for _ in range(sweeps):
        moved = False
        for p, part in enumerate(carts.parts):
            a = owner[p]
            if part.over:
                continue
            others = np.flatnonzero(carts.alive)
            single = _single(carts, p)
            others = others[_fits_part(carts, p, others) & (others != a)]
            if not others.size:
                continue
            without = [m for m in carts.members[a] if m != p]
            removed = carts.est[a] - _estimate_of(carts, without)
            lo = np.minimum(carts.lo[others], single[0])
            hi = np.maximum(carts.hi[others], single[1])
            added = carts.geo.estimate_m(lo, hi, [carts.floor[c] | single[2] for c in others])
            delta = added - carts.est[others] - removed
            k = int(np.argmin(delta))
            if delta[k] < -1e-6:
                b = int(others[k])
                carts.members[a] = without
                carts.members[b].append(p)
                carts.rebuild(a)
                carts.rebuild(b)
                owner[p], moved = b, True
        if not moved:
            break


def _single(carts: _Carts, p: int):
    return carts.geo.summarise([bl.line.location for bl in carts.parts[p].lines])


def _fits_part(carts: _Carts, p: int, others: np.ndarray) -> np.ndarray:
    part = carts.parts[p]
    load = np.array([1, len(part.lines), part.weight_kg, part.volume_m3])
    return ((carts.load[others] + load) <= carts.cap + _EPS).all(axis=1) & ~carts.over[others]


def _estimate_of(carts: _Carts, members: list[int]) -> float:
    if not members:
        return 0.0
    lo, hi, floor = carts.geo.summarise(
        [bl.line.location for m in members for bl in carts.parts[m].lines]
    )
    return float(carts.geo.estimate_m(lo[None], hi[None], [floor])[0])


def build_batches(
    layout: Layout,
    depot: Point,
    carts: _Carts,
    method: str,
    wave: int,
    first_number: int,
    route_method: str = "auto",
) -> list[Batch]:
    """Route every cart for real and describe it."""
    groups = [carts.members[c] for c in np.flatnonzero(carts.alive) if carts.members[c]]
    groups.sort(key=lambda ms: min((carts.parts[m].rank, m) for m in ms))
    out = []
    for k, ms in enumerate(groups):
        parts = [carts.parts[m] for m in sorted(ms, key=lambda m: (carts.parts[m].rank, m))]
        lines = tuple(bl for p in parts for bl in p.lines)
        tour = route(layout, depot, [bl.line.location for bl in lines], method=route_method)
        weight = sum(p.weight_kg for p in parts)
        volume = sum(p.volume_m3 for p in parts)
        alone = float(sum(carts.est[m] for m in ms)) if len(ms) > 1 else None
        order_ids = tuple(dict.fromkeys(p.order_id for p in parts))
        reason = _reason(method, parts, lines, weight, volume, tour.distance_m, alone, carts)
        out.append(
            Batch(first_number + k, method, wave, order_ids, lines, tour, tour.distance_m,
                  weight, volume, len(parts), any(p.over for p in parts), reason)
        )  # fmt: skip
    return out


def _reason(method, parts, lines, weight, volume, walk_m, alone, carts) -> str:
    text = (
        f"{method} pick: {len(parts)} tote(s), {len(lines)} lines, {weight:.1f} kg, "
        f"{volume:.3f} m3 on one cart (limits {carts.limits.describe()}); {walk_m:,.0f} m walk"
    )
    if alone is not None:
        text += f", grouped by walking savings (about {alone:,.0f} m estimated one tote per tour)"
    notes = [p.note for p in parts if p.note]
    return text + ("; " + "; ".join(notes) if notes else "")
