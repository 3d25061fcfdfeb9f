"""Picker routing: the order in which one picker visits the stops of a tour, and why.

Reads the layout, a depot and the stops; returns a :class:`Route` (visit order, metres,
reason); writes nothing. Rooms: ``sweep`` (exact for stops in aisles, any number of
blocks), ``exact`` (Held-Karp over a distance matrix), ``heuristics`` (S-shape, largest
gap, combined), ``local_search`` (2-opt, or-opt, insertion, iterated local search).

A tour starts at a depot (the pack station, usually on the open floor in front of the rack
block), visits every stop and comes back. Walking distances are the layout's
(:func:`stockops.layout.travel_distance_m`, metres), so a route's ``distance_m`` is exactly
``route_length_m(layout, [depot, *visited stops, depot])``; every stop is visited exactly
once (checked before the route is returned). Stops at the same walking spot (same aisle
and y, or the same open-floor x and y) are visited together.

``method``:

* ``"auto"`` (default): the proven shortest tour where an exact method applies: the aisle
  sweep (Ratliff-Rosenthal on one block, carried over every cross aisle after Roodbergen
  and de Koster) when every stop is in an aisle, whatever their number; else Held-Karp for
  up to ``HELD_KARP_MAX`` distinct spots (stops on the open floor too); otherwise the best
  of S-shape, largest gap and combined, improved by an iterated 2-opt/or-opt search (so
  never longer than any of the three);
* ``"exact"``: as auto, but ValueError where no exact method applies;
* ``"heuristic"``: the improved best of the three heuristics, even where exact is cheap;
* ``"s_shape"``, ``"largest_gap"``, ``"combined"``: that heuristic alone, as a baseline.

Bad input (no layout, a stop that is not a point, a coordinate that is not a finite
number, an aisle the layout lacks, an open-floor stop inside the rack block) is refused
with a ValueError before any work.

>>> from stockops.layout import Aisle, Layout, Point
>>> layout = Layout((Aisle("A", 2.0, 10.0, 30.0), Aisle("B", 6.0, 10.0, 30.0)), (10.0, 30.0))
>>> tour = route(layout, Point(2.0, 8.0), [Point(0, 25.0, aisle="B"), Point(0, 20.0, aisle="A")])
>>> tour.order, tour.distance_m, tour.legs_m
((0, 1), 52.0, (21.0, 19.0, 12.0))
>>> tour.reason
'exact (Ratliff-Rosenthal): single block, 2 stops in 2 aisles, 52 m'
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from stockops.execution.routing.exact import HELD_KARP_MAX, held_karp
from stockops.execution.routing.heuristics import (
    combined_order,
    largest_gap_order,
    s_shape_order,
)
from stockops.execution.routing.local_search import cheapest_insertion, iterated, tour_length_m
from stockops.execution.routing.sweep import MAX_CROSS_AISLES, sweep_route
from stockops.layout import Layout, Point, check_point, distance_matrix_m, travel_distance_m

__all__ = ["HELD_KARP_MAX", "METHODS", "Route", "combined", "largest_gap", "route", "s_shape"]

METHODS = ("auto", "exact", "heuristic", "s_shape", "largest_gap", "combined")
#: iterated local search kicks per distinct spot, shared over the three starting tours
KICKS_PER_SPOT = 12
_HEURISTICS = {
    "s_shape": ("S-shape", s_shape_order),
    "largest_gap": ("largest gap", largest_gap_order),
    "combined": ("combined", combined_order),
}


@dataclass(frozen=True, slots=True)
class Route:
    """A picker tour: ``order`` holds indices into the stops in visit order, ``legs_m`` the
    walk (m) to each of them from the one before (the first from the depot) and, last, the
    walk back to the depot; ``distance_m`` is their sum. ``method`` names what decided the
    order and ``reason`` says it in a sentence."""

    order: tuple[int, ...]
    distance_m: float
    legs_m: tuple[float, ...]
    method: str
    reason: str


def route(layout: Layout, depot: Point, stops: Sequence[Point], method: str = "auto") -> Route:
    """Visit order of ``stops`` for one picker starting and ending at ``depot`` (see the
    module docstring for ``method``). ValueError for bad input (see the module docstring)
    or an unknown method."""
    if method not in METHODS:
        raise ValueError(f"unknown routing method {method!r}; expected one of {METHODS}")
    stops = _checked(layout, depot, stops)
    spots, members = _spots(stops)
    if not spots:
        return Route((), 0.0, (0.0,), "none", "no stops: nothing to walk")
    where = _where(layout, spots)
    blocks = len(layout.cross_aisles_y_m)
    in_aisles = all(p.aisle is not None for p in spots)
    if method in ("auto", "exact") and in_aisles and blocks <= MAX_CROSS_AISLES:
        order, _ = sweep_route(layout, depot, spots)
        if blocks <= 2:
            return _finish(layout, depot, stops, members, order, "ratliff_rosenthal",
                           f"exact (Ratliff-Rosenthal): single block, {where}")  # fmt: skip
        return _finish(layout, depot, stops, members, order, "aisle_sweep",
                       f"exact (aisle sweep over {blocks - 1} blocks, after Roodbergen & "
                       f"de Koster): {where}")  # fmt: skip
    dist = distance_matrix_m(layout, [depot, *spots])
    if method in ("auto", "exact") and len(spots) <= HELD_KARP_MAX:
        tour, _ = held_karp(dist)
        order = tuple(k - 1 for k in tour)
        return _finish(layout, depot, stops, members, order, "held_karp",
                       f"exact (Held-Karp over all orders): {where}")  # fmt: skip
    if method == "exact":
        raise ValueError(
            f"no exact method for {len(spots)} spots with stops on the open floor on a "
            f"layout with {blocks} cross aisles; use method='auto'"
        )
    if method in _HEURISTICS:
        label, func = _HEURISTICS[method]
        tour = _heuristic_tour(layout, spots, dist, func)
        return _finish(layout, depot, stops, members, _order(tour), method, f"{label}: {where}")
    return _best_improved(layout, depot, stops, spots, members, dist, where)


def s_shape(layout: Layout, depot: Point, stops: Sequence[Point]) -> Route:
    """The S-shape (traversal) route, the classic baseline: every sub-aisle with picks
    walked end to end."""
    return route(layout, depot, stops, method="s_shape")


def largest_gap(layout: Layout, depot: Point, stops: Sequence[Point]) -> Route:
    """The largest-gap route: sub-aisles entered from both cross aisles up to their largest
    gap between picks."""
    return route(layout, depot, stops, method="largest_gap")


def combined(layout: Layout, depot: Point, stops: Sequence[Point]) -> Route:
    """The combined route: per block, each sub-aisle walked through or entered and left on
    one side, by dynamic programming (Roodbergen & de Koster)."""
    return route(layout, depot, stops, method="combined")


def _checked(layout: Layout, depot: Point, stops: Sequence[Point]) -> list[Point]:
    """The stops as a list, once the layout, the depot and every stop have passed
    :func:`stockops.layout.check_point` (ValueError naming what is wrong)."""
    if not isinstance(layout, Layout):
        raise ValueError(f"routing needs the warehouse layout, not {layout!r}")
    if stops is None or isinstance(stops, (str, bytes, Point)):
        raise ValueError(f"routing needs a list of stops, not {stops!r}")
    stops = list(stops)
    try:
        check_point(layout, depot)
    except ValueError as err:
        raise ValueError(f"the depot: {err}") from None
    for i, stop in enumerate(stops):
        try:
            check_point(layout, stop)
        except ValueError as err:
            raise ValueError(f"stop {i + 1}: {err}") from None
    return stops


def _spots(stops: Sequence[Point]) -> tuple[list[Point], list[list[int]]]:
    """Distinct walking spots and, for each, the stop indices standing there."""
    index: dict[tuple, int] = {}
    spots: list[Point] = []
    members: list[list[int]] = []
    for i, p in enumerate(stops):
        key = (p.aisle, p.y_m) if p.aisle is not None else (None, p.x_m, p.y_m)
        if key not in index:
            index[key] = len(spots)
            spots.append(p)
            members.append([])
        members[index[key]].append(i)
    return spots, members


def _where(layout: Layout, spots: Sequence[Point]) -> str:
    aisles = {p.aisle for p in spots if p.aisle is not None}
    open_floor = sum(p.aisle is None for p in spots)
    text = f"{len(spots)} stops in {len(aisles)} aisles"
    if open_floor:
        text += f" and {open_floor} on open floor"
    if len(layout.cross_aisles_y_m) > 2:
        text += f", {len(layout.cross_aisles_y_m) - 1} blocks"
    return text


def _heuristic_tour(layout: Layout, spots: list[Point], dist: np.ndarray, func) -> list[int]:
    tour = [0, *(i + 1 for i in func(layout, spots))]
    floor = [i + 1 for i, p in enumerate(spots) if p.aisle is None]
    return cheapest_insertion(dist, tour, floor)


def _order(tour: list[int]) -> tuple[int, ...]:
    return tuple(k - 1 for k in tour[1:])


def _best_improved(layout, depot, stops, spots, members, dist, where) -> Route:
    tried = []
    for label, func in _HEURISTICS.values():
        tour = _heuristic_tour(layout, spots, dist, func)
        tried.append((tour_length_m(dist, tour), label, tour))
    length, label, _ = min(tried, key=lambda t: t[0])
    kicks = KICKS_PER_SPOT * len(spots) // len(tried)
    searched = [iterated(dist, tour, kicks)[0] for _, _, tour in tried]
    better = min(searched, key=lambda t: tour_length_m(dist, t))
    after = tour_length_m(dist, better)
    summary = ", ".join(f"{name} {m:,.0f} m" for m, name, _ in tried)
    reason = f"best of {summary}: {label}"
    if after < length - 1e-6:
        reason += f", shortened by iterated 2-opt/or-opt search to {after:,.0f} m"
    return _finish(layout, depot, stops, members, _order(better), "improved", f"{reason}; {where}")


def _finish(layout, depot, stops, members, order, method: str, reason: str) -> Route:
    visit = tuple(i for spot in order for i in members[spot])
    if sorted(visit) != list(range(len(stops))):
        missing = sorted(set(range(len(stops))) - set(visit))
        raise RuntimeError(
            f"routing by {method} lost track of the stops (missing {missing}, "
            f"{len(visit)} visits for {len(stops)} stops): no route is given rather than a "
            "wrong one"
        )
    path = [depot, *(stops[i] for i in visit), depot]
    legs = tuple(travel_distance_m(layout, p, q) for p, q in itertools.pairwise(path))
    total = sum(legs)
    if method != "improved":
        reason = f"{reason}, {total:,.0f} m"
    return Route(visit, total, legs, method, reason)
