"""Building geometry constants: rack kinds, golden zone, open floor, aisles and clearances.

Units: metres. Axes as in :mod:`stockops.scenario`: x along the dock wall, y into the
building away from the docks, z height above the floor.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RackSpec:
    """Geometry of one kind of aisle: aisle width, rack depth and bay width (m), the beam
    height of each level above the floor (m, level 1 first) and the storage category code
    its bins get."""

    aisle_width_m: float
    rack_depth_m: float
    bay_width_m: float
    level_z_m: tuple[float, ...]
    storage_category_code: str


#: carton-flow shelving of the forward-pick area
FORWARD_RACK = RackSpec(2.0, 0.9, 1.4, (0.2, 0.7, 1.2, 1.7), "FLOW")
#: selective pallet racking of the reserve area
RESERVE_RACK = RackSpec(3.0, 1.2, 2.8, (0.0, 1.6, 3.2, 4.8, 6.4), "PALLET")
#: forward levels (1-based, as in bin names) whose beam is between waist and shoulder:
#: z = 0.7 m and 1.2 m. The brief's "levels 1-2" counts levels from 0.
GOLDEN_ZONE_LEVELS: tuple[int, ...] = (2, 3)
#: depth of the open floor in front of the rack block (m); the front cross aisle is here
OPEN_FLOOR_DEPTH_M = 12.0
#: width of a middle cross aisle (m); bays never occupy it
MIDDLE_CROSS_AISLE_WIDTH_M = 3.0
#: walkway beyond the back cross aisle line to the back wall (m)
BACK_CLEARANCE_M = 3.0
#: clearance between a side wall and the first/last rack (m)
SIDE_CLEARANCE_M = 2.0
#: flue gap between back-to-back racks of neighbouring aisles (m)
FLUE_GAP_M = 0.3
