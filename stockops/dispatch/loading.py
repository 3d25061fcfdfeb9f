"""The order parcels go into the truck: per route, the last stop first.

The driver unloads from the doors backwards, so what is delivered last must go in first,
deepest in the truck. Parcels of one stop stay together; routes are loaded one after
the other (each truck one route, or the routes in the order given). A stop is a
position on its route (1 = first delivery); a parcel without a stop goes in last, where
it can be reached whatever the route turns out to be.

>>> steps = loading_order([
...     LoadItem("P1", "R1", 1), LoadItem("P2", "R1", 3), LoadItem("P3", "R1", 2),
...     LoadItem("P4", "R1", 3)])
>>> [(s.reference, s.position) for s in steps]
[('P2', 1), ('P4', 2), ('P3', 3), ('P1', 4)]
>>> steps[0].reason
'route R1: stop 3 is delivered last of 3 stops, so it is loaded first (1 of 4)'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoadItem:
    """One parcel waiting at the door: its route and stop (0 or less: no stop known)."""

    reference: str
    route: str = ""
    stop: int = 0


@dataclass(frozen=True, slots=True)
class LoadStep:
    """Where a parcel goes in the loading sequence (1 = first into the truck) and why."""

    reference: str
    route: str
    stop: int
    position: int
    reason: str


def _why(stop: int, stops: list[int]) -> str:
    if stop <= 0:
        return "no stop known: loaded last, by the doors"
    if len(stops) == 1:
        return f"stop {stop}, the only stop"
    if stop == stops[-1]:
        return f"stop {stop} is delivered last of {len(stops)} stops, so it is loaded first"
    if stop == stops[0]:
        return f"stop {stop} is delivered first of {len(stops)} stops, so it is loaded last"
    later = sum(1 for s in stops if s > stop)
    return f"stop {stop}: loaded after the {later} later stop(s) of {len(stops)}"


def loading_order(items: Sequence[LoadItem]) -> list[LoadStep]:
    """The loading sequence of ``items``: route by route, last stop first.

    Routes come in the order they first appear in ``items``; within a stop the given
    order is kept (stable), so a caller sorting by package first keeps that order.
    """
    routes: dict[str, list[LoadItem]] = {}
    for item in items:
        routes.setdefault(item.route, []).append(item)
    out: list[LoadStep] = []
    for route, parcels in routes.items():
        stops = sorted({p.stop for p in parcels if p.stop > 0})
        ordered = sorted(parcels, key=lambda p: -p.stop if p.stop > 0 else 1)
        name = f"route {route}" if route else "no route"
        for index, parcel in enumerate(ordered, 1):
            reason = f"{name}: {_why(parcel.stop, stops)} ({index} of {len(ordered)})"
            out.append(LoadStep(parcel.reference, route, parcel.stop, len(out) + 1, reason))
    return out
