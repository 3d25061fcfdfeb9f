"""The FedEx-shaped REST connector against the local simulator, over real HTTP."""

import logging
import time
from datetime import date
from decimal import Decimal

import pytest

from stockops.dispatch.carrier import (
    CANCELLED,
    DELIVERED,
    LABEL_CREATED,
    PICKED_UP,
    Address,
    CarrierError,
    CarrierUnavailable,
    Parcel,
    Shipment,
    ShippedShipment,
)
from stockops.dispatch.fedex import FedexRestCarrier
from stockops.dispatch.retry import RetryPolicy
from stockops.dispatch.simulators import RestCarrierSimulator

HOME = Address("Stockops WH", "1 Dock Rd", "Rotterdam", "3011AA", "NL", phone="+31 10 000")
NEAR = Address("Jan de Vries", "Coolsingel 5", "Rotterdam", "3012AB", "NL")
FAR = Address("Anna Smit", "Herestraat 9", "Groningen", "9711LM", "NL")
FAST = RetryPolicy(attempts=3, base_delay_s=0.01)


def shipment(*weights_kg, to=NEAR, fmt="PDF", ref="SO042"):
    parcels = tuple(Parcel(w, 40, 30, 20, f"BOX{i}") for i, w in enumerate(weights_kg, 1))
    return Shipment(ref, HOME, to, parcels, date(2026, 11, 20), fmt)


def client(sim, **kwargs):
    kwargs.setdefault("retry", FAST)
    kwargs.setdefault("timeout_s", (1.0, 0.3))
    return FedexRestCarrier(sim.url, sim.client_id, sim.client_secret, sim.account_number, **kwargs)


@pytest.fixture
def sim():
    with RestCarrierSimulator(hang_s=0.6) as running:
        yield running


def test_rates_grow_with_weight_and_distance(sim):
    fedex = client(sim)
    light = {q.service: q for q in fedex.rate(shipment(2))}
    heavy = {q.service: q for q in fedex.rate(shipment(20))}
    far = {q.service: q for q in fedex.rate(shipment(2, to=FAR))}
    assert set(light) == {"FEDEX_GROUND", "FEDEX_2_DAY", "PRIORITY_OVERNIGHT"}
    ground = light["FEDEX_GROUND"]
    assert ground.currency == "EUR" and ground.carrier == "fedex"
    assert heavy["FEDEX_GROUND"].price > ground.price
    assert far["FEDEX_GROUND"].price > ground.price
    assert far["FEDEX_GROUND"].delivery_date > ground.delivery_date
    assert light["PRIORITY_OVERNIGHT"].delivery_date < ground.delivery_date


def test_one_label_and_tracking_number_per_parcel(sim):
    fedex = client(sim)
    quoted = {q.service: q for q in fedex.rate(shipment(2, 3.5, 7))}["FEDEX_GROUND"]
    booking = fedex.ship(shipment(2, 3.5, 7), "FEDEX_GROUND", "SO042-1")
    labels = booking.labels
    assert [label.parcel_reference for label in labels] == ["BOX1", "BOX2", "BOX3"]
    # the charge is the quote: 5 + 0.60 per billable kg a parcel (zone 1), the two light
    # cartons billed at their volumetric 40 x 30 x 20 / 5000 = 4.8 kg
    assert booking.charge == quoted.price == 3 * Decimal(5) + Decimal("0.60") * Decimal("16.6")
    assert booking.currency == "EUR" and booking.service == "FEDEX_GROUND"
    assert booking.shipment_id == labels[0].tracking_number
    assert len({label.tracking_number for label in labels}) == 3
    for label in labels:
        assert label.format == "PDF"
        assert label.data.startswith(b"%PDF-1.4") and label.data.rstrip().endswith(b"%%EOF")
        assert label.tracking_number.encode() in label.data


def test_zpl_labels(sim):
    (label,) = client(sim).ship(shipment(2, fmt="ZPL"), "FEDEX_2_DAY", "SO042-Z").labels
    assert label.format == "ZPL"
    assert label.data.startswith(b"^XA") and label.data.endswith(b"^XZ")


def test_same_idempotency_key_returns_the_same_labels(sim):
    fedex = client(sim)
    first = fedex.ship(shipment(2, 3), "FEDEX_GROUND", "SO042-1")
    again = fedex.ship(shipment(2, 3), "FEDEX_GROUND", "SO042-1")
    assert again.tracking_numbers == first.tracking_numbers
    assert again.charge == first.charge
    assert sim.book.labels_issued == 2


def test_answer_lost_after_booking_is_retried_without_a_second_label(sim):
    sim.inject("timeout", operation="ship")  # the label is made, the answer comes too late
    labels = client(sim).ship(shipment(2, 3), "FEDEX_GROUND", "SO042-1").labels
    assert sim.count("ship") == 2
    assert sim.book.labels_issued == 2
    assert {lb.tracking_number for lb in labels} == set(sim.book.parcels)


def test_key_reused_for_another_shipment_is_refused(sim):
    fedex = client(sim)
    fedex.ship(shipment(2), "FEDEX_GROUND", "K1")
    with pytest.raises(CarrierError, match="already used for another shipment"):
        fedex.ship(shipment(9), "FEDEX_GROUND", "K1")


def test_unknown_service_is_a_4xx_and_not_retried(sim):
    with pytest.raises(CarrierError) as caught:
        client(sim).ship(shipment(2), "FEDEX_SPACESHIP", "K2")
    assert "unknown service code 'FEDEX_SPACESHIP'" in caught.value.message
    assert caught.value.code == "SERVICE.TYPE.INVALID"
    assert sim.count("ship") == 1


def test_parcel_over_the_carrier_limit_is_refused(sim):
    with pytest.raises(CarrierError, match="weighs 80 kg, over the 68 kg limit"):
        client(sim).rate(shipment(2, 80))
    assert sim.count("rate") == 1


def test_missing_address_parts_never_reach_the_carrier(sim):
    bad = Shipment(
        "SO9", HOME, Address("X", "", "Delft", "", "NL"), (Parcel(1, 9, 9, 9),), date.today()
    )
    with pytest.raises(CarrierError, match="ship-to address is missing: street, zip"):
        client(sim).ship(bad, "FEDEX_GROUND", "K3")
    assert sim.count("ship") == 0


def test_5xx_is_retried_with_backoff(sim):
    sim.inject("unavailable", times=2, operation="rate")
    assert client(sim).rate(shipment(2))
    assert sim.count("rate") == 3


def test_persistent_outage_ends_in_carrier_unavailable(sim):
    sim.inject("unavailable", times=10, operation="rate")
    with pytest.raises(CarrierUnavailable, match="gave up after 3 attempts") as caught:
        client(sim).rate(shipment(2))
    assert "currently unavailable" in caught.value.message
    assert caught.value.retryable and sim.count("rate") == 3


def test_read_timeout_and_dropped_connection_are_retried(sim):
    sim.inject("timeout", operation="rate")
    sim.inject("reset", operation="rate")
    assert client(sim).rate(shipment(2))
    assert sim.count("rate") == 3


def test_connection_refused_is_unavailable():
    with RestCarrierSimulator() as gone:
        url = gone.url
    fedex = FedexRestCarrier(url, "id", "secret", "1", retry=RetryPolicy(2, 0.01))
    with pytest.raises(CarrierUnavailable, match="cannot reach"):
        fedex.rate(shipment(2))


def test_token_is_renewed_after_a_401(sim):
    fedex = client(sim)
    fedex.rate(shipment(2))
    sim.revoke_tokens()
    fedex.rate(shipment(2))
    assert sim.tokens_issued == 2
    assert sim.count("rate") == 3  # one refused with 401, resent with the new token


def test_token_is_renewed_before_it_expires():
    with RestCarrierSimulator(token_ttl_s=0.4) as sim:
        fedex = client(sim)
        fedex.rate(shipment(2))
        fedex.rate(shipment(2))
        assert sim.tokens_issued == 1
        time.sleep(0.25)  # past half the token's life: renewed without a 401
        fedex.rate(shipment(2))
        assert sim.tokens_issued == 2 and sim.count("rate") == 3


def test_wrong_client_secret_is_an_authentication_error(sim):
    fedex = FedexRestCarrier(sim.url, sim.client_id, "wrong", sim.account_number, retry=FAST)
    with pytest.raises(CarrierError, match="authentication failed"):
        fedex.rate(shipment(2))
    assert sim.count("rate") == 0 and sim.count("token") == 1


def test_cancel_voids_the_labels(sim):
    fedex = client(sim)
    numbers = list(fedex.ship(shipment(2, 3), "FEDEX_GROUND", "K4").tracking_numbers)
    assert fedex.cancel(numbers) == numbers
    events = fedex.track(numbers[:1]).events
    assert [e.status for e in events] == [LABEL_CREATED, CANCELLED]
    with pytest.raises(CarrierError, match="cannot be manifested"):
        fedex.manifest(date(2026, 11, 20), [ShippedShipment("SO042", tuple(numbers))])


def test_a_parcel_already_picked_up_cannot_be_voided(sim):
    fedex = client(sim)
    (label,) = fedex.ship(shipment(2), "FEDEX_GROUND", "K5").labels
    fedex.track([label.tracking_number])
    # picked up by that poll, or further on when a slow answer made the client poll again
    with pytest.raises(CarrierError, match=r"already (picked up|in transit|out for delivery)"):
        fedex.cancel([label.tracking_number])


def test_tracking_progresses_poll_by_poll(sim):
    fedex = client(sim)
    (label,) = fedex.ship(shipment(2), "FEDEX_GROUND", "K6").labels
    seen = [fedex.track([label.tracking_number]).events for _ in range(5)]
    assert [len(events) for events in seen] == [2, 3, 4, 5, 5]
    assert [e.status for e in seen[0]] == [LABEL_CREATED, PICKED_UP]
    assert seen[-1][-1].status == DELIVERED and seen[-1][-1].location == "Rotterdam"


def test_an_unknown_number_is_an_error_of_its_own(sim):
    fedex = client(sim)
    (label,) = fedex.ship(shipment(2), "FEDEX_GROUND", "K8").labels
    report = fedex.track(["000000000000", label.tracking_number])
    assert [e.status for e in report.of(label.tracking_number)] == [LABEL_CREATED, PICKED_UP]
    (error,) = report.errors
    assert error.tracking_number == "000000000000"
    assert error.message == "tracking number 000000000000 is unknown"
    assert error.code == "TRACKING.TRACKINGNUMBER.NOTFOUND"


def test_end_of_day_manifest(sim):
    fedex = client(sim)
    a = shipment(2, 3, ref="SO1")
    b = shipment(4, ref="SO2")
    shipped = [
        ShippedShipment.of(a, fedex.ship(a, "FEDEX_GROUND", "SO1")),
        ShippedShipment.of(b, fedex.ship(b, "FEDEX_2_DAY", "SO2")),
    ]
    manifest = fedex.manifest(date(2026, 11, 20), shipped)
    assert len(manifest.tracking_numbers) == 3
    assert manifest.document.startswith(b"%PDF")
    assert manifest.reason == "3 parcels of 2 shipments handed over on 2026-11-20"


def test_traffic_is_logged_with_secrets_masked(sim, caplog):
    caplog.set_level(logging.DEBUG)
    fedex = client(sim)
    fedex.ship(shipment(2), "FEDEX_GROUND", "K7")
    token = next(iter(sim._tokens))
    assert "client_secret=***" in caplog.text
    assert sim.client_secret not in caplog.text
    assert token not in caplog.text
    assert "'Authorization': '***'" in caplog.text
    assert "/ship/v1/shipments" in caplog.text and "pieceResponses" in caplog.text
