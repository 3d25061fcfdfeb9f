"""The building: zones, storage categories, aisles and every bin (rack and open-floor area),
and how many units of a product fit one bin of a storage category.

Units: metres, kilograms, cubic metres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from stockops.scenario.geometry import (
    BACK_CLEARANCE_M,
    FLUE_GAP_M,
    FORWARD_RACK,
    MIDDLE_CROSS_AISLE_WIDTH_M,
    OPEN_FLOOR_DEPTH_M,
    RESERVE_RACK,
    SIDE_CLEARANCE_M,
)
from stockops.scenario.records import Aisle, Bin, StorageCategory, Zone
from stockops.scenario.sizes import ScenarioSize

ZONES: tuple[Zone, ...] = (
    Zone("RCV", "Receiving", "receiving"),
    Zone("QC", "Quality Control", "qc"),
    Zone("HOLD", "Hold Cage", "hold"),
    Zone("RES", "Reserve Storage", "reserve"),
    Zone("FWD", "Forward Pick", "forward"),
    Zone("PACK", "Packing", "pack"),
    Zone("SHIP", "Shipping", "shipping"),
    Zone("RET", "Returns", "returns"),
    Zone("XD", "Cross-Dock", "crossdock"),
)

STORAGE_CATEGORIES: tuple[StorageCategory, ...] = (
    StorageCategory("PALLET", "Pallet Position", 1000.0, 1.8, "same", 1.6),
    StorageCategory("FLOW", "Carton Flow Lane", 60.0, 0.25, "same", 0.9),
    StorageCategory("HAZ", "Hazmat Cage Pallet Position", 750.0, 1.8, "same", 1.6, True),
    StorageCategory("BULK", "Bulk Floor Lane", 4000.0, 12.0, "mixed", 3.0),
)
_CATEGORY_BY_CODE = {c.code: c for c in STORAGE_CATEGORIES}
# pallets are never packed solid: leave room for overhang and air
_PALLET_CUBE_FILL = 0.9


def pallet_capacity(
    volume: np.ndarray, weight: np.ndarray, category: str, longest: np.ndarray | None = None
) -> np.ndarray:
    """Whole units (per product) that fit one bin of storage ``category``, given each
    unit's ``volume`` (m3), ``weight`` (kg) and, when given, ``longest`` side (m): the
    tighter of the category's volume (filled to 90 %) and weight limits, and 0 for a unit
    longer than the bin (or otherwise too big for it)."""
    limits = _CATEGORY_BY_CODE[category]
    by_volume = np.floor(limits.max_volume_m3 * _PALLET_CUBE_FILL / volume)
    by_weight = np.floor(limits.max_weight_kg / weight)
    capacity = np.minimum(by_volume, by_weight).astype(np.int64)
    if longest is not None and limits.max_length_m:
        capacity[np.asarray(longest) > limits.max_length_m] = 0
    return capacity


@dataclass(frozen=True, slots=True)
class Layout:
    """The built warehouse: its aisles; the y (m) of the cross aisles (the front line where
    the first bay begins, each middle aisle's centre, the back line where the last bay
    ends); every bin (open-floor areas first, then rack bins); the building's outer width
    and depth (m)."""

    aisles: tuple[Aisle, ...]
    cross_aisles_y_m: tuple[float, ...]
    bins: tuple[Bin, ...]
    width_m: float
    depth_m: float


def build_layout(spec: ScenarioSize) -> Layout:
    """Lay out the aisles of ``spec`` side by side along x (forward aisles nearest the
    packing area, the hazmat cage in the farthest reserve aisles), split every aisle by
    the middle cross aisles, and name and place every bin. Positions in metres."""
    segments = spec.middle_cross_aisles + 1
    seg_len = round(spec.reserve_bays_per_side // segments * RESERVE_RACK.bay_width_m, 6)
    seg_starts = [
        OPEN_FLOOR_DEPTH_M + k * (seg_len + MIDDLE_CROSS_AISLE_WIDTH_M) for k in range(segments)
    ]
    middles = [y0 + seg_len + MIDDLE_CROSS_AISLE_WIDTH_M / 2 for y0 in seg_starts[:-1]]
    back_y = round(seg_starts[-1] + seg_len, 6)
    cross = (OPEN_FLOOR_DEPTH_M, *(round(y, 6) for y in middles), back_y)

    kinds = [("F", "FWD", FORWARD_RACK, spec.forward_bays_per_side)] * spec.forward_aisles
    kinds += [("R", "RES", RESERVE_RACK, spec.reserve_bays_per_side)] * spec.reserve_aisles
    # the hazmat cage: ground and first beam level of the reserve aisles farthest from packing
    haz_aisles = max(1, math.ceil(spec.reserve_aisles * 0.1))

    aisles: list[Aisle] = []
    rack_bins: list[Bin] = []
    cursor = SIDE_CLEARANCE_M
    counters = {"F": 0, "R": 0}
    for prefix, zone, rack, bays in kinds:
        counters[prefix] += 1
        name = f"{prefix}{counters[prefix]:02d}"
        centre = round(cursor + rack.rack_depth_m + rack.aisle_width_m / 2, 6)
        cursor = centre + rack.aisle_width_m / 2 + rack.rack_depth_m + FLUE_GAP_M
        aisles.append(
            Aisle(
                name,
                zone,
                centre,
                OPEN_FLOOR_DEPTH_M,
                back_y,
                rack.aisle_width_m,
                rack.rack_depth_m,
            )
        )
        offset = rack.aisle_width_m / 2 + rack.rack_depth_m / 2
        per_seg = bays // segments
        in_cage = prefix == "R" and counters["R"] > spec.reserve_aisles - haz_aisles
        for b in range(bays):
            y = round(seg_starts[b // per_seg] + (b % per_seg + 0.5) * rack.bay_width_m, 6)
            for level, z in enumerate(rack.level_z_m, start=1):
                category = "HAZ" if in_cage and level <= 2 else rack.storage_category_code
                for side, sign in (("L", -1.0), ("R", 1.0)):
                    bin_name = f"{name}-{b + 1:02d}-{level}{side}"
                    x = round(centre + sign * offset, 6)
                    rack_bins.append(
                        Bin(
                            bin_name,
                            bin_name.replace("-", ""),
                            zone,
                            name,
                            b + 1,
                            level,
                            side,
                            x,
                            y,
                            z,
                            category,
                        )
                    )
    width = round(cursor - FLUE_GAP_M + SIDE_CLEARANCE_M, 6)
    depth = round(back_y + BACK_CLEARANCE_M, 6)
    area = _area_bins(aisles, width)
    return Layout(tuple(aisles), cross, tuple(area + rack_bins), width, depth)


def _area_bins(aisles: list[Aisle], width: float) -> list[Bin]:
    forward_x = [a.x_m for a in aisles if a.zone_code == "FWD"] or [aisles[0].x_m]
    # pack stations sit in front of the forward aisles, at least 3 m apart
    first = max(1.5, forward_x[0] - 2.0)
    step = max(3.0, (forward_x[-1] + 2.0 - first) / 3)
    pack_x = [round(first + i * step, 3) for i in range(4)]

    def area(name: str, zone: str, x: float, y: float, category: str | None = None) -> Bin:
        return Bin(name, name.replace("-", ""), zone, None, 0, 0, "", round(x, 3), y, 0.0, category)

    bins = [
        area("RCV-DOCK", "RCV", 0.7 * width, 1.5),
        area("QC-AREA", "QC", 0.8 * width, 8.0),
        area("HOLD-CAGE", "HOLD", 0.92 * width, 9.5),
        area("RET-AREA", "RET", 0.92 * width, 4.0),
        area("XD-STAGE", "XD", 0.55 * width, 5.0, "BULK"),
    ]
    bins += [area(f"P{i + 1}", "PACK", x, 9.0) for i, x in enumerate(pack_x)]
    bins += [area(f"D{i + 1}", "SHIP", x, 0.5) for i, x in enumerate(pack_x)]
    return bins
