"""The one test command (``make test``): lint, engine tests, then the Odoo tests if an
Odoo 18 is found (see tools/odoo_env.py for how), on a fresh database with demo data.

Exit status is non-zero when any step fails. Environment knobs:
``STOCKOPS_DEMO_SIZE`` (small|default|large, default ``default``) for the demo data,
``STOCKOPS_KEEP_DB=1`` to keep the test database, ``STOCKOPS_TEST_MODULES`` (comma-separated
add-on names) to narrow the Odoo tests. After the Odoo tests, scan confirmations are raced
over HTTP on a served copy of the database (tools/scan_race.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from odoo_env import (
    ADDONS,
    REPO,
    SUITE,
    as_of,
    clock_env,
    database,
    find_odoo,
    odoo_command,
    prepare_odoo_python,
)

# a log line is "<date> <time> <pid> <LEVEL> <db> <logger>: <message>"
LOG_LINE = re.compile(r"^\S+ \S+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)")
BAD_LEVELS = {"WARNING", "ERROR", "CRITICAL"}
ADDON_DIRS = [f"addons/{module}" for module in SUITE]


def run(title: str, args: list[str], **kwargs) -> int:
    print(f"\n=== {title}", flush=True)
    return subprocess.run(args, cwd=REPO, check=False, **kwargs).returncode


def engine_checks() -> int:
    python = sys.executable
    steps = [
        ("install test tools", [python, "-m", "pip", "install", "-q", "-e", ".[test]"]),
        ("ruff check", [python, "-m", "ruff", "check", "."]),
        ("ruff format --check", [python, "-m", "ruff", "format", "--check", "."]),
        # OCA's mandatory Odoo checks on the add-ons (.pylintrc says which)
        ("pylint-odoo", [python, "-m", "pylint", "--rcfile=.pylintrc", *ADDON_DIRS]),
        # pytest-odoo, when Odoo's Python runs this, wants a database: not for the engine
        ("engine tests (pytest)", [python, "-m", "pytest", "-q", "-p", "no:odoo"]),
    ]
    for title, args in steps:
        # the tests run on the clock of STOCKOPS_TODAY; the tools install on the real one
        env = clock_env() if title.startswith("engine tests") else None
        code = run(title, args, env=env)
        if code:
            print(f"FAILED: {title} (exit {code})", flush=True)
            return code
    return 0


def bad_log_lines(log: Path) -> list[str]:
    """Every WARNING/ERROR line of an Odoo log, with its traceback's first line."""
    bad = []
    for line in log.read_text(errors="replace").splitlines():
        match = LOG_LINE.match(line)
        if match and match["level"] in BAD_LEVELS:
            bad.append(line)
    return bad


def odoo_tests() -> int:
    odoo, why = find_odoo()
    if odoo is None:
        print(f"\nOdoo tests skipped: no Odoo 18 found ({why})", flush=True)
        return 0
    print(f"\n=== Odoo 18 found: {odoo.how}", flush=True)
    code = prepare_odoo_python(odoo.python, "requirements-odoo-test.txt")
    if code:
        return code
    logs = REPO / ".test-logs"
    logs.mkdir(exist_ok=True)
    with database() as db:
        name = f"stockops_test_{int(time.time())}"
        install_log = logs / "install.log"
        install_log.unlink(missing_ok=True)
        started = time.monotonic()
        code = run(
            f"install {', '.join(SUITE)} with demo data on a fresh database {name}",
            odoo_command(
                odoo, db, name, "-i", ",".join(SUITE), "--stop-after-init",
                "--log-level=info", f"--logfile={install_log}", "--http-port=0",
            ),
            env=odoo.env(),
        )  # fmt: skip
        print(f"install took {time.monotonic() - started:.0f} s (log: {install_log})")
        bad = bad_log_lines(install_log)
        if code or bad:
            print(f"FAILED: install exit {code}; {len(bad)} WARNING/ERROR lines:")
            print("\n".join(bad[:40]), flush=True)
            return code or 1
        print("install log: no WARNING or ERROR line")
        code = run_suite_tests(odoo, db, name)
        if not code and "wms_execution" in selected_modules():
            # after the engine's install step: the race drives a carrier simulator
            from scan_race import race

            code = race(odoo, db, name)  # on a served copy: the database is left as tested
        if not os.environ.get("STOCKOPS_KEEP_DB"):
            drop(odoo, db, name)
    return code


def selected_modules() -> list[str]:
    return os.environ.get("STOCKOPS_TEST_MODULES", ",".join(SUITE)).split(",")


def run_suite_tests(odoo, db, name: str) -> int:
    """The add-ons' tests under pytest-odoo on the installed database; HttpCase tours
    get pytest-odoo's own HTTP server on a free port of 127.0.0.1."""
    selected = selected_modules()
    extra = [f"--odoo-extra={arg.lstrip('-')}" for arg in db.odoo_args()]
    return run(
        f"Odoo tests of {', '.join(selected)} (pytest-odoo) on {name}",
        [
            odoo.python, "-m", "pytest", "-o", "addopts=", "-p", "no:cacheprovider", "-rs",
            "--rootdir", str(ADDONS), f"--odoo-database={name}",
            f"--odoo-addons-path={odoo.addons_path}", *extra,
            "--odoo-extra=http-interface=127.0.0.1", "--odoo-http",
            *(str(ADDONS / module / "tests") for module in selected),
        ],
        env=odoo.env(),
    )  # fmt: skip


def drop(odoo, db, name: str) -> None:
    subprocess.run(
        [*odoo.command, "db", *db.odoo_args(), "drop", name],
        cwd=REPO,
        check=False,
        capture_output=True,
    )


def main() -> int:
    start = as_of()
    if start:
        clock_env()  # says now, not after the engine checks, when libfaketime is missing
        when = start.strftime("%Y-%m-%d %H:%M UTC")
        print(f"=== running as of {when} (STOCKOPS_TODAY, libfaketime)", flush=True)
    code = engine_checks()
    if code:
        return code
    return odoo_tests()


if __name__ == "__main__":
    sys.exit(main())
