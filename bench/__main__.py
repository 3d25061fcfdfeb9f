"""Entry point: ``python -m bench <name> [--size small|default|large]``; ``python -m bench
report`` writes bench/README.md from the saved results (see bench/report.py)."""

from __future__ import annotations

import argparse
import importlib
import sys

from bench import report

#: benchmark name -> module under bench/ with a ``run(size: str) -> Result`` function
BENCHMARKS = {
    "travel": "bench.travel",
    "policy": "bench.policy",
    "ageing": "bench.ageing",
    "ageing_odoo": "bench.ageing_odoo",
    "batching": "bench.batching",
    "labor": "bench.labor",
    "network": "bench.network",
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
    parser.add_argument("name", choices=[*sorted(BENCHMARKS), "report"])
    parser.add_argument("--size", choices=("small", "default", "large"), default="large")
    args = parser.parse_args(argv)
    if args.name == "report":
        print(report.write_report(), end="")
        return 0
    module = importlib.import_module(BENCHMARKS[args.name])
    result = module.run(args.size)
    report.save(args.name, args.size, result, report.measures(module))
    print(result.line(args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
