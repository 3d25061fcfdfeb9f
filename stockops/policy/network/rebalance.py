"""Moving stock between warehouses before one runs short: proposals a planner approves
into inter-warehouse transfers.

Units: quantities in the product's stock unit (units), demand in units per day, times in
days, costs in the company's currency (per unit, or per transfer).

For each product, from every site's projected stock (on hand plus what arrives before its
next receipt, minus what is promised), its demand rate, its next receipt and its safety
stock (the network plan's, :mod:`.echelon`):

* a site's *shortfall* is the demand until its next receipt that its projected stock
  cannot cover: ``max(d * days_to_receipt - stock, 0)``;
* what a transfer arriving after ``t`` days can still avoid is the part of the shortfall
  falling after it arrives: ``min(shortfall, d * (days_to_receipt - t))`` (nothing when it
  would arrive with or after the receipt);
* a site's *excess* is what it holds beyond its own demand until its next receipt and its
  safety stock: ``stock - d * days_to_receipt - safety_stock``; a giver never goes below
  its safety stock at its own next receipt.

A site with no receipt planned counts to the horizon. Receivers are served most urgent
first (the earliest stockout), each from the lane with the lowest transfer cost per unit
that still has excess; a proposal is made only when the stockout cost it avoids is above
what the transfer costs. Whole units only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from stockops.policy.network import checks


@dataclass(frozen=True, slots=True)
class SiteStock:
    """A product at a site: ``projected_stock`` (units available until its next receipt),
    ``demand_per_day`` (units/day), ``days_to_next_receipt`` (days; None: none planned),
    ``safety_stock`` (units), ``stockout_cost`` (currency per unit short)."""

    product: str
    site: str
    projected_stock: float
    demand_per_day: float
    days_to_next_receipt: float | None
    safety_stock: float = 0.0
    stockout_cost: float = 0.0


@dataclass(frozen=True, slots=True)
class Lane:
    """A transfer route: ``transfer_days`` (days, measured), ``cost_per_unit`` and
    ``cost_per_transfer`` (currency)."""

    source: str
    destination: str
    transfer_days: float
    cost_per_unit: float = 0.0
    cost_per_transfer: float = 0.0


@dataclass(frozen=True, slots=True)
class Proposal:
    """Move ``units`` of ``product`` from ``source`` to ``destination``: what it costs
    (``transfer_cost``) against the stockout cost it avoids (``stockout_cost_avoided``),
    and why."""

    product: str
    source: str
    destination: str
    units: float
    transfer_cost: float
    stockout_cost_avoided: float
    reason: str


def _check_site(row: object) -> SiteStock:
    checks.record(row, SiteStock, "projected stock")
    where = f"{row.product!r} at {row.site!r}"
    checks.name(where, "product", row.product)
    checks.name(where, "site", row.site)
    checks.number(where, "projected stock", row.projected_stock)
    checks.number(where, "demand per day", row.demand_per_day)
    if row.days_to_next_receipt is not None:
        checks.number(where, "days to the next receipt", row.days_to_next_receipt)
    checks.number(where, "safety stock", row.safety_stock)
    checks.number(where, "stockout cost", row.stockout_cost)
    return row


def _check_lane(lane: object, sites: set[str]) -> Lane:
    checks.record(lane, Lane, "a transfer route")
    where = f"route {lane.source!r} -> {lane.destination!r}"
    checks.known(where, "source", lane.source, sites)
    checks.known(where, "destination", lane.destination, sites)
    if lane.source == lane.destination:
        raise ValueError(f"{where}: a route must join two different sites")
    checks.number(where, "transfer days", lane.transfer_days)
    checks.number(where, "cost per unit", lane.cost_per_unit)
    checks.number(where, "cost per transfer", lane.cost_per_transfer)
    return lane


def propose_rebalancing(
    stock: Iterable[SiteStock], lanes: Iterable[Lane], horizon_days: float = 28.0
) -> list[Proposal]:
    """Transfer proposals for every product of ``stock`` along ``lanes`` (see the module
    docstring). Bad input raises ValueError with a sentence before any work.

    >>> rows = [SiteStock("P", "Main", 300, 10, 7, safety_stock=50, stockout_cost=9),
    ...         SiteStock("P", "North", 20, 10, 10, safety_stock=30, stockout_cost=9)]
    >>> [p] = propose_rebalancing(rows, [Lane("Main", "North", 2, 1.0, 20.0)])
    >>> p.units, p.transfer_cost, p.stockout_cost_avoided
    (80.0, 100.0, 720.0)
    >>> p.reason  # doctest: +NORMALIZE_WHITESPACE
    'North runs out in 2 d, 8 d before its next receipt: short 80; Main holds 180 beyond its
    demand until its receipt (7 d) and its safety stock 50; 2 d transfer: avoids 80 x 9 = 720
    for a transfer cost of 100'
    """
    rows = [_check_site(r) for r in stock]
    horizon = checks.number("rebalancing", "horizon (days)", horizon_days, positive=True)
    sites = {r.site for r in rows}
    routes = [_check_lane(lane, sites) for lane in lanes]
    by_product: dict[str, dict[str, SiteStock]] = {}
    for r in rows:
        group = by_product.setdefault(r.product, {})
        checks.unique(f"{r.product!r}: site", [*group, r.site])
        group[r.site] = r
    out: list[Proposal] = []
    for group in by_product.values():
        out.extend(_product(group, routes, horizon))
    return out


def _days(r: SiteStock, horizon: float) -> float:
    return horizon if r.days_to_next_receipt is None else min(r.days_to_next_receipt, horizon)


def _product(group: dict[str, SiteStock], routes: list[Lane], horizon: float):
    excess = {}
    for r in group.values():
        excess[r.site] = r.projected_stock - r.demand_per_day * _days(r, horizon) - r.safety_stock
    short = {s: max(-e - group[s].safety_stock, 0.0) for s, e in excess.items()}
    urgent = sorted(
        (s for s in short if short[s] > 0),
        key=lambda s: group[s].projected_stock / group[s].demand_per_day,
    )
    for site in urgent:
        r = group[site]
        days = _days(r, horizon)
        lanes = sorted(
            (lane for lane in routes if lane.destination == site and lane.source in group),
            key=lambda lane: (lane.cost_per_unit, lane.transfer_days, lane.source),
        )
        for lane in lanes:
            avoidable = min(short[site], r.demand_per_day * (days - lane.transfer_days))
            units = math.floor(min(avoidable, excess[lane.source]) + 1e-9)
            if units <= 0:
                continue
            cost = float(lane.cost_per_transfer + lane.cost_per_unit * units)
            avoided = float(units * r.stockout_cost)
            if avoided <= cost:
                continue
            excess[lane.source] -= units
            short[site] -= units
            yield Proposal(
                r.product,
                lane.source,
                site,
                float(units),
                cost,
                avoided,
                _reason(r, group[lane.source], lane, units, cost, avoided, horizon),
            )


def _reason(r, giver, lane, units, cost, avoided, horizon) -> str:
    out_in = r.projected_stock / r.demand_per_day
    days = _days(r, horizon)
    spare = giver.projected_stock - giver.demand_per_day * _days(giver, horizon)
    return (
        f"{r.site} runs out in {out_in:g} d, {days - out_in:g} d before its next receipt: "
        f"short {r.demand_per_day * days - r.projected_stock:g}; {giver.site} holds "
        f"{spare - giver.safety_stock:g} beyond its demand until its receipt "
        f"({_days(giver, horizon):g} d) and its safety stock {giver.safety_stock:g}; "
        f"{lane.transfer_days:g} d transfer: avoids {units} x {r.stockout_cost:g} = "
        f"{avoided:g} for a transfer cost of {cost:g}"
    )
