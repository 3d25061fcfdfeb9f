"""The last working days of floor work: receipts put away hours after they arrive, customer
orders picked, packed and shipped the same day by named operators, a few short picks.

The history (:mod:`stockops.scenario.history`) says what was received and shipped per day;
this plans *when* and *by whom* on the floor, on top of it, for the demo's scorecard: the
floor figures (dock-to-stock, pick accuracy, lines per hour, order cycle time) need hand-off
times and operators the day-level history does not have.

Times are naive local wall-clock datetimes of the warehouse; the shifts are the labour
demo's: early 06:00-14:00, late 14:00-22:00, Monday to Friday. Durations are in hours
(``*_h``) or seconds (``*_s``), quantities in units.

>>> import datetime
>>> from stockops.scenario import generate
>>> sc = generate("small", today=datetime.date(2025, 3, 12))
>>> work = plan_floor_work(sc)
>>> work.days[0], work.days[-1], len(work.days)
(datetime.date(2025, 2, 26), datetime.date(2025, 3, 11), 10)
>>> all(r.put_away_at[0] > r.arrived_at for r in work.receipts)
True
>>> all(o.ordered_at < o.picked_at[0] <= o.picked_at[-1] < o.packed_at < o.shipped_at
...     for o in work.orders)
True
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from stockops.scenario.records import Scenario

#: receipts and customer orders per working day, per scenario size
FLOOR_RATES = {"small": (1, 2), "default": (1, 3), "large": (2, 6)}
#: when the carriers collect (local hour, minute): a packed order leaves with the next one
PICKUPS = ((12, 30), (16, 0), (21, 0))
#: the late shift starts here (local hour)
LATE_SHIFT_H = 14
#: closing reasons of a short pick, and how often a supervisor closes one so: a count
#: that adjusts the bin clears the picker, stock found elsewhere or re-allocated does not
SHORT_REASONS = (("adjusted", 0.4), ("found", 0.35), ("reallocated", 0.25))
#: share of order lines picked short (each at least 2 units ordered, at least 1 picked)
SHORT_SHARE = 0.035


@dataclass(frozen=True, slots=True)
class FloorOperator:
    """A person on the floor: their login, name, job and shift ("early"/"late")."""

    login: str
    name: str
    job: str
    shift: str


#: the demo crew (the labour demo's operators, by name)
CREW = (
    FloorOperator("aisha.operator", "Aisha Bello", "receive", "early"),
    FloorOperator("tomasz.operator", "Tomasz Nowak", "putaway", "early"),
    FloorOperator("diego.operator", "Diego Alvarez", "putaway", "late"),
    FloorOperator("maria.operator", "Maria Lopez", "pick", "early"),
    FloorOperator("kevin.operator", "Kevin O'Brien", "pick", "late"),
    FloorOperator("lin.operator", "Lin Chen", "pack", "late"),
)


@dataclass(frozen=True, slots=True)
class FloorReceiptLine:
    product_code: str
    qty: int


@dataclass(frozen=True, slots=True)
class FloorReceipt:
    """A truck unloaded at ``arrived_at`` by ``received_by``; its lines put away one by
    one at ``put_away_at`` (one time per line) by ``put_away_by``, from ``started_at``."""

    ref: str
    vendor_code: str
    lines: tuple[FloorReceiptLine, ...]
    arrived_at: datetime.datetime
    received_by: str
    started_at: datetime.datetime
    put_away_at: tuple[datetime.datetime, ...]
    put_away_by: str


@dataclass(frozen=True, slots=True)
class FloorOrderLine:
    """An order line: ``picked_qty < qty`` is a short pick, closed with ``short_reason``."""

    product_code: str
    qty: int
    picked_qty: int
    short_reason: str | None = None


@dataclass(frozen=True, slots=True)
class FloorOrder:
    """A customer order taken at ``ordered_at``, due ``promised_at``; picked line by line
    (``picked_at``, one time per line) by ``picked_by`` from ``pick_started_at``, packed by
    ``packed_by`` at ``packed_at``, shipped by ``shipped_by`` at ``shipped_at``; a short
    line's exception is closed by the supervisor at ``reviewed_at``."""

    ref: str
    customer_code: str
    lines: tuple[FloorOrderLine, ...]
    ordered_at: datetime.datetime
    promised_at: datetime.datetime
    pick_started_at: datetime.datetime
    picked_at: tuple[datetime.datetime, ...]
    picked_by: str
    packed_at: datetime.datetime
    packed_by: str
    shipped_at: datetime.datetime
    shipped_by: str
    reviewed_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class FloorWork:
    """The working ``days`` planned (oldest first), the crew, the receipts and orders, and
    for each history delivery (in :attr:`Scenario.deliveries` order) the hours its order
    came in before it shipped (``history_order_lead_h``)."""

    days: tuple[datetime.date, ...]
    crew: tuple[FloorOperator, ...]
    receipts: tuple[FloorReceipt, ...]
    orders: tuple[FloorOrder, ...]
    history_order_lead_h: tuple[float, ...]


def working_days(today: datetime.date, count: int) -> tuple[datetime.date, ...]:
    """The ``count`` Mondays-to-Fridays before ``today``, oldest first."""
    out, day = [], today
    while len(out) < count:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            out.append(day)
    return tuple(reversed(out))


def _at(day: datetime.date, hours: float) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
        seconds=round(hours * 3600)
    )


def _by_shift(job: str, when: datetime.datetime) -> str:
    shift = "early" if when.hour < LATE_SHIFT_H else "late"
    # nobody packs on the early shift: the early picker packs their own orders
    for role in (job, "pick"):
        for op in CREW:
            if op.job == role and op.shift == shift:
                return op.login
    raise ValueError(f"no {job} operator on the {shift} shift in CREW")


def _next_working(day: datetime.date) -> datetime.date:
    day += datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _receipts(sc: Scenario, rng: np.random.Generator, days, per_day) -> list[FloorReceipt]:
    by_vendor = defaultdict(list)
    for p in sc.products:
        if not p.hazard_class:
            by_vendor[p.vendor_code].append(p)
    vendors = sorted(by_vendor)
    out = []
    for day in days:
        for _ in range(per_day):
            vendor = vendors[int(rng.integers(len(vendors)))]
            stock = by_vendor[vendor]
            picks = rng.choice(
                len(stock), size=min(len(stock), int(rng.integers(1, 5))), replace=False
            )
            lines = tuple(
                FloorReceiptLine(stock[int(i)].default_code, max(1, stock[int(i)].reorder_qty // 4))
                for i in sorted(picks)
            )
            arrived = _at(day, rng.uniform(6.5, 13.5))
            # most trucks are away within hours; a busy afternoon leaves some for tomorrow
            wait_h = float(np.clip(rng.lognormal(np.log(3.0), 0.6), 0.75, 12.0))
            start = arrived + datetime.timedelta(hours=wait_h)
            if (start.hour >= 21 or start.date() != day) and day != days[-1]:
                start = _at(_next_working(day), rng.uniform(6.25, 7.5))
            start = min(start, _at(_next_working(day), 7.5), _at(days[-1], 20.5))
            at, times = start, []
            for _line in lines:
                at += datetime.timedelta(minutes=float(rng.uniform(4.0, 9.0)))
                times.append(at)
            out.append(
                FloorReceipt(
                    f"FLOOR-IN-{len(out) + 1:03d}", vendor, lines, arrived,
                    _by_shift("receive", arrived), start, tuple(times), _by_shift("putaway", start),
                )
            )  # fmt: skip
    return out


def _available(sc: Scenario) -> dict[str, int]:
    """Units on hand not already promised to today's open orders, per product."""
    avail = defaultdict(int)
    for q in sc.quants:
        avail[q.product_code] += q.qty
    for so in sc.sale_orders:
        for line in so.lines:
            avail[line.product_code] -= line.qty
    return avail


def _order_lines(rng, avail, codes) -> tuple[FloorOrderLine, ...]:
    lines = []
    for i in rng.choice(
        len(codes),
        size=int(rng.choice([1, 2, 3, 4, 5], p=[0.3, 0.25, 0.2, 0.15, 0.1])),
        replace=False,
    ):
        code = codes[int(i)]
        room = avail[code] // 6
        if room < 1:
            continue
        qty = int(rng.integers(1, min(room, 8) + 1))
        avail[code] -= qty
        lines.append([code, qty])
    return tuple(FloorOrderLine(code, qty, qty) for code, qty in lines)


def _shorten(rng, orders: list[FloorOrder]) -> list[FloorOrder]:
    """Pick a few lines short: at least two over the period, about ``SHORT_SHARE``."""
    slots = [(o, i) for o, order in enumerate(orders) for i, line in enumerate(order.lines)
             if line.qty >= 2]  # fmt: skip
    total = sum(len(o.lines) for o in orders)
    count = min(len(slots), max(2, round(total * SHORT_SHARE)))
    reasons, weights = zip(*SHORT_REASONS, strict=True)
    out = list(orders)
    for k in rng.choice(len(slots), size=count, replace=False):
        o, i = slots[int(k)]
        order = out[o]
        line = order.lines[i]
        short = FloorOrderLine(
            line.product_code, line.qty, int(rng.integers(1, line.qty)),
            str(rng.choice(reasons, p=weights)),
        )  # fmt: skip
        lines = (*order.lines[:i], short, *order.lines[i + 1 :])
        out[o] = dataclasses.replace(order, lines=lines)
    return out


def _orders(sc: Scenario, rng: np.random.Generator, days, per_day) -> list[FloorOrder]:
    avail = _available(sc)
    codes = sorted(c for c, units in avail.items() if units >= 12)
    customers = [c.code for c in sc.customers]
    out = []
    for n, day in enumerate(days):
        before = days[n - 1] if n else day - datetime.timedelta(days=1)
        for _ in range(per_day):
            lines = _order_lines(rng, avail, codes)
            if not lines:
                continue
            # most orders come in the morning they ship; some the afternoon before
            same_day = rng.random() < 0.65
            ordered = (
                _at(day, rng.uniform(6.0, 13.0))
                if same_day
                else _at(before, rng.uniform(14.0, 20.0))
            )
            wait = rng.uniform(0.3, 3.0)
            start = max(ordered, _at(day, 6.0)) + datetime.timedelta(hours=float(wait))
            start = min(start, _at(day, 19.5))
            at = start + datetime.timedelta(seconds=float(rng.uniform(60, 240)))  # to the first bin
            times = []
            for _line in lines:
                at += datetime.timedelta(seconds=float(rng.uniform(40, 110)))
                times.append(at)
            packed = at + datetime.timedelta(minutes=float(rng.uniform(10, 40)))
            ready = packed + datetime.timedelta(minutes=15)
            shipped = next(
                (t for t in (_at(day, h + m / 60) for h, m in PICKUPS) if t >= ready),
                ready + datetime.timedelta(minutes=20),
            )
            out.append(
                FloorOrder(
                    f"FLOOR-SO-{len(out) + 1:03d}",
                    customers[int(rng.integers(len(customers)))],
                    lines, ordered, _at(_next_working(ordered.date()), 16.0),
                    start, tuple(times), _by_shift("pick", start),
                    packed, _by_shift("pack", packed),
                    shipped, _by_shift("putaway", shipped),
                    min(shipped + datetime.timedelta(hours=float(rng.uniform(0.5, 4.0))),
                        _at(day, 21.75)),
                )
            )  # fmt: skip
    return _shorten(rng, out)


def history_order_lead_h(rng: np.random.Generator, count: int) -> tuple[float, ...]:
    """Hours before a history delivery shipped (at 15:00) that its order came in: most
    that morning (2-8 h), some the afternoon before (19-25 h)."""
    same_day = rng.random(count) < 0.65
    lead = np.where(same_day, rng.uniform(2.0, 8.0, count), rng.uniform(19.0, 25.0, count))
    return tuple(round(float(h), 2) for h in lead)


def plan_floor_work(sc: Scenario, days: int = 10, seed: int = 7) -> FloorWork:
    """The floor work of the ``days`` working days before ``sc.today``, deterministic in
    (``sc``, ``days``, ``seed``); the scenario's own random stream is not touched."""
    rng = np.random.default_rng([sc.seed, seed])
    per_receipts, per_orders = FLOOR_RATES.get(sc.size, FLOOR_RATES["default"])
    worked = working_days(sc.today, days)
    receipts = _receipts(sc, rng, worked, per_receipts)
    orders = _orders(sc, rng, worked, per_orders)
    return FloorWork(
        days=worked,
        crew=CREW,
        receipts=tuple(receipts),
        orders=tuple(orders),
        history_order_lead_h=history_order_lead_h(rng, len(sc.deliveries)),
    )
