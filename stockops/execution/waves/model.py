"""The plain records wave planning reads and writes. Units: kilograms, cubic metres, metres.

Order lines carry their pick location as a :class:`stockops.layout.Point`; weights and
volumes are the whole line's (all its units), as they ride on the cart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from stockops.execution.routing import Route
from stockops.layout import Point


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line to pick: product, quantity (units), where (Point), the line's weight (kg) and
    volume (m3), and the zone code of its location."""

    product_id: str | int
    qty: float
    location: Point
    weight_kg: float = 0.0
    volume_m3: float = 0.0
    zone: str = ""


@dataclass(frozen=True, slots=True)
class Order:
    """An order to release: its lines, the carrier cut-off it must make (None: no carrier
    deadline), priority (higher is more urgent) and the date promised to the customer."""

    id: str
    lines: tuple[OrderLine, ...]
    cutoff: datetime | None = None
    priority: int = 0
    promised_date: date | None = None


@dataclass(frozen=True, slots=True)
class CartLimits:
    """What one picking cart takes: totes (one order, or one part of a split order, per
    tote), lines, weight (kg) and volume (m3)."""

    max_orders: int = 8
    max_lines: int = 40
    max_weight_kg: float = 150.0
    max_volume_m3: float = 0.6

    def describe(self) -> str:
        return (
            f"{self.max_orders} totes, {self.max_lines} lines, "
            f"{self.max_weight_kg:g} kg, {self.max_volume_m3:g} m3"
        )


@dataclass(frozen=True, slots=True)
class MethodRules:
    """Thresholds of the pick-method choice. An order whose lines span at least
    ``zone_min_zones`` zones is zone-picked; one with at least ``discrete_min_lines`` lines
    is picked discretely (one order per tour); one with at most ``batch_max_lines`` lines is
    batch-picked with other small orders; the rest are cluster-picked (several orders, one
    tote each, per cart)."""

    batch_max_lines: int = 1
    discrete_min_lines: int = 6
    zone_min_zones: int = 3


@dataclass(frozen=True, slots=True)
class Release:
    """An order's place in the release sequence (1 = first) and why."""

    order_id: str
    rank: int
    reason: str


@dataclass(frozen=True, slots=True)
class PickMethod:
    """How an order is picked: "discrete", "cluster", "batch" or "zone", and why."""

    order_id: str
    method: str
    reason: str


@dataclass(frozen=True, slots=True)
class BatchLine:
    """An order line on a cart: the order, the line's index in ``Order.lines``, the line."""

    order_id: str
    line_no: int
    line: OrderLine


@dataclass(frozen=True, slots=True)
class Batch:
    """One picker tour with one cart: the orders and lines on it, the route through the
    lines' locations (``route.order`` indexes ``lines``), its walk (m), load totals and
    why it was built so. ``over_limit`` marks a single line too big for any cart."""

    number: int
    method: str
    wave: int
    order_ids: tuple[str, ...]
    lines: tuple[BatchLine, ...]
    route: Route
    distance_m: float
    weight_kg: float
    volume_m3: float
    totes: int
    over_limit: bool
    reason: str


@dataclass(frozen=True, slots=True)
class WavePlan:
    """Release sequence, pick method per order, and the batches wave by wave (wave 1 holds
    the orders of the earliest cut-off)."""

    releases: tuple[Release, ...]
    methods: tuple[PickMethod, ...]
    batches: tuple[Batch, ...]
    reason: str
