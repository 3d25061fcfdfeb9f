"""The Canada Post-shaped SOAP connector (zeep) against the local simulator, over real HTTP."""

import logging
from datetime import date
from decimal import Decimal

import pytest
import requests

from stockops.dispatch.canadapost import CanadaPostSoapCarrier
from stockops.dispatch.carrier import (
    CANCELLED,
    DELIVERED,
    IN_TRANSIT,
    LABEL_CREATED,
    PICKED_UP,
    Address,
    CarrierError,
    CarrierUnavailable,
    Parcel,
    Shipment,
    ShippedShipment,
)
from stockops.dispatch.retry import RetryPolicy
from stockops.dispatch.simulators import SoapCarrierSimulator
from stockops.dispatch.soap import WSDL_DIR

HOME = Address("Stockops WH", "1 Dock Rd", "Toronto", "M5V 2T6", "CA", state="ON")
NEAR = Address("Marie Roy", "12 King St W", "Toronto", "M5H 1A1", "CA")
FAR = Address("Luc Tremblay", "5 Rue Sainte-Catherine", "Montreal", "H2X 1Y4", "CA")
FAST = RetryPolicy(attempts=3, base_delay_s=0.01)


def shipment(*weights_kg, to=FAR, fmt="PDF", ref="SO042"):
    parcels = tuple(Parcel(w, 40, 30, 20, f"BOX{i}") for i, w in enumerate(weights_kg, 1))
    return Shipment(ref, HOME, to, parcels, date(2026, 11, 20), fmt)


def client(sim, password=None, **kwargs):
    kwargs.setdefault("retry", FAST)
    kwargs.setdefault("timeout_s", 0.3)
    return CanadaPostSoapCarrier(
        f"{sim.url}/", sim.username, password or sim.password, sim.customer_number, **kwargs
    )


@pytest.fixture
def sim():
    with SoapCarrierSimulator(hang_s=0.6) as running:
        yield running


def test_rates_from_the_wsdl_service(sim):
    post = client(sim)
    far = {q.service: q for q in post.rate(shipment(2))}
    near = {q.service: q for q in post.rate(shipment(2, to=NEAR))}
    heavy = {q.service: q for q in post.rate(shipment(12))}
    assert set(far) == {"DOM.RP", "DOM.XP", "DOM.PC"}
    regular = far["DOM.RP"]
    assert regular.currency == "CAD" and isinstance(regular.price, Decimal)
    assert regular.service_name == "Regular Parcel"
    assert near["DOM.RP"].price < regular.price < heavy["DOM.RP"].price
    assert near["DOM.RP"].delivery_date < regular.delivery_date
    assert far["DOM.PC"].transit_days < regular.transit_days


def test_one_label_and_pin_per_parcel(sim):
    post = client(sim)
    quoted = {q.service: q for q in post.rate(shipment(2, 3, 4))}["DOM.XP"]
    booking = post.ship(shipment(2, 3, 4), "DOM.XP", "SO042-1")
    labels = booking.labels
    assert (booking.charge, booking.currency) == (quoted.price, "CAD")
    assert len({label.tracking_number for label in labels}) == 3
    assert all(len(label.tracking_number) == 16 for label in labels)
    assert [label.parcel_reference for label in labels] == ["BOX1", "BOX2", "BOX3"]
    assert all(label.data.startswith(b"%PDF-1.4") for label in labels)
    (zpl,) = client(sim).ship(shipment(2, fmt="ZPL"), "DOM.RP", "SO043-1").labels
    assert zpl.format == "ZPL" and zpl.data.startswith(b"^XA")


def test_idempotent_booking_survives_a_lost_answer(sim):
    post = client(sim)
    sim.inject("timeout", operation="ship")
    first = post.ship(shipment(2, 3), "DOM.RP", "SO042-1")
    again = post.ship(shipment(2, 3), "DOM.RP", "SO042-1")
    assert sim.count("ship") == 3
    assert again.tracking_numbers == first.tracking_numbers
    assert sim.book.labels_issued == 2


def test_soap_fault_is_a_carrier_error_with_the_fault_string(sim):
    sim.inject("fault", operation="rate")
    with pytest.raises(CarrierError) as caught:
        client(sim).rate(shipment(2))
    assert "rate service failed on the carrier side (injected)" in caught.value.message
    assert caught.value.code == "Server" and not caught.value.retryable
    assert sim.count("rate") == 1


def test_unknown_service_code_is_refused(sim):
    with pytest.raises(CarrierError, match=r"unknown service code 'DOM\.ZZ'"):
        client(sim).ship(shipment(2), "DOM.ZZ", "K1")
    assert sim.count("ship") == 1


def test_parcel_over_the_limit_is_refused(sim):
    with pytest.raises(CarrierError, match="weighs 31 kg, over the 30 kg limit"):
        client(sim).ship(shipment(31), "DOM.RP", "K2")


def test_wrong_password_is_refused(sim):
    with pytest.raises(CarrierError, match="Authentication failed"):
        client(sim, password="guess").rate(shipment(2))


def test_outage_is_retried_then_unavailable(sim):
    sim.inject("unavailable", times=1, operation="rate")
    assert client(sim).rate(shipment(2))
    sim.inject("unavailable", times=5, operation="rate")
    with pytest.raises(CarrierUnavailable, match="HTTP 503") as caught:
        client(sim).rate(shipment(2))
    assert caught.value.retryable
    assert sim.count("rate") == 2 + 3


def test_transport_timeout_is_unavailable(sim):
    sim.inject("timeout", operation="track")
    with pytest.raises(CarrierUnavailable, match=r"no answer .* within 0\.3 s"):
        client(sim, retry=RetryPolicy(attempts=1)).track(["0000000000000000"])


def test_cancel_track_and_manifest(sim):
    post = client(sim)
    voided = list(post.ship(shipment(2, 3), "DOM.RP", "K3").tracking_numbers)
    assert post.cancel(voided) == voided
    assert [e.status for e in post.track(voided[:1]).events] == [LABEL_CREATED, CANCELLED]

    kept = shipment(5, ref="SO044")
    booking = post.ship(kept, "DOM.XP", "K4")
    labels = booking.labels
    statuses = [
        [e.status for e in post.track([labels[0].tracking_number]).events] for _ in range(4)
    ]
    assert statuses[0] == [LABEL_CREATED, PICKED_UP]
    assert statuses[1][-1] == IN_TRANSIT and statuses[3][-1] == DELIVERED
    with pytest.raises(CarrierError, match="already delivered"):
        post.cancel([labels[0].tracking_number])

    manifest = post.manifest(date(2026, 11, 20), [ShippedShipment.of(kept, booking)])
    assert manifest.tracking_numbers == (labels[0].tracking_number,)
    assert manifest.document.startswith(b"%PDF") and manifest.manifest_id.startswith("M2026")


def test_envelopes_are_logged_with_the_password_masked(sim, caplog):
    caplog.set_level(logging.DEBUG)
    client(sim).rate(shipment(2))
    assert "GetRatesRequest" in caplog.text and "GetRatesResponse" in caplog.text
    assert "<wsse:Username>sim-user</wsse:Username>" in caplog.text
    assert '#PasswordText">***</wsse:Password>' in caplog.text
    assert sim.password not in caplog.text


def test_simulator_serves_the_shipped_wsdl_with_its_own_address(sim):
    text = requests.get(f"{sim.url}/?wsdl", timeout=2).text
    assert f'location="{sim.url}/"' in text
    assert "GetTrackingDetail" in (WSDL_DIR / "canadapost.wsdl").read_text()


def test_an_unknown_pin_does_not_spoil_the_others(sim):
    post = client(sim)
    (label,) = post.ship(shipment(2), "DOM.RP", "K9").labels
    report = post.track([label.tracking_number, "0000000000000000"])
    assert [e.status for e in report.of(label.tracking_number)] == [LABEL_CREATED, PICKED_UP]
    assert [(e.tracking_number, e.code) for e in report.errors] == [
        ("0000000000000000", "TRACKING.TRACKINGNUMBER.NOTFOUND")
    ]
    assert "is unknown" in report.errors[0].message


def test_reset_empties_the_carrier_but_keeps_numbers_unique(sim):
    post = client(sim)
    first = post.ship(shipment(2), "DOM.RP", "K10").tracking_numbers
    sim.inject("unavailable", times=3)
    sim.reset()
    assert sim.book.labels_issued == 0 and sim.calls == []
    second = post.ship(shipment(2), "DOM.RP", "K10").tracking_numbers
    assert second != first and sim.book.labels_issued == 1
