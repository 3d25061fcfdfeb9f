"""The records a scenario is made of: plain frozen dataclasses that refer to each other by
code or name only, and hold only plain ``int``/``float``/``str``/``datetime.date`` values.

Units: metres, kilograms, cubic metres, days and currency units (USD).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# the order is the column order of the pattern mixes in stockops.scenario.catalogue
DEMAND_PATTERNS: tuple[str, ...] = ("smooth", "trend", "seasonal", "intermittent", "lumpy", "new")


@dataclass(frozen=True, slots=True)
class Zone:
    """A functional area of the warehouse; ``kind`` is one of receiving, qc, hold, reserve,
    forward, pack, shipping, returns, crossdock."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Aisle:
    """An aisle running along y: centre line ``x_m``, from ``y_start_m`` (front cross aisle)
    to ``y_end_m`` (back cross aisle), aisle width and depth of the racks on each side (m)."""

    name: str
    zone_code: str
    x_m: float
    y_start_m: float
    y_end_m: float
    width_m: float
    rack_depth_m: float


@dataclass(frozen=True, slots=True)
class StorageCategory:
    """Odoo storage category: max weight (kg) and volume (m3) of one bin's content,
    ``allow_new_product`` in ("empty", "same", "mixed") with Odoo's meaning, the longest
    unit a bin takes (m) and whether it is for hazardous goods only."""

    code: str
    name: str
    max_weight_kg: float
    max_volume_m3: float
    allow_new_product: str
    max_length_m: float = 0.0
    hazardous: bool = False


@dataclass(frozen=True, slots=True)
class Bin:
    """A storage location. Rack bins: ``x_m`` is the rack face position (aisle centre
    ± (aisle width/2 + rack depth/2)), ``y_m`` the bay centre, ``z_m`` the beam height (m).
    Area locations (docks, pack stations, QC...) have ``aisle_name`` None, bay/level 0 and
    side ""."""

    name: str
    barcode: str
    zone_code: str
    aisle_name: str | None
    bay: int
    level: int
    side: str
    x_m: float
    y_m: float
    z_m: float
    storage_category_code: str | None


@dataclass(frozen=True, slots=True)
class Vendor:
    """A supplier. Lead times in days: what it promises, and the mean and standard
    deviation of what it really takes (the history samples from those). ``min_order_qty``
    is the smallest quantity (units) it accepts on a purchase order line; ``categories``
    the product categories it supplies."""

    code: str
    name: str
    city: str
    country_code: str
    promised_lead_time_days: int
    actual_lead_time_mean_days: float
    actual_lead_time_sd_days: float
    min_order_qty: int
    categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Customer:
    """A US business customer with a complete, valid postal address."""

    code: str
    name: str
    street: str
    city: str
    zip: str
    state_code: str
    country_code: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class Packaging:
    """A product packaging: ``qty`` units per package, GTIN-14 barcode."""

    name: str
    qty: int
    barcode: str


@dataclass(frozen=True, slots=True)
class Product:
    """A stocked product. Dimensions of one unit in metres, weight in kg, ``cost``,
    ``list_price`` and ``vendor_price`` in currency units per unit. ``reorder_point_qty``
    (s) and ``reorder_qty`` (Q) are the (s, Q) policy the history used, in units.
    ``launch_date`` is set for "new" products, ``seasonal_peak_week`` (ISO week 1-52) for
    "seasonal" ones."""

    default_code: str
    name: str
    barcode: str
    category: str
    uom: str
    length_m: float
    width_m: float
    height_m: float
    weight_kg: float
    cost: float
    list_price: float
    vendor_code: str
    vendor_price: float
    packagings: tuple[Packaging, ...]
    demand_pattern: str
    velocity_hint: str
    hazard_class: str | None
    fragile: bool
    this_side_up: bool
    reorder_point_qty: int
    reorder_qty: int
    launch_date: datetime.date | None = None
    seasonal_peak_week: int | None = None

    @property
    def volume_m3(self) -> float:
        """Volume of one unit (m3)."""
        return self.length_m * self.width_m * self.height_m


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A purchase or sale order line: quantity in units, price in currency units per unit."""

    product_code: str
    qty: int
    price: float


@dataclass(frozen=True, slots=True)
class PurchaseOrder:
    """A purchase order; ``receipt_date`` None means still in transit (not in stock)."""

    ref: str
    vendor_code: str
    order_date: datetime.date
    promised_date: datetime.date
    receipt_date: datetime.date | None
    lines: tuple[OrderLine, ...]


@dataclass(frozen=True, slots=True)
class DeliveryLine:
    """One shipped customer order line (units); ``shipped_qty < ordered_qty`` on a stockout."""

    product_code: str
    ordered_qty: int
    shipped_qty: int


@dataclass(frozen=True, slots=True)
class Delivery:
    """A past customer order of one customer on one day and what shipped for it."""

    ref: str
    customer_code: str
    date: datetime.date
    lines: tuple[DeliveryLine, ...]


@dataclass(frozen=True, slots=True)
class SaleOrder:
    """An open (not yet shipped) customer order to wave. Priority "1" is urgent; the
    carrier service is one of the carrier's ``services``; line prices are list prices."""

    ref: str
    customer_code: str
    date_order: datetime.date
    commitment_date: datetime.date
    priority: str
    carrier_code: str
    lines: tuple[OrderLine, ...]
    carrier_service: str = "GROUND"


@dataclass(frozen=True, slots=True)
class Carrier:
    """A shipping carrier, its API style ("soap"/"rest"), services and daily cut-off hour
    (local time, 0-23) after which a shipment leaves the next day."""

    code: str
    name: str
    protocol: str
    services: tuple[str, ...]
    cutoff_hour: int


@dataclass(frozen=True, slots=True)
class StockQuant:
    """On-hand quantity (units) of one product in one bin at the start of today."""

    product_code: str
    bin_name: str
    qty: int


@dataclass(frozen=True, slots=True)
class CartonType:
    """A shipping carton: inner length, width, height (m), its own weight and the most it
    may weigh full (kg), and what one costs (currency units). ``code`` is its barcode."""

    code: str
    name: str
    length_m: float
    width_m: float
    height_m: float
    tare_kg: float
    max_gross_kg: float
    cost: float


@dataclass(frozen=True, slots=True)
class LegacyDemandWeek:
    """Units of one product customers ordered in one week (from Monday ``week_start``),
    as the previous system exported them; only weeks with demand are listed."""

    product_code: str
    week_start: datetime.date
    qty: int


@dataclass(frozen=True, slots=True)
class Scenario:
    """A complete warehouse scenario. ``today`` is the first day after the history; the
    history covers ``history_start`` .. ``today - 1``; ``legacy_demand`` the weeks before
    it, exported by the previous system. Building dimensions in metres."""

    size: str
    seed: int
    today: datetime.date
    warehouse_code: str
    warehouse_name: str
    zones: tuple[Zone, ...]
    aisles: tuple[Aisle, ...]
    cross_aisles_y_m: tuple[float, ...]
    storage_categories: tuple[StorageCategory, ...] = field(repr=False)
    bins: tuple[Bin, ...] = field(repr=False)
    vendors: tuple[Vendor, ...] = field(repr=False)
    customers: tuple[Customer, ...] = field(repr=False)
    products: tuple[Product, ...] = field(repr=False)
    purchase_orders: tuple[PurchaseOrder, ...] = field(repr=False)
    deliveries: tuple[Delivery, ...] = field(repr=False)
    sale_orders: tuple[SaleOrder, ...] = field(repr=False)
    carriers: tuple[Carrier, ...] = field(repr=False)
    quants: tuple[StockQuant, ...] = field(repr=False)
    history_start: datetime.date
    building_width_m: float
    building_depth_m: float
    legacy_demand: tuple[LegacyDemandWeek, ...] = field(default=(), repr=False)
    carton_types: tuple[CartonType, ...] = field(default=(), repr=False)


def products_by_pattern(scenario: Scenario, pattern: str) -> tuple[Product, ...]:
    """The scenario's products whose demand pattern is ``pattern`` (one of
    :data:`DEMAND_PATTERNS`); ValueError for an unknown pattern."""
    if pattern not in DEMAND_PATTERNS:
        raise ValueError(f"unknown demand pattern {pattern!r}; expected one of {DEMAND_PATTERNS}")
    return tuple(p for p in scenario.products if p.demand_pattern == pattern)
