"""End-of-day manifests: what goes on them, over real HTTP (REST) and SOAP."""

from datetime import date

import pytest

from stockops.dispatch.canadapost import CanadaPostSoapCarrier
from stockops.dispatch.carrier import Address, CarrierError, Parcel, Shipment
from stockops.dispatch.fedex import FedexRestCarrier
from stockops.dispatch.manifest import ManifestLine, plan_manifest
from stockops.dispatch.retry import RetryPolicy
from stockops.dispatch.simulators import RestCarrierSimulator, SoapCarrierSimulator

HOME = Address("Stockops WH", "1 Dock Rd", "Toronto", "M5V 2T6", "CA")
TO = Address("Luc Tremblay", "5 Rue Sainte-Catherine", "Montreal", "H2X 1Y4", "CA")
MONDAY = date(2026, 11, 23)
FAST = RetryPolicy(attempts=2, base_delay_s=0.01)


def shipment(ref, *weights_kg):
    parcels = tuple(Parcel(w, 40, 30, 20, f"{ref}-{i}") for i, w in enumerate(weights_kg, 1))
    return Shipment(ref, HOME, TO, parcels, MONDAY)


@pytest.fixture(params=["rest", "soap"])
def carrier(request):
    if request.param == "rest":
        with RestCarrierSimulator(currency="CAD") as sim:
            yield (
                sim,
                FedexRestCarrier(
                    sim.url, sim.client_id, sim.client_secret, sim.account_number, retry=FAST
                ),
                "FEDEX_GROUND",
            )
    else:
        with SoapCarrierSimulator() as sim:
            yield (
                sim,
                CanadaPostSoapCarrier(
                    f"{sim.url}/", sim.username, sim.password, sim.customer_number, retry=FAST
                ),
                "DOM.RP",
            )


def lines(bookings, statuses=None, manifests=None):
    statuses, manifests = statuses or {}, manifests or {}
    return [
        ManifestLine(n, ref, statuses.get(n, "label_created"), manifests.get(n, ""))
        for ref, booking in bookings
        for n in booking.tracking_numbers
    ]


def test_the_day_is_handed_over_and_later_parcels_wait_for_the_next_manifest(carrier):
    sim, client, service = carrier
    first = [(ref, client.ship(shipment(ref, 2, 3), service, ref)) for ref in ("OUT/1", "OUT/2")]
    voided = client.ship(shipment("OUT/3", 4), service, "OUT/3")
    client.cancel(voided.tracking_numbers)
    day = lines([*first, ("OUT/3", voided)], statuses={voided.tracking_numbers[0]: "cancelled"})
    plan = plan_manifest(day)
    assert plan.reason == (
        f"4 parcels of 2 shipments to hand over; left out: {voided.tracking_numbers[0]} voided"
    )
    manifest = client.manifest(MONDAY, plan.shipments)
    assert set(manifest.tracking_numbers) == {n for _ref, b in first for n in b.tracking_numbers}
    assert manifest.document.startswith(b"%PDF")
    assert manifest.reason == "4 parcels of 2 shipments handed over on 2026-11-23"
    assert set(sim.book.manifests) == {manifest.manifest_id}

    # a carton labelled after the close goes on the next manifest, the rest not again
    late = client.ship(shipment("OUT/4", 5), service, "OUT/4")
    on_first = dict.fromkeys(manifest.tracking_numbers, manifest.manifest_id)
    plan = plan_manifest(lines([*first, ("OUT/4", late)], manifests=on_first))
    assert plan.tracking_numbers == late.tracking_numbers
    second = client.manifest(MONDAY, plan.shipments)
    assert second.manifest_id != manifest.manifest_id
    assert second.tracking_numbers == late.tracking_numbers


def test_the_carrier_refuses_a_parcel_handed_over_twice(carrier):
    _sim, client, service = carrier
    booking = client.ship(shipment("OUT/5", 2), service, "OUT/5")
    plan = plan_manifest(lines([("OUT/5", booking)]))
    client.manifest(MONDAY, plan.shipments)
    with pytest.raises(CarrierError, match="already on a manifest"):
        client.manifest(MONDAY, plan.shipments)


def test_an_empty_day_has_nothing_to_hand_over(carrier):
    _sim, client, _service = carrier
    plan = plan_manifest([ManifestLine("1", "OUT/9", "cancelled")])
    assert plan.shipments == () and plan.reason == "nothing to hand over; left out: 1 voided"
    with pytest.raises(CarrierError, match="nothing to hand over"):
        client.manifest(MONDAY, plan.shipments)
