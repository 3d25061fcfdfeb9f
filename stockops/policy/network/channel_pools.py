"""Which unreserved stock each sales channel may take, and the checks on the records it
is computed from (see :mod:`.channels` for the rules).

Units: quantities in the product's stock unit (units).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from stockops.policy.network import checks
from stockops.policy.network.channels import Allocation, Channel, Lot, Request


class Pools:
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


def check_channels(channels: Iterable[Channel]) -> dict[str, int]:
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


def check_lot(lot: object, ranks, sites) -> Lot:
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


def holds_at(allocations, ranks, sites) -> dict[tuple[str, str], dict[str, object]]:
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


def pools_at(key, lots, holds, ranks) -> Pools:
    on_hand = sum(lot.quantity for lot in lots)
    reserved: dict[str, float] = {}
    for lot in lots:
        for channel, units in lot.reserved_by:
            reserved[channel] = reserved.get(channel, 0.0) + units
    held = {c: v if kind == "units" else v * on_hand for c, (kind, v) in holds.get(key, {}).items()}
    return Pools(on_hand, reserved, held, ranks)


def by_place(lots: list[Lot]) -> dict[tuple[str, str], list[Lot]]:
    out: dict[tuple[str, str], list[Lot]] = {}
    for lot in lots:
        out.setdefault((lot.product, lot.site), []).append(lot)
    return out


def removal_order(lots: list[Lot], strategy: str) -> list[Lot]:
    """The lots in the order they are drawn: FEFO (removal date, then receipt) or FIFO."""
    far = dt.date.max
    if strategy == "fefo":
        return sorted(lots, key=lambda x: (x.removal or far, x.received, x.lot))
    return sorted(lots, key=lambda x: (x.received, x.lot))


def check_request(r: object, ranks, sites) -> Request:
    checks.record(r, Request, "an order line to reserve")
    where = f"order line {r.name!r}"
    checks.name(where, "name", r.name)
    checks.known(where, "channel", r.channel, ranks)
    checks.name(where, "product", r.product)
    checks.known(where, "site", r.site, sites)
    checks.number(where, "quantity", r.quantity, positive=True)
    checks.date(where, "commitment date", r.commitment, optional=True)
    return r


def checked(channels, allocations, lots, sites):
    """The records every channel question starts from, checked: channel ranks (name ->
    rank), the known sites, the lots and the held stock per (product, site)."""
    ranks = check_channels(channels)
    known_sites = {checks.name("sites", "site", s) for s in sites}
    stock = [check_lot(lot, ranks, known_sites) for lot in lots]
    return ranks, known_sites, stock, holds_at(allocations, ranks, known_sites)
