"""Multi-carton search: several constructions, then emptying, merging and down-sizing.

One *construction* takes the units in a given order and puts each into the first open
carton where the extreme-point packer finds it a spot (first-fit decreasing), or the
fullest such carton (best fit), opening a carton of the *main* type when none does (or,
for a unit the main type cannot take, the largest type that can). Constructions run for a
few orderings and main types, first fit first; the best (fewest cartons) is improved by

* emptying: the least-filled carton's units are moved into the others when they all go
  (last, a unit with no free spot may also re-pack a carton's contents with it);
* merging: the contents of two cartons are re-packed into one carton of any type;
* down-sizing: each carton's contents are re-packed into the smallest type that takes
  them (several orderings each).

The objective is lexicographic: fewest cartons, then least shipped volume, then cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import product

from stockops.execution.cartonize.model import CartonType
from stockops.execution.cartonize.pack import OpenCarton, Unit, fill_one, fits_type

#: orderings tried by the constructions; fragile units always go last (on top)
ORDERINGS: dict[str, Callable[[Unit], tuple]] = {
    "volume": lambda u: (u.fragile, -u.vol, -max(u.item.dims_mm), u.index),
    "longest side": lambda u: (u.fragile, -max(u.item.dims_mm), -u.vol, u.index),
    "largest face": lambda u: (u.fragile, -_face(u), -u.vol, u.index),
    "thickness": lambda u: (u.fragile, -min(u.item.dims_mm), -u.vol, u.index),
}
#: how many of the largest carton types serve in turn as the construction's main type
MAIN_TYPES = 3
#: cap on pair-merge re-packs per group
MERGE_TRIES = 40


def _face(u: Unit) -> int:
    _, middle, longest = sorted(u.item.dims_mm)
    return middle * longest


def type_order(carton: CartonType) -> tuple[int, float, str]:
    """Smaller first: volume, then cost, then name."""
    cost = carton.cost if carton.cost is not None else 0.0
    return (carton.volume_mm3, cost, carton.name)


def score(boxes: Sequence[OpenCarton]) -> tuple[int, int, float]:
    """(cartons, shipped volume mm3, cost): lower is better."""
    return (
        len(boxes),
        sum(b.carton.volume_mm3 for b in boxes),
        sum(b.carton.cost or 0.0 for b in boxes),
    )


def construct(
    units: Sequence[Unit], main: CartonType, types: Sequence[CartonType], best_fit: bool = False
) -> list:
    """Each unit in turn into the first open carton (in opening order) where it finds a
    spot, or with ``best_fit`` the one it leaves least free volume in; a new carton of the
    ``main`` type (else the largest that takes it) when none does. ``types`` largest first."""
    boxes: list[OpenCarton] = []
    for unit in units:
        chosen, spot = None, None
        for box in sorted(boxes, key=lambda b: b.vol_free) if best_fit else boxes:
            spot = box.find(unit)
            if spot is not None:
                chosen = box
                break
        if chosen is None:
            carton = main if fits_type(unit, main) else next(t for t in types if fits_type(unit, t))
            chosen = OpenCarton(carton)
            spot = chosen.find(unit)
            assert spot is not None, "a unit that fits a carton type fits it empty"
            boxes.append(chosen)
        chosen.place(unit, spot)
    return boxes


def empty_cartons(boxes: list[OpenCarton], deep: bool = False) -> list[OpenCarton]:
    """Move every unit of the least-filled cartons into the others while that works;
    ``deep``: a unit with no free spot may also re-pack a carton's contents with it."""
    improved = True
    while improved and len(boxes) > 1:
        improved = False
        for victim in sorted(boxes, key=lambda b: b.fill):
            others = [b for b in boxes if b is not victim]
            used_vol = victim.carton.volume_mm3 - victim.vol_free
            if used_vol > sum(b.vol_free for b in others):
                continue
            moved = _move_all(victim, others, deep)
            if moved is not None:
                boxes, improved = moved, True
                break
    return boxes


def _move_all(victim: OpenCarton, others: list[OpenCarton], deep: bool) -> list[OpenCarton] | None:
    """The others with every unit of the victim added, or None. A unit goes where the
    packer finds it a spot, else into a carton whose contents re-pack with it."""
    boxes = list(others)
    units = sorted((u for u, _ in victim.units), key=ORDERINGS["volume"])
    for unit in units:
        for i, box in enumerate(boxes):
            spot = box.find(unit)
            if spot is not None:
                boxes[i] = box.copy()
                boxes[i].place(unit, spot)
                break
        else:
            if not deep:
                return None
            for i, box in sorted(enumerate(boxes), key=lambda ib: ib[1].vol_free):
                if unit.vol > box.vol_free or unit.kg > box.kg_free + 1e-9:
                    continue
                again = repack([u for u, _ in box.units] + [unit], box.carton)
                if again is not None:
                    boxes[i] = again
                    break
            else:
                return None
    return boxes


def repack(units: Sequence[Unit], carton: CartonType) -> OpenCarton | None:
    """The units in one carton of this type, trying each ordering; None when none works."""
    vol = sum(u.vol for u in units)
    kg = sum(u.kg for u in units)
    if vol > carton.volume_mm3 or kg > carton.payload_kg + 1e-9:
        return None
    if not all(fits_type(u, carton) for u in units):
        return None
    tried: set[tuple[int, ...]] = set()
    for key in ORDERINGS.values():
        ordered = sorted(units, key=key)
        signature = tuple(id(u) for u in ordered)
        if signature in tried:
            continue
        tried.add(signature)
        box = fill_one(ordered, carton)
        if box is not None:
            return box
    return None


def smallest_carton(units: Sequence[Unit], types_small_first: Sequence[CartonType],
                    limit: tuple | None = None) -> OpenCarton | None:  # fmt: skip
    """The smallest type (volume, cost, name) that takes all the units, below ``limit``
    when given."""
    for carton in types_small_first:
        if limit is not None and type_order(carton) >= limit:
            return None
        box = repack(units, carton)
        if box is not None:
            return box
    return None


def downsize(boxes: list[OpenCarton], types_small_first: Sequence[CartonType]) -> list:
    """Each carton's contents re-packed into the smallest type that takes them."""
    out = []
    for box in boxes:
        units = [u for u, _ in box.units]
        smaller = smallest_carton(units, types_small_first, type_order(box.carton))
        out.append(smaller if smaller is not None else box)
    return out


def merge_pairs(boxes: list[OpenCarton], types_small_first: Sequence[CartonType]) -> list:
    """Re-pack two cartons' contents into one while some pair allows it."""
    biggest = types_small_first[-1].volume_mm3
    tries = 0
    merged = True
    while merged and len(boxes) > 1 and tries < MERGE_TRIES:
        merged = False
        used = [b.carton.volume_mm3 - b.vol_free for b in boxes]
        pairs = sorted(
            (used[i] + used[j], i, j)
            for i in range(len(boxes))
            for j in range(i + 1, len(boxes))
            if used[i] + used[j] <= biggest
        )
        for _, i, j in pairs:
            if tries >= MERGE_TRIES:
                break
            tries += 1
            units = [u for u, _ in boxes[i].units] + [u for u, _ in boxes[j].units]
            box = smallest_carton(units, types_small_first)
            if box is not None:
                boxes = [b for k, b in enumerate(boxes) if k not in (i, j)] + [box]
                merged = True
                break
    return boxes


def pack_group(units: Sequence[Unit], types: Sequence[CartonType], bound: int) -> list:
    """Cartons for units that may share cartons; every unit fits some type alone.
    ``bound`` is a lower bound on the carton count: reaching it stops the search."""
    small_first = sorted(types, key=type_order)
    large_first = small_first[::-1]
    whole = smallest_carton(units, small_first) if _one_may_do(units, large_first) else None
    if whole is not None:
        return [whole]
    mains = [t for t in large_first if any(fits_type(u, t) for u in units)][:MAIN_TYPES]
    best: list[OpenCarton] = []
    for best_fit, main, key in product((False, True), mains, ORDERINGS.values()):
        boxes = empty_cartons(construct(sorted(units, key=key), main, large_first, best_fit))
        if not best or score(boxes) < score(best):
            best = boxes
        if len(best) <= bound:
            return downsize(best, small_first)
    best = empty_cartons(best, deep=True)
    if len(best) > bound:
        best = empty_cartons(merge_pairs(best, small_first))
    return downsize(best, small_first)


def _one_may_do(units: Sequence[Unit], large_first: Sequence[CartonType]) -> bool:
    vol = sum(u.vol for u in units)
    kg = sum(u.kg for u in units)
    return any(
        vol <= t.volume_mm3 and kg <= t.payload_kg + 1e-9 and all(fits_type(u, t) for u in units)
        for t in large_first
    )
