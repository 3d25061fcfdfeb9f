"""Scan confirmations under load: 20 scanners on a running Odoo, over JSON-RPC on loopback.

Needs a running Odoo 18 with the suite and its demo (``make demo``, or ``odoo-bin`` with
``--workers`` for real concurrency) and these variables:

- ``STOCKOPS_BENCH_URL`` (default ``http://127.0.0.1:8069``);
- ``STOCKOPS_BENCH_DB``: the database, a copy of the demo: the bench posts real moves;
- ``STOCKOPS_BENCH_LOGIN`` / ``STOCKOPS_BENCH_PASSWORD`` (default ``admin``/``admin``): an
  administrator, who creates the 20 operators (``bench.scan.01``..) and the orders;
- ``STOCKOPS_BENCH_THINK_S`` (default 2): the mean time in seconds an operator takes
  between two confirmations (walk to the bin, scan it, scan the product), drawn evenly
  between half and one and a half times it; 0 confirms flat out.

Setup (not timed): sale orders on the demo warehouse, one per scanner and one more for
the scanner alone, each of one unit of different products; each order twice (ours and
the baseline's), confirmed, so that Odoo creates and reserves their pick transfers as
for any order (the pack and ship steps follow the pick by Odoo 18's push rules). One
scanner first works alone, flat out (the server's own time, no queue), then 20 at once
at the operators' pace. Ours: each scanner, logged in as its own operator, asks
``wms.scan.take_line`` for its first line and confirms each line with
``wms.scan.confirm_line`` (bin, product, quantity, key): checked, posted at once (the
units leave the bin), written to the ledger, the next line handed out under a row lock;
at the end of the trip it drops the units off at the packing zone (``pick_drop``), which
hands them to the pack step: timed apart, once a trip. Baseline: the same lines confirmed
one at a time as a user does it in Odoo's standard picking form: tick the move as picked
and save, *Validate*, then *Create Backorder* in the wizard (the rest of the transfer
moves to the backorder; Odoo pushes the line to the pack step at once). The figure is the
time per confirmation as the scanner waits for it (the round trip on loopback; for the
form, its four requests) with 20 scanners at once, p95 in ms; p50, the time alone and
the drop-off are printed beside it. Sizes: 5 (small), 15 (default) or 30 (large) lines
per scanner.
"""

from __future__ import annotations

import http.client
import json
import os
import random
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


class JsonRpc:
    """One kept-alive connection to Odoo's JSON-RPC, in the session of ``cookie``: the
    answer as sent (an HTML error page becomes an ``error`` answer too)."""

    def __init__(self, url: str, cookie: str = "", timeout: float = 300) -> None:
        parts = urlparse(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
        self.cookie = cookie

    def send(self, path: str, params: dict) -> dict:
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
        try:
            return json.loads(payload)
        except ValueError:
            return {"error": {"data": {"message": f"HTTP {reply.status}: {payload[:300]!r}"}}}


class Rpc(JsonRpc):
    """One user's JSON-RPC session on one kept-alive connection."""

    def __init__(self, url: str, db: str, login: str, password: str) -> None:
        super().__init__(url)
        result = self.post("/web/session/authenticate",
                           {"db": db, "login": login, "password": password})  # fmt: skip
        if not result.get("uid"):
            raise SystemExit(f"bench scan: {login} cannot log in to {db} at {url}")

    def post(self, path: str, params: dict):
        data = self.send(path, params)
        if data.get("error"):
            raise RuntimeError(data["error"]["data"]["message"])
        return data["result"]

    def call(self, model: str, method: str, *args, **kwargs):
        return self.post(f"/web/dataset/call_kw/{model}/{method}",
                         {"model": model, "method": method, "args": list(args),
                          "kwargs": kwargs})  # fmt: skip


def _settings() -> tuple[str, str, str, str, float]:
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
    think = float(os.environ.get("STOCKOPS_BENCH_THINK_S", "2"))
    return url, db, login, os.environ.get("STOCKOPS_BENCH_PASSWORD", "admin"), think


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


def _products(admin: Rpc, warehouse: dict, sizes: list[int]) -> list[list[int]]:
    """Products for each order (distinct within an order), each unit taken from free stock
    of untracked products in barcoded reserve or forward bins, two units a line (ours and
    the baseline's)."""
    stock = admin.call(
        "stock.quant", "search_read",
        [("location_id.wms_zone_id.kind", "in", ["reserve", "forward"]),
         ("location_id.warehouse_id", "=", warehouse["id"]),
         ("location_id.barcode", "!=", False), ("product_id.barcode", "!=", False),
         ("product_id.tracking", "=", "none"), ("package_id", "=", False)],
        ["product_id", "quantity", "reserved_quantity"],
    )  # fmt: skip
    free: dict[int, float] = {}
    for q in stock:
        pid = q["product_id"][0]
        free[pid] = free.get(pid, 0.0) + q["quantity"] - q["reserved_quantity"]
    pool = sorted((p for p, qty in free.items() if qty >= 2), key=lambda p: -free[p])
    orders, k = [], 0
    for size in sizes:
        order: list[int] = []
        for _ in range(len(pool)):
            pid, k = pool[k % len(pool)], k + 1
            if free[pid] >= 2 and pid not in order:
                order.append(pid)
                free[pid] -= 2
                if len(order) == size:
                    break
        if len(order) < size:
            raise SystemExit(
                f"bench scan: not enough free stock for {sum(sizes)} lines twice: use a fresh "
                "copy of the demo, or a smaller --size"
            )
        orders.append(order)
    return orders


def _transfers(admin: Rpc, sizes: list[int]) -> tuple[list[int], list[int]]:
    """Two sale orders per entry of ``sizes`` (its number of lines), with the same lines,
    confirmed: their reserved pick transfers (ours, baseline)."""
    fields = ["pick_type_id", "out_type_id", "delivery_steps"]
    warehouse = admin.call("stock.warehouse", "search_read", [("wms_aisle_ids", "!=", False)],
                           fields, limit=1)[0]  # fmt: skip
    kind = "out_type_id" if warehouse["delivery_steps"] == "ship_only" else "pick_type_id"
    partner = admin.call("res.partner", "search", [("customer_rank", ">", 0)], limit=1)[0]
    orders = []
    for products in _products(admin, warehouse, sizes):
        for _side in ("ours", "baseline"):
            orders.append(admin.call("sale.order", "create", {
                "partner_id": partner, "warehouse_id": warehouse["id"], "client_order_ref":
                "bench scan", "order_line": [(0, 0, {"product_id": p, "product_uom_qty": 1})
                                             for p in products],
            }))  # fmt: skip
    admin.call("sale.order", "action_confirm", orders)
    picks = admin.call("stock.picking", "search_read",
                       [("sale_id", "in", orders), ("picking_type_id", "=", warehouse[kind][0])],
                       ["sale_id", "state"])  # fmt: skip
    by_order = {p["sale_id"][0]: p for p in picks}
    lines = admin.call("stock.move.line", "search_read",
                       [("picking_id", "in", [p["id"] for p in picks])],
                       ["location_id", "quantity"])  # fmt: skip
    bins = {line["location_id"][0] for line in lines}
    labelled = admin.call("stock.location", "search", [("id", "in", list(bins)),
                                                      ("barcode", "!=", False)])  # fmt: skip
    if (
        len(by_order) < len(orders)
        or any(p["state"] != "assigned" for p in picks)
        or (set(labelled) != bins)
    ):
        raise SystemExit("bench scan: an order's pick is not reserved whole from labelled bins")
    ids = [by_order[o]["id"] for o in orders]
    return ids[0::2], ids[1::2]


class Pace:
    """An operator's time between two confirmations: the same draws for ours and the
    baseline (one seed per scanner); none when ``mean_s`` is 0."""

    def __init__(self, mean_s: float, seed: int) -> None:
        self.mean_s, self.rng = mean_s, random.Random(seed)

    def wait(self) -> None:
        if self.mean_s:
            time.sleep(self.rng.uniform(0.5 * self.mean_s, 1.5 * self.mean_s))


def _scan_worker(rpc: Rpc, picking: int, pace: Pace, out: dict) -> None:
    pace.wait()
    line = rpc.call("wms.scan", "take_line", picking)
    while line and not line.get("done"):
        pace.wait()
        started = time.perf_counter()
        result = rpc.call("wms.scan", "confirm_line", line["line_id"], line["location_barcode"],
                          line["product_barcode"], line["quantity"], uuid.uuid4().hex)  # fmt: skip
        out["times"].append(time.perf_counter() - started)
        if not result["ok"]:
            out["errors"].append(result["error"])
            return
        line = result["next"]
    if line and line.get("drop"):
        pace.wait()  # the walk to the packing zone
        started = time.perf_counter()
        dropped = rpc.call("wms.scan", "pick_drop", [picking], line["drop"]["barcode"],
                           uuid.uuid4().hex)  # fmt: skip
        out["drops"].append(time.perf_counter() - started)
        if not dropped["ok"]:
            out["errors"].append(dropped["error"])


def _form_worker(rpc: Rpc, picking: int, pace: Pace, out: dict) -> None:
    pace.wait()
    while picking:
        moves = rpc.call("stock.move", "search_read",
                         [("picking_id", "=", picking), ("state", "=", "assigned")],
                         ["id"], order="id", limit=1)  # fmt: skip
        if not moves:
            return
        pace.wait()
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
        out["times"].append(time.perf_counter() - started)
        backorder = rpc.call("stock.picking", "search_read", [("backorder_id", "=", picking)],
                             ["id"], limit=1)  # fmt: skip
        picking = backorder[0]["id"] if backorder else None


def _guarded(worker, rpc, picking, pace, out) -> None:
    try:
        worker(rpc, picking, pace, out)
    except (OSError, RuntimeError) as error:
        out["errors"].append(str(error))


def _race(url, db, logins, pickings, worker, think_s) -> dict:
    sessions = [Rpc(url, db, login, OPERATOR_PASSWORD) for login in logins]
    out: dict = {"times": [], "drops": [], "errors": []}
    threads = [
        threading.Thread(target=_guarded, args=(worker, rpc, picking, Pace(think_s, n), out))
        for n, (rpc, picking) in enumerate(zip(sessions, pickings, strict=True))
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out["wall"] = time.perf_counter() - started
    return out


def _quantiles_ms(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def run(size: str) -> Result:
    url, db, login, password, think_s = _settings()
    try:
        admin = Rpc(url, db, login, password)
    except OSError as error:
        raise SystemExit(
            f"bench scan: no Odoo answers at {url} ({error}): start it first"
        ) from None
    per_scanner = LINES[size]
    logins = _operators(admin)
    ours, form = _transfers(admin, [SOLO_LINES] + [per_scanner] * SCANNERS)
    print(f"setup: {SOLO_LINES} lines for one scanner alone (flat out), then {SCANNERS} "
          f"scanners x {per_scanner} lines at once, {think_s:g} s between confirmations "
          f"on average; each line twice; {url} ({db})")  # fmt: skip
    results = {}
    for label, scanners, pickings, think in (
        ("alone", logins[:1], slice(0, 1), 0.0),
        (f"{SCANNERS} at once", logins, slice(1, None), think_s),
    ):  # fmt: skip
        for name, side, worker in (("scan", ours, _scan_worker),
                                   ("picking-form", form, _form_worker)):  # fmt: skip
            out = _race(url, db, scanners, side[pickings], worker, think)
            if out["errors"]:
                raise SystemExit(f"bench scan: {name} refused a confirmation: {out['errors'][0]}")
            p50, p95 = _quantiles_ms(out["times"])
            results[name] = p95
            rate = len(out["times"]) / out["wall"]
            print(f"  {label:12} {name:13}: {len(out['times']):3} confirmations, p50 {p50:6.0f} "
                  f"ms, p95 {p95:6.0f} ms, {rate:5.1f} a second")  # fmt: skip
            if len(out["drops"]) > 1:
                d50, d95 = _quantiles_ms(out["drops"])
                print(
                    f"  {'':12} {'drop-off':13}: {len(out['drops']):3} trips, p50 {d50:6.0f} "
                    f"ms, p95 {d95:6.0f} ms (once a trip: the pack step gets the units)"
                )
            elif out["drops"]:
                print(f"  {'':12} {'drop-off':13}:   1 trip, {out['drops'][0] * 1000:6.0f} ms")
    return Result(results["scan"], "picking-form", results["picking-form"], "ms")
