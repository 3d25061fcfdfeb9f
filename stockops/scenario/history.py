"""The day-by-day history: the (s, Q) policy the buyers used, and a simulation of receipts,
shipments and purchase orders that ends with the stock on hand at the start of today.

Units: product units and days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from stockops.scenario.catalogue import Catalogue
from stockops.scenario.demand import WEEKDAY_FACTOR, Demand
from stockops.scenario.records import Vendor

# safety factor z by ABC class: cycle service levels of 95 %, 90 % and 80 %
_Z_BY_CLASS = {"A": 1.65, "B": 1.28, "C": 0.84}
# days of demand one order covers: fast movers are ordered often, slow ones rarely
_COVER_DAYS_BY_CLASS = {"A": 14, "B": 28, "C": 56}


@dataclass(slots=True)
class Policy:
    """The continuous-review (s, Q) policy per product, in units."""

    s: np.ndarray  # reorder point (units)
    q: np.ndarray  # order multiple (units)
    opening: np.ndarray  # opening stock (units)


def _round_up(x: np.ndarray, multiple: np.ndarray) -> np.ndarray:
    return (np.ceil(x / multiple) * multiple).astype(np.int64)


def plan_policy(
    rng: np.random.Generator, cat: Catalogue, dem: Demand, vendors: tuple[Vendor, ...]
) -> Policy:
    """Each product's reorder point s (demand over the promised lead time plus safety
    stock), order quantity Q (a whole number of cases covering the class's days of
    demand, at least the vendor's MOQ) and opening stock (units)."""
    # planners forecast the base level and trust the vendor's promise: seasonal peaks and
    # late vendors then cause stockouts, as they do in real life
    mu = cat.m * WEEKDAY_FACTOR.mean()
    active = dem.p > 0
    n_active = np.maximum(active.sum(axis=1), 1)
    p_bar = dem.p.sum(axis=1) / n_active
    s_bar = np.where(active, dem.size_mean, 0).sum(axis=1) / n_active
    spread = np.array([np.e if p == "lumpy" else 1.0 for p in cat.pattern])
    sigma = np.sqrt(p_bar * (s_bar**2 * spread + s_bar))
    lead = np.array([vendors[v].promised_lead_time_days for v in cat.vendor_idx], dtype=float)
    z = np.array([_Z_BY_CLASS[v] for v in cat.velocity])
    s = np.ceil(mu * lead + z * sigma * np.sqrt(lead)).astype(np.int64)
    cover = np.array([_COVER_DAYS_BY_CLASS[v] for v in cat.velocity])
    moq = np.array([vendors[v].min_order_qty for v in cat.vendor_idx])
    q = _round_up(np.maximum(np.maximum(mu * cover, moq), 1), cat.case_qty)
    opening = s + _round_up(q * rng.uniform(0.4, 1.0, cat.size), cat.case_qty)
    return Policy(s=s, q=q, opening=opening)


@dataclass(slots=True)
class _PO:
    vendor: int
    order_day: int
    receipt_day: int  # may be >= history days: still in transit
    products: np.ndarray
    qty: np.ndarray


@dataclass(slots=True)
class Simulation:
    """The simulated history: every purchase order raised, the units shipped per product
    and day, and the units on hand at the start of today."""

    pos: list[_PO]
    shipped: np.ndarray  # (P, T)
    on_hand: np.ndarray  # (P,) at the start of today


def _lead_time(rng: np.random.Generator, vendor: Vendor) -> int:
    mean, sd = vendor.actual_lead_time_mean_days, vendor.actual_lead_time_sd_days
    sigma2 = math.log(1.0 + (sd / mean) ** 2)
    draw = rng.lognormal(math.log(mean) - sigma2 / 2, math.sqrt(sigma2))
    return max(1, round(float(draw)))


def simulate(
    rng: np.random.Generator,
    cat: Catalogue,
    dem: Demand,
    policy: Policy,
    vendors: tuple[Vendor, ...],
) -> Simulation:
    """Run the history day by day: receipts arrive, then the day's demand ships
    ``min(demand, on hand)``, then every active product whose inventory position (on hand
    + on order) is at or below s is ordered in multiples of Q, one purchase order per vendor
    per day, arriving after a lead time drawn from the vendor's real (not promised) lead
    time. Opening stock arrives on each product's first active day."""
    n, days = dem.qty.shape
    on_hand = np.zeros(n, dtype=np.int64)
    on_order = np.zeros(n, dtype=np.int64)
    shipped = np.zeros((n, days), dtype=np.int64)
    arrivals: dict[int, list[_PO]] = {}
    placed: dict[tuple[int, int], _PO] = {}

    def order(vendor: int, day: int, products: np.ndarray, qty: np.ndarray, arrive: int) -> None:
        on_order[products] += qty
        po = placed.get((vendor, day))
        if po is not None:
            # a buyer sends a vendor one order a day: top up the one already raised
            po.products = np.concatenate([po.products, products])
            po.qty = np.concatenate([po.qty, qty])
            return
        po = placed[vendor, day] = _PO(vendor, day, arrive, products, qty)
        arrivals.setdefault(arrive, []).append(po)

    # opening stock (and a new product's first stock) arrives on its first active day; an
    # order that would share its vendor and day with an earlier one went out a day sooner
    keys = sorted({(int(v), int(d)) for v, d in zip(cat.vendor_idx, cat.active_from, strict=True)})
    for v, d in keys:
        sel = np.flatnonzero((cat.vendor_idx == v) & (cat.active_from == d))
        day = d - _lead_time(rng, vendors[v])
        while (v, day) in placed:
            day -= 1
        order(v, day, sel, policy.opening[sel], d)

    for day in range(days):
        for po in arrivals.pop(day, ()):
            on_hand[po.products] += po.qty
            on_order[po.products] -= po.qty
        out = np.minimum(dem.qty[:, day], on_hand)
        on_hand -= out
        shipped[:, day] = out
        position = on_hand + on_order
        due = np.flatnonzero((cat.active_from <= day) & (position <= policy.s))
        if due.size:
            multiples = (policy.s[due] - position[due]) // policy.q[due] + 1
            qty = multiples * policy.q[due]
            for v in np.unique(cat.vendor_idx[due]):
                sel = cat.vendor_idx[due] == v
                order(int(v), day, due[sel], qty[sel], day + _lead_time(rng, vendors[int(v)]))
    return Simulation(pos=list(placed.values()), shipped=shipped, on_hand=on_hand)
