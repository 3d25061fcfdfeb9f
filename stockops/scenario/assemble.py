"""The entry point: runs every step of the generation and assembles the Scenario."""

from __future__ import annotations

import datetime

import numpy as np

from stockops.scenario.building import STORAGE_CATEGORIES, ZONES, build_layout
from stockops.scenario.cartons import CARTON_TYPES
from stockops.scenario.catalogue import make_catalogue
from stockops.scenario.demand import draw_demand, draw_legacy_demand
from stockops.scenario.history import plan_policy, simulate
from stockops.scenario.orders import build_deliveries, build_purchase_orders, build_sale_orders
from stockops.scenario.parties import CARRIERS, make_customers, make_vendors
from stockops.scenario.products import build_products
from stockops.scenario.records import LegacyDemandWeek, Scenario
from stockops.scenario.sizes import SIZES
from stockops.scenario.stock import place_stock


def generate(size: str = "default", seed: int = 42, today: datetime.date | None = None) -> Scenario:
    """Generate the scenario of ``size`` ("small", "default" or "large", see :data:`SIZES`).

    The same ``seed`` and ``today`` always give an equal scenario. ``today`` defaults to
    the current date; the history covers the ``history_days`` days before it.
    """
    try:
        spec = SIZES[size]
    except KeyError:
        known = ", ".join(SIZES)
        raise ValueError(f"unknown scenario size {size!r}; expected one of {known}") from None
    if today is None:
        today = datetime.date.today()
    rng = np.random.default_rng(seed)
    start = today - datetime.timedelta(days=spec.history_days)

    # every step draws from the one rng: this order is part of the determinism contract,
    # and reordering the calls changes every scenario
    layout = build_layout(spec)
    vendors = make_vendors(spec, rng)
    customers = make_customers(spec, rng)
    cat = make_catalogue(spec, rng, vendors)
    dem = draw_demand(spec, rng, cat, start)
    policy = plan_policy(rng, cat, dem, vendors)
    sim = simulate(rng, cat, dem, policy, vendors)

    products = build_products(cat, policy, vendors, start)
    purchase_orders = build_purchase_orders(sim, cat, products, vendors, start, spec.history_days)
    deliveries = build_deliveries(rng, dem, sim, products, customers, start)
    quants = place_stock(rng, cat, sim.on_hand, layout)
    sale_orders = build_sale_orders(
        rng, spec, cat, dem, products, customers, sim.on_hand, today, len(deliveries)
    )
    legacy = _legacy_weeks(spec, rng, cat, dem, start, products) if spec.legacy_weeks else ()
    return Scenario(
        size=size,
        seed=seed,
        today=today,
        warehouse_code="MAIN",
        warehouse_name="Main Distribution Center",
        zones=ZONES,
        aisles=layout.aisles,
        cross_aisles_y_m=layout.cross_aisles_y_m,
        storage_categories=STORAGE_CATEGORIES,
        bins=layout.bins,
        vendors=vendors,
        customers=customers,
        products=products,
        purchase_orders=purchase_orders,
        deliveries=deliveries,
        sale_orders=sale_orders,
        carriers=CARRIERS,
        quants=quants,
        history_start=start,
        building_width_m=layout.width_m,
        building_depth_m=layout.depth_m,
        legacy_demand=legacy,
        carton_types=CARTON_TYPES,
    )


def _legacy_weeks(spec, rng, cat, dem, start, products) -> tuple[LegacyDemandWeek, ...]:
    first, weekly = draw_legacy_demand(spec, rng, cat, dem, start)
    rows, cols = np.nonzero(weekly)
    return tuple(
        LegacyDemandWeek(
            products[r].default_code,
            first + datetime.timedelta(weeks=int(c)),
            int(weekly[r, c]),
        )
        for r, c in zip(rows, cols, strict=True)
    )
