"""Loaded by the Python processes that ``STOCKOPS_TODAY`` runs under libfaketime.

Debian's libfaketime (0.9.10) fails ``clock_nanosleep`` on an absolute monotonic deadline
with EINVAL when the monotonic clock is left real, and Python 3.11's ``time.sleep`` is
exactly that call; a timed wait on a lock (a relative timeout, which libfaketime leaves
alone) sleeps the same time.
"""

import threading
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    threading.Event().wait(seconds)


time.sleep = _sleep
