"""Pick paths: the order a picker walks the lines of one batch, with each line's walk.

A batch's lines are stops; a stop is a :class:`stockops.layout.Point`, or None for a bin
nobody has placed on the layout yet. Placed stops are routed by
:func:`stockops.execution.routing.route` (exact where that is cheap, else the improved best
heuristic). Unplaced stops cannot be walked to, so they are not refused but come **last**,
in the order given, with no walk counted: the picker still gets a complete list and the
tour's distance stays the true walk of the placed part. Lines in the same spot follow each
other with a zero leg.

Distances in metres. Per stop (in the caller's order): its place in the walk (1 = first),
the leg walked to it from the stop before (the first from the depot) and the walk so far;
None for an unplaced stop. ``return_m`` is the walk from the last placed stop back to the
depot, so ``distance_m`` = the last placed stop's ``cumulative_m`` + ``return_m``.

>>> from stockops.layout import Aisle, Layout, Point
>>> layout = Layout((Aisle("A", 2.0, 10.0, 30.0), Aisle("B", 6.0, 10.0, 30.0)), (10.0, 30.0))
>>> path = pick_path(layout, Point(2.0, 8.0),
...                  [Point(0, 25.0, aisle="B"), None, Point(0, 20.0, aisle="A")])
>>> path.sequence, path.leg_m, path.cumulative_m, path.return_m, path.distance_m
((1, 3, 2), (21.0, None, 19.0), (21.0, None, 40.0), 12.0, 52.0)
>>> path.kind, path.unplaced
('exact', (1,))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from stockops.execution.routing import route
from stockops.layout import Layout, Point

#: routing methods that prove their order shortest
EXACT_METHODS = frozenset({"ratliff_rosenthal", "aisle_sweep", "held_karp", "none"})


@dataclass(frozen=True, slots=True)
class PickPath:
    """The walk through one batch. Tuples are in the caller's stop order: ``sequence``
    (1 = walked first), ``leg_m`` and ``cumulative_m`` (m; None where unplaced).
    ``kind`` is "exact" (shortest proven) or "heuristic"; ``method`` the routing method
    that decided; ``unplaced`` the indices of the stops without coordinates (walked last)."""

    sequence: tuple[int, ...]
    leg_m: tuple[float | None, ...]
    cumulative_m: tuple[float | None, ...]
    return_m: float
    distance_m: float
    kind: str
    method: str
    unplaced: tuple[int, ...]
    reason: str


def pick_path(
    layout: Layout, depot: Point, stops: Sequence[Point | None], method: str = "auto"
) -> PickPath:
    """The walk of one batch from ``depot`` through ``stops`` and back (see the module
    docstring). ValueError, from the layout, for a stop outside its aisle."""
    placed = [k for k, p in enumerate(stops) if p is not None]
    unplaced = tuple(k for k, p in enumerate(stops) if p is None)
    tour = route(layout, depot, [stops[k] for k in placed], method=method)
    visit = [placed[i] for i in tour.order] + list(unplaced)
    legs = tour.legs_m[:-1]
    walked = list(accumulate(legs))
    sequence = [0] * len(stops)
    leg: list[float | None] = [None] * len(stops)
    cumulative: list[float | None] = [None] * len(stops)
    for rank, k in enumerate(visit):
        sequence[k] = rank + 1
        if rank < len(legs):
            leg[k], cumulative[k] = legs[rank], walked[rank]
    kind = "exact" if tour.method in EXACT_METHODS else "heuristic"
    reason = tour.reason
    if unplaced:
        reason += (
            f"; {len(unplaced)} line(s) at bins without coordinates come last, "
            "their walk not counted"
        )
    return PickPath(
        tuple(sequence),
        tuple(leg),
        tuple(cumulative),
        tour.legs_m[-1],
        tour.distance_m,
        kind,
        tour.method,
        unplaced,
        reason,
    )


def pick_paths(
    layout: Layout,
    depot: Point,
    batches: Sequence[Sequence[Point | None]],
    method: str = "auto",
) -> tuple[PickPath, ...]:
    """:func:`pick_path` of every batch, in the order given."""
    return tuple(pick_path(layout, depot, stops, method) for stops in batches)
