"""``STOCKOPS_TODAY``'s clock (tools/odoo_env.py): one offset for the whole run, and Python
threads under libfaketime share the GIL as fast as on the real clock."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import odoo_env

FAKED = ("LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC", "FAKETIME_FORCE_MONOTONIC_FIX")

# two threads counting for half a second: what they count measures how well they share the GIL
TWO_THREADS = """
import threading, time
counts = [0, 0]
def count(i, until):
    while time.monotonic() < until:
        counts[i] += 1
until = time.monotonic() + 0.5
other = threading.Thread(target=count, args=(1, until))
other.start()
count(0, until)
other.join()
print(sum(counts))
"""


@pytest.fixture
def year_end(monkeypatch):
    monkeypatch.setenv("STOCKOPS_TODAY", "2026-12-31")
    monkeypatch.delenv(odoo_env.CLOCK_OFFSET, raising=False)
    try:
        return odoo_env.clock_env()
    except SystemExit as missing:  # no libfaketime on this machine
        pytest.skip(str(missing))


def _run(code: str, env: dict[str, str]) -> str:
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_every_process_of_a_run_gets_the_same_offset(year_end):
    later = odoo_env.clock_env()
    probe = f"import sys; sys.path.insert(0, {str(Path(odoo_env.__file__).parent)!r})\n"
    probe += "import odoo_env; print(odoo_env.clock_env()['FAKETIME'])"
    child = _run(probe, year_end)  # a process started on the faked clock asks again
    assert later["FAKETIME"] == year_end["FAKETIME"] == child


def test_threads_share_the_gil_under_libfaketime(year_end):
    real = {k: v for k, v in os.environ.items() if k not in FAKED}
    on_real_clock = int(_run(TWO_THREADS, real))
    on_faked_clock = int(_run(TWO_THREADS, year_end))
    # libfaketime's own "monotonic fix" made every GIL hand-over immediate: ~100 times less
    assert on_faked_clock > on_real_clock / 4, (on_faked_clock, on_real_clock)


def test_a_day_and_hour_start_the_run_at_that_hour_utc(monkeypatch):
    if os.environ.get("FAKETIME"):
        # the offset is taken from this process's clock: under a faked one it is off by it
        pytest.skip("this run is itself on a STOCKOPS_TODAY clock")
    monkeypatch.setenv("STOCKOPS_TODAY", "2026-12-31T23:05")
    monkeypatch.delenv(odoo_env.CLOCK_OFFSET, raising=False)
    try:
        env = odoo_env.clock_env()
    except SystemExit as missing:
        pytest.skip(str(missing))
    now = _run("import datetime; print(datetime.datetime.utcnow().isoformat())", env)
    assert now.startswith("2026-12-31T23:0"), now


def test_a_bad_start_is_refused_with_the_forms_it_takes(monkeypatch):
    monkeypatch.setenv("STOCKOPS_TODAY", "31/12/2026")
    with pytest.raises(SystemExit, match="YYYY-MM-DDTHH:MM"):
        odoo_env.as_of()
