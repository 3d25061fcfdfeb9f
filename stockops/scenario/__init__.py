"""Deterministic generator of a realistic warehouse scenario, as plain frozen dataclasses.

The Odoo add-ons load a scenario as demo data in bulk and the benchmarks use the large size
directly, so every record refers to others by code or name only (never by object), and every
number is a plain Python ``int``/``float``/``str``/``datetime.date`` (no numpy scalars: the
database driver cannot adapt those).

Units: metres, kilograms, cubic metres, days and currency units (USD).

Geometry (shared with :mod:`stockops.layout`): origin at the front-left corner of the building,
x along the dock wall, y into the building away from the docks, z height above the floor.
Docks are on the front wall (y = 0); the open floor (staging, receiving, pack, QC, hold,
returns, cross-dock) spans y in [0, 12). The rack block starts at the front cross aisle
(y = 12, which is also where the first bay begins) and ends at the back cross aisle (the end
of the last bay). Middle cross aisles are 3.0 m wide; ``cross_aisles_y_m`` gives their centre.

History: ``history_days`` calendar days ending yesterday, simulated day by day: receipts
arrive at the start of a day, then the day's demand ships ``min(demand, on hand)``, then the
continuous-review (s, Q) policy raises purchase orders (one per vendor per day).

Measured generation times (Python 3.11, numpy 2.4, dev container shared with other jobs,
best of 3; targets: default < 2 s, large < 60 s):
    small   0.05 s  (216 rack bins, 30 products, 42 days, ~400 delivery lines)
    default 0.3-0.5 s  (2,240 rack bins, 240 products, 182 days, ~9,000 delivery lines)
    large   4.5-5.5 s  (20,000 rack bins, 10,000 products, 182 days, ~100,000 delivery lines)

Determinism: the same (size, seed, today) gives an equal Scenario; ``today`` defaults to the
current date, so pass it explicitly wherever reproducibility across days matters.

Where each decision lives (every name below is re-exported here, so import from
``stockops.scenario``; the submodules are an internal layout):
    geometry           rack kinds, golden zone, open floor, clearances (m)
    sizes              the named sizes: aisles, bays, products, partners, history days
    records            the frozen dataclasses a Scenario is made of
    barcodes           GS1 check digit and the demo company prefix
    building           zones, storage categories, aisles and bins; units per bin
    product_templates  product categories and name templates
    parties            vendors, customers, carriers
    catalogue          per-product arrays: velocity, pattern, name, vendor, size, price
    demand             ordered units per product per history day, and the legacy weeks
    history            the (s, Q) policy and the day-by-day stock simulation
    products           the final Product records and their packagings
    orders             purchase orders, past deliveries, open sale orders
    stock              today's quants: forward bins, reserve pallets, hazmat cage
    cartons            the shipping cartons the pack stations stock
    assemble           ``generate``: runs the steps in order and builds the Scenario
"""

from __future__ import annotations

from stockops.scenario.assemble import generate
from stockops.scenario.barcodes import gs1_check_digit, is_valid_ean13
from stockops.scenario.building import STORAGE_CATEGORIES, ZONES
from stockops.scenario.cartons import CARTON_TYPES
from stockops.scenario.geometry import (
    BACK_CLEARANCE_M,
    FLUE_GAP_M,
    FORWARD_RACK,
    GOLDEN_ZONE_LEVELS,
    MIDDLE_CROSS_AISLE_WIDTH_M,
    OPEN_FLOOR_DEPTH_M,
    RESERVE_RACK,
    SIDE_CLEARANCE_M,
    RackSpec,
)
from stockops.scenario.parties import CARRIERS
from stockops.scenario.records import (
    DEMAND_PATTERNS,
    Aisle,
    Bin,
    Carrier,
    CartonType,
    Customer,
    Delivery,
    DeliveryLine,
    LegacyDemandWeek,
    OrderLine,
    Packaging,
    Product,
    PurchaseOrder,
    SaleOrder,
    Scenario,
    StockQuant,
    StorageCategory,
    Vendor,
    Zone,
    products_by_pattern,
)
from stockops.scenario.sizes import SIZES, ScenarioSize

__all__ = [
    "BACK_CLEARANCE_M",
    "CARRIERS",
    "CARTON_TYPES",
    "DEMAND_PATTERNS",
    "FLUE_GAP_M",
    "FORWARD_RACK",
    "GOLDEN_ZONE_LEVELS",
    "MIDDLE_CROSS_AISLE_WIDTH_M",
    "OPEN_FLOOR_DEPTH_M",
    "RESERVE_RACK",
    "SIDE_CLEARANCE_M",
    "SIZES",
    "STORAGE_CATEGORIES",
    "ZONES",
    "Aisle",
    "Bin",
    "Carrier",
    "CartonType",
    "Customer",
    "Delivery",
    "DeliveryLine",
    "LegacyDemandWeek",
    "OrderLine",
    "Packaging",
    "Product",
    "PurchaseOrder",
    "RackSpec",
    "SaleOrder",
    "Scenario",
    "ScenarioSize",
    "StockQuant",
    "StorageCategory",
    "Vendor",
    "Zone",
    "generate",
    "gs1_check_digit",
    "is_valid_ean13",
    "products_by_pattern",
]
