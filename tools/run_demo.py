"""``make demo``: a demo database with the whole suite, served on 127.0.0.1:8069.

Finds Odoo and PostgreSQL as the tests do (tools/odoo_env.py). Without a configured
server the throwaway cluster lives as long as this command. ``STOCKOPS_DEMO_DB`` names
the database (default ``stockops_demo``); ``STOCKOPS_DEMO_SIZE`` picks the demo size.
Log in as admin/admin, or as maria.operator, james.supervisor, aiko.planner (password =
login) after setting their passwords.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from odoo_env import REPO, SUITE, database, find_odoo, odoo_command, prepare_odoo_python


def main() -> int:
    odoo, why = find_odoo()
    if odoo is None:
        print(f"no Odoo 18 found ({why}); see docker/compose.yaml to run the demo in Docker")
        return 1
    if prepare_odoo_python(odoo.python):
        return 1
    name = os.environ.get("STOCKOPS_DEMO_DB", "stockops_demo")
    port = os.environ.get("STOCKOPS_DEMO_PORT", "8069")
    with database() as db:
        serve = odoo_command(
            odoo, db, name, f"--db-filter=^{name}$", "--http-interface=127.0.0.1",
            f"--http-port={port}",
        )  # fmt: skip
        # -i on an existing database only updates the suite; on a new one it creates it
        install = odoo_command(odoo, db, name, "-i", ",".join(SUITE), "--stop-after-init")
        if subprocess.run(install, cwd=REPO, check=False, env=odoo.env()).returncode:
            return 1
        print(f"serving {name} on http://127.0.0.1:{port} (Ctrl-C to stop)", flush=True)
        try:
            return subprocess.run(serve, cwd=REPO, check=False, env=odoo.env()).returncode
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
