"""Carrier data, masking, retries and the quote choice: the parts without a network."""

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from stockops.dispatch.carrier import (
    Address,
    CarrierClient,
    CarrierError,
    CarrierUnavailable,
    Parcel,
    ParcelLimits,
    Quote,
    Shipment,
)
from stockops.dispatch.masking import for_log, mask_headers, mask_secrets
from stockops.dispatch.rates import choose_quote
from stockops.dispatch.retry import RetryPolicy, call_with_retries

ROOT = Path(__file__).resolve().parent.parent
HOME = Address("Warehouse", "1 Dock Rd", "Rotterdam", "3011AA", "NL")


def test_missing_address_parts_are_all_named():
    with pytest.raises(CarrierError) as caught:
        Address("Jan", " ", "", "3011", "").validate("ship-to")
    assert str(caught.value) == "ship-to address is missing: street, city, country"
    assert not caught.value.retryable


def test_shipment_validation_names_the_address_at_fault():
    bad = Shipment(
        "SO7",
        HOME,
        Address("Jan", "Main 1", "Utrecht", "", "NL"),
        (Parcel(1, 10, 10, 10),),
        date(2026, 11, 20),
    )
    with pytest.raises(CarrierError, match="ship-to address is missing: zip"):
        bad.validate()


def test_parcel_needs_positive_weight_and_sides():
    with pytest.raises(CarrierError, match="positive weight"):
        Parcel(0, 10, 10, 10, "C1")


def test_limits_report_every_breach():
    problems = ParcelLimits(30, 120, 300).problems([Parcel(31, 130, 60, 50, "C9")])
    assert problems == [
        "parcel C9 weighs 31 kg, over the 30 kg limit",
        "parcel C9 is 130 cm long, over the 120 cm limit",
        "parcel C9 measures 350 cm length + girth, over the 300 cm limit",
    ]


def test_errors_say_whether_to_retry():
    assert CarrierUnavailable("down", carrier="x").retryable
    assert str(CarrierError("no such service", carrier="fedex")) == "fedex: no such service"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("<wsse:Password Type='#PasswordText'>hunter2</wsse:Password>", "hunter2"),
        ("<ns0:api-key>K-123</ns0:api-key>", "K-123"),
        ('{"client_secret": "s3cr\\"et", "x": 1}', 's3cr\\"et'),
        ('{"access_token":"eyJhbGc.x.y","expires_in":3599}', "eyJhbGc.x.y"),
        ("grant_type=client_credentials&client_id=me&client_secret=pa55", "pa55"),
        ("POST /x\nAuthorization: Bearer abc.def\nAccept: */*", "abc.def"),
        ("https://h/api?apiKey=zzz&page=2", "zzz"),
    ],
)
def test_masking_hides_the_secret_and_keeps_the_rest(text, secret):
    masked = mask_secrets(text)
    assert secret not in masked
    assert "***" in masked


def test_masking_leaves_ordinary_fields_alone():
    text = '<Username>bob</Username><tracking-pin>123</tracking-pin>{"token_type": "bearer"}'
    assert mask_secrets(text) == text
    assert mask_headers({"Idempotency-Key": "SO1", "X-Api-Key": "k"}) == {
        "Idempotency-Key": "SO1",
        "X-Api-Key": "***",
    }


def test_log_form_masks_before_it_shortens():
    body = b'{"password": "' + b"p" * 50 + b'", "data": "' + b"x" * 100 + b'"}'
    logged = for_log(body, limit=40)
    assert "ppp" not in logged and logged.endswith("more characters)")


def test_retries_back_off_on_unavailable_only():
    waits, calls = [], []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise CarrierUnavailable("HTTP 503", carrier="x")
        return "ok"

    policy = RetryPolicy(attempts=4, base_delay_s=0.1, factor=3)
    assert call_with_retries(flaky, policy, sleep=waits.append) == "ok"
    assert waits == pytest.approx([0.1, 0.3])

    def refused():
        calls.append(1)
        raise CarrierError("bad zip", carrier="x")

    calls.clear()
    with pytest.raises(CarrierError):
        call_with_retries(refused, policy, sleep=waits.append)
    assert len(calls) == 1


def test_retries_give_up_with_unavailable():
    with pytest.raises(CarrierUnavailable, match="gave up after 2 attempts"):
        call_with_retries(
            lambda: (_ for _ in ()).throw(CarrierUnavailable("timeout")),
            RetryPolicy(attempts=2, base_delay_s=0),
            sleep=lambda s: None,
        )


def _q(carrier, service, price, day, currency="EUR"):
    return Quote(carrier, service, service, Decimal(price), currency, 1, date(2026, 11, day))


def test_late_fallback_is_the_fastest_and_flagged():
    quotes = [_q("a", "GND", "9", 27), _q("b", "EXP", "30", 25), _q("c", "2D", "20", 26)]
    pick = choose_quote(quotes, "cheapest_on_time", deliver_by=date(2026, 11, 24))
    assert (pick.quote.service, pick.on_time) == ("EXP", False)
    assert "1 day(s) late" in pick.reason


def test_foreign_currency_is_converted_or_left_out():
    quotes = [_q("a", "GND", "10", 24), _q("b", "GND", "12", 24, "CAD")]
    assert choose_quote(quotes, currency="EUR").quote.carrier == "a"
    cheap_cad = choose_quote(quotes, currency="EUR", fx={"CAD": Decimal("0.6")})
    assert cheap_cad.quote.carrier == "b"


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="unknown rule"):
        choose_quote([], "random")


def test_connectors_satisfy_the_carrier_protocol():
    from stockops.dispatch.canadapost import CanadaPostSoapCarrier
    from stockops.dispatch.fedex import FedexRestCarrier

    fedex = FedexRestCarrier("http://127.0.0.1:9", "id", "secret", "1")
    assert isinstance(fedex, CarrierClient)
    soap = CanadaPostSoapCarrier("http://127.0.0.1:9/", "u", "p", "1")
    assert isinstance(soap, CarrierClient)


def test_engine_and_simulators_import_without_zeep_or_requests():
    code = (
        "import sys; sys.modules['zeep'] = None; sys.modules['requests'] = None\n"
        "import stockops.dispatch, stockops.dispatch.carrier, stockops.dispatch.rates\n"
        "import stockops.dispatch.simulators\n"
        "try:\n    import stockops.dispatch.rest\nexcept ImportError:\n    print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "ok"
