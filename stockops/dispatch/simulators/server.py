"""A local carrier server in a background thread: 127.0.0.1, ephemeral port, fault injection.

Subclasses say which operation a request is and how to answer it; this class adds the
realistic trouble: a fixed added latency on every answer and, on demand, an outage
(HTTP 503), a timeout (the work is done but the answer comes too late), a dropped
connection, or a carrier fault (SOAP fault / 4xx refusal). Stdlib only.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from stockops.dispatch.simulators.book import CarrierBook

_log = logging.getLogger(__name__)

#: what :meth:`SimulatorServer.inject` can break
FAULTS = ("unavailable", "timeout", "reset", "fault")


@dataclass(slots=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Request:
    method: str
    path: str
    headers: Any
    body: bytes


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a request hanging on purpose must not block stop()
    simulator: SimulatorServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def _serve(self) -> None:
        self.server.simulator._serve(self)

    do_GET = do_POST = do_PUT = do_DELETE = _serve  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("%s %s", self.address_string(), format % args)


@dataclass(slots=True)
class _Fault:
    kind: str
    times: int
    operation: str | None


class SimulatorServer:
    """Base of the carrier simulators; use as ``with Simulator(...) as sim: sim.url``.

    ``latency_s`` is added to every answer; ``hang_s`` is how late a "timeout" answer
    comes (make it longer than the client's read timeout); ``port`` 0 takes any free
    port (tests), a fixed one serves a demo database whose carriers point at it.
    """

    def __init__(self, *, latency_s: float = 0.0, hang_s: float = 1.0, port: int = 0) -> None:
        self.requested_port = port  # 0: any free port
        self.latency_s = latency_s
        self.hang_s = hang_s
        self.calls: list[str] = []
        #: (operation, start, end) of each answered request, on ``time.monotonic`` (s)
        self.spans: list[tuple[str, float, float]] = []
        self.book: CarrierBook | None = None  # the subclass's carrier state
        self._faults: list[_Fault] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> SimulatorServer:
        server = _Server(("127.0.0.1", self.requested_port), _Handler)
        server.simulator = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{type(self).__name__}:{server.server_address[1]}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the simulator is not running")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- fault injection ---------------------------------------------------------------------
    def inject(self, kind: str, times: int = 1, operation: str | None = None) -> None:
        """Break the next ``times`` requests (of ``operation`` only, when given).

        ``kind``: "unavailable" (HTTP 503), "timeout" (answer after ``hang_s``, the work
        done), "reset" (connection dropped unanswered), "fault" (SOAP fault / refusal).
        """
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; choose from {', '.join(FAULTS)}")
        with self._lock:
            self._faults.append(_Fault(kind, times, operation))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def reset(self) -> None:
        """Back to an empty carrier: no faults, no calls counted, no bookings or parcels.

        Issued tokens stay valid and tracking numbers never repeat, so a client kept
        across tests carries on as against a real account.
        """
        with self._lock:
            self._faults.clear()
            self.calls.clear()
            self.spans.clear()
        if self.book is not None:
            self.book.clear()

    def count(self, operation: str) -> int:
        """How many requests of ``operation`` arrived (faulty ones included)."""
        with self._lock:
            return self.calls.count(operation)

    def _take_fault(self, operation: str) -> str | None:
        with self._lock:
            for fault in self._faults:
                if fault.operation in (None, operation) and fault.times > 0:
                    fault.times -= 1
                    return fault.kind
            return None

    # -- serving -----------------------------------------------------------------------------
    def _serve(self, handler: _Handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        request = Request(
            handler.command, handler.path, handler.headers, handler.rfile.read(length)
        )
        operation = self.operation(request)
        start = time.monotonic()
        with self._lock:
            self.calls.append(operation)
        fault = self._take_fault(operation) if operation != "wsdl" else None
        if self.latency_s:
            time.sleep(self.latency_s)
        if fault == "reset":
            handler.close_connection = True
            return
        if fault == "unavailable":
            reply = self.unavailable_reply(operation)
        elif fault == "fault":
            reply = self.fault_reply(operation)
        else:
            try:
                reply = self.handle(operation, request)
            except Exception:
                _log.exception("simulator failed on %s", operation)
                reply = self.unavailable_reply(operation)
                reply.status = 500
        if fault == "timeout":
            time.sleep(self.hang_s)
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(reply.body)
            with self._lock:
                self.spans.append((operation, start, time.monotonic()))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as a client should

    # -- what a simulator writes ---------------------------------------------------------------
    def operation(self, request: Request) -> str:
        raise NotImplementedError

    def handle(self, operation: str, request: Request) -> Reply:
        raise NotImplementedError

    def unavailable_reply(self, operation: str) -> Reply:
        return Reply(
            503,
            b"<html><body><h1>503 Service Unavailable</h1></body></html>",
            "text/html",
            {"Retry-After": "0"},
        )

    def fault_reply(self, operation: str) -> Reply:
        raise NotImplementedError
