"""The demo carriers' accounts, and serving their simulators on fixed local ports.

The demo database's two connector carriers point at ``http://127.0.0.1:8271`` (the
FedEx-shaped REST simulator) and ``http://127.0.0.1:8272/`` (the Canada Post-shaped SOAP
simulator) with the placeholder accounts below, marked DEMO: they open nothing real.
Run ``python -m stockops.dispatch.simulators`` beside the demo Odoo and the carriers
answer: rates, labels, tracking, manifests.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from stockops.dispatch.simulators.rest import RestCarrierSimulator
from stockops.dispatch.simulators.soap import SoapCarrierSimulator

REST_PORT = 8271
SOAP_PORT = 8272


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A placeholder account a demo carrier logs in with (never a real credential)."""

    url: str
    login: str
    secret: str
    account_number: str


FEDEX_DEMO = DemoAccount(
    f"http://127.0.0.1:{REST_PORT}", "DEMO-fedex-client-id", "DEMO-not-a-secret", "DEMO-510087000"
)
CANADAPOST_DEMO = DemoAccount(
    f"http://127.0.0.1:{SOAP_PORT}/", "DEMO-cpc-user", "DEMO-not-a-password", "DEMO-0009999999"
)


def demo_simulators(
    currency: str = "USD",
    latency_s: float = 0.05,
    rest_port: int = REST_PORT,
    soap_port: int = SOAP_PORT,
) -> tuple[RestCarrierSimulator, SoapCarrierSimulator]:
    """The two simulators the demo carriers talk to (not started; ports 0: any free)."""
    rest = RestCarrierSimulator(
        carrier="FedEx demo",
        client_id=FEDEX_DEMO.login,
        client_secret=FEDEX_DEMO.secret,
        account_number=FEDEX_DEMO.account_number,
        currency=currency,
        latency_s=latency_s,
        port=rest_port,
    )
    soap = SoapCarrierSimulator(
        carrier="Canada Post demo",
        username=CANADAPOST_DEMO.login,
        password=CANADAPOST_DEMO.secret,
        customer_number=CANADAPOST_DEMO.account_number,
        currency=currency,
        price_scale=0.85,
        latency_s=latency_s,
        port=soap_port,
    )
    return rest, soap


def serve(currency: str = "USD", latency_s: float = 0.05) -> None:
    """Serve both demo simulators until interrupted (Ctrl+C)."""
    rest, soap = demo_simulators(currency, latency_s)
    with rest, soap:
        print(f"FedEx-shaped REST simulator on {rest.url}")
        print(f"Canada Post-shaped SOAP simulator on {soap.url}/ (WSDL: {soap.url}/?wsdl)")
        print("Ctrl+C stops them.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
