"""Warehouse geometry and travel distance through the aisle network.

Units are metres. The frame is the one the demo warehouse and the Odoo adapter use:
x runs along the dock wall, y runs into the building away from the docks, z is height.

A warehouse floor is modelled as one rectangular *rack block* crossed by parallel
aisles that run along y, plus *cross aisles* that run along x at fixed y positions
(the first is the front cross aisle on the dock side, the last the back one; any in
between split the block into sub-blocks). Everything outside the block is open floor
(docks, staging, pack stations) where a person walks rectilinearly.

A picker in an aisle stands on the aisle's centre line, so a bin is reached at
``(aisle.x_m, bin.y_m)`` whatever side of the aisle it is on. Moving between two
aisles means leaving through a cross aisle; the walk never cuts through racks.

>>> layout = Layout(
...     aisles=(Aisle("A1", x_m=2.0, y_start_m=10.0, y_end_m=40.0),
...             Aisle("A2", x_m=7.0, y_start_m=10.0, y_end_m=40.0)),
...     cross_aisles_y_m=(10.0, 40.0),
... )
>>> travel_distance_m(layout, Point(2.0, 20.0, aisle="A1"), Point(7.0, 22.0, aisle="A2"))
27.0
>>> trip = travel(layout, Point(2.0, 35.0, aisle="A1"), Point(7.0, 36.0, aisle="A2"))
>>> trip.distance_m, trip.via_cross_aisle_y_m
(14.0, 40.0)
>>> trip.reason
'A1 -> A2 via the cross aisle at y=40.0 m'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

#: where an open-floor point may enter the aisle network
FRONT, BACK, SIDE = "front", "back", "side"


@dataclass(frozen=True, slots=True)
class Aisle:
    """One aisle: its centre line at ``x_m``, open from ``y_start_m`` to ``y_end_m`` (m)."""

    name: str
    x_m: float
    y_start_m: float
    y_end_m: float


@dataclass(frozen=True, slots=True)
class Point:
    """A place on the floor (m). ``aisle`` names the aisle a bin is picked from, or None
    for open floor (docks, staging, pack stations). ``z_m`` is height: it costs no walking
    but labour standards use it."""

    x_m: float
    y_m: float
    z_m: float = 0.0
    aisle: str | None = None


@dataclass(frozen=True, slots=True)
class Travel:
    """A walk between two points: its length (m), the cross aisle used (None when the
    walk needs none) and a sentence a supervisor can read."""

    distance_m: float
    via_cross_aisle_y_m: float | None
    reason: str


@dataclass(frozen=True)
class Layout:
    """The aisle network of one warehouse: aisles and the y of each cross aisle (m),
    front first. Raises ValueError when the geometry cannot be walked."""

    aisles: tuple[Aisle, ...]
    cross_aisles_y_m: tuple[float, ...]
    _by_name: dict[str, Aisle] = field(init=False, repr=False, compare=False)
    _x_range: tuple[float, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.cross_aisles_y_m:
            raise ValueError("a layout needs at least one cross aisle (the front one)")
        numbers = [("a cross aisle's y", y) for y in self.cross_aisles_y_m]
        for aisle in self.aisles:
            numbers += [(f"aisle {aisle.name} {what}", getattr(aisle, what))
                        for what in ("x_m", "y_start_m", "y_end_m")]  # fmt: skip
        for what, value in numbers:
            if not _finite(value):
                raise ValueError(f"{what} must be a finite number of metres, not {value!r}")
        if list(self.cross_aisles_y_m) != sorted(self.cross_aisles_y_m):
            raise ValueError("cross aisles must be listed front (smallest y) to back")
        by_name: dict[str, Aisle] = {}
        for aisle in self.aisles:
            if aisle.name in by_name:
                raise ValueError(f"aisle {aisle.name} is defined twice")
            if aisle.y_start_m > aisle.y_end_m:
                raise ValueError(f"aisle {aisle.name} ends before it starts")
            if aisle.y_start_m > self.front_y_m or aisle.y_end_m < self.back_y_m:
                raise ValueError(
                    f"aisle {aisle.name} ({aisle.y_start_m}-{aisle.y_end_m} m) does not reach "
                    f"the cross aisles at {self.front_y_m} and {self.back_y_m} m"
                )
            by_name[aisle.name] = aisle
        object.__setattr__(self, "_by_name", by_name)
        xs = [aisle.x_m for aisle in self.aisles] or [0.0]
        object.__setattr__(self, "_x_range", (min(xs), max(xs)))

    @property
    def front_y_m(self) -> float:
        """y of the front cross aisle (m), on the dock side."""
        return self.cross_aisles_y_m[0]

    @property
    def back_y_m(self) -> float:
        """y of the back cross aisle (m); the front one when there is only one."""
        return self.cross_aisles_y_m[-1]

    def aisle(self, name: str) -> Aisle:
        """The aisle called ``name``; ValueError naming it when the layout has none."""
        try:
            return self._by_name[name]
        except KeyError:
            raise ValueError(f"aisle {name!r} is not in this warehouse's layout") from None

    def inside_racks(self, point: Point) -> bool:
        """Whether an open-floor ``point`` lies inside the rack block: between the outer
        aisles and between the front and back cross aisles, on no cross aisle. Nobody
        stands there except in an aisle, so such a point needs its aisle."""
        if point.aisle is not None:
            return False
        left, right = self._x_range
        return (
            left < point.x_m < right
            and self.front_y_m < point.y_m < self.back_y_m
            and all(abs(point.y_m - y) > 1e-9 for y in self.cross_aisles_y_m)
        )

    def entry_side(self, point: Point) -> str:
        """Where an open-floor point meets the network: FRONT (dock side of the block),
        BACK, or SIDE (beside the block, level with it: every cross aisle is reachable)."""
        if point.y_m <= self.front_y_m:
            return FRONT
        if point.y_m >= self.back_y_m:
            return BACK
        return SIDE

    def _entries(self, point: Point) -> tuple[float, ...]:
        side = self.entry_side(point)
        if side == FRONT:
            return (self.front_y_m,)
        if side == BACK:
            return (self.back_y_m,)
        return self.cross_aisles_y_m


def _finite(value) -> bool:
    return isinstance(value, (int, float, np.number)) and math.isfinite(value)


def check_point(layout: Layout, point: Point) -> None:
    """ValueError, in words a supervisor can act on, when ``point`` cannot be walked to:
    not a point, a coordinate that is not a finite number, an aisle the layout lacks, a y
    outside its aisle, or an open-floor point inside the rack block."""
    if not isinstance(point, Point):
        raise ValueError(f"a place on the floor must be a Point, not {point!r}")
    for what in ("x_m", "y_m", "z_m"):
        if not _finite(getattr(point, what)):
            raise ValueError(
                f"{what[0]}={getattr(point, what)!r} is not a finite number of metres: "
                "check the location's coordinates"
            )
    if point.aisle is not None:
        _check_in_aisle(layout, point)
    elif layout.inside_racks(point):
        raise ValueError(
            f"the open-floor point x={point.x_m} m, y={point.y_m} m lies inside the rack "
            "block, where nobody walks but in an aisle: give its aisle, or place it on a "
            "cross aisle or outside the block"
        )


def travel(layout: Layout, a: Point, b: Point) -> Travel:
    """Shortest walk from ``a`` to ``b`` (m) through aisles and cross aisles, with its reason.

    Inside one aisle the walk is straight along it; between aisles it leaves by the cross
    aisle that minimises ``|ya - c| + |xa - xb| + |yb - c|``; open floor is rectilinear.
    ValueError for a point :func:`check_point` refuses.
    """
    check_point(layout, a)
    check_point(layout, b)
    if a.aisle is not None and b.aisle is not None:
        return _aisle_to_aisle(layout, a, b)
    if a.aisle is None and b.aisle is None:
        return _open_to_open(layout, a, b)
    aisle_point, open_point = (a, b) if a.aisle is not None else (b, a)
    return _open_to_aisle(layout, open_point, aisle_point)


def travel_distance_m(layout: Layout, a: Point, b: Point) -> float:
    """Length (m) of the shortest walk from ``a`` to ``b``; see :func:`travel`."""
    return travel(layout, a, b).distance_m


def route_length_m(layout: Layout, points: Sequence[Point]) -> float:
    """Total walk (m) visiting ``points`` in the given order (no return to the start)."""
    return sum(travel_distance_m(layout, p, q) for p, q in pairwise(points))


def _check_in_aisle(layout: Layout, point: Point) -> Aisle:
    aisle = layout.aisle(point.aisle or "")
    if not aisle.y_start_m - 1e-9 <= point.y_m <= aisle.y_end_m + 1e-9:
        raise ValueError(
            f"y={point.y_m} m lies outside aisle {aisle.name} "
            f"({aisle.y_start_m}-{aisle.y_end_m} m): check the location's coordinates"
        )
    return aisle


def _best_cross(ys: Sequence[float], ya: float, dx: float, yb: float) -> tuple[float, float]:
    best = min(ys, key=lambda c: abs(ya - c) + abs(yb - c))
    return abs(ya - best) + dx + abs(yb - best), best


def _aisle_to_aisle(layout: Layout, a: Point, b: Point) -> Travel:
    aisle_a, aisle_b = _check_in_aisle(layout, a), _check_in_aisle(layout, b)
    if aisle_a.name == aisle_b.name:
        return Travel(abs(a.y_m - b.y_m), None, f"along aisle {aisle_a.name}")
    dist, via = _best_cross(layout.cross_aisles_y_m, a.y_m, abs(aisle_a.x_m - aisle_b.x_m), b.y_m)
    return Travel(dist, via, f"{aisle_a.name} -> {aisle_b.name} via the cross aisle at y={via} m")


def _open_to_aisle(layout: Layout, p: Point, a: Point) -> Travel:
    aisle = _check_in_aisle(layout, a)
    dist, via = _best_cross(layout._entries(p), p.y_m, abs(p.x_m - aisle.x_m), a.y_m)
    return Travel(dist, via, f"open floor ({layout.entry_side(p)}) <-> {aisle.name} via y={via} m")


def _open_to_open(layout: Layout, p: Point, q: Point) -> Travel:
    dx, dy = abs(p.x_m - q.x_m), abs(p.y_m - q.y_m)
    sides = {layout.entry_side(p), layout.entry_side(q)}
    if sides != {FRONT, BACK} or not layout.aisles:
        return Travel(dx + dy, None, "rectilinear on open floor")
    # front to back crosses the block: through the aisle that bends the walk least
    xs = [aisle.x_m for aisle in layout.aisles]
    detour = min(abs(p.x_m - x) + abs(x - q.x_m) for x in xs)
    return Travel(dy + detour, None, "across the rack block through an aisle")


def distance_matrix_m(layout: Layout, points: Sequence[Point]) -> np.ndarray:
    """Pairwise walking distances (m) between ``points`` as an ``n x n`` float array."""
    return distances_m(layout, points, points)


def distances_m(layout: Layout, sources: Sequence[Point], targets: Sequence[Point]) -> np.ndarray:
    """Walking distances (m) from every source to every target, an ``n x m`` float array.

    Vectorised equivalent of :func:`travel_distance_m` for put-away, slotting, routing and
    batching, where thousands of pairs are needed at once. Same rules, same results.
    """
    src, dst = _Vectors(layout, sources), _Vectors(layout, targets)
    if not len(sources) or not len(targets):
        return np.zeros((len(sources), len(targets)))
    via = (src.leg[:, None, :] + dst.leg[None, :, :]).min(axis=2)
    dist = via + np.abs(src.x[:, None] - dst.x[None, :])
    same_aisle = (src.aisle[:, None] == dst.aisle[None, :]) & (src.aisle[:, None] >= 0)
    dist = np.where(same_aisle, np.abs(src.y[:, None] - dst.y[None, :]), dist)
    rows, cols = np.flatnonzero(src.aisle < 0), np.flatnonzero(dst.aisle < 0)
    if rows.size and cols.size:
        dist[np.ix_(rows, cols)] = _open_block(layout, src, rows, dst, cols)
    return dist


def _open_block(layout: Layout, src, rows: np.ndarray, dst, cols: np.ndarray) -> np.ndarray:
    """:func:`_open_to_open` for every open-floor source row x target column at once."""
    px, py = src.x[rows][:, None], src.y[rows][:, None]
    qx, qy = dst.x[cols][None, :], dst.y[cols][None, :]
    out = np.abs(px - qx) + np.abs(py - qy)
    if not layout.aisles:
        return out
    front, back = layout.front_y_m, layout.back_y_m
    crossing = ((py <= front) & (qy >= back)) | ((py >= back) & (qy <= front))
    if crossing.any():
        xs = np.array([aisle.x_m for aisle in layout.aisles])
        lo, hi = np.minimum(px, qx), np.maximum(px, qx)
        # the walk bends least through the aisle nearest the span between the two x
        below = np.where(xs[None, None, :] < lo[..., None], lo[..., None] - xs, np.inf).min(-1)
        above = np.where(xs[None, None, :] > hi[..., None], xs - hi[..., None], np.inf).min(-1)
        inside = ((xs[None, None, :] >= lo[..., None]) & (xs[None, None, :] <= hi[..., None])).any(
            -1
        )
        bend = np.where(inside, 0.0, 2.0 * np.minimum(below, above))
        out = np.where(crossing, np.abs(py - qy) + (hi - lo) + bend, out)
    return out


class _Vectors:
    """Arrays describing points for :func:`distances_m`: travel x, y, aisle index (-1 on
    open floor) and the leg (m) to each cross aisle, infinite where it cannot be entered."""

    def __init__(self, layout: Layout, points: Sequence[Point]) -> None:
        index = {aisle.name: i for i, aisle in enumerate(layout.aisles)}
        cross = np.asarray(layout.cross_aisles_y_m)
        self.aisle = np.full(len(points), -1)
        self.x = np.empty(len(points))
        self.y = np.empty(len(points))
        allowed = np.ones((len(points), cross.size), dtype=bool)
        for i, point in enumerate(points):
            check_point(layout, point)
            self.y[i] = point.y_m
            if point.aisle is not None:
                aisle = layout.aisle(point.aisle)
                self.aisle[i], self.x[i] = index[aisle.name], aisle.x_m
                continue
            self.x[i] = point.x_m
            side = layout.entry_side(point)
            if side != SIDE:
                allowed[i] = False
                allowed[i, 0 if side == FRONT else -1] = True
        self.leg = np.where(allowed, np.abs(self.y[:, None] - cross[None, :]), np.inf)
