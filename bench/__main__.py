"""Entry point: ``python -m bench <name> [--size small|default|large]``."""

from __future__ import annotations

import argparse
import importlib
import sys

#: benchmark name -> module under bench/ with a ``run(size: str) -> Result`` function
BENCHMARKS = {
    "travel": "bench.travel",
    "policy": "bench.policy",
    "ageing": "bench.ageing",
    "ageing_odoo": "bench.ageing_odoo",
    "batching": "bench.batching",
    "labor": "bench.labor",
    "cartonize": "bench.cartonize",
    "policy_odoo": "bench.policy_odoo",
    "putaway": "bench.putaway",
    "rates": "bench.rates",
    "routing": "bench.routing",
    "scan": "bench.scan",
    "service": "bench.service",
    "slotting": "bench.slotting",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("name", choices=sorted(BENCHMARKS))
    parser.add_argument("--size", choices=("small", "default", "large"), default="large")
    args = parser.parse_args(argv)
    module = importlib.import_module(BENCHMARKS[args.name])
    result = module.run(args.size)
    print(result.line(args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
