"""Where the safety stock of a network goes: the guaranteed-service model (Graves and
Willems 2000, "Optimizing strategic safety stock placement in supply chains") on the
supply tree of each product, solved exactly by dynamic programming over whole days.

Units: quantities in the product's stock unit (units), times in whole days, demand in
units per day, holding cost in any currency per unit.

Each warehouse (a *stage*) promises the warehouses it resupplies an outbound service time
``S`` (days): an order placed today ships within ``S`` days. It is itself promised ``SI``
by its supplier (0 from a vendor, whose measured lead time is the stage's own ``T``).
It must then cover the demand of its *net replenishment time* ``tau = SI + T - S`` days
from stock, and holds the safety stock

    ``SS = z * sigma * sqrt(tau)``  (units)

(normal demand; :func:`safety_stock` also offers a gamma law for skewed demand) with
``sigma`` the standard deviation of a day's network demand (its own customers' and
the warehouses' it resupplies, :func:`~stockops.policy.network.graph.network_demand`) and
``z = Phi^-1(p)`` for the highest target ``p`` among the customers it serves (the
:func:`~stockops.policy.reorder.z_for_service_level` of the single-site policy). A
warehouse's own customers are served from its stock within their service time: they form
a stage of lead time 0 below it that holds ``z * sigma_own * sqrt(max(S - s_own, 0))``.
The base stock (order-up-to level on the inventory position) is ``d * tau + SS``.

Every ``S`` between 0 and ``SI + T`` is tried (whole days, lead times rounded up):
``f(stage, SI) = min_S h*SS(SI + T - S) + sum of f(child, S)`` over the stages it
resupplies, from the leaves up; the vendor-supplied stage starts from ``SI = 0``. Choosing
``S = 0`` everywhere is what planning every warehouse alone does ("stacking": each
assumes its supplier ships at once and holds stock for its own lead time), so the plan
never holds more than stacking; it holds less where pooling the lead time at one level
beats covering it at both.

Lead-time spread is not in this model (it guarantees service times); the adapter uses the
measured mean. The promise holds for demand within ``z`` deviations; beyond it a supplier
is late and the warehouse below may run short (the simulation measures how often).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from stockops.policy.network.graph import Stage, check_stage, children, supply_order
from stockops.policy.network.graph import network_demand as _network_demand
from stockops.policy.reorder import z_for_service_level


@dataclass(frozen=True, slots=True)
class Placement:
    """The safety stock of one product at one site and why: network demand (units/day,
    mean and deviation), the promised inbound and outbound service times, the lead time
    used and the net replenishment time (days), the service level behind the safety
    factor (a share) and the factor, the safety stock and base stock (units), what
    planning the site alone would hold (``stacked_safety_stock``, units), and the reason
    a planner reads."""

    product: str
    site: str
    network_demand_per_day: float
    network_demand_sd_per_day: float
    inbound_service_days: int
    lead_time_days: int
    outbound_service_days: int
    covered_days: int
    service_level: float
    safety_factor: float
    safety_stock: float
    base_stock: float
    stacked_safety_stock: float
    reason: str


@dataclass(frozen=True, slots=True)
class NetworkPlan:
    """The placements of every product and site of a run, and the totals (units)."""

    placements: tuple[Placement, ...]

    @property
    def total_safety_stock(self) -> float:
        return sum(p.safety_stock for p in self.placements)

    @property
    def stacked_safety_stock(self) -> float:
        return sum(p.stacked_safety_stock for p in self.placements)

    def at(self, product: str, site: str) -> Placement:
        """The placement of ``product`` at ``site``; KeyError when the run has none."""
        for p in self.placements:
            if p.product == product and p.site == site:
                return p
        raise KeyError((product, site))


LAWS = ("normal", "gamma")


def safety_stock(z: float, mean: float, sd: float, days: float, law: str = "normal") -> float:
    """Safety stock (units) covering ``days`` of demand of ``mean`` and ``sd`` per day
    (units/day) at safety factor ``z``: ``z * sd * sqrt(days)`` for a normal demand; for
    a gamma demand (skewed, never negative: slow and erratic items) its quantile at
    ``Phi(z)`` by Wilson and Hilferty's cube-root approximation, less the mean.

    >>> round(safety_stock(1.644854, 20, 10, 13), 2)
    59.31
    >>> round(safety_stock(1.644854, 20, 20, 1, "gamma"), 2)  # exponential: exact 39.91
    39.37
    """
    if days <= 0 or sd <= 0:
        return 0.0
    if law == "normal" or mean <= 0:
        return z * sd * math.sqrt(days)
    shape = (mean * mean * days) / (sd * sd)
    c = 1.0 / (9.0 * shape)
    quantile = mean * days * (1.0 - c + z * math.sqrt(c)) ** 3
    return max(quantile - mean * days, 0.0)


def _has_demand(s: Stage) -> bool:
    return s.demand_per_day > 0 or s.demand_sd_per_day > 0


def _days(lead_time: float) -> int:
    """Whole days of a measured lead time, rounded up (a 2.1-day transfer takes 3 days of
    demand); slack of 1e-9 keeps a 2.0000000001 at 2."""
    return math.ceil(lead_time - 1e-9)


def plan_network(
    stages: Iterable[Stage], *, stacked: bool = False, law: str = "normal"
) -> NetworkPlan:
    """Place the safety stock of every product's network (see the module docstring): one
    call per run, any number of products, each a supply tree of :class:`Stage`. Bad input
    (a negative or non-finite number, an unknown supplier, a circle of supply routes)
    raises ValueError with a sentence before any work. ``stacked=True`` gives the
    baseline instead: every stage promises 0 days, each warehouse planned alone.
    ``law``: the demand law of :func:`safety_stock` ("normal" or "gamma").

    >>> plan = plan_network([
    ...     Stage("P", "Depot", 0, 0, 9),
    ...     Stage("P", "North", 20, 10, 4, supplier="Depot"),
    ...     Stage("P", "South", 20, 10, 4, supplier="Depot")])
    >>> [(p.site, p.outbound_service_days, round(p.safety_stock, 1)) for p in plan.placements]
    [('Depot', 9, 0.0), ('North', 0, 59.3), ('South', 0, 59.3)]
    >>> round(plan.total_safety_stock, 1), round(plan.stacked_safety_stock, 1)
    (118.6, 135.6)
    """
    if law not in LAWS:
        raise ValueError(f"the demand law must be one of {LAWS}, not {law!r}")
    rows = [check_stage(s) for s in stages]
    by_product: dict[str, list[Stage]] = {}
    for s in rows:
        by_product.setdefault(s.product, []).append(s)
    out: list[Placement] = []
    for product_stages in by_product.values():
        out.extend(_plan_product(product_stages, stacked, law))
    return NetworkPlan(tuple(out))


def _plan_product(stages: list[Stage], stacked: bool, law: str) -> list[Placement]:
    order = supply_order(stages)
    demand = _network_demand(order)
    below = children(order)
    by_site = {s.site: s for s in order}
    # the highest target among the customers a stage serves, itself or further down
    target = {s.site: s.service_level if _has_demand(s) else 0.5 for s in order}
    for s in reversed(order):  # a warehouse's own resupplied sites come after it
        if s.supplier is not None:
            target[s.supplier] = max(target[s.supplier], target[s.site])
    z = {site: z_for_service_level(p) if p > 0.5 else 0.0 for site, p in target.items()}

    def stage_cost(site: str, tau: int) -> float:
        return by_site[site].holding_cost * safety_stock(z[site], *demand[site], tau, law)

    def own_cost(site: str, out_days: int) -> float:
        s = by_site[site]
        if s.demand_sd_per_day == 0:
            return 0.0
        tau = max(out_days - _days(s.service_time_days), 0)
        zs = z_for_service_level(s.service_level)
        return s.holding_cost * safety_stock(zs, s.demand_per_day, s.demand_sd_per_day, tau, law)

    @cache
    def best(site: str, inbound: int) -> tuple[float, int]:
        """Least holding cost of the subtree at ``site`` given its inbound service time,
        and the outbound service time that reaches it (the shortest of equal costs)."""
        top = inbound + _days(by_site[site].lead_time_days)
        options = []
        for out_days in range(1 if stacked else top + 1):
            cost = stage_cost(site, top - out_days) + own_cost(site, out_days)
            cost += sum(best(c, out_days)[0] for c in below[site])
            options.append((round(cost, 9), out_days))
        return min(options)

    inbound = {}
    out_days = {}
    for s in order:
        inbound[s.site] = 0 if s.supplier is None else out_days[s.supplier]
        out_days[s.site] = best(s.site, inbound[s.site])[1]
    return [
        _placement(s, inbound, out_days, demand, (target, z), own_cost, bool(below[s.site]), law)
        for s in order
    ]


def _placement(s, inbound, out_days, demand, targets, own_cost, below, law) -> Placement:
    target, z = targets
    lead = _days(s.lead_time_days)
    tau = inbound[s.site] + lead - out_days[s.site]
    mean, sd = demand[s.site]
    pooled = safety_stock(z[s.site], mean, sd, tau, law)
    own = own_cost(s.site, out_days[s.site]) / s.holding_cost
    own_days = max(out_days[s.site] - _days(s.service_time_days), 0)
    stacked = safety_stock(z[s.site], mean, sd, lead, law)
    safety = pooled + own
    base = mean * tau + pooled + s.demand_per_day * own_days + own
    reason = (
        f"network demand {mean:g}/d (sd {sd:.3g}/d); promised {inbound[s.site]} d by "
        + (f"{s.supplier}" if s.supplier else "the vendor (its lead time)")
        + f", {lead} d lead time, "
        + (f"promises {out_days[s.site]} d to the sites it resupplies: " if below else "")
        + f"covers {tau} d at z {z[s.site]:.3f} = safety stock {safety:.1f}"
        + (f" ({own:.1f} of it for its own customers)" if own > 0 else "")
        + f"; planned alone {stacked:.1f}"
    )
    return Placement(
        s.product,
        s.site,
        mean,
        sd,
        inbound[s.site],
        lead,
        out_days[s.site],
        tau,
        target[s.site],
        z[s.site],
        safety,
        base,
        stacked,
        reason,
    )
