"""Cartonization: which cartons one order ships in, and where each unit sits in them.

Reads the order's items and the carton types on offer; returns a :class:`Packing` (every
unit placed, or unpackable with its reason); writes nothing. Rooms: ``model`` (the
records), ``pack`` (one carton's free spaces), ``search`` (constructions and improvement
over many cartons), ``bounds`` (lower bounds), ``check`` (an independent verifier).

Units: millimetres for every length and position, kilograms, m3 for shipped volume (see
``model``). The objective is lexicographic: fewest cartons, then least shipped
volume (sum of the cartons' inner volumes), then least carton cost.

How (``search``): extreme-point first-fit decreasing constructions over several
unit orderings and main carton types, all orientations the item allows; then the
least-filled cartons are emptied into the others, pairs of cartons merged, and each
carton down-sized to the smallest type its contents re-pack into. Do-not-mix products
are packed apart, one group each. Units no carton type takes are not dropped: they come
back in ``unpackable`` with the reason, for a manual carton.

>>> s = CartonType("S", 300, 250, 150, max_gross_kg=20.0, tare_kg=0.3)
>>> m = CartonType("M", 400, 300, 250, max_gross_kg=30.0, tare_kg=0.5)
>>> packing = cartonize([Item("MUG", 4, 120, 120, 100, 0.35)], [s, m])
>>> [(c.carton.name, c.units) for c in packing.cartons], packing.gross_kg
([('S', 4)], 1.7)
>>> cartonize([Item("ROLL", 1, 1200, 300, 300, 4.0)], [s, m]).unpackable[0].reason
'item ROLL 1200x300x300 mm fits no carton type: largest is M 400x300x250 mm'
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from stockops.execution.cartonize.bounds import LowerBound, lower_bound_cartons
from stockops.execution.cartonize.check import verify
from stockops.execution.cartonize.model import (
    CartonType,
    Item,
    PackedCarton,
    Packing,
    Placement,
    Unpackable,
)
from stockops.execution.cartonize.pack import OpenCarton, Unit, fits_type
from stockops.execution.cartonize.search import pack_group, type_order

__all__ = [
    "CartonType",
    "Item",
    "LowerBound",
    "PackedCarton",
    "Packing",
    "Placement",
    "Unpackable",
    "cartonize",
    "lower_bound_cartons",
    "verify",
]


def cartonize(items: Sequence[Item], cartons: Sequence[CartonType]) -> Packing:
    """Pack one order's units into the warehouse's carton types (see the module doc).
    Raises ValueError for no carton types or duplicate carton names; bad sizes and
    quantities are refused when the ``Item``/``CartonType`` is built."""
    if not cartons:
        raise ValueError("no carton types to pack into")
    names = Counter(c.name for c in cartons)
    if max(names.values()) > 1:
        raise ValueError(f"carton type {names.most_common(1)[0][0]} is listed twice")
    unpackable = []
    groups: dict[object, list[Unit]] = {}
    index = 0
    for item in items:
        why = _unpackable_reason(item, cartons)
        if why is not None:
            unpackable.append(Unpackable(item, item.qty, why))
            continue
        group = ("alone", item.product_id) if item.do_not_mix else "mixed"
        for _ in range(item.qty):
            groups.setdefault(group, []).append(Unit(item, index))
            index += 1
    packed: list[PackedCarton] = []
    total_bound = 0
    for group, units in groups.items():
        group_items = Counter(u.item for u in units)
        bound = lower_bound_cartons(
            [replace(it, qty=n) for it, n in group_items.items()], cartons
        ).cartons
        total_bound += bound
        for box in pack_group(units, cartons, bound):
            packed.append(_packed(box, cartons, alone=group != "mixed"))
    packed.sort(key=lambda c: (type_order(c.carton), -c.units))
    return _packing(tuple(packed), tuple(unpackable), total_bound)


def _unpackable_reason(item: Item, cartons: Sequence[CartonType]) -> str | None:
    unit = Unit(item, 0)
    if any(fits_type(unit, c) for c in cartons):
        return None
    largest = max(cartons, key=type_order)
    side = ", kept upright" if item.this_side_up else ""
    side = ", not turned" if item.keep_orientation else side
    roomy = [c for c in cartons if any(
        a <= c.length_mm and b <= c.width_mm and h <= c.height_mm for a, b, h in unit.orients
    )]  # fmt: skip
    name = f"item {item.label} {item.size_label}"
    if not roomy:
        return f"{name}{side} fits no carton type: largest is {largest.label}"
    strongest = max(cartons, key=lambda c: c.payload_kg)
    if item.weight_kg > strongest.payload_kg + 1e-9:
        return (
            f"{name} weighs {item.weight_kg:g} kg, more than any carton carries: the most is "
            f"{strongest.payload_kg:g} kg in {strongest.name}"
        )
    best = max(roomy, key=lambda c: c.payload_kg)
    return (
        f"{name} weighs {item.weight_kg:g} kg: the cartons it fits in carry at most "
        f"{best.payload_kg:g} kg ({best.name})"
    )


def _packed(box: OpenCarton, cartons: Sequence[CartonType], alone: bool) -> PackedCarton:
    carton = box.carton
    places = tuple(
        Placement(unit.item, x, y, z, dx, dy, dz)
        for unit, (x, y, z, dx, dy, dz) in sorted(box.units, key=lambda us: us[1][2::-1])
    )
    content_kg = sum(p.item.weight_kg for p in places)
    fill = sum(p.item.volume_mm3 for p in places) / carton.volume_mm3
    gross = content_kg + carton.tare_kg
    products = len({p.product_id for p in places})
    what = f"{len(places)} unit{'s' * (len(places) != 1)} of {products} product"
    what += "s" * (products != 1)
    limit = f"of {carton.max_gross_kg:g} " if math.isfinite(carton.max_gross_kg) else ""
    why = f"{what} fill {fill:.0%} of {carton.label}, {gross:.2f} {limit}kg"
    smaller = [c for c in cartons if type_order(c) < type_order(carton)]
    why += "; no smaller carton type takes them" if smaller else "; the smallest carton type"
    if alone:
        why += f"; do-not-mix {places[0].item.label} packed alone"
    return PackedCarton(carton, places, fill, gross, why)


def _packing(
    packed: tuple[PackedCarton, ...],
    unpackable: tuple[Unpackable, ...],
    bound: int,
) -> Packing:
    volume = sum(c.carton.volume_mm3 for c in packed) / 1e9
    gross = sum(c.gross_kg for c in packed)
    cost = sum(c.carton.cost or 0.0 for c in packed)
    units = sum(c.units for c in packed)
    kinds = Counter(c.carton.name for c in packed)
    mix = ", ".join(f"{n} x {name}" for name, n in kinds.items())
    if packed:
        reason = (
            f"{units} units in {len(packed)} carton{'s' * (len(packed) != 1)} ({mix}), "
            f"{volume:.4f} m3 shipped, {gross:.2f} kg; lower bound {bound}"
        )
    else:
        reason = "nothing to pack in a carton"
    if unpackable:
        reason += "; for a manual carton: " + "; ".join(f"{u.qty} x {u.reason}" for u in unpackable)
    return Packing(packed, unpackable, len(packed), volume, gross, cost, reason)
