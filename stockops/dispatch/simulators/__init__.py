"""Local carrier simulators for tests and benchmarks (stdlib HTTP servers on 127.0.0.1).

Use one as a context manager; it listens on an ephemeral port until the block ends::

    with RestCarrierSimulator(latency_s=0.05) as sim:
        carrier = FedexRestCarrier(sim.url, sim.client_id, sim.client_secret,
                                   sim.account_number)
        sim.inject("unavailable", times=2)      # the next two calls get HTTP 503
        sim.reset()                             # an empty carrier again, between tests

``python -m stockops.dispatch.simulators`` serves the demo carriers' pair on fixed ports
(see :mod:`stockops.dispatch.simulators.demo`).
"""

from stockops.dispatch.simulators.rest import RestCarrierSimulator
from stockops.dispatch.simulators.soap import SoapCarrierSimulator

__all__ = ["RestCarrierSimulator", "SoapCarrierSimulator"]
