"""Order documents: the history's purchase orders and customer deliveries, and today's open
sale orders."""

from __future__ import annotations

import datetime

import numpy as np

from stockops.scenario.catalogue import Catalogue
from stockops.scenario.demand import Demand
from stockops.scenario.history import Simulation
from stockops.scenario.parties import CARRIERS
from stockops.scenario.records import (
    Customer,
    Delivery,
    DeliveryLine,
    OrderLine,
    Product,
    PurchaseOrder,
    SaleOrder,
    Vendor,
)
from stockops.scenario.sizes import ScenarioSize

# lines per customer order: most orders are small
_ORDER_LINE_COUNTS = np.array([1, 2, 3, 4, 5])
_ORDER_LINE_PROBS = np.array([0.30, 0.25, 0.20, 0.15, 0.10])


def build_purchase_orders(
    sim: Simulation,
    cat: Catalogue,
    products: tuple[Product, ...],
    vendors: tuple[Vendor, ...],
    start: datetime.date,
    days: int,
) -> tuple[PurchaseOrder, ...]:
    """The simulated purchase orders, numbered by order day then vendor, at vendor
    prices; an order whose receipt day falls on or after today (``days`` after
    ``start``) is still in transit and has no receipt date."""
    out = []
    ordered = sorted(sim.pos, key=lambda po: (po.order_day, po.vendor))
    for k, po in enumerate(ordered, start=1):
        vendor = vendors[po.vendor]
        order_date = start + datetime.timedelta(days=po.order_day)
        receipt = start + datetime.timedelta(days=po.receipt_day) if po.receipt_day < days else None
        lines = tuple(
            OrderLine(cat.codes[int(p)], int(q), products[int(p)].vendor_price)
            for p, q in zip(po.products, po.qty, strict=True)
        )
        out.append(
            PurchaseOrder(
                f"P{k:05d}",
                vendor.code,
                order_date,
                order_date + datetime.timedelta(days=vendor.promised_lead_time_days),
                receipt,
                lines,
            )
        )
    return tuple(out)


def _split_into_orders(rng: np.random.Generator, n_lines: int, n_customers: int) -> list[int]:
    sizes = rng.choice(_ORDER_LINE_COUNTS, size=n_lines, p=_ORDER_LINE_PROBS)
    cut = int(np.searchsorted(np.cumsum(sizes), n_lines)) + 1
    sizes = sizes[:cut].tolist()
    sizes[-1] -= sum(sizes) - n_lines
    if len(sizes) <= n_customers:
        return sizes
    # a busy day with few customers: fewer, bigger orders (still one per customer)
    return [len(a) for a in np.array_split(np.arange(n_lines), n_customers)]


def build_deliveries(
    rng: np.random.Generator,
    dem: Demand,
    sim: Simulation,
    products: tuple[Product, ...],
    customers: tuple[Customer, ...],
    start: datetime.date,
) -> tuple[Delivery, ...]:
    """The history's customer orders: each day's order lines shuffled and split into
    orders of mostly 1-5 lines, each for a different customer that day (some customers buy
    far more often than others), each line with the units ordered and the units shipped."""
    weights = rng.lognormal(0.0, 1.0, len(customers))
    weights /= weights.sum()
    codes = [p.default_code for p in products]
    out = []
    for day in range(dem.qty.shape[1]):
        lines = rng.permutation(np.flatnonzero(dem.qty[:, day]))
        if not lines.size:
            continue
        sizes = _split_into_orders(rng, int(lines.size), len(customers))
        buyers = rng.choice(len(customers), size=len(sizes), replace=False, p=weights)
        date = start + datetime.timedelta(days=day)
        ordered, sent = dem.qty[:, day].tolist(), sim.shipped[:, day].tolist()
        pos = 0
        for size, buyer in zip(sizes, buyers, strict=True):
            chunk = lines[pos : pos + size]
            pos += size
            out.append(
                Delivery(
                    f"MAIN/OUT/{len(out) + 1:05d}",
                    customers[int(buyer)].code,
                    date,
                    tuple(DeliveryLine(codes[p], ordered[p], sent[p]) for p in chunk.tolist()),
                )
            )
    return tuple(out)


def build_sale_orders(
    rng: np.random.Generator,
    spec: ScenarioSize,
    cat: Catalogue,
    dem: Demand,
    products: tuple[Product, ...],
    customers: tuple[Customer, ...],
    on_hand: np.ndarray,
    today: datetime.date,
    first_number: int,
) -> tuple[SaleOrder, ...]:
    """Open orders of the last three days. Lines are first drawn at their usual size, then
    each product's lines are scaled down to fit 50-90 % of its stock; about one line in
    twenty keeps its full size, so a wave meets some shortages, as it would in real life."""
    # sales already know an item is out and steer most customers to an alternative
    popularity = cat.m * np.where(on_hand > 0, 1.0, 0.3)
    popularity = popularity / popularity.sum()
    recent = dem.p[:, -28:] > 0
    typical = np.where(recent, dem.size_mean[:, -28:], 0).sum(axis=1) / np.maximum(
        recent.sum(axis=1), 1
    )
    weights = rng.lognormal(0.0, 1.0, len(customers))
    weights /= weights.sum()

    drafts: list[list[tuple[int, int]]] = []
    wanted = np.zeros(cat.size)
    for _ in range(spec.open_orders):
        n_lines = min(int(rng.choice(_ORDER_LINE_COUNTS, p=_ORDER_LINE_PROBS)), cat.size)
        items = rng.choice(cat.size, size=n_lines, replace=False, p=popularity)
        draft = [(int(i), 1 + int(rng.poisson(max(typical[i] - 1.0, 0.0)))) for i in items]
        for i, qty in draft:
            wanted[i] += qty
        drafts.append(draft)
    budget = np.floor(on_hand * rng.uniform(0.5, 0.9, cat.size))
    scale = np.where(wanted > budget, budget / np.maximum(wanted, 1), 1.0)

    services = ("GROUND", "EXPRESS", "NEXT_DAY")
    remaining = on_hand.copy()
    orders: list[SaleOrder] = []
    short_lines = 0
    for k, draft in enumerate(drafts):
        lines = []
        for i, raw in draft:
            qty = raw if rng.random() < 0.08 else max(1, int(raw * scale[i]))
            short_lines += qty > remaining[i]
            remaining[i] = max(0, remaining[i] - qty)
            lines.append(OrderLine(cat.codes[i], qty, products[i].list_price))
        if k == len(drafts) - 1 and short_lines == 0:
            # the wave planner must meet at least one shortage
            i = draft[0][0]
            lines[0] = OrderLine(cat.codes[i], int(on_hand[i]) + 1, products[i].list_price)
        service = services[int(rng.choice(3, p=[0.6, 0.25, 0.15]))]
        carrier = CARRIERS[int(rng.choice(2, p=[0.6, 0.4]))]
        date_order = today - datetime.timedelta(days=int(rng.choice(3, p=[0.5, 0.35, 0.15])))
        transit = {"NEXT_DAY": 1, "EXPRESS": 2}.get(service, int(rng.integers(3, 6)))
        commitment = max(today, date_order + datetime.timedelta(days=transit))
        priority = "1" if service == "NEXT_DAY" or rng.random() < 0.08 else "0"
        customer = customers[int(rng.choice(len(customers), p=weights))].code
        orders.append(
            SaleOrder(
                f"S{first_number + k + 1:05d}",
                customer,
                date_order,
                commitment,
                priority,
                carrier.code,
                tuple(lines),
                service,
            )
        )
    return tuple(orders)
