"""Independent check of a packing: the rules a pack station relies on, re-tested from the
placements alone (nothing of the packer is reused).

>>> from stockops.execution.cartonize.model import CartonType, Item
>>> from stockops.execution.cartonize import cartonize
>>> verify(cartonize([Item("A", 2, 100, 80, 60, 1.0)], [CartonType("S", 200, 100, 100, 5.0)]))
()
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from stockops.execution.cartonize.model import Item, PackedCarton, Packing

_KG_TOL = 1e-6


def verify(packing: Packing, items: Sequence[Item] | None = None) -> tuple[str, ...]:
    """Every broken rule, as sentences; empty when the packing is sound.

    Checked per carton: each unit inside the inner walls, in one of its allowed
    orientations (height vertical when ``this_side_up``, as listed when
    ``keep_orientation``), no two units overlapping, nothing above a fragile unit's
    footprint, do-not-mix products alone, contents within payload, and the stated fill
    ratio and gross weight. Checked overall: the totals, and when
    ``items`` is given, every unit of every item placed exactly once or reported
    unpackable."""
    problems: list[str] = []
    for n, carton in enumerate(packing.cartons, 1):
        problems.extend(f"carton {n} ({carton.carton.name}): {p}" for p in _carton(carton))
    volume = sum(c.carton.volume_mm3 for c in packing.cartons) / 1e9
    gross = sum(c.gross_kg for c in packing.cartons)
    if packing.carton_count != len(packing.cartons):
        problems.append(f"carton_count {packing.carton_count} != {len(packing.cartons)} cartons")
    if abs(packing.shipped_volume_m3 - volume) > 1e-9:
        problems.append(f"shipped volume {packing.shipped_volume_m3} m3 != {volume} m3")
    if abs(packing.gross_kg - gross) > _KG_TOL * max(1, len(packing.cartons)):
        problems.append(f"gross weight {packing.gross_kg} kg != {gross} kg")
    if items is not None:
        problems.extend(_accounting(packing, items))
    return tuple(problems)


def _carton(packed: PackedCarton) -> list[str]:
    problems = []
    size = packed.carton.dims_mm
    places = packed.placements
    if not places:
        problems.append("carton is empty")
    for p in places:
        box = p.box_mm
        if min(box[:3]) < 0 or any(box[3 + k] > size[k] for k in range(3)):
            problems.append(f"{p.product_id} at {box} sticks out of {size}")
        if sorted(p.dims_mm) != sorted(p.item.dims_mm):
            problems.append(f"{p.product_id} has extents {p.dims_mm}, not its {p.item.dims_mm}")
        if p.item.this_side_up and p.dz_mm != p.item.height_mm:
            problems.append(f"{p.product_id} is this-side-up but lies on its side")
        if p.item.keep_orientation and p.dims_mm != p.item.dims_mm:
            problems.append(f"{p.product_id} may not turn but lies {p.dims_mm}")
    for i, a in enumerate(places):
        ax0, ay0, az0, ax1, ay1, az1 = a.box_mm
        for b in places[i + 1 :]:
            bx0, by0, bz0, bx1, by1, bz1 = b.box_mm
            if not (ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1):
                continue  # footprints apart: neither overlaps nor stands on the other
            if az0 < bz1 and bz0 < az1:
                problems.append(f"{a.product_id} at {a.box_mm} overlaps {b.product_id}")
            elif a.item.fragile and bz0 >= az1:
                problems.append(f"{b.product_id} is above fragile {a.product_id}")
            elif b.item.fragile and az0 >= bz1:
                problems.append(f"{a.product_id} is above fragile {b.product_id}")
    products = {p.product_id for p in places}
    lonely = sorted(str(p.product_id) for p in places if p.item.do_not_mix)
    if lonely and len(products) > 1:
        problems.append(f"do-not-mix {lonely[0]} shares the carton with other products")
    content_kg = sum(p.item.weight_kg for p in places)
    if content_kg > packed.carton.payload_kg + _KG_TOL:
        problems.append(
            f"contents weigh {content_kg:.3f} kg, over its payload "
            f"{packed.carton.payload_kg:.3f} kg"
        )
    if abs(packed.gross_kg - (content_kg + packed.carton.tare_kg)) > _KG_TOL:
        problems.append(f"gross {packed.gross_kg} kg is not contents plus tare")
    fill = sum(p.item.volume_mm3 for p in places) / packed.carton.volume_mm3
    if abs(packed.fill_ratio - fill) > 1e-9:
        problems.append(f"fill ratio {packed.fill_ratio} is not {fill}")
    return problems


def _accounting(packing: Packing, items: Sequence[Item]) -> list[str]:
    wanted: Counter = Counter()
    for it in items:
        wanted[it] += it.qty
    got: Counter = Counter()
    for carton in packing.cartons:
        for p in carton.placements:
            got[p.item] += 1
    for u in packing.unpackable:
        got[u.item] += u.qty
    problems = []
    for it in set(wanted) | set(got):
        if wanted[it] != got[it]:
            problems.append(
                f"{it.product_id}: {wanted[it]} units ordered, {got[it]} placed or reported"
            )
    return problems
