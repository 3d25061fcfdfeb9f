"""``python -m stockops.dispatch.simulators [--currency USD] [--latency-ms 50]``: serve the
demo carriers' simulators on 127.0.0.1:8271 (REST) and 127.0.0.1:8272 (SOAP)."""

import argparse

from stockops.dispatch.simulators.demo import serve

parser = argparse.ArgumentParser(prog="python -m stockops.dispatch.simulators")
parser.add_argument("--currency", default="USD", help="currency of the tariffs (ISO 4217)")
parser.add_argument("--latency-ms", type=float, default=50.0, help="added to every answer")
args = parser.parse_args()
serve(args.currency.upper(), args.latency_ms / 1000)
