"""The SOAP pieces every WSDL carrier reuses: zeep client, masked envelope log, error mapping.

:class:`SoapCarrier` loads a WSDL shipped in ``stockops/dispatch/wsdl/`` (never fetched
from the network), binds it to the address given (the carrier's production, sandbox or
simulator endpoint), authenticates with a WS-Security UsernameToken and turns failures
into the two carrier errors:

* a SOAP fault, or a request the schema refuses -> :class:`CarrierError` (fault string
  kept);
* a timeout, a refused connection, an HTTP 5xx without a fault -> :class:`CarrierUnavailable`,
  retried per :class:`~stockops.dispatch.retry.RetryPolicy` when the call is idempotent.

Every envelope sent and received is logged at DEBUG on ``stockops.dispatch.soap`` exactly
as it went over the wire (WS-Security header included) with passwords and tokens masked;
zeep's own unmasked transport log is bypassed.

``zeep`` and ``requests`` are imported here, not by ``stockops.dispatch``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import requests
import zeep
import zeep.exceptions
import zeep.helpers
from zeep.wsse.username import UsernameToken

from stockops.dispatch.carrier import CarrierError, CarrierUnavailable, ParcelLimits
from stockops.dispatch.masking import for_log, mask_headers
from stockops.dispatch.retry import NO_RETRY, RetryPolicy, call_with_retries

_log = logging.getLogger(__name__)

WSDL_DIR = Path(__file__).resolve().parent / "wsdl"


class MaskedLoggingTransport(zeep.Transport):
    """A zeep transport that logs each envelope with secrets masked, and nothing else.

    An HTTP error whose body is not XML (a gateway's 503 page) is raised as a
    ``TransportError`` instead of being parsed as an envelope without a fault.
    """

    def __init__(self, carrier: str, logger: logging.Logger = _log, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.carrier = carrier
        self.envelope_logger = logger

    def post(self, address: str, message: bytes | str, headers: Mapping[str, str]) -> Any:
        log = self.envelope_logger
        log.debug(
            "%s SOAP request to %s headers=%s\n%s",
            self.carrier,
            address,
            mask_headers(headers),
            for_log(message),
        )
        started = time.perf_counter()
        response = self.session.post(
            address, data=message, headers=headers, timeout=self.operation_timeout
        )
        log.debug(
            "%s SOAP response from %s: HTTP %d in %.0f ms\n%s",
            self.carrier,
            address,
            response.status_code,
            (time.perf_counter() - started) * 1000,
            for_log(response.content),
        )
        media_type = response.headers.get("Content-Type", "text/xml")
        if response.status_code >= 400 and "xml" not in media_type:
            # a proxy's or load balancer's error page, not a SOAP fault from the carrier
            raise zeep.exceptions.TransportError(
                f"HTTP {response.status_code} ({media_type})",
                status_code=response.status_code,
                content=response.content,
            )
        return response


class SoapCarrier:
    """The protocol half of a SOAP carrier: subclasses map shipments to operations."""

    name = "soap"
    limits = ParcelLimits()
    #: WSDL file name under ``stockops/dispatch/wsdl/`` and the binding to call
    wsdl_file = ""
    binding = ""

    def __init__(
        self,
        address: str,
        username: str,
        password: str,
        *,
        name: str = "",
        limits: ParcelLimits | None = None,
        timeout_s: float = 15.0,
        retry: RetryPolicy | None = None,
        logger: logging.Logger = _log,
    ) -> None:
        self.name = name or self.name
        self.limits = limits or self.limits
        self.address = address
        self.retry = retry or RetryPolicy()
        self.timeout_s = timeout_s
        transport = MaskedLoggingTransport(
            self.name,
            logger,
            session=requests.Session(),
            timeout=timeout_s,
            operation_timeout=timeout_s,
        )
        self.client = zeep.Client(
            wsdl=str(WSDL_DIR / self.wsdl_file),
            transport=transport,
            wsse=UsernameToken(username, password),
        )
        self.service = self.client.create_service(self.binding, address)

    def call(self, operation: str, *, idempotent: bool = True, **params: Any) -> Any:
        """Call ``operation`` with element values ``params``; the answer as plain dicts.

        As zeep does, a response element with a single child comes back as that child.
        """
        policy = self.retry if idempotent else NO_RETRY
        return call_with_retries(
            lambda: self._once(operation, params), policy, what=f"{self.name} {operation}"
        )

    def _once(self, operation: str, params: dict[str, Any]) -> Any:
        try:
            result = self.service[operation](**params)
        except zeep.exceptions.Fault as fault:
            code = str(fault.code or "").rsplit(":", 1)[-1]
            raise CarrierError(
                f"{operation} refused: {fault.message or 'SOAP fault'}",
                carrier=self.name,
                code=code,
            ) from fault
        except zeep.exceptions.TransportError as exc:
            status = exc.status_code or 0
            error = CarrierUnavailable if status >= 500 or status in (0, 429) else CarrierError
            raise error(
                f"{operation} failed: HTTP {status} from {self.address}",
                carrier=self.name,
                code=str(status),
            ) from exc
        except requests.Timeout as exc:
            raise CarrierUnavailable(
                f"{operation}: no answer from {self.address} within {self.timeout_s} s",
                carrier=self.name,
                code="timeout",
            ) from exc
        except requests.RequestException as exc:
            raise CarrierUnavailable(
                f"{operation}: cannot reach {self.address}: {exc.__class__.__name__}",
                carrier=self.name,
                code="connection",
            ) from exc
        except (zeep.exceptions.ValidationError, TypeError) as exc:
            raise CarrierError(
                f"{operation}: request does not fit the WSDL: {exc}", carrier=self.name
            ) from exc
        except zeep.exceptions.Error as exc:
            raise CarrierUnavailable(
                f"{operation}: unreadable answer: {exc}", carrier=self.name
            ) from exc
        return zeep.helpers.serialize_object(result, dict)
