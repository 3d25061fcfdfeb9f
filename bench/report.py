"""The benches' saved results and the table made from them.

Every ``python -m bench <name>`` run saves its figures in ``bench/results/<name>-<size>.json``
(ours, the baseline's, the ratio, the date and the machine's load while it ran);
``python -m bench report`` writes ``bench/README.md`` from those files, so the figures a
reader sees are the last ones a bench printed, never typed by hand.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import sys
from pathlib import Path

from bench.result import Result

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
REPORT = HERE / "README.md"

INTRO = """# Benchmarks

Each benchmark prints our figure beside a baseline's; its last line reads
`<name>: ours <value> <unit> | <baseline> <value> <unit> | ratio <x>` (ours / baseline: lower is
better for times and distances, see each bench for others). Run one with
`python -m bench <name> [--size small|default|large]` (benchmarks that need Odoo find it as
`make test` does; see the bench's docstring). Each run saves its figures in
`bench/results/`, and `python -m bench report` writes this page from them: the table below is
the last run of each bench and size, with the day it ran and the machine's load then (two cores
here; a load above 2 means other work shared them).

"""


def measures(module) -> str:
    """What a bench measures: the first sentence of its module docstring."""
    text = " ".join((module.__doc__ or "").split())
    return text.split(". ")[0].rstrip(".") if text else ""


def save(name: str, size: str, result: Result, what: str) -> Path:
    """Write one run's figures to ``bench/results/<name>-<size>.json``."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}-{size}.json"
    record = {
        "name": name,
        "size": size,
        "measures": what,
        "ours": result.ours,
        "baseline_name": result.baseline_name,
        "baseline": result.baseline,
        "unit": result.unit,
        "ratio": result.ratio,
        "line": result.line(name),
        "date": datetime.date.today().isoformat(),
        "load": round(os.getloadavg()[0], 1),
        "python": platform.python_version(),
        "argv": sys.argv[1:],
    }
    path.write_text(json.dumps(record, indent=1, allow_nan=True) + "\n")
    return path


def _figure(value: float, unit: str) -> str:
    if value != value:  # NaN: the baseline could not run
        return "n/a"
    return f"{value:,.4g} {unit}".strip()


def table() -> str:
    """One markdown table of every saved result, by bench name then size."""
    order = {"small": 0, "default": 1, "large": 2}
    rows = [json.loads(p.read_text()) for p in sorted(RESULTS.glob("*.json"))]
    rows.sort(key=lambda r: (r["name"], order.get(r["size"], 9)))
    lines = [
        "| name | what it measures | ours | baseline | ratio | size | date (load) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = r["ratio"]
        lines.append(
            f"| `{r['name']}` | {r['measures']} | {_figure(r['ours'], r['unit'])} | "
            f"{r['baseline_name']}: {_figure(r['baseline'], r['unit'])} | "
            f"{'n/a' if ratio != ratio else f'{ratio:.3g}'} | {r['size']} | "
            f"{r['date']} ({r['load']}) |"
        )
    return "\n".join(lines) + "\n"


def write_report() -> str:
    """Write ``bench/README.md`` from the saved results and return its text."""
    text = INTRO + table()
    REPORT.write_text(text)
    return text
