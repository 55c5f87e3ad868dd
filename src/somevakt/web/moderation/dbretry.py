"""Retry a short database step when SQLite reports a lock.

PostgreSQL waits for row locks; SQLite can answer "database is locked" when writers collide
(past its busy timeout, or at once when a reader must be upgraded to a writer). A worker
must not die or lose a job's outcome over that: it retries the step with a short backoff.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import OperationalError, connection

T = TypeVar("T")


def is_lock_error(exc: BaseException) -> bool:
    return connection.vendor == "sqlite" and "locked" in str(exc).lower()


def with_retry(step: Callable[[], T], tries: int = 200, pause: float = 0.005) -> T:
    for attempt in range(tries):
        try:
            return step()
        except OperationalError as exc:
            # Inside a transaction the step cannot be repeated: the caller's retry must.
            if not is_lock_error(exc) or attempt == tries - 1 or connection.in_atomic_block:
                raise
            time.sleep(pause * (1 + random.random()) * min(attempt + 1, 10))
    raise AssertionError("unreachable")
