"""Scan confirmations under load: 20 scanners on a running Odoo, over JSON-RPC on loopback.

Needs a running Odoo 18 with the suite and its demo (``make demo``, or ``odoo-bin`` with
``--workers`` for real concurrency) and these variables:

- ``STOCKOPS_BENCH_URL`` (default ``http://127.0.0.1:8069``);
- ``STOCKOPS_BENCH_DB``: the database, a copy of the demo: the bench posts real moves;
- ``STOCKOPS_BENCH_LOGIN`` / ``STOCKOPS_BENCH_PASSWORD`` (default ``admin``/``admin``): an
  administrator, who creates the 20 operators (``bench.scan.01``..) and the transfers.

Setup (not timed): the same move lines twice, for ours and for the baseline: pick
transfers of one unit per line, a different bin (reserve or forward zone) and product
per line, each transfer an order of its own, reserved. One scanner first works alone
(the server's own time, no queue), then 20 at once. Ours: each scanner, logged in as
its own operator, asks ``wms.scan.take_line`` for its next line and confirms it with
``wms.scan.confirm_line`` (bin, product, quantity, key): checked, posted at once, written
to the ledger, the next line handed out under a row lock. Baseline: the same lines
confirmed one at a time as a user does it in Odoo's standard picking form: tick the
move as picked and save, *Validate*, then *Create Backorder* in the wizard (the rest of
the transfer moves to the backorder). The figure is the time per confirmation as the
scanner waits for it (the round trip on loopback; for the form, its four requests)
with 20 scanners at once, p95 in ms; p50 and the time alone are printed beside it.
Sizes: 5 (small), 15 (default) or 30 (large) lines per scanner.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import threading
import time
import uuid
from urllib.parse import urlparse

from bench.result import Result

SCANNERS = 20
#: lines one scanner confirms alone first: the server's time without a queue
SOLO_LINES = 15
LINES = {"small": 5, "default": 15, "large": 30}
OPERATOR_PASSWORD = "bench-scan"


class Rpc:
    """One user's JSON-RPC session on one kept-alive connection."""

    def __init__(self, url: str, db: str, login: str, password: str) -> None:
        parts = urlparse(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=300)
        self.cookie = ""
        result = self.post("/web/session/authenticate",
                           {"db": db, "login": login, "password": password})  # fmt: skip
        if not result.get("uid"):
            raise SystemExit(f"bench scan: {login} cannot log in to {db} at {url}")

    def post(self, path: str, params: dict):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        self.conn.request("POST", path, body, headers)
        reply = self.conn.getresponse()
        payload = reply.read()
        cookie = reply.getheader("Set-Cookie")
        if cookie and "session_id=" in cookie:
            self.cookie = cookie.split(";", 1)[0]
        data = json.loads(payload)
        if data.get("error"):
            raise RuntimeError(data["error"]["data"]["message"])
        return data["result"]

    def call(self, model: str, method: str, *args, **kwargs):
        return self.post(f"/web/dataset/call_kw/{model}/{method}",
                         {"model": model, "method": method, "args": list(args),
                          "kwargs": kwargs})  # fmt: skip


def _settings() -> tuple[str, str, str, str]:
    db = os.environ.get("STOCKOPS_BENCH_DB")
    if not db:
        raise SystemExit(
            "bench scan needs a running Odoo with the suite and its demo: set STOCKOPS_BENCH_DB "
            "to a copy of the demo database (the bench posts moves in it), and "
            "STOCKOPS_BENCH_URL (default http://127.0.0.1:8069), STOCKOPS_BENCH_LOGIN and "
            "STOCKOPS_BENCH_PASSWORD of an administrator (default admin/admin). Start the "
            "server with e.g. odoo-bin -d <db> --workers=4 --max-cron-threads=0."
        )
    url = os.environ.get("STOCKOPS_BENCH_URL", "http://127.0.0.1:8069")
    login = os.environ.get("STOCKOPS_BENCH_LOGIN", "admin")
    return url, db, login, os.environ.get("STOCKOPS_BENCH_PASSWORD", "admin")


def _operators(admin: Rpc) -> list[str]:
    group = admin.call("ir.model.data", "check_object_reference", "wms_execution",
                       "group_wms_operator")[1]  # fmt: skip
    logins = [f"bench.scan.{i:02d}" for i in range(1, SCANNERS + 1)]
    found = {u["login"]: u["id"] for u in admin.call(
        "res.users", "search_read", [("login", "in", logins)], ["login"])}  # fmt: skip
    for login in logins:
        # the standard form posts chatter messages: its author needs an email address
        values = {"password": OPERATOR_PASSWORD, "groups_id": [(4, group)],
                  "email": f"{login}@example.com"}  # fmt: skip
        if login in found:
            admin.call("res.users", "write", [found[login]], values)
        else:
            admin.call("res.users", "create", {"name": f"Bench scanner {login[-2:]}",
                                               "login": login, **values})  # fmt: skip
    return logins


def _transfers(admin: Rpc, sizes: list[int]) -> tuple[list[int], list[int]]:
    """Two reserved pick transfers per entry of ``sizes`` (its number of lines), with the
    same lines: (ours, baseline)."""
    warehouse = admin.call("stock.warehouse", "search_read", [("wms_aisle_ids", "!=", False)],
                           ["pick_type_id", "out_type_id", "delivery_steps", "lot_stock_id"],
                           limit=1)[0]  # fmt: skip
    kind = "out_type_id" if warehouse["delivery_steps"] == "ship_only" else "pick_type_id"
    ptype = admin.call("stock.picking.type", "read", [warehouse[kind][0]],
                       ["default_location_dest_id"])[0]  # fmt: skip
    dest = ptype["default_location_dest_id"][0]
    stock = admin.call(
        "stock.quant", "search_read",
        [("location_id.wms_zone_id.kind", "in", ["reserve", "forward"]),
         ("location_id.barcode", "!=", False), ("product_id.barcode", "!=", False),
         ("lot_id", "=", False), ("package_id", "=", False), ("quantity", ">=", 2)],
        ["product_id", "location_id", "quantity", "reserved_quantity"], order="location_id, id",
    )  # fmt: skip
    # two free units per line (one for each side), each (product, bin) once
    quants = [q for q in stock if q["quantity"] - q["reserved_quantity"] >= 2]
    if len(quants) < sum(sizes):
        raise SystemExit(
            f"bench scan: {len(quants)} bins hold two free units of a product, {sum(sizes)} "
            "needed: use a fresh copy of the demo, or a smaller --size"
        )
    ours, baseline, start = [], [], 0
    for n, size in enumerate(sizes):
        mine, start = quants[start : start + size], start + size
        for target in (ours, baseline):
            # an order of its own, as a sale order's: what the pick pushes on stays apart
            group = admin.call("procurement.group", "create", {"name": f"bench scan {n}"})
            target.append(admin.call("stock.picking", "create", {
                "picking_type_id": warehouse[kind][0], "origin": "bench scan", "group_id": group,
                "location_id": warehouse["lot_stock_id"][0], "location_dest_id": dest,
                "move_ids": [(0, 0, {"name": "bench", "product_id": q["product_id"][0],
                                     "product_uom_qty": 1, "location_id": q["location_id"][0],
                                     "location_dest_id": dest, "group_id": group})
                             for q in mine],
            }))  # fmt: skip
    admin.call("stock.picking", "action_confirm", ours + baseline)
    admin.call("stock.picking", "action_assign", ours + baseline)
    return ours, baseline


def _scan_worker(rpc: Rpc, picking: int, times: list[float], errors: list[str]) -> None:
    line = rpc.call("wms.scan", "take_line", picking)
    while line and not line.get("done"):
        started = time.perf_counter()
        result = rpc.call("wms.scan", "confirm_line", line["line_id"], line["location_barcode"],
                          line["product_barcode"], line["quantity"], uuid.uuid4().hex)  # fmt: skip
        times.append(time.perf_counter() - started)
        if not result["ok"]:
            errors.append(result["error"])
            return
        line = result["next"]


def _form_worker(rpc: Rpc, picking: int, times: list[float], errors: list[str]) -> None:
    while picking:
        moves = rpc.call("stock.move", "search_read",
                         [("picking_id", "=", picking), ("state", "=", "assigned")],
                         ["id"], order="id", limit=1)  # fmt: skip
        if not moves:
            return
        started = time.perf_counter()
        picked = {"move_ids": [(1, moves[0]["id"], {"picked": True})]}
        rpc.call("stock.picking", "web_save", [picking], picked, specification={})
        action = rpc.call("stock.picking", "button_validate", [picking])
        if isinstance(action, dict) and action.get("res_model") == "stock.backorder.confirmation":
            context = action["context"]
            wizard = rpc.call("stock.backorder.confirmation", "web_save", [],
                              {"pick_ids": [(6, 0, [picking])]}, specification={},
                              context=context)[0]["id"]  # fmt: skip
            rpc.call("stock.backorder.confirmation", "process", [wizard], context=context)
        times.append(time.perf_counter() - started)
        backorder = rpc.call("stock.picking", "search_read", [("backorder_id", "=", picking)],
                             ["id"], limit=1)  # fmt: skip
        picking = backorder[0]["id"] if backorder else None


def _guarded(worker, rpc, picking, times, errors) -> None:
    try:
        worker(rpc, picking, times, errors)
    except (OSError, RuntimeError) as error:
        errors.append(str(error))


def _race(url, db, logins, pickings, worker) -> tuple[list[float], list[str]]:
    sessions = [Rpc(url, db, login, OPERATOR_PASSWORD) for login in logins]
    times, errors = [], []
    threads = [threading.Thread(target=_guarded, args=(worker, rpc, picking, times, errors))
               for rpc, picking in zip(sessions, pickings, strict=True)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors


def _quantiles_ms(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def run(size: str) -> Result:
    url, db, login, password = _settings()
    try:
        admin = Rpc(url, db, login, password)
    except OSError as error:
        raise SystemExit(
            f"bench scan: no Odoo answers at {url} ({error}): start it first"
        ) from None
    per_scanner = LINES[size]
    logins = _operators(admin)
    ours, form = _transfers(admin, [SOLO_LINES] + [per_scanner] * SCANNERS)
    print(f"setup: {SOLO_LINES} lines for one scanner alone, then {SCANNERS} scanners x "
          f"{per_scanner} lines at once; each line twice; {url} ({db})")  # fmt: skip
    results = {}
    for label, scanners, pickings in (("alone", logins[:1], slice(0, 1)),
                                      (f"{SCANNERS} at once", logins, slice(1, None))):  # fmt: skip
        for name, side, worker in (("scan", ours, _scan_worker),
                                   ("picking-form", form, _form_worker)):  # fmt: skip
            started = time.perf_counter()
            times, errors = _race(url, db, scanners, side[pickings], worker)
            wall = time.perf_counter() - started
            if errors:
                raise SystemExit(f"bench scan: {name} refused a confirmation: {errors[0]}")
            p50, p95 = _quantiles_ms(times)
            results[name] = p95
            print(f"  {label:12} {name:13}: {len(times):3} confirmations, p50 {p50:7.0f} ms, "
                  f"p95 {p95:7.0f} ms, {len(times) / wall:5.1f} confirmations/s")  # fmt: skip
    return Result(results["scan"], "picking-form", results["picking-form"], "ms")
