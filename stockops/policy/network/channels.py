"""Sales channels: the order in which their orders reserve stock, from which lots, and
what each may promise.

Units: quantities in the product's stock unit (units), dates as ``datetime.date``.

* A :class:`Channel` has a ``rank`` (1 first: key accounts before the web shop).
* An :class:`Allocation` holds units (or a share of the site's stock) of a product for a
  channel: channels ranked below it cannot take them; a channel ranked above it can (the
  held stock is still unreserved). Reservations of a channel count against its own
  allocation first.
* :func:`.reservation.reserve` serves requests by channel rank, then the customer's commitment date,
  then the request's name; a request takes its own channel's held stock, then stock held
  for nobody, then what is held for channels ranked below it (the lowest first). Lots are
  drawn FEFO (earliest removal date, then earliest receipt) or FIFO (earliest receipt),
  the product's removal strategy.
* :func:`.reservation.available_to_promise`: on hand - reserved - held for the channels
  it may not take from + incoming before the date; so it equals what ``reserve`` would
  give a new order of that channel, and a lower channel never sees a higher one's
  allocation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Promise:
    """Available to promise of ``product`` at ``site`` for ``channel`` up to a date (units),
    and how it was found."""

    channel: str
    product: str
    site: str
    units: float
    reason: str
