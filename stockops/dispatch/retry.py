"""Trying a carrier call again: exponential backoff, only for what may succeed next time.

Only :class:`~stockops.dispatch.carrier.CarrierUnavailable` (timeouts, 5xx, refused
connections) is retried; a :class:`~stockops.dispatch.carrier.CarrierError` (4xx, SOAP
fault) goes straight back to the caller. Delays are in seconds.

>>> RetryPolicy(attempts=4, base_delay_s=0.5, factor=2.0).delays_s()
(0.5, 1.0, 2.0)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from stockops.dispatch.carrier import CarrierUnavailable

_log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``attempts`` calls in all; the waits between them grow by ``factor`` up to a cap."""

    attempts: int = 3
    base_delay_s: float = 0.5
    factor: float = 2.0
    max_delay_s: float = 8.0

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError(f"at least one attempt is needed, not {self.attempts}")

    def delays_s(self) -> tuple[float, ...]:
        """The wait before each retry (one fewer than the attempts)."""
        return tuple(
            min(self.base_delay_s * self.factor**n, self.max_delay_s)
            for n in range(self.attempts - 1)
        )


NO_RETRY = RetryPolicy(attempts=1)


def call_with_retries(
    func: Callable[[], T],
    policy: RetryPolicy,
    what: str = "carrier call",
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call ``func``; on :class:`CarrierUnavailable` wait and try again per ``policy``.

    The last :class:`CarrierUnavailable` is re-raised with the number of attempts added.
    A server's ``retry_after_s`` hint (HTTP Retry-After) replaces the computed wait when it
    is longer, within the policy's cap.
    """
    delays = policy.delays_s()
    for attempt in range(policy.attempts):
        try:
            return func()
        except CarrierUnavailable as exc:
            if attempt == len(delays):
                if policy.attempts > 1:
                    raise CarrierUnavailable(
                        f"{exc.message} (gave up after {policy.attempts} attempts)",
                        carrier=exc.carrier,
                        code=exc.code,
                    ) from exc
                raise
            hint = getattr(exc, "retry_after_s", None) or 0.0
            wait = max(delays[attempt], min(hint, policy.max_delay_s))
            _log.warning(
                "%s failed (%s); attempt %d of %d, retrying in %.2f s",
                what,
                exc,
                attempt + 1,
                policy.attempts,
                wait,
            )
            sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover
