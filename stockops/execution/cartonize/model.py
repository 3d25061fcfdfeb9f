"""The records of cartonization: carton types, order items, and the packing that comes out.

Units: lengths are whole millimetres (mm), weights kilograms (kg), volumes cubic metres
(m3) in totals. A carton's frame has its origin in the inner bottom-left-back corner: x
runs along its inner length, y along its width, z up along its height. Fractional sizes
are rounded to whole millimetres on the safe side: an item's dimensions up, a carton's
inner dimensions down, so a packing is never tighter than the real goods.

>>> Item("SKU-1", 2, 100.2, 50, 30, 0.4).length_mm
101
>>> CartonType("S", 300, 200, 150.9, max_gross_kg=20.0, tare_kg=0.25).height_mm
150
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from itertools import permutations

MM3_PER_M3 = 1_000_000_000


def _number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _whole_mm(value: float, up: bool, what: str) -> int:
    if not _number(value) or not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number of millimetres, not {value!r}")
    if value <= 0:
        raise ValueError(f"{what} must be positive, not {value} mm")
    # tolerate float noise from a unit conversion (299.99999 mm is 300 mm)
    whole = math.ceil(value - 1e-6) if up else math.floor(value + 1e-6)
    if whole <= 0:
        raise ValueError(f"{what} is less than a millimetre ({value} mm)")
    return whole


class _Box:
    """Length, width and height (mm) of a carton's inside or of one unit."""

    __slots__ = ()
    length_mm: int
    width_mm: int
    height_mm: int

    @property
    def dims_mm(self) -> tuple[int, int, int]:
        """(length, width, height) in mm."""
        return (self.length_mm, self.width_mm, self.height_mm)

    @property
    def volume_mm3(self) -> int:
        """Volume (mm3)."""
        return self.length_mm * self.width_mm * self.height_mm


@dataclass(frozen=True, slots=True)
class CartonType(_Box):
    """A carton the pack station stocks: inner length, width and height (mm, rounded
    down), the most it may weigh when full including itself (kg; ``math.inf`` for no
    limit), its own weight (kg) and optionally what one costs (currency units; breaks ties
    between equal volumes)."""

    name: str
    length_mm: int
    width_mm: int
    height_mm: int
    max_gross_kg: float
    tare_kg: float = 0.0
    cost: float | None = None

    def __post_init__(self) -> None:
        for field in ("length_mm", "width_mm", "height_mm"):
            what = f"carton {self.name} inner {field[:-3]}"
            object.__setattr__(self, field, _whole_mm(getattr(self, field), False, what))
        if not _number(self.tare_kg) or not 0 <= self.tare_kg < math.inf:
            raise ValueError(
                f"carton {self.name} tare must be a finite number of kilograms, 0 or more, "
                f"not {self.tare_kg!r}"
            )
        if not _number(self.max_gross_kg) or math.isnan(self.max_gross_kg):
            raise ValueError(
                f"carton {self.name} max gross weight must be a number of kilograms "
                f"(math.inf for no limit), not {self.max_gross_kg!r}"
            )
        if self.cost is not None and (not _number(self.cost) or not math.isfinite(self.cost)):
            raise ValueError(f"carton {self.name} cost must be a finite number, not {self.cost!r}")
        if not self.max_gross_kg > self.tare_kg:
            raise ValueError(
                f"carton {self.name} max gross weight {self.max_gross_kg} kg leaves nothing "
                f"for contents after its {self.tare_kg} kg tare"
            )

    @property
    def payload_kg(self) -> float:
        """The most its contents may weigh (kg): max gross less tare."""
        return self.max_gross_kg - self.tare_kg

    @property
    def label(self) -> str:
        """Name and inner size, for reasons: ``'S 300x200x150 mm'``."""
        return f"{self.name} {self.length_mm}x{self.width_mm}x{self.height_mm} mm"


@dataclass(frozen=True, slots=True)
class Item(_Box):
    """One order line to pack: ``qty`` identical units of a product, each ``length_mm`` x
    ``width_mm`` x ``height_mm`` (rounded up) weighing ``weight_kg``.

    ``this_side_up``: only rotations about the vertical axis (height stays vertical).
    ``keep_orientation``: no rotation at all: length along the carton's length, width
    along its width, height up (goods that must face one way, e.g. a display box).
    ``fragile``: nothing may be placed anywhere above a unit of it.
    ``do_not_mix``: its units share a carton with units of this product only.
    ``name``: what reasons call it (default: the product id)."""

    product_id: str | int
    qty: int
    length_mm: int
    width_mm: int
    height_mm: int
    weight_kg: float
    this_side_up: bool = False
    fragile: bool = False
    do_not_mix: bool = False
    name: str = ""
    keep_orientation: bool = False

    def __post_init__(self) -> None:
        if (
            isinstance(self.qty, bool)
            or not isinstance(self.qty, numbers.Integral)
            or self.qty <= 0
        ):
            raise ValueError(
                f"item {self.label}: quantity must be a positive whole number, not {self.qty!r}"
            )
        for field in ("length_mm", "width_mm", "height_mm"):
            what = f"item {self.label} {field[:-3]}"
            object.__setattr__(self, field, _whole_mm(getattr(self, field), True, what))
        if not _number(self.weight_kg) or not math.isfinite(self.weight_kg):
            raise ValueError(
                f"item {self.label}: weight must be a finite number of kilograms, "
                f"not {self.weight_kg!r}"
            )
        if self.weight_kg < 0:
            raise ValueError(f"item {self.label}: weight cannot be negative ({self.weight_kg} kg)")

    @property
    def label(self) -> str:
        """What reasons call the item: its name, else its product id."""
        return self.name or str(self.product_id)

    @property
    def size_label(self) -> str:
        """``'1200x300x300 mm'``."""
        return f"{self.length_mm}x{self.width_mm}x{self.height_mm} mm"

    def orientations(self) -> tuple[tuple[int, int, int], ...]:
        """Distinct (x, y, z) extents a unit may take: six rotations, the two that keep
        its height vertical when ``this_side_up``, or only its own with
        ``keep_orientation``.

        >>> Item("A", 1, 3, 2, 1, 0.0, this_side_up=True).orientations()
        ((3, 2, 1), (2, 3, 1))
        >>> Item("A", 1, 3, 2, 1, 0.0, keep_orientation=True).orientations()
        ((3, 2, 1),)
        """
        length, width, height = self.dims_mm
        if self.keep_orientation:
            return ((length, width, height),)
        if self.this_side_up:
            cands = [(length, width, height), (width, length, height)]
        else:
            cands = list(permutations((length, width, height)))
        return tuple(dict.fromkeys(cands))


@dataclass(frozen=True, slots=True)
class Placement:
    """One unit in a carton: its corner nearest the carton origin at (``x_mm``, ``y_mm``,
    ``z_mm``) and its extents along x, y and z as oriented (mm)."""

    item: Item
    x_mm: int
    y_mm: int
    z_mm: int
    dx_mm: int
    dy_mm: int
    dz_mm: int

    @property
    def product_id(self) -> str | int:
        return self.item.product_id

    @property
    def dims_mm(self) -> tuple[int, int, int]:
        """Oriented extents (dx, dy, dz) in mm."""
        return (self.dx_mm, self.dy_mm, self.dz_mm)

    @property
    def box_mm(self) -> tuple[int, int, int, int, int, int]:
        """(x0, y0, z0, x1, y1, z1): the space the unit occupies (mm)."""
        return (
            self.x_mm,
            self.y_mm,
            self.z_mm,
            self.x_mm + self.dx_mm,
            self.y_mm + self.dy_mm,
            self.z_mm + self.dz_mm,
        )


@dataclass(frozen=True, slots=True)
class PackedCarton:
    """A carton of one type and the units in it; ``fill_ratio`` is content volume over
    inner volume, ``gross_kg`` contents plus tare (kg)."""

    carton: CartonType
    placements: tuple[Placement, ...]
    fill_ratio: float
    gross_kg: float
    reason: str

    @property
    def units(self) -> int:
        return len(self.placements)


@dataclass(frozen=True, slots=True)
class Unpackable:
    """Units no carton type takes (too big in every allowed orientation, or too heavy):
    they go to the pack station for a manual carton, with the reason."""

    item: Item
    qty: int
    reason: str


@dataclass(frozen=True, slots=True)
class Packing:
    """The cartons one order ships in, the units no carton takes, and totals: number of
    cartons, shipped volume (sum of carton inner volumes, m3), gross weight (kg) and cost
    (sum of carton costs that are known)."""

    cartons: tuple[PackedCarton, ...]
    unpackable: tuple[Unpackable, ...]
    carton_count: int
    shipped_volume_m3: float
    gross_kg: float
    cost: float
    reason: str
