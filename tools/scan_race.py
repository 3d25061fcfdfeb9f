"""Scan confirmations raced over HTTP (the last step of ``make test``): a copy of the test
database is served by Odoo (threaded: one cursor per request, as in production) and 20
operators in 10 pairs confirm lines on it. Each pair shares one-line transfers; for every
line both operators confirm it at the same instant, and each sends its confirmation twice
on two connections under one key (a double tap). So each line sees a same-line race (two
users) and two same-key races at once. Then two users press Retry at once on each of 5
deliveries of the retry queue (validated while the carrier, a local simulator, was down).
Counted, and all must be 0:

- lost: a line not posted, or answered "posted" to nobody;
- duplicated: units that left a bin twice, or two users both told "posted"; a delivery
  with two parcels, or a label booked twice;
- raw errors: a JSON-RPC error, or a refusal that is not one of the scan screen's
  sentences, or the two answers to one key that differ.

Usage alone: ``python tools/scan_race.py <database>`` (PGHOST/PGUSER/PGPASSWORD, ODOO_SRC
and ODOO_PYTHON as for ``make test``): the database is copied, never changed.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from odoo_env import REPO, _free_port, configured_database, find_odoo, odoo_command

from bench.scan import JsonRpc
from stockops.dispatch.simulators import RestCarrierSimulator

PAIRS, LINES, ON_HAND, ASKED = 10, 4, 5.0, 2.0
#: deliveries in the retry queue, each retried by two users at once
DISPATCH = 5
PASSWORD = "race-pass"  # the operators of a throwaway copy
#: what the scan screen says to the operator who lost a race for a line
CLEAR = ("already confirmed or gone", "is working this line")

SETUP = f"""
import json
PAIRS, LINES, ON_HAND, ASKED, DISPATCH = {PAIRS}, {LINES}, {ON_HAND}, {ASKED}, {DISPATCH}
wh = env["stock.warehouse"].create({{"name": "Race DC", "code": "RACE"}})
wh.out_type_id.auto_batch = False
customers = env.ref("stock.stock_location_customers")
operator = env.ref("wms_execution.group_wms_operator")
users = env["res.users"].with_context(no_reset_password=True).create([
    {{"name": f"Race Operator {{i:02d}}", "login": f"race.{{i:02d}}", "password": "{PASSWORD}",
      "groups_id": [(6, 0, operator.ids)]}} for i in range(1, 2 * PAIRS + 1)])
codes = [f"RACE{{p:02d}}{{k:02d}}" for p in range(PAIRS) for k in range(LINES)]
products = env["product.product"].create(
    [{{"name": f"Race item {{c}}", "is_storable": True, "barcode": f"P{{c}}"}} for c in codes])
bins = env["stock.location"].create(
    [{{"name": c, "barcode": f"B{{c}}", "location_id": wh.lot_stock_id.id}} for c in codes])
for product, bin_ in zip(products, bins):
    env["stock.quant"]._update_available_quantity(product, bin_, ON_HAND)
pickings = env["stock.picking"].create([{{
    "picking_type_id": wh.out_type_id.id, "location_id": bin_.id,
    "location_dest_id": customers.id,
    "move_ids": [(0, 0, {{"name": bin_.name, "product_id": product.id,
                          "product_uom_qty": ASKED, "location_id": bin_.id,
                          "location_dest_id": customers.id}})],
}} for product, bin_ in zip(products, bins)])
pickings.action_confirm()
pickings.action_assign()
lines = []
for picking, product, bin_ in zip(pickings, products, bins):
    line = picking.move_line_ids
    assert len(line) == 1 and line.quantity == ASKED, (bin_.name, line.quantity)
    lines.append({{"line": line.id, "bin": bin_.barcode, "bin_id": bin_.id,
                   "product": product.barcode}})
plan = [{{"users": [f"race.{{2 * p + 1:02d}}", f"race.{{2 * p + 2:02d}}"],
          "lines": lines[p * LINES:(p + 1) * LINES]}} for p in range(PAIRS)]
# the retry queue: deliveries validated while the carrier was down (RACE_SIM: the carrier
# simulator the driver runs, which refuses the first bookings)
import os
sim = json.loads(os.environ["RACE_SIM"])
ca = env.ref("base.ca")
wh.partner_id.write({{"street": "1 Dock Rd", "city": "Toronto", "zip": "M5V 2T6",
                      "country_id": ca.id}})
box = env["stock.package.type"].create({{"name": "Race box", "packaging_length": 400,
                                         "width": 300, "height": 200, "base_weight": 0.5}})
fedex = env["delivery.carrier"].create({{
    "name": "Race FedEx", "delivery_type": "fedex_rest", "integration_level": "rate_and_ship",
    "product_id": env["product.product"].create({{"name": "Race FedEx", "type": "service"}}).id,
    "dispatch_service_code": "FEDEX_GROUND", "dispatch_package_type_id": box.id,
    "dispatch_timeout_s": 10.0, "dispatch_attempts": 1, "dispatch_url": sim["url"],
    "dispatch_client_id": sim["client_id"], "dispatch_client_secret": sim["client_secret"],
    "dispatch_account_number": sim["account"]}})
wh.out_type_id.print_label = True
buyer = env["res.partner"].create({{"name": "Race Customer", "street": "5 Rue Sainte-Catherine",
                                    "city": "Montreal", "zip": "H2X 1Y4", "country_id": ca.id}})
crates = env["product.product"].create(
    [{{"name": f"Race crate {{d}}", "is_storable": True, "weight": 2.0}} for d in range(DISPATCH)])
shelf = env["stock.location"].create({{"name": "RACE-SHIP", "location_id": wh.lot_stock_id.id}})
for crate in crates:
    env["stock.quant"]._update_available_quantity(crate, shelf, ON_HAND)
ships = env["stock.picking"].create([{{
    "picking_type_id": wh.out_type_id.id, "partner_id": buyer.id, "carrier_id": fedex.id,
    "location_id": shelf.id, "location_dest_id": customers.id,
    "move_ids": [(0, 0, {{"name": crate.name, "product_id": crate.id, "product_uom_qty": 1,
                          "location_id": shelf.id, "location_dest_id": customers.id}})],
}} for crate in crates])
ships.action_confirm()
ships.action_assign()
for ship in ships:
    ship.move_ids.picked = True
    ship.button_validate()
assert set(ships.mapped("dispatch_state")) == {{"to_retry"}}, ships.mapped("dispatch_message")
env.cr.commit()
print("RACE_PLAN " + json.dumps({{"pairs": plan, "ships": ships.ids}}))
"""


class Rpc(JsonRpc):
    """One JSON-RPC connection of a logged-in user; errors are answers, not raised."""

    def __init__(self, port: int, cookie: str = "") -> None:
        super().__init__(f"http://127.0.0.1:{port}", cookie, timeout=600)

    def call(self, model: str, method: str, *args) -> dict:
        params = {"model": model, "method": method, "args": list(args), "kwargs": {}}
        return self.send(f"/web/dataset/call_kw/{model}/{method}", params)


def together(threads) -> None:
    """Start ``threads`` and wait for all of them."""
    threads = list(threads)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def login(port: int, db: str, user: str) -> Rpc:
    rpc = Rpc(port)
    answer = rpc.send("/web/session/authenticate", {"db": db, "login": user, "password": PASSWORD})
    if not (answer.get("result") or {}).get("uid"):
        raise SystemExit(f"scan race: {user} cannot log in: {answer}")
    return rpc


def connect(port: int, db: str, pair: dict, into: list) -> None:
    """Each user of ``pair`` logged in, on two connections (one session), put in ``into``."""
    for user in pair["users"]:
        first = login(port, db, user)
        first.call("wms.scan", "screen_info")
        into.append((user, first, Rpc(port, first.cookie)))


def race_pair(conns: list, pair: dict, tally: dict, lock: threading.Lock) -> None:
    """Both users of ``pair`` confirm each line at once, each twice under one key."""
    for n, line in enumerate(pair["lines"]):
        answers: dict[tuple[str, int], dict] = {}
        barrier = threading.Barrier(4)

        def send(user, rpc, copy, line=line, n=n, answers=answers, barrier=barrier):
            key = f"race:{user}:{n}"
            barrier.wait()
            try:
                answers[user, copy] = rpc.call(
                    "wms.scan", "confirm_line",
                    line["line"], line["bin"], line["product"], ASKED, key,
                )  # fmt: skip
            except (OSError, http.client.HTTPException) as error:  # the server dropped it
                answers[user, copy] = {"error": {"data": {"message": repr(error)}}}

        together(
            threading.Thread(target=send, args=(user, rpc, copy))
            for user, *rpcs in conns
            for copy, rpc in enumerate(rpcs)
        )
        with lock:
            judge(line, pair["users"], answers, tally)


def judge(line: dict, users: list[str], answers: dict, tally: dict) -> None:
    winners = []
    for user in users:
        mine = [answers[user, copy] for copy in (0, 1)]
        for answer in mine:
            tally["answers"] += 1
            if "error" in answer:
                tally["raw"].append(f"{user}: {answer['error']['data']['message']}")
                continue
            result = answer["result"]
            if result.get("ok"):
                tally["ok"] += 1
            elif any(sentence in result.get("error", "") for sentence in CLEAR):
                tally["clear"] += 1
            else:
                tally["raw"].append(f"{user}: {result}")
        if all("result" in a for a in mine) and mine[0]["result"] != mine[1]["result"]:
            tally["raw"].append(f"{user}: one key, two answers: {mine[0]} / {mine[1]}")
        if any(a.get("result", {}).get("ok") for a in mine):
            winners.append(user)
    if len(winners) > 1:
        tally["duplicated"].append(f"line {line['line']}: posted for {winners}")
    if not winners:
        tally["lost"].append(f"line {line['line']}: nobody was told it is posted")


def verify(port: int, db: str, plan: list[dict], tally: dict) -> None:
    """What the database says: each line done, each bin down by what was asked, once."""
    rpc = login(port, db, plan[0]["users"][0])
    lines = [line for pair in plan for line in pair["lines"]]
    done = rpc.call(
        "stock.move.line", "search_read", [("id", "in", [x["line"] for x in lines])], ["state"]
    )["result"]
    states = {row["id"]: row["state"] for row in done}
    quants = rpc.call(
        "stock.quant", "search_read",
        [("location_id", "in", [x["bin_id"] for x in lines])], ["location_id", "quantity"],
    )["result"]  # fmt: skip
    left = {}
    for quant in quants:
        left[quant["location_id"][0]] = left.get(quant["location_id"][0], 0.0) + quant["quantity"]
    for line in lines:
        after = left.get(line["bin_id"], 0.0)
        if states.get(line["line"]) != "done" or after > ON_HAND - ASKED:
            tally["lost"].append(f"line {line['line']}: {states.get(line['line'])}, {after} left")
        elif after < ON_HAND - ASKED:
            tally["duplicated"].append(f"line {line['line']}: {after} left in its bin")


def retry_race(conns: list, ship: int, tally: dict, lock: threading.Lock) -> None:
    """Two users press Retry on one delivery of the retry queue at the same instant."""
    answers = {}
    barrier = threading.Barrier(2)

    def press(user, rpc):
        barrier.wait()
        try:
            answers[user] = rpc.call("stock.picking", "action_dispatch_retry", [ship])
        except (OSError, http.client.HTTPException) as error:
            answers[user] = {"error": {"data": {"message": repr(error)}}}

    together(threading.Thread(target=press, args=(user, rpc)) for user, rpc, _copy in conns)
    with lock:
        for user, answer in answers.items():
            tally["retries"] += 1
            if "error" in answer:
                tally["raw"].append(f"{user} Retry: {answer['error']['data']['message']}")


def verify_dispatch(rpc: Rpc, ships: list[int], sim, tally: dict) -> None:
    """Each delivery booked once: one parcel, shipped; the carrier issued one label each."""
    parcels = rpc.call(
        "dispatch.parcel", "search_read", [("picking_id", "in", ships)], ["picking_id"]
    )["result"]
    states = rpc.call("stock.picking", "read", ships, ["dispatch_state"])["result"]
    for row in states:
        count = sum(1 for p in parcels if p["picking_id"][0] == row["id"])
        if row["dispatch_state"] != "shipped" or not count:
            tally["lost"].append(f"delivery {row['id']}: {row['dispatch_state']}, {count} parcels")
        elif count > 1:
            tally["duplicated"].append(f"delivery {row['id']}: {count} parcels")
    if sim.book.labels_issued > len(ships):
        tally["duplicated"].append(f"{sim.book.labels_issued} labels for {len(ships)} parcels")


def serve(odoo, db, name: str, port: int, log: Path) -> subprocess.Popen:
    """Odoo serving ``name`` threaded (a cursor per request, as in production)."""
    return subprocess.Popen(
        odoo_command(
            odoo, db, name, f"--http-port={port}", "--http-interface=127.0.0.1",
            "--workers=0", "--max-cron-threads=0", f"--db-filter=^{name}$",
            "--db_maxconn=128", "--log-level=warn", f"--logfile={log}",
        ),
        cwd=REPO, env=odoo.env(),
    )  # fmt: skip


def wait_ready(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/web/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        if server.poll() is not None:
            break
        time.sleep(1)
    server.kill()
    raise SystemExit(f"scan race: Odoo did not start on port {port} (log: {log})")


def race(odoo, db, source: str) -> int:
    """Race the scan service on a copy of ``source``; 0 when nothing was lost,
    duplicated or answered with a raw error."""
    print("\n=== scan races over HTTP (20 operators, same-key and same-line)", flush=True)
    started = time.monotonic()
    name = f"{source}_race"
    bin_db = [*odoo.command, "db", *db.odoo_args()]
    drop = [*bin_db, "drop", name]
    copy = subprocess.run([*bin_db, "duplicate", "-f", source, name], cwd=REPO, env=odoo.env(),
                          check=False, capture_output=True, text=True)  # fmt: skip
    if copy.returncode:
        print(f"FAILED: copying {source}: {copy.stderr[-2000:]}", flush=True)
        return copy.returncode
    phases = {"copy": time.monotonic() - started}
    logs = REPO / ".test-logs"
    logs.mkdir(exist_ok=True)
    port, log = _free_port(), logs / "scan_race.log"
    server = serve(odoo, db, name, port, log)  # starts while the shell builds the races
    sim = RestCarrierSimulator(currency="USD").start()
    sim.inject("unavailable", times=DISPATCH, operation="ship")  # the deliveries wait to retry
    conf = {"url": sim.url, "client_id": sim.client_id, "client_secret": sim.client_secret,
            "account": sim.account_number}  # fmt: skip
    try:
        shell = subprocess.run(
            [*odoo.command, "shell", *odoo_command(odoo, db, name)[len(odoo.command) :],
             "--no-http", "--log-level=warn"],
            input=SETUP, cwd=REPO, env={**odoo.env(), "RACE_SIM": json.dumps(conf)},
            check=False, capture_output=True, text=True,
        )  # fmt: skip
        sim.clear_faults()
        found = [x for x in shell.stdout.splitlines() if x.startswith("RACE_PLAN ")]
        if not found:
            print(f"FAILED: race setup:\n{shell.stdout[-2000:]}\n{shell.stderr[-4000:]}")
            return 1
        setup = json.loads(found[0].removeprefix("RACE_PLAN "))
        plan = setup["pairs"]
        phases["setup"] = time.monotonic() - started - sum(phases.values())
        wait_ready(server, port, log)
        phases["serve"] = time.monotonic() - started - sum(phases.values())
        tally = {"answers": 0, "ok": 0, "clear": 0, "retries": 0, "raw": [], "lost": [],
                 "duplicated": []}  # fmt: skip
        lock = threading.Lock()
        raced = time.monotonic()
        # one user first: the server reads its manifests once (CPython 3.11 may fail to
        # parse them in several threads at once), then the others log in together
        conns = [[] for _pair in plan]
        connect(port, name, {"users": plan[0]["users"][:1]}, [])
        together(
            threading.Thread(target=connect, args=(port, name, pair, into))
            for pair, into in zip(plan, conns, strict=True)
        )
        phases["log in"] = time.monotonic() - raced
        raced = time.monotonic()
        together(
            threading.Thread(target=race_pair, args=(users, pair, tally, lock))
            for users, pair in zip(conns, plan, strict=True)
        )
        took = phases["race"] = time.monotonic() - raced
        together(
            threading.Thread(target=retry_race, args=(users, ship, tally, lock))
            for users, ship in zip(conns, setup["ships"], strict=False)
        )
        phases["retry"] = time.monotonic() - raced - took
        verify(port, name, plan, tally)
        verify_dispatch(conns[0][0][1], setup["ships"], sim, tally)
    finally:
        sim.stop()
        server.terminate()
        server.wait(timeout=60)
        subprocess.run(drop, cwd=REPO, env=odoo.env(), check=False, capture_output=True)
    lines = PAIRS * LINES
    print(
        f"{2 * PAIRS} operators, {lines} lines, {tally['answers']} answers in {took:.1f} s: "
        f"{tally['ok']} posted (2 per line: one user's two taps), {tally['clear']} clear "
        f"refusals; {DISPATCH} deliveries retried by two users at once ({tally['retries']} "
        f"answers); lost {len(tally['lost'])}, duplicated {len(tally['duplicated'])}, raw "
        f"errors {len(tally['raw'])} (all in {time.monotonic() - started:.0f} s: "
        + ", ".join(f"{phase} {s:.0f} s" for phase, s in phases.items())
        + ")",
        flush=True,
    )
    problems = tally["lost"] + tally["duplicated"] + tally["raw"]
    for problem in problems[:20]:
        print(f"  {problem}")
    return 1 if problems else 0


def main() -> int:
    odoo, why = find_odoo()
    db = configured_database()
    if odoo is None or db is None or len(sys.argv) != 2:
        raise SystemExit(f"usage: scan_race.py <database> (Odoo: {why}; PGHOST set: {bool(db)})")
    return race(odoo, db, sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
