"""The REST pieces every JSON carrier reuses: OAuth2 token, JSON calls, retries, errors.

* :class:`OAuth2ClientCredentials` fetches a bearer token with the client-credentials
  grant, keeps it until shortly before it expires and fetches a new one on expiry or
  when the carrier answers 401.
* :class:`JsonApi` sends one JSON call with connect/read timeouts (seconds), logs the
  request and the response with secrets masked, retries with exponential backoff on
  timeouts, refused connections, 429 and 5xx, and never on any other 4xx.
* :class:`RestCarrier` is the :class:`~stockops.dispatch.carrier.CarrierClient` skeleton:
  a new carrier subclasses it and only maps shipments to its JSON and back (see
  :mod:`stockops.dispatch.fedex`).

``requests`` is imported here, not by ``stockops.dispatch``: the engine runs without it.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import requests

from stockops.dispatch.carrier import (
    Booking,
    CarrierError,
    CarrierUnavailable,
    Manifest,
    ParcelLimits,
    Quote,
    Shipment,
    ShippedShipment,
    TrackingReport,
)
from stockops.dispatch.masking import for_log, mask_headers
from stockops.dispatch.retry import NO_RETRY, RetryPolicy, call_with_retries

_log = logging.getLogger(__name__)

#: (connect, read) timeouts in seconds
DEFAULT_TIMEOUT_S = (3.05, 15.0)


def error_text(payload: Any, fallback: str) -> tuple[str, str]:
    """``(code, message)`` from the error shapes carriers use, else ``("", fallback)``.

    >>> error_text({"errors": [{"code": "SERVICE.TYPE.INVALID", "message": "no such service"}]}, "")
    ('SERVICE.TYPE.INVALID', 'no such service')
    >>> error_text({"error": "invalid_client", "error_description": "bad secret"}, "")
    ('invalid_client', 'bad secret')
    """
    if isinstance(payload, Mapping):
        errors = payload.get("errors") or (payload.get("response") or {}).get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
            messages = "; ".join(str(e.get("message", e)) for e in errors)
            return str(errors[0].get("code", "")), messages
        if "error_description" in payload or "error" in payload:
            return str(payload.get("error", "")), str(
                payload.get("error_description") or payload.get("error")
            )
        if "message" in payload:
            return str(payload.get("code", "")), str(payload["message"])
    return "", fallback


class _RetryableHttp(CarrierUnavailable):
    """A 5xx/429/timeout, with the server's Retry-After hint in seconds if it gave one."""

    def __init__(self, message: str, *, carrier: str, code: str, retry_after_s: float = 0.0):
        super().__init__(message, carrier=carrier, code=code)
        self.retry_after_s = retry_after_s


def _retry_after_s(response: requests.Response) -> float:
    try:
        return float(response.headers.get("Retry-After", 0))
    except ValueError:
        return 0.0


def _send(
    session: requests.Session,
    carrier: str,
    method: str,
    url: str,
    timeout_s: float | tuple[float, float],
    logger: logging.Logger,
    **kwargs: Any,
) -> requests.Response:
    """One HTTP exchange, logged with secrets masked; transport failures -> unavailable."""
    headers = kwargs.get("headers") or {}
    body = kwargs.get("data") if kwargs.get("json") is None else json.dumps(kwargs["json"])
    logger.debug(
        "%s request %s %s headers=%s body=%s",
        carrier,
        method,
        url,
        mask_headers(headers),
        for_log(body if isinstance(body, str | bytes) else _form(body)),
    )
    started = time.perf_counter()
    try:
        response = session.request(method, url, timeout=timeout_s, **kwargs)
    except requests.Timeout as exc:
        raise _RetryableHttp(
            f"no answer from {url} within {timeout_s} s", carrier=carrier, code="timeout"
        ) from exc
    except requests.ConnectionError as exc:
        raise _RetryableHttp(
            f"cannot reach {url}: {exc.__class__.__name__}", carrier=carrier, code="connection"
        ) from exc
    except requests.RequestException as exc:
        raise CarrierUnavailable(f"{method} {url} failed: {exc}", carrier=carrier) from exc
    logger.debug(
        "%s response %s %s -> %d in %.0f ms body=%s",
        carrier,
        method,
        url,
        response.status_code,
        (time.perf_counter() - started) * 1000,
        for_log(response.content),
    )
    return response


def _form(body: Any) -> str:
    if isinstance(body, Mapping):
        return "&".join(f"{k}={v}" for k, v in body.items())
    return "" if body is None else str(body)


def _raise_for_status(carrier: str, response: requests.Response) -> None:
    if response.status_code < 400:
        return
    try:
        payload = response.json()
    except ValueError:
        payload = None
    fallback = f"HTTP {response.status_code} {response.reason or ''}".strip()
    code, message = error_text(payload, fallback)
    code = code or str(response.status_code)
    if response.status_code >= 500 or response.status_code == 429:
        raise _RetryableHttp(
            f"{message} (HTTP {response.status_code})",
            carrier=carrier,
            code=code,
            retry_after_s=_retry_after_s(response),
        )
    raise CarrierError(f"{message} (HTTP {response.status_code})", carrier=carrier, code=code)


class OAuth2ClientCredentials:
    """A bearer token from the OAuth2 client-credentials grant, renewed before it expires.

    The client id and secret go in the form body (``client_id``/``client_secret``), as
    FedEx and most carrier gateways expect; set ``basic_auth=True`` for HTTP Basic instead.
    A token is renewed ``leeway_s`` seconds before its ``expires_in`` (at most half its
    life), or at once after :meth:`invalidate` (the carrier answered 401).
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str = "",
        basic_auth: bool = False,
        leeway_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._secret = client_secret
        self.scope = scope
        self.basic_auth = basic_auth
        self.leeway_s = leeway_s
        self._clock = clock
        self._token = ""
        self._renew_at = 0.0
        self._lock = threading.Lock()
        self.fetched = 0  #: how many tokens were fetched (for monitoring and tests)

    def invalidate(self, token: str = "") -> None:
        """Forget the cached token (only if it is still ``token``, when given)."""
        with self._lock:
            if not token or token == self._token:
                self._token, self._renew_at = "", 0.0

    def token(
        self, session: requests.Session, carrier: str, timeout_s: Any, logger: logging.Logger
    ) -> str:
        """The cached token, or a new one if it is missing or about to expire."""
        with self._lock:
            if self._token and self._clock() < self._renew_at:
                return self._token
            form = {"grant_type": "client_credentials"}
            if self.scope:
                form["scope"] = self.scope
            auth = None
            if self.basic_auth:
                auth = (self.client_id, self._secret)
            else:
                form.update(client_id=self.client_id, client_secret=self._secret)
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            response = _send(
                session,
                carrier,
                "POST",
                self.token_url,
                timeout_s,
                logger,
                data=form,
                headers=headers,
                auth=auth,
            )
            try:
                _raise_for_status(carrier, response)
            except CarrierError as exc:
                raise CarrierError(
                    f"authentication failed: {exc.message}", carrier=carrier, code=exc.code
                ) from exc
            payload = response.json()
            lifetime_s = float(payload.get("expires_in", 3600))
            self._token = str(payload["access_token"])
            self._renew_at = self._clock() + lifetime_s - min(self.leeway_s, lifetime_s / 2)
            self.fetched += 1
            return self._token


class JsonApi:
    """JSON calls to one carrier's base URL with auth, timeouts, retries and logging."""

    def __init__(
        self,
        base_url: str,
        *,
        carrier: str,
        auth: OAuth2ClientCredentials | None = None,
        timeout_s: float | tuple[float, float] = DEFAULT_TIMEOUT_S,
        retry: RetryPolicy | None = None,
        session: requests.Session | None = None,
        headers: Mapping[str, str] | None = None,
        logger: logging.Logger = _log,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.carrier = carrier
        self.auth = auth
        self.timeout_s = timeout_s
        self.retry = retry or RetryPolicy()
        self.session = session or requests.Session()
        self.headers = dict(headers or {})
        self.logger = logger

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        headers: Mapping[str, str] | None = None,
        idempotent: bool = True,
    ) -> Any:
        """The decoded JSON answer; retried per policy only when ``idempotent``."""
        policy = self.retry if idempotent else NO_RETRY
        return call_with_retries(
            lambda: self._once(method, path, body, headers or {}),
            policy,
            what=f"{self.carrier} {method} {path}",
        )

    def _once(self, method: str, path: str, body: Any, extra: Mapping[str, str]) -> Any:
        url = f"{self.base_url}/{path.lstrip('/')}"
        for renewed in (False, True):
            headers = {"Accept": "application/json", **self.headers, **extra}
            token = ""
            if self.auth is not None:
                token = self.auth.token(self.session, self.carrier, self.timeout_s, self.logger)
                headers["Authorization"] = f"Bearer {token}"
            response = _send(
                self.session,
                self.carrier,
                method,
                url,
                self.timeout_s,
                self.logger,
                json=body,
                headers=headers,
            )
            if response.status_code == 401 and self.auth is not None and not renewed:
                self.logger.info("%s answered 401: renewing the access token", self.carrier)
                self.auth.invalidate(token)
                continue
            _raise_for_status(self.carrier, response)
            if not response.content:
                return {}
            try:
                return response.json()
            except ValueError as exc:
                raise CarrierUnavailable(
                    f"unreadable answer to {method} {path} (HTTP {response.status_code})",
                    carrier=self.carrier,
                ) from exc
        raise AssertionError("unreachable")  # pragma: no cover


class RestCarrier:
    """A :class:`~stockops.dispatch.carrier.CarrierClient` over a JSON API.

    Subclasses set the endpoints and write the ``_*_body`` / ``_parse_*`` mappings; this
    class validates input, sends, retries and keeps the idempotency key on bookings.
    """

    name = "rest"
    limits = ParcelLimits()
    #: header carrying the caller's idempotency key on bookings
    idempotency_header = "Idempotency-Key"

    def __init__(self, api: JsonApi, *, name: str = "", limits: ParcelLimits | None = None):
        self.api = api
        self.name = name or self.name
        self.limits = limits or self.limits

    # -- the CarrierClient interface ------------------------------------------------------
    def rate(self, shipment: Shipment) -> list[Quote]:
        shipment.validate()
        method, path, body = self._rate_request(shipment)
        return self._parse_quotes(self.api.call(method, path, body), shipment)

    def ship(self, shipment: Shipment, service: str, idempotency_key: str) -> Booking:
        shipment.validate()
        if not idempotency_key:
            raise CarrierError("a booking needs an idempotency key", carrier=self.name)
        method, path, body = self._ship_request(shipment, service)
        payload = self.api.call(
            method, path, body, headers=self._idempotency_headers(idempotency_key)
        )
        booking = self._parse_booking(payload, shipment, service)
        if len(booking.labels) != len(shipment.parcels):
            raise CarrierError(
                f"asked for {len(shipment.parcels)} labels, got {len(booking.labels)}",
                carrier=self.name,
            )
        return booking

    def cancel(self, tracking_numbers: Sequence[str]) -> list[str]:
        voided = []
        for number in tracking_numbers:
            method, path, body = self._cancel_request(number)
            try:
                self._parse_cancel(self.api.call(method, path, body), number)
            except CarrierError as exc:
                done = f" (voided so far: {', '.join(voided)})" if voided else ""
                raise CarrierError(
                    f"cannot void {number}: {exc.message}{done}", carrier=self.name, code=exc.code
                ) from exc
            voided.append(number)
        return voided

    def track(self, tracking_numbers: Sequence[str]) -> TrackingReport:
        if not tracking_numbers:
            return TrackingReport()
        method, path, body = self._track_request(tracking_numbers)
        return self._parse_tracking(self.api.call(method, path, body))

    def manifest(self, day: date, shipments: Sequence[ShippedShipment]) -> Manifest:
        numbers = [n for s in shipments for n in s.tracking_numbers]
        if not numbers:
            raise CarrierError(f"nothing to hand over on {day}", carrier=self.name)
        method, path, body = self._manifest_request(day, numbers)
        payload = self.api.call(method, path, body, idempotent=False)
        return self._parse_manifest(payload, day, numbers, len(shipments))

    # -- what a carrier subclass writes ----------------------------------------------------
    def _idempotency_headers(self, key: str) -> dict[str, str]:
        return {self.idempotency_header: key}

    def _rate_request(self, shipment: Shipment) -> tuple[str, str, Any]:
        raise NotImplementedError

    def _parse_quotes(self, payload: Any, shipment: Shipment) -> list[Quote]:
        raise NotImplementedError

    def _ship_request(self, shipment: Shipment, service: str) -> tuple[str, str, Any]:
        raise NotImplementedError

    def _parse_booking(self, payload: Any, shipment: Shipment, service: str) -> Booking:
        raise NotImplementedError

    def _cancel_request(self, tracking_number: str) -> tuple[str, str, Any]:
        raise NotImplementedError

    def _parse_cancel(self, payload: Any, tracking_number: str) -> None:
        raise NotImplementedError

    def _track_request(self, tracking_numbers: Sequence[str]) -> tuple[str, str, Any]:
        raise NotImplementedError

    def _parse_tracking(self, payload: Any) -> TrackingReport:
        """Scans per number; a number the carrier does not know is an error of its own."""
        raise NotImplementedError

    def _manifest_request(self, day: date, tracking_numbers: list[str]) -> tuple[str, str, Any]:
        raise NotImplementedError

    def _parse_manifest(
        self, payload: Any, day: date, tracking_numbers: list[str], shipments: int
    ) -> Manifest:
        raise NotImplementedError
