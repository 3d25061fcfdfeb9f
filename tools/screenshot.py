"""Screenshots of a running Odoo as a logged-in user, for READMEs and reviews.

    python tools/screenshot.py http://127.0.0.1:8069 stockops_demo admin admin \\
        out.png /odoo/action-wms_execution.action_wms_bins [--width 1400 --height 900] \\
        [--step click:.o_wms_scan_flow_pick --step "enter:.o_wms_scan_input=R0101"]

Logs in over JSON-RPC, hands the session cookie to headless Chromium through the
DevTools protocol, opens the page, waits for Odoo's client to settle, plays the steps
(``click:<css>``, ``enter:<css>=<text>`` types the text and presses Enter,
``file:<css>=<path>`` puts a local file in a file input, as if chosen in the browser's
dialog, ``wait:<seconds>``), saves a PNG.
Needs ``requests`` and ``websocket-client`` (both in Odoo's requirements) and a Chromium.
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from urllib.parse import urlparse

import requests
import websocket

SETTLE_JS = (
    "!!document.querySelector('.o_action_manager .o_view_controller, .o_form_view,"
    " .o_action_manager .o_action')"
    " && !document.querySelector('.o_loading_indicator, .o_loading')"
)


def login(base: str, db: str, user: str, password: str) -> str:
    session = requests.Session()
    reply = session.post(
        f"{base}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": password}},
        timeout=30,
    )
    reply.raise_for_status()
    if reply.json().get("error"):
        raise SystemExit(f"login refused: {reply.json()['error']['data']['message']}")
    return session.cookies["session_id"]


class Chrome:
    def __init__(self, width: int, height: int) -> None:
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        if not binary:
            raise SystemExit("no chromium on PATH")
        self.profile = tempfile.mkdtemp(prefix="stockops-chrome-")
        self.proc = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.ids = itertools.count(1)
        self.ws = websocket.create_connection(self._page_socket(), timeout=60)

    def _page_socket(self) -> str:
        # port 0: Chromium picks a free port and writes it here, so shots may run side by side
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(300):
            try:
                with open(port_file) as ports:
                    port = ports.readline().strip()
                pages = requests.get(f"http://127.0.0.1:{port}/json", timeout=5).json()
                return next(p["webSocketDebuggerUrl"] for p in pages if p["type"] == "page")
            except (OSError, ValueError, requests.RequestException, StopIteration):
                time.sleep(0.1)
        raise SystemExit("chromium did not open its DevTools port")

    def call(self, method: str, **params):
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == msg_id:
                return reply.get("result", {})

    def close(self) -> None:
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


STEP_JS = {
    "click": "document.querySelector({0}).click()",
    "enter": (
        "(() => {{ const el = document.querySelector({0}); el.focus(); el.value = {1};"
        " el.dispatchEvent(new Event('input', {{bubbles: true}}));"
        " el.dispatchEvent(new KeyboardEvent('keydown', {{key: 'Enter', bubbles: true}})); }})()"
    ),
}


def play(chrome: Chrome, step: str) -> None:
    """One ``--step``; then let the client answer (RPC and repaint)."""
    kind, _, arg = step.partition(":")
    if kind == "wait":
        time.sleep(float(arg))
        return
    selector, _, text = arg.partition("=")
    if kind == "file":  # an import wizard's upload: the file dialog cannot be clicked through
        root = chrome.call("DOM.getDocument")["root"]["nodeId"]
        node = chrome.call("DOM.querySelector", nodeId=root, selector=selector).get("nodeId")
        if not node:
            raise SystemExit(f"step {step!r} failed: no {selector}")
        chrome.call("DOM.setFileInputFiles", nodeId=node, files=[os.path.abspath(text)])
        time.sleep(1.5)
        return
    reply = chrome.call(
        "Runtime.evaluate", expression=STEP_JS[kind].format(json.dumps(selector), json.dumps(text))
    )
    if reply.get("exceptionDetails"):
        raise SystemExit(f"step {step!r} failed: {reply['exceptionDetails'].get('text')}")
    time.sleep(1.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("base", "db", "user", "password", "output", "path"):
        parser.add_argument(name)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument(
        "--step",
        action="append",
        default=[],
        help="click:<css>, enter:<css>=<text>, file:<css>=<path> or wait:<seconds>, in order,"
        " before the shot",
    )
    args = parser.parse_args()
    session_id = login(args.base, args.db, args.user, args.password)
    chrome = Chrome(args.width, args.height)
    try:
        host = urlparse(args.base).hostname
        # headless Chromium keeps windows at least 500 px wide: a phone needs the override
        chrome.call("Emulation.setDeviceMetricsOverride", width=args.width, height=args.height,
                    deviceScaleFactor=1, mobile=args.width < 768)  # fmt: skip
        chrome.call("Network.setCookie", name="session_id", value=session_id, domain=host, path="/")
        chrome.call("Page.navigate", url=args.base + args.path)
        for _ in range(120):
            time.sleep(0.5)
            done = chrome.call("Runtime.evaluate", expression=SETTLE_JS)
            if done.get("result", {}).get("value"):
                break
        time.sleep(1.5)  # let lists and graphs finish painting
        for step in args.step:
            play(chrome, step)
        shot = chrome.call("Page.captureScreenshot", format="png")
        with open(args.output, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        print(f"saved {args.output}")
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
