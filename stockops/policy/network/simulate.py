"""A two-level network run day by day under a :class:`~.echelon.NetworkPlan`, to measure
the service its sites achieve and the stock it holds.

Why its own simulation: :func:`stockops.policy.service.replay.replay` runs one warehouse
against a vendor that always delivers after the lead time; in a network a depot short of
stock delivers late, and the sites below feel it. Here the depot's shortfalls delay the
sites' receipts.

Units: demand and stock in units, one step per day, lead times in whole days.

Every stage runs a base-stock policy one-for-one (each day's demand is reordered that day)
at the plan's base stock. A day, for every path at once:

1. the depot receives what it ordered from the vendor ``T0`` days ago, and each site
   receives what the depot shipped to it ``T_j`` days ago;
2. each site serves its backorders and then the day's demand from stock; what it cannot
   serve waits (backordered); it orders the day's demand from the depot, due to ship in
   the depot's promised ``S0`` days, and the depot orders the same from the vendor;
3. the depot ships what is due, oldest first (sites due the same day share a shortfall
   in proportion); what it cannot ship waits for its next receipt: a late delivery.

Measured after the warm-up (the longest lead time to a site): a site's *cycle service*
per day (the share of days it served all its demand from stock: the measure of
:mod:`stockops.policy.service` with the one-day cycle of a daily reorder), its fill rate,
and the mean stock on hand of every stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stockops.policy.network.echelon import NetworkPlan


@dataclass(frozen=True, eq=False)
class NetworkService:
    """Per site (in ``sites`` order): ``cycle_service`` (share of days without a shortage)
    and ``fill_rate`` (share of units served the day they were asked for); per stage
    (``stages``: the depot first) ``mean_on_hand`` (units); and ``late_share``, the share of
    the depot's shipments that left after the promised service time."""

    sites: tuple[str, ...]
    cycle_service: np.ndarray
    fill_rate: np.ndarray
    stages: tuple[str, ...]
    mean_on_hand: np.ndarray
    late_share: float

    @property
    def total_on_hand(self) -> float:
        return float(self.mean_on_hand.sum())


def gamma_demand(mean: np.ndarray, sd: np.ndarray, shape: tuple[int, int], rng) -> np.ndarray:
    """Daily demand (paths x sites x days, units) drawn from gamma laws of each site's mean
    and standard deviation (units/day): never negative, skewed like real demand."""
    m, s = np.asarray(mean, dtype=float), np.asarray(sd, dtype=float)
    k = np.where(s > 0, (m / np.where(s > 0, s, 1.0)) ** 2, 1.0)
    theta = np.where(s > 0, s**2 / np.where(m > 0, m, 1.0), 0.0)
    draws = rng.gamma(k[None, :, None], 1.0, (shape[0], len(m), shape[1]))
    return np.where(s[None, :, None] > 0, draws * theta[None, :, None], m[None, :, None])


def simulate_two_level(plan: NetworkPlan, product: str, demand: np.ndarray) -> NetworkService:
    """Run ``demand`` (paths x sites x days, units; sites in the plan's order after the
    depot) through the plan of ``product``: one depot bought from a vendor and the sites it
    resupplies, with no demand of its own. ValueError for another shape of network."""
    rows = [p for p in plan.placements if p.product == product]
    if not rows or rows[0].inbound_service_days != 0:
        raise ValueError(f"{product!r}: the plan has no depot bought from a vendor")
    depot, sites = rows[0], rows[1:]
    if any(s.inbound_service_days != depot.outbound_service_days for s in sites):
        raise ValueError(f"{product!r}: the simulation runs a depot and its sites only")
    if abs(depot.network_demand_per_day - sum(s.network_demand_per_day for s in sites)) > 1e-9:
        raise ValueError(f"{product!r}: the simulation runs a depot without customers of its own")
    d = np.asarray(demand, dtype=float)
    n, n_sites, t_len = d.shape
    if n_sites != len(sites):
        raise ValueError(f"{product!r}: demand has {n_sites} sites, the plan {len(sites)}")
    s0, t0 = depot.outbound_service_days, depot.lead_time_days
    lead = np.array([s.lead_time_days for s in sites])
    if t0 < 1 or (lead < 1).any():
        raise ValueError(f"{product!r}: the simulation needs lead times of a day or more")
    warm = s0 + t0 + int(lead.max(initial=0))
    if t_len <= warm:
        raise ValueError(f"{product!r}: simulate more than the {warm} days of warm-up")

    site_stock = np.tile([s.base_stock for s in sites], (n, 1)).astype(float)
    depot_stock = np.full(n, depot.base_stock)
    site_backlog = np.zeros((n, n_sites))
    owed = np.zeros((n, n_sites))  # due from the depot and not shipped yet
    vendor = np.zeros((t_len + t0 + 1, n))
    to_site = np.zeros((t_len + int(lead.max(initial=0)) + 1, n, n_sites))
    good_days = np.zeros(n_sites)
    served_units, asked_units = np.zeros(n_sites), np.zeros(n_sites)
    on_hand = np.zeros(n_sites + 1)
    shipped_total = late_total = 0.0
    measured = 0
    for t in range(t_len):
        depot_stock += vendor[t]
        site_stock += to_site[t]
        first = np.minimum(site_backlog, site_stock)
        site_stock -= first
        site_backlog -= first
        today = d[:, :, t]
        served = np.minimum(today, site_stock)
        site_stock -= served
        site_backlog += today - served
        vendor[t + t0] += today.sum(axis=1)
        new_due = d[:, :, t - s0] if t >= s0 else np.zeros((n, n_sites))
        late = _ship(owed, depot_stock, to_site, t, lead)
        owed -= late
        fresh = _ship(new_due, depot_stock, to_site, t, lead)
        owed += new_due - fresh
        if t >= warm:
            measured += 1
            shortage = (today - served) > 1e-9
            good_days += (~shortage).mean(axis=0)
            served_units += served.sum(axis=0)
            asked_units += today.sum(axis=0)
            on_hand += np.concatenate([[depot_stock.mean()], site_stock.mean(axis=0)])
            shipped_total += float((late + fresh).sum())
            late_total += float(late.sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        fill = np.where(asked_units > 0, served_units / asked_units, 1.0)
    return NetworkService(
        sites=tuple(s.site for s in sites),
        cycle_service=good_days / measured,
        fill_rate=fill,
        stages=(depot.site, *(s.site for s in sites)),
        mean_on_hand=on_hand / measured,
        late_share=late_total / shipped_total if shipped_total > 0 else 0.0,
    )


def _ship(wanted: np.ndarray, depot_stock: np.ndarray, to_site: np.ndarray, t: int, lead):
    """Ship ``wanted`` (paths x sites, units) from the depot's stock, in proportion when
    short; books the arrivals and takes the stock. Returns what was shipped."""
    total = wanted.sum(axis=1)
    share = np.where(total > 0, np.minimum(depot_stock / np.where(total > 0, total, 1.0), 1.0), 0)
    shipped = wanted * share[:, None]
    depot_stock -= shipped.sum(axis=1)
    for j, days in enumerate(lead):
        to_site[t + days, :, j] += shipped[:, j]
    return shipped
