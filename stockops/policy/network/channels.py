"""Sales channels: the order in which their orders reserve stock, from which lots, and
what each may promise.

Units: quantities in the product's stock unit (units), dates as ``datetime.date``.

* A :class:`Channel` has a ``rank`` (1 first: key accounts before the web shop).
* An :class:`Allocation` holds units (or a share of the site's stock) of a product for a
  channel: channels ranked below it cannot take them; a channel ranked above it can (the
  held stock is still unreserved). Reservations of a channel count against its own
  allocation first.
* :func:`reserve` serves requests by channel rank, then the customer's commitment date,
  then the request's name; a request takes its own channel's held stock, then stock held
  for nobody, then what is held for channels ranked below it (the lowest first). Lots are
  drawn FEFO (earliest removal date, then earliest receipt) or FIFO (earliest receipt),
  the product's removal strategy.
* :func:`available_to_promise`: on hand - reserved - held for the channels it may not take
  from + incoming before the date; so it equals what :func:`reserve` would give a new order
  of that channel, and a lower channel never sees a higher one's allocation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from stockops.policy.network import checks

REMOVAL = ("fefo", "fifo")


@dataclass(frozen=True, slots=True)
class Channel:
    """A sales channel and its rank (1 is served first)."""

    name: str
    rank: int


@dataclass(frozen=True, slots=True)
class Allocation:
    """Stock of ``product`` at ``site`` held for ``channel``: ``units``, or ``share`` of
    the site's on-hand stock (a fraction in (0, 1]); one of the two."""

    channel: str
    product: str
    site: str
    units: float | None = None
    share: float | None = None


@dataclass(frozen=True, slots=True)
class Lot:
    """Stock of ``product`` at ``site`` in one lot: ``quantity`` on hand (units),
    ``reserved`` (units already reserved, per channel: ``reserved_by``), the receipt date
    (FIFO) and the removal date (FEFO; None: does not expire)."""

    product: str
    site: str
    lot: str
    quantity: float
    received: dt.date
    removal: dt.date | None = None
    reserved_by: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Request:
    """An order line to reserve: ``quantity`` units of ``product`` at ``site`` for
    ``channel``, promised to the customer on ``commitment`` (None: no date, served after
    the dated ones)."""

    name: str
    channel: str
    product: str
    site: str
    quantity: float
    commitment: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Incoming:
    """``quantity`` units of ``product`` arriving at ``site`` on ``date``."""

    product: str
    site: str
    quantity: float
    date: dt.date


@dataclass(frozen=True, slots=True)
class Reservation:
    """What one request reserved: ``lots`` as (lot, units) in the order drawn, the total
    ``units``, and why (including why not all)."""

    request: str
    units: float
    lots: tuple[tuple[str, float], ...]
    reason: str


class _Pools:
    """Unreserved stock of one product at one site, split into what each channel holds
    and what nobody holds (units)."""

    def __init__(self, on_hand, reserved, holds, ranks):
        free = on_hand - sum(reserved.values())
        self.held: dict[str, float] = {}
        for name in sorted(holds, key=lambda c: ranks[c]):  # higher ranks keep theirs first
            want = max(holds[name] - reserved.get(name, 0.0), 0.0)
            self.held[name] = min(want, max(free, 0.0))
            free -= self.held[name]
        self.nobody = max(free, 0.0)
        self.ranks = ranks

    def order(self, channel: str) -> list[str | None]:
        """Where ``channel`` may take from, in turn: its own, nobody's, lower channels'."""
        lower = [c for c in self.held if self.ranks[c] > self.ranks[channel]]
        lower.sort(key=lambda c: -self.ranks[c])
        return [channel, None, *lower]

    def available(self, channel: str) -> float:
        return sum(self.get(pool) for pool in self.order(channel))

    def get(self, pool: str | None) -> float:
        return self.nobody if pool is None else self.held.get(pool, 0.0)

    def take(self, channel: str, units: float) -> list[tuple[str | None, float]]:
        taken = []
        for pool in self.order(channel):
            got = min(units, self.get(pool))
            if got <= 0:
                continue
            if pool is None:
                self.nobody -= got
            else:
                self.held[pool] -= got
            taken.append((pool, got))
            units -= got
        return taken


@dataclass(frozen=True, slots=True)
class Promise:
    """Available to promise of ``product`` at ``site`` for ``channel`` up to a date (units),
    and how it was found."""

    channel: str
    product: str
    site: str
    units: float
    reason: str


def _check_channels(channels: Iterable[Channel]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for c in channels:
        checks.record(c, Channel, "a sales channel")
        checks.name("sales channel", "name", c.name)
        if isinstance(c.rank, bool) or not isinstance(c.rank, int) or c.rank < 1:
            raise ValueError(
                f"sales channel {c.name!r}: rank must be a whole number from 1, not {c.rank!r}"
            )
        checks.unique("sales channel", [*ranks, c.name])
        ranks[c.name] = c.rank
    return ranks


def _check_lot(lot: object, ranks, sites) -> Lot:
    checks.record(lot, Lot, "stock")
    where = f"lot {lot.lot!r} of {lot.product!r}"
    checks.name(where, "product", lot.product)
    checks.known(where, "site", lot.site, sites)
    checks.number(where, "quantity", lot.quantity)
    checks.date(where, "received date", lot.received)
    checks.date(where, "removal date", lot.removal, optional=True)
    total = 0.0
    for channel, units in lot.reserved_by:
        checks.known(where, "reserved by channel", channel, ranks)
        total += checks.number(where, f"reserved for {channel}", units)
    if total > lot.quantity + 1e-9:
        raise ValueError(f"{where}: {total:g} reserved of {lot.quantity:g} on hand")
    return lot


def _holds(allocations, ranks, sites) -> dict[tuple[str, str], dict[str, object]]:
    out: dict[tuple[str, str], dict[str, object]] = {}
    for a in allocations:
        checks.record(a, Allocation, "an allocation")
        where = f"allocation of {a.product!r} at {a.site!r} for {a.channel!r}"
        checks.known(where, "channel", a.channel, ranks)
        checks.name(where, "product", a.product)
        checks.known(where, "site", a.site, sites)
        if (a.units is None) == (a.share is None):
            raise ValueError(f"{where}: give units or a share, one of the two")
        if a.units is not None:
            held: object = ("units", checks.number(where, "units", a.units))
        else:
            held = ("share", checks.share(where, "share", a.share) if a.share != 1 else 1.0)
        key = (a.product, a.site)
        if a.channel in out.setdefault(key, {}):
            raise ValueError(f"{where}: the channel has two allocations there")
        out[key][a.channel] = held
    return out


def _pools(key, lots, holds, ranks) -> _Pools:
    on_hand = sum(lot.quantity for lot in lots)
    reserved: dict[str, float] = {}
    for lot in lots:
        for channel, units in lot.reserved_by:
            reserved[channel] = reserved.get(channel, 0.0) + units
    held = {c: v if kind == "units" else v * on_hand for c, (kind, v) in holds.get(key, {}).items()}
    return _Pools(on_hand, reserved, held, ranks)


def _by_place(lots: list[Lot]) -> dict[tuple[str, str], list[Lot]]:
    out: dict[tuple[str, str], list[Lot]] = {}
    for lot in lots:
        out.setdefault((lot.product, lot.site), []).append(lot)
    return out


def _removal_order(lots: list[Lot], strategy: str) -> list[Lot]:
    far = dt.date.max
    if strategy == "fefo":
        return sorted(lots, key=lambda x: (x.removal or far, x.received, x.lot))
    return sorted(lots, key=lambda x: (x.received, x.lot))


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
    ranks = _check_channels(channels)
    known_sites = {checks.name("sites", "site", s) for s in sites}
    stock = [_check_lot(lot, ranks, known_sites) for lot in lots]
    holds = _holds(allocations, ranks, known_sites)
    strategies = dict(removal or {})
    for product, strategy in strategies.items():
        if strategy not in REMOVAL:
            raise ValueError(
                f"{product!r}: removal strategy must be one of {REMOVAL}, not {strategy!r}"
            )
    asks = [_check_request(r, ranks, known_sites) for r in requests]
    checks.unique("request", [r.name for r in asks])
    asks.sort(
        key=lambda r: (ranks[r.channel], r.commitment is None, r.commitment or dt.date.min, r.name)
    )
    places = _by_place(stock)
    pools: dict[tuple[str, str], _Pools] = {}
    left: dict[tuple[str, str, str], float] = {}
    out = []
    for r in asks:
        key = (r.product, r.site)
        here = places.get(key, [])
        if key not in pools:
            pools[key] = _pools(key, here, holds, ranks)
            for lot in here:
                left[(*key, lot.lot)] = lot.quantity - sum(u for _, u in lot.reserved_by)
        pool = pools[key]
        units = min(r.quantity, pool.available(r.channel))
        taken = pool.take(r.channel, units)
        drawn = []
        need = units
        for lot in _removal_order(here, strategies.get(r.product, "fifo")):
            got = min(need, left[(*key, lot.lot)])
            if got > 0:
                drawn.append((lot.lot, got))
                left[(*key, lot.lot)] -= got
                need -= got
        out.append(Reservation(r.name, float(units), tuple(drawn), _why(r, units, taken, pool)))
    return out


def _check_request(r: object, ranks, sites) -> Request:
    checks.record(r, Request, "an order line to reserve")
    where = f"order line {r.name!r}"
    checks.name(where, "name", r.name)
    checks.known(where, "channel", r.channel, ranks)
    checks.name(where, "product", r.product)
    checks.known(where, "site", r.site, sites)
    checks.number(where, "quantity", r.quantity, positive=True)
    checks.date(where, "commitment date", r.commitment, optional=True)
    return r


def _why(r: Request, units: float, taken, pool: _Pools) -> str:
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
    ranks = _check_channels(channels)
    known_sites = {checks.name("sites", "site", s) for s in sites}
    stock = [_check_lot(lot, ranks, known_sites) for lot in lots]
    holds = _holds(allocations, ranks, known_sites)
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
    places = _by_place(stock)
    keys = sorted({*places, *holds, *arriving})
    out = []
    for key in keys:
        here = places.get(key, [])
        pool = _pools(key, here, holds, ranks)
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
