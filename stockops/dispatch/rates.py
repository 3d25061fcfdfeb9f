"""Rate shopping: ask every eligible carrier at once for the real cartons, then choose.

Every carrier whose parcel limits fit the cartons is asked concurrently (one thread per
carrier, so the shop takes as long as the slowest answer, not the sum of them). A carrier
that is not eligible, refuses, fails or is too slow gives a reason line instead of
breaking the shop. The choice follows one rule:

* ``"cheapest_on_time"`` -- the cheapest quote delivering by the promised date; when none
  does, the fastest one (flagged late); with no promised date, the cheapest;
* ``"fastest"`` -- the earliest delivery, then the cheapest.

Prices in another currency than the shop's are converted with ``fx`` (units of the shop
currency per unit of the quote's); quotes that cannot be converted are kept but not
compared.

>>> from datetime import date
>>> from decimal import Decimal
>>> q = [Quote("a", "GND", "Ground", Decimal("9.50"), "EUR", 4, date(2026, 11, 26)),
...      Quote("b", "2DAY", "2 Day", Decimal("14.00"), "EUR", 2, date(2026, 11, 24)),
...      Quote("a", "EXP", "Express", Decimal("21.00"), "EUR", 1, date(2026, 11, 23))]
>>> pick = choose_quote(q, "cheapest_on_time", deliver_by=date(2026, 11, 24))
>>> pick.quote.service, pick.on_time
('2DAY', True)
>>> pick.reason
'cheapest of 2 quotes delivering by Tue 24 Nov: b 2DAY 14.00 EUR, arrives Tue 24 Nov'
>>> choose_quote(q, "fastest").quote.service
'EXP'
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ALL_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from stockops.dispatch.carrier import (
    CarrierClient,
    CarrierError,
    CarrierUnavailable,
    Quote,
    Shipment,
)

RULES = ("cheapest_on_time", "fastest")


@dataclass(frozen=True, slots=True)
class CarrierAnswer:
    """What one carrier contributed to the shop, and how long it took (seconds)."""

    carrier: str
    quotes: tuple[Quote, ...]
    ok: bool
    reason: str
    elapsed_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Pick:
    """The chosen quote (None if there was nothing to choose from) and why."""

    quote: Quote | None
    on_time: bool | None
    reason: str


@dataclass(frozen=True, slots=True)
class RateDecision:
    """The outcome of a shop: the choice, every quote, every carrier's answer, the reason."""

    chosen: Quote | None
    on_time: bool | None
    rule: str
    quotes: tuple[Quote, ...]
    answers: tuple[CarrierAnswer, ...]
    reason: str
    elapsed_s: float

    def lines(self) -> list[str]:
        """One line per carrier, for the planner's screen or the chatter."""
        return [f"{a.carrier}: {a.reason}" for a in self.answers]


def _day(d: date) -> str:
    return d.strftime("%a %d %b")


def _describe(q: Quote) -> str:
    return f"{q.carrier} {q.service} {q.price:.2f} {q.currency}, arrives {_day(q.delivery_date)}"


def choose_quote(
    quotes: Sequence[Quote],
    rule: str = "cheapest_on_time",
    deliver_by: date | None = None,
    currency: str | None = None,
    fx: Mapping[str, Decimal] | None = None,
) -> Pick:
    """Choose among ``quotes`` by ``rule`` (see the module docstring)."""
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; choose from {', '.join(RULES)}")
    if not quotes:
        return Pick(None, None, "no carrier quoted")
    currency = currency or quotes[0].currency
    fx = dict(fx or {})
    fx[currency] = Decimal(1)
    comparable = [q for q in quotes if q.currency in fx]
    if not comparable:
        return Pick(None, None, f"no quote in {currency} or convertible to it")

    def price(q: Quote) -> Decimal:
        return q.price * fx[q.currency]

    def on_time(q: Quote) -> bool | None:
        return None if deliver_by is None else q.delivery_date <= deliver_by

    def cheapest(q: Quote) -> tuple[Decimal, date, str, str]:
        return (price(q), q.delivery_date, q.carrier, q.service)

    def fastest(q: Quote) -> tuple[date, Decimal, str, str]:
        return (q.delivery_date, price(q), q.carrier, q.service)

    if rule == "fastest":
        best = min(comparable, key=fastest)
        return Pick(best, on_time(best), f"fastest of {len(comparable)} quotes: {_describe(best)}")
    if deliver_by is None:
        best = min(comparable, key=cheapest)
        reason = f"cheapest of {len(comparable)} quotes (no promised date): {_describe(best)}"
        return Pick(best, None, reason)
    in_time = [q for q in comparable if q.delivery_date <= deliver_by]
    if in_time:
        best = min(in_time, key=cheapest)
        reason = (
            f"cheapest of {len(in_time)} quotes delivering by {_day(deliver_by)}: {_describe(best)}"
        )
        return Pick(best, True, reason)
    best = min(comparable, key=fastest)
    late = (best.delivery_date - deliver_by).days
    reason = (
        f"no quote delivers by {_day(deliver_by)}; fastest is {late} day(s) late: {_describe(best)}"
    )
    return Pick(best, False, reason)


def _ask(carrier: CarrierClient, shipment: Shipment) -> CarrierAnswer:
    started = time.perf_counter()
    try:
        quotes = tuple(carrier.rate(shipment))
    except CarrierUnavailable as exc:
        ok, reason, quotes = False, f"unavailable: {exc.message}", ()
    except CarrierError as exc:
        ok, reason, quotes = False, f"refused: {exc.message}", ()
    except Exception as exc:  # a broken connector must not break the shop
        ok, reason, quotes = False, f"failed: {type(exc).__name__}: {exc}", ()
    else:
        ok, reason = True, f"{len(quotes)} quotes"
    elapsed_s = time.perf_counter() - started
    return CarrierAnswer(
        carrier.name, quotes, ok, f"{reason} ({elapsed_s * 1000:.0f} ms)", elapsed_s
    )


def shop_rates(
    shipment: Shipment,
    carriers: Sequence[CarrierClient],
    *,
    rule: str = "cheapest_on_time",
    deliver_by: date | None = None,
    timeout_s: float | None = None,
    concurrent: bool = True,
    currency: str | None = None,
    fx: Mapping[str, Decimal] | None = None,
) -> RateDecision:
    """Quote ``shipment`` with every eligible carrier and choose one by ``rule``.

    ``timeout_s`` bounds the whole shop (seconds); a carrier still busy then is reported
    as too slow and left to finish in the background. ``concurrent=False`` asks the
    carriers one after the other (the baseline the benchmark compares with).
    Raises :class:`CarrierError` only for a shipment no carrier could quote (bad address,
    no parcels).
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; choose from {', '.join(RULES)}")
    shipment.validate()
    started = time.perf_counter()
    answers: dict[int, CarrierAnswer] = {}
    eligible: list[tuple[int, CarrierClient]] = []
    for index, carrier in enumerate(carriers):
        problems = carrier.limits.problems(shipment.parcels)
        if problems:
            answers[index] = CarrierAnswer(
                carrier.name, (), False, f"not eligible: {'; '.join(problems)}"
            )
        else:
            eligible.append((index, carrier))
    if concurrent and len(eligible) > 1:
        pool = ThreadPoolExecutor(max_workers=len(eligible), thread_name_prefix="rate-shop")
        futures: dict[Future[CarrierAnswer], tuple[int, CarrierClient]] = {
            pool.submit(_ask, carrier, shipment): (index, carrier) for index, carrier in eligible
        }
        done, _pending = wait(futures, timeout=timeout_s, return_when=ALL_COMPLETED)
        pool.shutdown(wait=False, cancel_futures=True)
        for future, (index, carrier) in futures.items():
            if future in done:
                answers[index] = future.result()
            else:
                answers[index] = CarrierAnswer(
                    carrier.name, (), False, f"no answer within {timeout_s:g} s", timeout_s or 0.0
                )
    else:
        for index, carrier in eligible:
            answers[index] = _ask(carrier, shipment)
    ordered = tuple(answers[i] for i in range(len(carriers)))
    quotes = tuple(q for a in ordered for q in a.quotes)
    pick = choose_quote(quotes, rule, deliver_by, currency, fx)
    answered = sum(1 for a in ordered if a.ok)
    reason = f"{pick.reason} ({answered} of {len(carriers)} carriers answered)"
    failed = [f"{a.carrier} {a.reason}" for a in ordered if not a.ok]
    if failed:
        reason += f"; {'; '.join(failed)}"
    return RateDecision(
        chosen=pick.quote,
        on_time=pick.on_time,
        rule=rule,
        quotes=tuple(sorted(quotes, key=lambda q: (q.delivery_date, q.price))),
        answers=ordered,
        reason=reason,
        elapsed_s=time.perf_counter() - started,
    )
