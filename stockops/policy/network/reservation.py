"""Reserving sales channels' orders and what each channel may promise (the rules in
:mod:`.channels`).

Units: quantities in the product's stock unit (units), dates as ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from stockops.policy.network import checks
from stockops.policy.network.channel_pools import (
    Pools,
    by_place,
    check_request,
    checked,
    pools_at,
    removal_order,
)
from stockops.policy.network.channels import (
    REMOVAL,
    Allocation,
    Channel,
    Incoming,
    Lot,
    Promise,
    Request,
    Reservation,
)


def reserve(
    requests: Iterable[Request],
    channels: Iterable[Channel],
    allocations: Iterable[Allocation],
    lots: Iterable[Lot],
    sites: Iterable[str],
    removal: dict[str, str] | None = None,
) -> list[Reservation]:
    """Reserve ``requests`` in the channels' order (see the module docstring), one answer
    per request in the order served. ``sites`` are the warehouses known to the run;
    ``removal`` the removal strategy per product ("fefo" or "fifo", default "fifo"). Bad
    input raises ValueError with a sentence before any work.

    >>> day = dt.date(2026, 3, 2)
    >>> out = reserve(
    ...     [Request("WEB/7", "Web shop", "Tea", "Main", 5), Request("KA/1", "Key accounts",
    ...      "Tea", "Main", 2, day)],
    ...     [Channel("Key accounts", 1), Channel("Web shop", 2)],
    ...     [Allocation("Key accounts", "Tea", "Main", units=6)],
    ...     [Lot("Tea", "Main", "L1", 10, day)], ["Main"])
    >>> [(r.request, r.units) for r in out]
    [('KA/1', 2.0), ('WEB/7', 4.0)]
    >>> out[1].reason
    'reserved 4 of 5: 4 held for Key accounts cannot be taken by Web shop (rank 2)'
    """
    ranks, known_sites, stock, holds = checked(channels, allocations, lots, sites)
    strategies = dict(removal or {})
    for product, strategy in strategies.items():
        if strategy not in REMOVAL:
            raise ValueError(
                f"{product!r}: removal strategy must be one of {REMOVAL}, not {strategy!r}"
            )
    asks = [check_request(r, ranks, known_sites) for r in requests]
    checks.unique("request", [r.name for r in asks])
    asks.sort(
        key=lambda r: (ranks[r.channel], r.commitment is None, r.commitment or dt.date.min, r.name)
    )
    places = by_place(stock)
    pools: dict[tuple[str, str], Pools] = {}
    left: dict[tuple[str, str, str], float] = {}
    out = []
    for r in asks:
        key = (r.product, r.site)
        here = places.get(key, [])
        if key not in pools:
            pools[key] = pools_at(key, here, holds, ranks)
            for lot in here:
                left[(*key, lot.lot)] = lot.quantity - sum(u for _, u in lot.reserved_by)
        pool = pools[key]
        units = min(r.quantity, pool.available(r.channel))
        taken = pool.take(r.channel, units)
        drawn = []
        need = units
        for lot in removal_order(here, strategies.get(r.product, "fifo")):
            got = min(need, left[(*key, lot.lot)])
            if got > 0:
                drawn.append((lot.lot, got))
                left[(*key, lot.lot)] -= got
                need -= got
        out.append(Reservation(r.name, float(units), tuple(drawn), _why(r, units, taken, pool)))
    return out


def _why(r: Request, units: float, taken, pool: Pools) -> str:
    parts = [f"reserved {units:g} of {r.quantity:g}"]
    lower = [f"{u:g} held for {c}" for c, u in taken if c not in (None, r.channel)]
    if lower:
        parts.append(f" ({', '.join(lower)}, ranked below {r.channel})")
    if units < r.quantity:
        barred = [
            f"{u:g} held for {c}"
            for c, u in pool.held.items()
            if u > 0 and c not in pool.order(r.channel)
        ]
        if barred:
            parts.append(
                f": {', '.join(barred)} cannot be taken by {r.channel} "
                f"(rank {pool.ranks[r.channel]})"
            )
        else:
            parts.append(": no more unreserved stock")
    return "".join(parts)


def available_to_promise(
    channels: Iterable[Channel],
    allocations: Iterable[Allocation],
    lots: Iterable[Lot],
    incoming: Iterable[Incoming],
    sites: Iterable[str],
    until: dt.date,
) -> list[Promise]:
    """What each channel may promise of each product at each site by ``until`` (units):
    on hand - reserved - held for the channels it may not take from + incoming on or
    before ``until`` (see the module docstring); one row per channel and each product and
    site that has stock, an allocation or a receipt. Bad input raises ValueError.

    >>> day = dt.date(2026, 3, 2)
    >>> rows = available_to_promise(
    ...     [Channel("Key accounts", 1), Channel("Web shop", 2)],
    ...     [Allocation("Key accounts", "Tea", "Main", share=0.5)],
    ...     [Lot("Tea", "Main", "L1", 10, day, reserved_by=(("Web shop", 2),))],
    ...     [Incoming("Tea", "Main", 4, day), Incoming("Tea", "Main", 9, dt.date(2026, 4, 1))],
    ...     ["Main"], day)
    >>> [(p.channel, p.units) for p in rows]
    [('Key accounts', 12.0), ('Web shop', 7.0)]
    >>> rows[1].reason
    'on hand 10 - reserved 2 - held for Key accounts 5 + incoming by 2026-03-02 4'
    """
    ranks, known_sites, stock, holds = checked(channels, allocations, lots, sites)
    checks.date("available to promise", "date", until)
    arriving: dict[tuple[str, str], float] = {}
    for i in incoming:
        checks.record(i, Incoming, "an incoming receipt")
        where = f"receipt of {i.product!r} at {i.site!r}"
        checks.name(where, "product", i.product)
        checks.known(where, "site", i.site, known_sites)
        checks.number(where, "quantity", i.quantity)
        checks.date(where, "date", i.date)
        key = (i.product, i.site)
        arriving[key] = arriving.get(key, 0.0) + (i.quantity if i.date <= until else 0.0)
    places = by_place(stock)
    keys = sorted({*places, *holds, *arriving})
    out = []
    for key in keys:
        here = places.get(key, [])
        pool = pools_at(key, here, holds, ranks)
        on_hand = sum(lot.quantity for lot in here)
        reserved = on_hand - pool.nobody - sum(pool.held.values())
        for channel in sorted(ranks, key=lambda c: (ranks[c], c)):
            units = pool.available(channel) + arriving.get(key, 0.0)
            barred = [(c, u) for c, u in pool.held.items() if c not in pool.order(channel)]
            why = f"on hand {on_hand:g} - reserved {reserved:g}"
            why += "".join(f" - held for {c} {u:g}" for c, u in barred if u > 0)
            why += f" + incoming by {until.isoformat()} {arriving.get(key, 0.0):g}"
            out.append(Promise(channel, key[0], key[1], float(units), why))
    return out
