"""The named scenario sizes: how many aisles, bays, products, partners and history days."""

from __future__ import annotations

import math
from dataclasses import dataclass

from stockops.scenario.geometry import FORWARD_RACK, RESERVE_RACK


@dataclass(frozen=True, slots=True)
class ScenarioSize:
    """How big a scenario is. Forward bays are half as wide as reserve bays (1.4 m vs
    2.8 m), so ``forward_bays_per_side`` is twice ``reserve_bays_per_side`` for both kinds
    of aisle to run the full length of the rack block. ``history_lines_target`` is the
    expected number of delivery lines over the history; ``median_daily_units`` the median
    product's expected demand in units per day. ``legacy_weeks`` is how many weeks of
    weekly demand the previous system exported, before the history Odoo posts."""

    name: str
    forward_aisles: int
    forward_bays_per_side: int
    reserve_aisles: int
    reserve_bays_per_side: int
    middle_cross_aisles: int
    products: int
    vendors: int
    customers: int
    history_days: int
    history_lines_target: int
    open_orders: int
    median_daily_units: float
    legacy_weeks: int = 0

    def __post_init__(self) -> None:
        forward_len = self.forward_bays_per_side * FORWARD_RACK.bay_width_m
        reserve_len = self.reserve_bays_per_side * RESERVE_RACK.bay_width_m
        if not math.isclose(forward_len, reserve_len):
            raise ValueError(f"{self.name}: forward and reserve aisles must be equally long")
        segments = self.middle_cross_aisles + 1
        if self.reserve_bays_per_side % segments or self.forward_bays_per_side % segments:
            raise ValueError(f"{self.name}: bays must split evenly around middle cross aisles")

    @property
    def rack_bins(self) -> int:
        """Number of rack bins (forward + reserve), area locations excluded."""
        forward = self.forward_aisles * 2 * self.forward_bays_per_side * len(FORWARD_RACK.level_z_m)
        reserve = self.reserve_aisles * 2 * self.reserve_bays_per_side * len(RESERVE_RACK.level_z_m)
        return forward + reserve


# fmt: off
SIZES: dict[str, ScenarioSize] = {
    # columns: forward aisles, bays/side; reserve aisles, bays/side; middle cross aisles;
    # products, vendors, customers; history days, history lines; open orders; median units/day;
    # legacy weeks (26 weeks in Odoo + 80 exported = two years and a bit: seasons can show)
    "small": ScenarioSize("small", 1, 12, 2, 6, 0, 30, 5, 15, 42, 420, 20, 2.0, 0),
    "default": ScenarioSize("default", 2, 40, 8, 20, 1, 240, 8, 40, 182, 9_000, 150, 1.5, 80),
    "large": ScenarioSize(
        "large", 5, 80, 42, 40, 1, 10_000, 40, 400, 182, 100_000, 2_000, 0.25, 80
    ),
}
# fmt: on
# rack bins: small 96 + 120 = 216; default 640 + 1,600 = 2,240; large 3,200 + 16,800 = 20,000
