"""When and how long to wait before trying a request again.

Retried: no HTTP answer (connection refused or reset, timeouts), 429 (after
its ``Retry-After``), 502, 503 and 504. Never retried: everything else.
Bounded twice: at most ``max_attempts`` requests, and no attempt starts or
runs past ``deadline`` seconds after the first one started (each attempt's
timeout is cut to the time left).

Backoff between attempts is exponential with jitter: attempt n waits between
half and all of ``min(max_backoff, backoff * 2**(n-1))``. A 429 waits its
``Retry-After`` instead (at least the backoff); if that would pass the
deadline the client gives up at once rather than sleep for nothing.

All memq requests are safe to repeat: reads are reads, ``publish`` and
``publish_many`` send client-generated message ids that memq stores once, and
the session commands resolve a repeat (see the clients' docstrings).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from memq_client.errors import MemqClientError, RateLimited

logger = logging.getLogger("memq_client")


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    deadline: float = 30.0
    backoff: float = 0.25
    max_backoff: float = 4.0
    jitter: bool = True

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.deadline <= 0 or self.backoff < 0 or self.max_backoff < 0:
            raise ValueError("deadline must be positive; backoffs must not be negative")

    def start(self, clock: Callable[[], float] = time.monotonic) -> Attempts:
        return Attempts(self, clock)


#: Never retry: one attempt, still cut to the deadline.
NO_RETRIES = RetryPolicy(max_attempts=1)


@dataclass
class Attempts:
    """The retry state of one call: which attempt this is, and the time left."""

    policy: RetryPolicy
    clock: Callable[[], float]
    number: int = 1
    started: float = field(init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def remaining(self) -> float:
        return self.policy.deadline - (self.clock() - self.started)

    def timeout(self, base: httpx.Timeout) -> httpx.Timeout:
        """``base`` with every phase cut to the time left before the deadline."""
        left = max(0.001, self.remaining())

        def cut(value: float | None) -> float:
            return left if value is None else min(value, left)

        return httpx.Timeout(
            connect=cut(base.connect),
            read=cut(base.read),
            write=cut(base.write),
            pool=cut(base.pool),
        )

    def next_delay(self, error: MemqClientError) -> float | None:
        """Seconds to wait before the next attempt, or None to give up with ``error``."""
        if not error.transient or self.number >= self.policy.max_attempts:
            return None
        delay = self._backoff()
        if isinstance(error, RateLimited) and error.retry_after is not None:
            delay = max(delay, error.retry_after)
        if delay >= self.remaining():
            return None
        return delay

    def advance(self) -> None:
        self.number += 1

    def _backoff(self) -> float:
        ceiling = min(self.policy.max_backoff, self.policy.backoff * 2 ** (self.number - 1))
        if not self.policy.jitter:
            return ceiling
        return ceiling / 2 + random.uniform(0, ceiling / 2)


def log_retry(method: str, path: str, error: MemqClientError, delay: float, attempt: int) -> None:
    """One line per retry: ids and codes, never message content."""
    logger.info(
        "memq %s %s: %s %s, retrying in %.2fs (attempt %d)",
        method,
        path,
        error.status or "-",
        error.code,
        delay,
        attempt + 1,
    )
