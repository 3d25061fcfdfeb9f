"""The shipping cartons the pack stations stock: inner dimensions (m), tare and the most
a carton may weigh when full (kg), cost per carton (USD), and a barcode on the shelf label.

Sizes are the common US corrugated stock sizes (inches, converted); 31.5 kg is about the
70 lb a single-wall box is rated for, below the 68 kg parcel carriers accept. Pallets
take what no carton does (drums, bulky rolls) and ship by freight.
"""

from __future__ import annotations

from stockops.scenario.records import CartonType

_INCH = 0.0254


def _box(code: str, name: str, inches: tuple[int, int, int], tare_kg: float, max_kg: float,
         cost: float) -> CartonType:  # fmt: skip
    length, width, height = (round(v * _INCH, 4) for v in inches)
    return CartonType(code, name, length, width, height, tare_kg, max_kg, cost)


CARTON_TYPES: tuple[CartonType, ...] = (
    _box("CTN-MLR", "Mailer 15x12x3 in", (15, 12, 3), 0.20, 10.0, 0.55),
    _box("CTN-S", "Box S 12x9x6 in", (12, 9, 6), 0.25, 20.0, 0.60),
    _box("CTN-M", "Box M 16x12x10 in", (16, 12, 10), 0.45, 31.5, 0.95),
    _box("CTN-L", "Box L 20x16x12 in", (20, 16, 12), 0.70, 31.5, 1.40),
    _box("CTN-XL", "Box XL 24x18x18 in", (24, 18, 18), 1.05, 31.5, 2.10),
    _box("CTN-LONG", "Long box 64x14x12 in", (64, 14, 12), 1.20, 31.5, 2.60),
    _box("PLT-HALF", "Half pallet 48x20x36 in", (48, 20, 36), 9.0, 450.0, 9.00),
    _box("PLT-FULL", "Pallet 48x40x60 in", (48, 40, 60), 20.0, 900.0, 14.00),
)
