"""Rate shopping across simulated carriers: concurrent, fault tolerant, rule driven."""

from contextlib import ExitStack
from datetime import date

import pytest

from stockops.dispatch.canadapost import CanadaPostSoapCarrier
from stockops.dispatch.carrier import Address, CarrierError, Parcel, ParcelLimits, Shipment
from stockops.dispatch.fedex import FedexRestCarrier
from stockops.dispatch.rates import shop_rates
from stockops.dispatch.retry import RetryPolicy
from stockops.dispatch.simulators import RestCarrierSimulator, SoapCarrierSimulator

HOME = Address("Stockops WH", "1 Dock Rd", "Rotterdam", "3011AA", "NL")
TO = Address("Anna Smit", "Herestraat 9", "Groningen", "9711LM", "NL")
FAST = RetryPolicy(attempts=2, base_delay_s=0.01)
FRIDAY = date(2026, 11, 20)


def order(*weights_kg):
    parcels = tuple(Parcel(w, 40, 30, 20, f"BOX{i}") for i, w in enumerate(weights_kg, 1))
    return Shipment("SO042", HOME, TO, parcels, FRIDAY)


@pytest.fixture
def carriers():
    """Two FedEx-shaped accounts (one dearer) and one Canada Post-shaped, all in EUR."""
    with ExitStack() as stack:
        cheap = stack.enter_context(RestCarrierSimulator(carrier="budget", price_scale=0.8))
        dear = stack.enter_context(RestCarrierSimulator(carrier="premium", price_scale=1.3))
        post = stack.enter_context(SoapCarrierSimulator(currency="EUR", price_scale=1.0))
        clients = [
            FedexRestCarrier(
                s.url,
                s.client_id,
                s.client_secret,
                s.account_number,
                name=name,
                retry=FAST,
                timeout_s=(1.0, 0.5),
            )
            for name, s in (("budget", cheap), ("premium", dear))
        ]
        clients.append(
            CanadaPostSoapCarrier(
                f"{post.url}/",
                post.username,
                post.password,
                post.customer_number,
                retry=FAST,
                timeout_s=0.5,
            )
        )
        yield (cheap, dear, post), clients


def test_cheapest_on_time_across_carriers(carriers):
    _sims, clients = carriers
    decision = shop_rates(order(2, 3), clients, deliver_by=date(2026, 11, 25))
    assert len(decision.quotes) == 9 and all(a.ok for a in decision.answers)
    on_time = [q for q in decision.quotes if q.delivery_date <= date(2026, 11, 25)]
    assert decision.chosen == min(on_time, key=lambda q: q.price)
    assert decision.chosen.carrier == "budget" and decision.on_time
    assert decision.reason.startswith("cheapest of 6 quotes delivering by Wed 25 Nov: budget")
    assert "3 of 3 carriers answered" in decision.reason


def test_fastest_rule(carriers):
    _sims, clients = carriers
    decision = shop_rates(order(2), clients, rule="fastest", deliver_by=date(2026, 11, 24))
    earliest = min(q.delivery_date for q in decision.quotes)
    assert decision.chosen.delivery_date == earliest and decision.on_time
    assert decision.chosen.price == min(
        q.price for q in decision.quotes if q.delivery_date == earliest
    )


def test_failing_and_ineligible_carriers_give_reasons(carriers):
    (cheap, dear, post), clients = carriers
    cheap.inject("unavailable", times=5)
    post.inject("fault", operation="rate")
    clients[1].limits = ParcelLimits(max_weight_kg=10)
    decision = shop_rates(order(2, 12), clients, deliver_by=date(2026, 11, 30))
    lines = decision.lines()
    assert lines[0].startswith("budget: unavailable:") and "HTTP 503" in lines[0]
    assert lines[1] == "premium: not eligible: parcel BOX2 weighs 12 kg, over the 10 kg limit"
    assert lines[2].startswith("canadapost: refused: GetRates refused:")
    assert decision.chosen is None and decision.quotes == ()
    assert dear.count("rate") == 0
    assert decision.reason.startswith("no carrier quoted (0 of 3 carriers answered); budget")


def test_one_failure_does_not_break_the_shop(carriers):
    (cheap, _dear, _post), clients = carriers
    cheap.inject("unavailable", times=5)
    decision = shop_rates(order(2), clients, deliver_by=date(2026, 11, 27))
    assert decision.chosen is not None and decision.chosen.carrier != "budget"
    assert "2 of 3 carriers answered" in decision.reason


def test_carriers_are_asked_concurrently(carriers):
    sims, clients = carriers
    shop_rates(order(2), clients)  # tokens fetched once, as in production
    latency = 0.2  # s per carrier (the clients give up on a rate after 0.5 s)
    for sim in sims:
        sim.latency_s = latency
    together = _in_flight(sims, lambda: shop_rates(order(2), clients))
    one_by_one = _in_flight(sims, lambda: shop_rates(order(2), clients, concurrent=False))
    # judged by what the carriers saw, not by the clock: wall-clock bounds failed twice
    # on a loaded machine (0.51 s for 0.45; 1.04 s together against 0.86 one by one)
    # asked one by one, never two at once; together, their waits overlap (all three, unless
    # one client's own work — building a SOAP envelope on a loaded machine — outlasts a wait)
    assert together[1] >= 2, "the carriers were asked at the same time"
    assert one_by_one[1] == 1
    assert one_by_one[0].elapsed_s >= 3 * latency
    assert together[0].chosen == one_by_one[0].chosen


def _in_flight(sims, shop):
    """``(shop's decision, most rate requests the carriers were answering at once)``."""
    for sim in sims:
        sim.spans.clear()
    decision = shop()
    spans = [(s, e) for sim in sims for op, s, e in sim.spans if op == "rate"]
    most = max(sum(1 for s, e in spans if s <= start < e) for start, _end in spans)
    return decision, most


def test_shop_deadline_reports_the_slow_carrier(carriers):
    (_cheap, dear, _post), clients = carriers
    dear.latency_s = 0.8
    decision = shop_rates(order(2), clients, timeout_s=0.25)
    assert decision.lines()[1] == "premium: no answer within 0.25 s"
    # the shop did not wait for the slow carrier (a wide margin for a loaded machine)
    assert decision.chosen is not None and decision.elapsed_s < dear.latency_s


def test_a_bad_address_is_refused_before_any_carrier_is_asked(carriers):
    sims, clients = carriers
    bad = Shipment("SO9", HOME, Address("X", "Main 1", "", "", "NL"), (Parcel(1, 9, 9, 9),), FRIDAY)
    with pytest.raises(CarrierError, match="ship-to address is missing: city, zip"):
        shop_rates(bad, clients)
    assert all(sim.count("rate") == 0 for sim in sims)
