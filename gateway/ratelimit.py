"""Per-account rate limit: a token bucket per account, in the gateway process.

Each account's bucket holds up to ``burst`` tokens and refills at ``rate``
tokens per second; every authenticated request takes one, and a batch of
messages one per message. An empty bucket
means 429 with ``Retry-After`` (whole seconds until a token is back).

The buckets live in this process: N gateway replicas allow an account N times
the rate. Memory stays bounded because accounts come only from configured API
keys (an unknown key is 401 before it reaches a bucket). Health, readiness
and metrics endpoints take no account, so they are never limited.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from memq.errors import RateLimited
from memq.settings import Settings


@dataclass(frozen=True)
class Limit:
    rate: float  # tokens per second; 0 = unlimited
    burst: int


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(
        self,
        default: Limit,
        overrides: dict[str, Limit] | None = None,
        clock: Callable[[], float] = time.monotonic,
        on_limited: Callable[[], None] | None = None,
    ) -> None:
        self._default = default
        self._overrides = overrides or {}
        self._clock = clock
        self._on_limited = on_limited
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls, settings: Settings, on_limited: Callable[[], None] | None = None
    ) -> RateLimiter:
        default = Limit(settings.rate_limit_per_second, settings.rate_limit_burst)
        overrides = {
            account: Limit(
                default.rate if o.rate_limit_per_second is None else o.rate_limit_per_second,
                default.burst if o.rate_limit_burst is None else o.rate_limit_burst,
            )
            for account, o in settings.account_overrides.items()
            if o.rate_limit_per_second is not None or o.rate_limit_burst is not None
        }
        return cls(default, overrides, on_limited=on_limited)

    def limit_for(self, account_id: str) -> Limit:
        return self._overrides.get(account_id, self._default)

    def retry_after(self, account_id: str, cost: int = 1) -> float | None:
        """Take ``cost`` tokens; None when granted, else seconds until they are back."""
        limit = self.limit_for(account_id)
        if limit.rate <= 0:
            return None
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(account_id)
            if bucket is None:
                bucket = self._buckets[account_id] = _Bucket(float(limit.burst), now)
            else:
                elapsed = max(0.0, now - bucket.updated)
                bucket.tokens = min(float(limit.burst), bucket.tokens + elapsed * limit.rate)
                bucket.updated = now
            if bucket.tokens >= cost:
                bucket.tokens -= cost
                return None
            return (cost - bucket.tokens) / limit.rate

    def check(self, account_id: str, cost: int = 1) -> None:
        """Raise ``RateLimited`` when the account's bucket holds fewer than ``cost`` tokens."""
        wait = self.retry_after(account_id, cost)
        if wait is None:
            return
        if self._on_limited is not None:
            self._on_limited()
        limit = self.limit_for(account_id)
        seconds = max(1, math.ceil(wait))
        raise RateLimited(
            f"over {limit.rate:g} requests/s (burst {limit.burst}) for this account; "
            f"retry after {seconds}s, spread requests out, or ask for a higher "
            "MEMQ_RATE_LIMIT_PER_SECOND",
            retry_after=seconds,
        )
