"""Find an Odoo 18 and a PostgreSQL to run it on; shared by the tests, the demo and benches.

Odoo is found, in this order:
1. ``ODOO_SRC``: an Odoo 18 source tree (the folder holding ``odoo-bin``), run with the
   Python that runs this script (its requirements must be installed there), or with
   ``ODOO_PYTHON`` when set;
2. an importable ``odoo`` package of version 18 in that Python (pip or editable install).

PostgreSQL: when ``PGHOST`` (or ``ODOO_DB_HOST``) is set, that server is used with
``PGUSER``/``PGPASSWORD``/``PGPORT`` (or the ``ODOO_DB_*`` names). Otherwise a throwaway
cluster is started on 127.0.0.1 with ``initdb``/``pg_ctl`` from PATH or the usual
``/usr/lib/postgresql/<version>/bin``, and removed afterwards.

The clock: ``STOCKOPS_TODAY=YYYY-MM-DD`` runs the tests and the demo as of that day, 09:00
UTC onwards (``YYYY-MM-DDTHH:MM``: from that hour, UTC — 23:05 puts a European site's day
ahead of UTC's). Odoo, the engine tests and a throwaway PostgreSQL cluster (always a throwaway
one then: a configured server keeps its own clock) run under libfaketime (Debian package
``faketime``) with the same offset, so Odoo's dates and PostgreSQL's ``now()`` agree.
"""

from __future__ import annotations

import contextlib
import datetime
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS = REPO / "addons"
SUITE = ("stock_policy", "wms_execution", "wms_labor", "carrier_dispatch")
ODOO_MAJOR = 18


@dataclass(frozen=True)
class OdooInstall:
    python: str
    command: tuple[str, ...]  # how to start odoo-bin
    addons_path: str  # core addons + the suite's
    how: str  # how it was found, for the log
    src: str = ""  # ODOO_SRC, put on PYTHONPATH for tools that import odoo (pytest-odoo)

    def env(self) -> dict[str, str]:
        """The environment for an Odoo process: this checkout's engine first on the path
        (whatever checkout last installed itself into Odoo's Python), then ODOO_SRC for
        tools that import odoo (pytest-odoo); the clock of ``STOCKOPS_TODAY``."""
        env = clock_env()
        first = [str(REPO), self.src, env.get("PYTHONPATH")]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, first))
        return env


@dataclass(frozen=True)
class Database:
    host: str
    port: int
    user: str
    password: str

    def odoo_args(self) -> list[str]:
        args = [f"--db_host={self.host}", f"--db_port={self.port}", f"--db_user={self.user}"]
        if self.password:
            args.append(f"--db_password={self.password}")
        return args


def _major_of(python: str, src: str | None) -> tuple[int | None, str]:
    code = (
        "import sys\n"
        "if len(sys.argv) > 1: sys.path.insert(0, sys.argv[1])\n"
        "import odoo.release as r, os, odoo\n"
        "print(r.version_info[0]); print(os.path.dirname(odoo.__file__))"
    )
    args = [python, "-c", code] + ([src] if src else [])
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return None, proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    major, package_dir = proc.stdout.split()
    return int(major), package_dir


def find_odoo() -> tuple[OdooInstall | None, str]:
    """The Odoo 18 to use and how it was found, or None and why none was."""
    python = os.environ.get("ODOO_PYTHON") or sys.executable
    src = os.environ.get("ODOO_SRC")
    if src:
        if not (Path(src) / "odoo-bin").exists():
            return None, f"ODOO_SRC={src} has no odoo-bin"
        major, package_dir = _major_of(python, src)
        if major != ODOO_MAJOR:
            return None, f"ODOO_SRC={src} is not Odoo {ODOO_MAJOR} under {python} ({package_dir})"
        command = (python, str(Path(src) / "odoo-bin"))
        how = f"ODOO_SRC={src}"
    else:
        major, package_dir = _major_of(python, None)
        if major != ODOO_MAJOR:
            why = "odoo is not importable" if major is None else f"odoo {major} found"
            return None, f"{why} in {python} and ODOO_SRC is not set"
        command = (python, "-m", "odoo")
        how = f"importable odoo in {python}"
    core = [Path(package_dir) / "addons", Path(package_dir).parent / "addons"]
    paths = [str(p) for p in core if (p / "base").is_dir() or (p / "web").is_dir()]
    addons_path = ",".join([*paths, str(ADDONS)])
    return OdooInstall(python, command, addons_path, how, src or ""), ""


FAKETIME_LIBS = (
    "/usr/lib/*/faketime/libfaketimeMT.so.1",
    "/usr/lib/faketime/libfaketimeMT.so.1",
    "/usr/local/lib/faketime/libfaketimeMT.so.1",
)


def as_of() -> datetime.datetime | None:
    """The naive UTC moment the run starts at by ``STOCKOPS_TODAY`` (a day: its 09:00; a
    day and time: that time), or None to run on the real clock."""
    text = os.environ.get("STOCKOPS_TODAY", "").strip()
    if not text:
        return None
    try:
        if "T" in text or " " in text:
            start = datetime.datetime.fromisoformat(text)
        else:
            start = datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time(9))
    except ValueError:
        raise SystemExit(
            f"STOCKOPS_TODAY={text!r} is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)"
        ) from None
    if start.tzinfo is not None:
        start = start.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return start


#: the run's clock offset, ``<start>:<seconds>``, handed down to every process of the run
CLOCK_OFFSET = "STOCKOPS_CLOCK_OFFSET"


def _offset_s(start: datetime.datetime) -> int:
    """Seconds from the real clock to ``start`` (naive UTC), taken once per run: the first call
    stores it in this process's environment, where later calls and child processes (started
    under libfaketime or not) find it. Taken anew at each call, PostgreSQL, started minutes
    before Odoo, would run those minutes ahead of it."""
    known, _, seconds = os.environ.get(CLOCK_OFFSET, "").rpartition(":")
    if known == start.isoformat():
        return int(seconds)
    moment = start.replace(tzinfo=datetime.timezone.utc)
    offset = int((moment - datetime.datetime.now(datetime.timezone.utc)).total_seconds())
    os.environ[CLOCK_OFFSET] = f"{start.isoformat()}:{offset}"
    return offset


def clock_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with the clock moved to
    ``STOCKOPS_TODAY``'s start (:func:`as_of`) by libfaketime, as one offset from the real
    clock for the whole run so every process started with it agrees; unchanged without
    ``STOCKOPS_TODAY``."""
    env = dict(os.environ if base is None else base)
    start = as_of()
    if start is None:
        return env
    found = [path for pattern in FAKETIME_LIBS for path in sorted(glob.glob(pattern))]
    if not found:
        raise SystemExit("STOCKOPS_TODAY needs libfaketime: apt-get install faketime")
    offset = _offset_s(start)
    env[CLOCK_OFFSET] = os.environ[CLOCK_OFFSET]
    env["LD_PRELOAD"] = " ".join(filter(None, [found[0], env.get("LD_PRELOAD")]))
    env["FAKETIME"] = f"{offset:+d}"
    # timeouts and durations keep the real monotonic clock (a faked one hangs timed waits);
    # Python's sleep then needs the shim in tools/fakeclock
    env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    # libfaketime turns on its "monotonic fix" by itself on this glibc; with the real
    # monotonic clock above it ends every timed wait on a monotonic condition at once,
    # among them Python's GIL hand-over: a thread working while others wait for the GIL
    # (a tour's asset bundle built in a request while the test polls the browser) then
    # runs ten times slower, and the web client misses the tour's 60 s
    env["FAKETIME_FORCE_MONOTONIC_FIX"] = "0"
    shim = REPO / "tools" / "fakeclock"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(shim), env.get("PYTHONPATH")]))
    # a tour's browser runs on the real clock (tools/fakeclock/bin/chromium says why)
    env["PATH"] = os.pathsep.join(filter(None, [str(shim / "bin"), env.get("PATH")]))
    return env


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def configured_database() -> Database | None:
    host = os.environ.get("ODOO_DB_HOST") or os.environ.get("PGHOST")
    if not host:
        return None
    env = os.environ.get
    return Database(
        host=host,
        port=int(env("ODOO_DB_PORT") or env("PGPORT") or 5432),
        user=env("ODOO_DB_USER") or env("PGUSER") or "odoo",
        password=env("ODOO_DB_PASSWORD") or env("PGPASSWORD") or "",
    )


@contextlib.contextmanager
def database():
    """The configured server, or a throwaway PostgreSQL cluster on 127.0.0.1 (always
    a throwaway one under ``STOCKOPS_TODAY``, started on that clock)."""
    configured = configured_database()
    if configured and as_of():
        print("STOCKOPS_TODAY: a throwaway PostgreSQL instead of PGHOST, on the same clock")
    elif configured:
        yield configured
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise SystemExit("no PostgreSQL server configured (PGHOST) and no initdb/pg_ctl found")
    root = Path(tempfile.mkdtemp(prefix="stockops-pg-"))
    data, port, user = root / "data", _free_port(), "stockops"
    # initdb refuses to run as root: hand the cluster to an unprivileged account
    run_as: list[str] = []
    if os.geteuid() == 0:
        run_as = ["runuser", "-u", "nobody", "--"]
        shutil.chown(root, "nobody")
        root.chmod(0o700)
    try:
        subprocess.run(
            [*run_as, initdb, "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8"],
            check=True,
            stdout=subprocess.DEVNULL,
            env=clock_env(),
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
        subprocess.run(
            [
                *run_as,
                pg_ctl,
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "pg.log"),
                "-w",
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            env=clock_env(),
        )
        print(f"started a throwaway PostgreSQL on 127.0.0.1:{port}", flush=True)
        yield Database("127.0.0.1", port, user, "")
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                check=False,
                stdout=subprocess.DEVNULL,
            )
        shutil.rmtree(root, ignore_errors=True)


def odoo_command(odoo: OdooInstall, db: Database, name: str, *extra: str) -> list[str]:
    """An odoo-bin command line on database ``name`` with the suite on the addons path."""
    return [*odoo.command, f"--addons-path={odoo.addons_path}", *db.odoo_args(), "-d", name, *extra]


def _run(title: str, args: list[str]) -> int:
    print(f"\n=== {title}", flush=True)
    return subprocess.run(args, cwd=REPO, check=False).returncode


def prepare_odoo_python(python: str, *requirements: str) -> int:
    """Install the engine, the OCA add-ons the suite needs and ``requirements`` files
    (e.g. the test tools) into Odoo's Python."""
    pip = [python, "-m", "pip", "install", "-q"]
    code = _run("install the engine into Odoo's Python", [*pip, "-e", "."])
    for extra in requirements:
        code = code or _run(f"install {extra}", [*pip, "-r", extra])
    if code:
        return code
    if _pip_knows_odoo(python):
        return _run("install the suite's OCA add-ons", [*pip, "-r", "requirements-odoo.txt"])
    # an Odoo run from a source tree is unknown to pip: the add-ons' "odoo" requirement
    # cannot be met from the index, so install them without it
    return _run(
        "install the suite's OCA add-ons (--no-deps: pip does not know this Odoo)",
        [*pip, "--no-deps", "-r", "requirements-odoo.txt"],
    )


def _pip_knows_odoo(python: str) -> bool:
    """Whether Odoo is an installed distribution of ``python`` (pip install odoo, or -e of
    its tree), so pip can check the add-ons' ``odoo`` requirement against it."""
    probe = "import importlib.metadata as m; m.version('odoo')"
    return subprocess.run([python, "-c", probe], capture_output=True, check=False).returncode == 0
