"""Rate shopping one order across three carriers with a realistic 250 ms per answer.

Two FedEx-shaped REST simulators (a budget and a premium account) and one Canada
Post-shaped SOAP simulator run on 127.0.0.1, each adding 250 ms to every answer. Ours:
``shop_rates`` asking the three carriers concurrently. Baseline: the same shop asking
them one after the other, as a naive adapter looping over carriers would. Both must
choose the same quote; OAuth tokens are fetched once beforehand, as in production, and
the time is the best of several repeats.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from datetime import date

from bench.result import Result
from stockops.dispatch.canadapost import CanadaPostSoapCarrier
from stockops.dispatch.carrier import Address, Parcel, Shipment
from stockops.dispatch.fedex import FedexRestCarrier
from stockops.dispatch.rates import shop_rates
from stockops.dispatch.simulators import RestCarrierSimulator, SoapCarrierSimulator

LATENCY_S = 0.25
CARTONS = {"small": 1, "default": 3, "large": 8}
REPEATS = {"small": 1, "default": 3, "large": 3}


def _order(cartons: int) -> Shipment:
    home = Address("Stockops WH", "1 Dock Rd", "Rotterdam", "3011AA", "NL")
    to = Address("Anna Smit", "Herestraat 9", "Groningen", "9711LM", "NL")
    parcels = tuple(
        Parcel(1.5 + 2.0 * i, 40, 30, 20 + 5 * (i % 3), f"BOX{i + 1}") for i in range(cartons)
    )
    return Shipment("SO-BENCH", home, to, parcels, date(2026, 11, 20))


def _best_of(repeats: int, func):
    best, out = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - started)
    return best, out


def run(size: str) -> Result:
    shipment = _order(CARTONS[size])
    deliver_by = date(2026, 11, 25)
    with ExitStack() as stack:
        budget = stack.enter_context(RestCarrierSimulator(carrier="budget", price_scale=0.8))
        premium = stack.enter_context(RestCarrierSimulator(carrier="premium", price_scale=1.3))
        post = stack.enter_context(SoapCarrierSimulator(currency="EUR"))
        carriers = [
            FedexRestCarrier(s.url, s.client_id, s.client_secret, s.account_number, name=name)
            for name, s in (("budget", budget), ("premium", premium))
        ]
        carriers.append(
            CanadaPostSoapCarrier(
                f"{post.url}/", post.username, post.password, post.customer_number
            )
        )
        shop_rates(shipment, carriers)  # warm-up: tokens, WSDL, connections
        for sim in (budget, premium, post):
            sim.latency_s = LATENCY_S
        repeats = REPEATS[size]
        ours_s, ours = _best_of(
            repeats, lambda: shop_rates(shipment, carriers, deliver_by=deliver_by)
        )
        seq_s, seq = _best_of(
            repeats,
            lambda: shop_rates(shipment, carriers, deliver_by=deliver_by, concurrent=False),
        )
    assert ours.chosen == seq.chosen, "concurrent and sequential shops chose differently"
    assert all(a.ok for a in ours.answers), ours.lines()
    print(
        f"{len(carriers)} carriers (2 REST, 1 SOAP), {len(shipment.parcels)} cartons, "
        f"{LATENCY_S * 1000:.0f} ms added latency per answer"
    )
    for line in ours.lines():
        print(f"  {line}")
    print(f"  decision               : {ours.reason}")
    print(f"  concurrent shop_rates  : {ours_s * 1000:8.1f} ms")
    print(f"  one carrier at a time  : {seq_s * 1000:8.1f} ms")
    return Result(ours_s * 1000, "sequential", seq_s * 1000, "ms")
