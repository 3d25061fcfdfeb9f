"""The supply graph of one product: which warehouse resupplies which, checked, ordered,
and each warehouse's network demand (its own customers' plus the dependent demand of the
warehouses it resupplies).

Units: demand in the product's stock unit per day (units/day), lead times in days.
Demand of different warehouses is taken as independent: means add, variances add.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from stockops.policy.network import checks


@dataclass(frozen=True, slots=True)
class Stage:
    """One product in one warehouse of the network.

    ``demand_per_day`` and ``demand_sd_per_day``: the mean and standard deviation of a
    day's demand of the warehouse's own customers (units/day; 0 for a warehouse that only
    resupplies others). ``supplier``: the warehouse that resupplies it (Odoo's resupply
    route), None when it buys from a vendor. ``lead_time_days``: the measured lead time of
    its replenishment (days; the transfer from its supplier, or the vendor's). ``service_level``:
    the cycle service its own customers are promised (a share in (0.5, 1): the share of days
    without a stockout); ``service_time_days``: how long its own customers accept to wait
    (days; 0: served from stock). ``holding_cost``: the cost of holding a unit there
    (any currency per unit; 1 everywhere minimises the total units held)."""

    product: str
    site: str
    demand_per_day: float
    demand_sd_per_day: float
    lead_time_days: float
    supplier: str | None = None
    service_level: float = 0.95
    service_time_days: float = 0.0
    holding_cost: float = 1.0


def check_stage(stage: object) -> Stage:
    """The stage itself when every field is usable; ValueError with a sentence otherwise."""
    checks.record(stage, Stage, "a network stage")
    where = f"{stage.product!r} at {stage.site!r}"
    checks.name(where, "product", stage.product)
    checks.name(where, "site", stage.site)
    checks.number(where, "demand per day", stage.demand_per_day)
    checks.number(where, "demand standard deviation per day", stage.demand_sd_per_day)
    checks.number(where, "lead time (days)", stage.lead_time_days)
    checks.share(where, "service level", stage.service_level, low=0.5)
    checks.number(where, "service time (days)", stage.service_time_days)
    checks.number(where, "holding cost", stage.holding_cost, positive=True)
    if stage.supplier is not None:
        checks.name(where, "supplier", stage.supplier)
    return stage


def supply_order(stages: Sequence[Stage]) -> list[Stage]:
    """The stages of one product, suppliers before the warehouses they resupply (each
    supplier known, no cycle); ValueError naming the unknown supplier or the cycle.

    >>> a = Stage("P", "A", 1, 1, 2, supplier="B")
    >>> b = Stage("P", "B", 1, 1, 2, supplier="A")
    >>> supply_order([a, b])
    Traceback (most recent call last):
    ...
    ValueError: 'P': the supply routes go round in a circle: A -> B -> A
    """
    by_site = {s.site: s for s in stages}
    product = stages[0].product
    checks.unique(f"{product!r}: site", [s.site for s in stages])
    for s in stages:
        if s.supplier is not None:
            checks.known(f"{product!r} at {s.site!r}", "supplier", s.supplier, by_site)
    ordered: list[Stage] = []
    state: dict[str, str] = {}
    for s in stages:
        path: list[str] = []
        site: str | None = s.site
        while site is not None and state.get(site) != "done":
            if site in path:
                loop = [*path[path.index(site) :], site][::-1]
                raise ValueError(
                    f"{product!r}: the supply routes go round in a circle: " + " -> ".join(loop)
                )
            path.append(site)
            site = by_site[site].supplier
        for site_name in reversed(path):
            state[site_name] = "done"
            ordered.append(by_site[site_name])
    return ordered


def children(stages: Sequence[Stage]) -> dict[str, list[str]]:
    """The warehouses each site resupplies (site -> sites, in the given order)."""
    out: dict[str, list[str]] = {s.site: [] for s in stages}
    for s in stages:
        if s.supplier is not None:
            out[s.supplier].append(s.site)
    return out


def network_demand(stages: Sequence[Stage]) -> dict[str, tuple[float, float]]:
    """Per site, the mean and standard deviation of a day's network demand (units/day):
    its own plus the dependent demand of every warehouse it resupplies, directly or not.

    >>> net = network_demand([Stage("P", "Main", 5, 3, 7), Stage("P", "North", 20, 4, 2, "Main")])
    >>> net["Main"], net["North"]
    ((25.0, 5.0), (20.0, 4.0))
    """
    order = supply_order(stages)
    mean = {s.site: float(s.demand_per_day) for s in order}
    var = {s.site: float(s.demand_sd_per_day) ** 2 for s in order}
    for s in reversed(order):  # the warehouses resupplied come last: add them upwards
        if s.supplier is not None:
            mean[s.supplier] += mean[s.site]
            var[s.supplier] += var[s.site]
    return {site: (mean[site], math.sqrt(var[site])) for site in mean}
