"""Placement of units into one open carton by empty maximal spaces (EMS).

Geometry is in whole millimetres, so every test is exact. An open carton keeps the list
of its *empty maximal spaces*: the free boxes not contained in any larger free box (Lai &
Chan 1997; the representation of Goncalves & Resende's 2013 container loader). Any free
box lies inside one of them, so a unit fits at a space's corner exactly when its extents
fit the space: no overlap test against the placed units is needed. Placing a unit cuts
every space it meets into the up-to-six parts beside, before, behind, below and above it,
and drops the parts inside others.

A unit goes to the space and orientation with the best *placement rule*:

* ``"corner"`` (default): the far corner of the unit as far as possible from the
  carton's far top corner (Goncalves & Resende's distance-to-front-top-right rule);
* ``"floor"``: lowest, then nearest the back-left walls, then largest footprint.

``fragile``: nothing anywhere above a fragile unit. The column from its top to the lid is
cut out of the free space like a unit, and a fragile unit only goes where the column
above it is free (one maximal space holds it).

>>> from stockops.execution.cartonize.model import CartonType, Item
>>> box = OpenCarton(CartonType("S", 100, 100, 100, 10.0))
>>> unit = Unit(Item("A", 1, 60, 100, 50, 1.0), 0)
>>> box.place(unit, box.find(unit)); box.find(unit)
(0, 0, 50, 60, 100, 50)
"""

from __future__ import annotations

from collections.abc import Sequence

from stockops.execution.cartonize.model import CartonType, Item

#: (x, y, z, dx, dy, dz) of a placed or candidate box, mm
Spot = tuple[int, int, int, int, int, int]
#: (x0, y0, z0, x1, y1, z1) of a free box, mm
Space = tuple[int, int, int, int, int, int]
#: placement rules (see the module doc)
RULES = ("corner", "floor")


class Unit:
    """One physical unit of an item, with what the packer needs at hand."""

    __slots__ = ("fragile", "index", "item", "kg", "orients", "vol")

    def __init__(self, item: Item, index: int) -> None:
        self.item = item
        self.index = index
        self.orients = item.orientations()
        self.vol = item.volume_mm3
        self.kg = item.weight_kg
        self.fragile = item.fragile


def fits_type(unit: Unit, carton: CartonType) -> bool:
    """Whether the unit alone fits the carton: some orientation inside, weight within
    payload."""
    if unit.kg > carton.payload_kg + 1e-9:
        return False
    length, width, height = carton.dims_mm
    return any(a <= length and b <= width and c <= height for a, b, c in unit.orients)


class OpenCarton:
    """A carton being filled (mutable, internal to the packer). ``min_side`` (mm): free
    spaces thinner than this are forgotten, as no unit to come fits them."""

    __slots__ = ("carton", "kg_free", "min_side", "room", "rule", "spaces", "units", "vol_free")

    def __init__(self, carton: CartonType, rule: str = "corner", min_side: int = 1) -> None:
        if rule not in RULES:
            raise ValueError(f"placement rule {rule!r} is not one of {', '.join(RULES)}")
        self.carton = carton
        self.rule = rule
        self.min_side = min_side
        self.spaces: list[Space] = [(0, 0, 0, *carton.dims_mm)]
        self.room = carton.dims_mm  # the longest free run along x, y and z (mm)
        self.units: list[tuple[Unit, Spot]] = []
        self.vol_free = carton.volume_mm3
        self.kg_free = carton.payload_kg

    def copy(self) -> OpenCarton:
        other = OpenCarton.__new__(OpenCarton)
        other.carton, other.rule, other.min_side = self.carton, self.rule, self.min_side
        other.spaces = list(self.spaces)
        other.room = self.room
        other.units = list(self.units)
        other.vol_free, other.kg_free = self.vol_free, self.kg_free
        return other

    @property
    def fill(self) -> float:
        return 1.0 - self.vol_free / self.carton.volume_mm3

    def find(self, unit: Unit) -> Spot | None:
        """Best spot for the unit under the carton's rule, or None when it does not go in."""
        if unit.vol > self.vol_free or unit.kg > self.kg_free + 1e-9:
            return None
        rx, ry, rz = self.room
        if not any(dx <= rx and dy <= ry and dz <= rz for dx, dy, dz in unit.orients):
            return None  # no free space is long enough for it, whichever way it turns
        size_x, size_y, size_z = self.carton.dims_mm
        corner = self.rule == "corner"
        best: Spot | None = None
        best_key: tuple[int, ...] | None = None
        for x0, y0, z0, x1, y1, z1 in self.spaces:
            room_x, room_y, room_z = x1 - x0, y1 - y0, z1 - z0
            for dx, dy, dz in unit.orients:
                if dx > room_x or dy > room_y or dz > room_z:
                    continue
                if corner:
                    gx, gy, gz = size_x - x0 - dx, size_y - y0 - dy, size_z - z0 - dz
                    key: tuple[int, ...] = (-(gx * gx + gy * gy + gz * gz), z0)
                else:
                    key = (z0, x0 + y0, -dx * dy)
                if best_key is not None and key >= best_key:
                    continue
                if unit.fragile and not self._column_free(x0, y0, z0, x0 + dx, y0 + dy):
                    continue
                best, best_key = (x0, y0, z0, dx, dy, dz), key
        return best

    def _column_free(self, x0: int, y0: int, z0: int, x1: int, y1: int) -> bool:
        top = self.carton.height_mm
        return any(
            s[0] <= x0 and s[1] <= y0 and s[2] <= z0 and x1 <= s[3] and y1 <= s[4] and s[5] >= top
            for s in self.spaces
        )

    def place(self, unit: Unit, spot: Spot) -> None:
        x, y, z, dx, dy, dz = spot
        self.units.append((unit, spot))
        self.vol_free -= unit.vol
        self.kg_free -= unit.kg
        top = self.carton.height_mm if unit.fragile else z + dz
        self._cut((x, y, z, x + dx, y + dy, top))

    def _cut(self, ob: Space) -> None:
        """Cut the box ``ob`` out of the free spaces. Spaces it misses stay maximal and
        no part of a space it cuts can contain one of them (both were maximal), so only
        the new parts are tested for containment, against each other and the kept ones."""
        ox0, oy0, oz0, ox1, oy1, oz1 = ob
        least = self.min_side
        kept: list[Space] = []
        parts: list[Space] = []
        for s in self.spaces:
            sx0, sy0, sz0, sx1, sy1, sz1 = s
            if not (
                sx0 < ox1 and ox0 < sx1 and sy0 < oy1 and oy0 < sy1 and sz0 < oz1 and oz0 < sz1
            ):
                kept.append(s)
                continue
            if ox0 - sx0 >= least:
                parts.append((sx0, sy0, sz0, ox0, sy1, sz1))
            if sx1 - ox1 >= least:
                parts.append((ox1, sy0, sz0, sx1, sy1, sz1))
            if oy0 - sy0 >= least:
                parts.append((sx0, sy0, sz0, sx1, oy0, sz1))
            if sy1 - oy1 >= least:
                parts.append((sx0, oy1, sz0, sx1, sy1, sz1))
            if oz0 - sz0 >= least:
                parts.append((sx0, sy0, sz0, sx1, sy1, oz0))
            if sz1 - oz1 >= least:
                parts.append((sx0, sy0, oz1, sx1, sy1, sz1))
        parts = list(dict.fromkeys(parts))
        fresh = []
        for a in parts:
            ax0, ay0, az0, ax1, ay1, az1 = a
            for b in parts:
                if (
                    b[0] <= ax0 and b[1] <= ay0 and b[2] <= az0 and ax1 <= b[3] and ay1 <= b[4]
                    and az1 <= b[5] and b is not a
                ):  # fmt: skip
                    break
            else:
                for b in kept:
                    if (
                        b[0] <= ax0 and b[1] <= ay0 and b[2] <= az0 and ax1 <= b[3]
                        and ay1 <= b[4] and az1 <= b[5]
                    ):  # fmt: skip
                        break
                else:
                    fresh.append(a)
        self.spaces = kept + fresh
        self.room = (
            max((s[3] - s[0] for s in self.spaces), default=0),
            max((s[4] - s[1] for s in self.spaces), default=0),
            max((s[5] - s[2] for s in self.spaces), default=0),
        )


def fill_one(
    units: Sequence[Unit], carton: CartonType, rule: str = "corner", min_side: int = 1
) -> OpenCarton | None:
    """All the units in one carton of this type, in the given order, or None."""
    box = OpenCarton(carton, rule, min_side)
    for unit in units:
        spot = box.find(unit)
        if spot is None:
            return None
        box.place(unit, spot)
    return box
