"""Per-account rate limit: a token bucket per account, in the gateway process.

Each account's bucket holds up to ``burst`` tokens and refills at ``rate``
tokens per second; every authenticated request takes one, and a batch of
messages one per message. A request that finds the bucket empty waits for its
token when that is at most ``max_wait`` seconds away (MEMQ_RATE_LIMIT_MAX_WAIT;
the wait reserves it, so waiting requests are admitted at the rate, in
order); further away, it is answered 429 with ``Retry-After``. Waiting paces a
client that runs a little over its limit instead of failing its requests, and
it paces a flooding client to the rate on each of its connections: it costs
the gateway a sleeping coroutine per waiting request, where answering 429s as
fast as a flood can ask for them would cost CPU shared with everyone.

The buckets live in this process: N gateway replicas allow an account N times
the rate. Memory stays bounded because accounts come only from configured API
keys (an unknown key is 401 before it reaches a bucket), and requests waiting
for a token are at most ``max_wait × rate`` per account. Health, readiness
and metrics endpoints take no account, so they are never limited.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from runtime.settings import Settings
from schemas.errors import InvalidInput, RateLimited


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
        max_wait: float = 0.0,
    ) -> None:
        self._default = default
        self._max_wait = max_wait
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
        return cls(default, overrides, on_limited=on_limited, max_wait=settings.rate_limit_max_wait)

    @property
    def max_wait(self) -> float:
        return self._max_wait

    def limit_for(self, account_id: str) -> Limit:
        return self._overrides.get(account_id, self._default)

    def retry_after(self, account_id: str, cost: int = 1) -> float | None:
        """Take ``cost`` tokens if they are there; None when taken, else seconds until
        they are back."""
        granted, seconds = self._take(account_id, cost, max_wait=0.0)
        return None if granted else seconds

    def admit(self, account_id: str, cost: int = 1, taken: int = 0) -> float:
        """Reserve ``cost`` tokens, now or at most ``max_wait`` seconds ahead, and return
        how long the caller must wait before going on (0.0: at once). ``taken``: the
        tokens this request took already (a batch's first, at the gate).

        Raises ``RateLimited`` (429) when they are further ahead than that.
        """
        limit = self.limit_for(account_id)
        capacity = limit.burst + int(self._max_wait * limit.rate)
        if limit.rate > 0 and taken + cost > capacity:
            # Never admissible, however long the client waits: say so, not 429.
            raise InvalidInput(
                f"{taken + cost} messages at once is more than this account's rate limit admits "
                f"(burst {limit.burst} + {self._max_wait:g}s at {limit.rate:g}/s): send at "
                f"most {capacity} per request"
            )
        granted, seconds = self._take(account_id, cost, self._max_wait)
        if granted:
            return seconds
        if self._on_limited is not None:
            self._on_limited()
        retry = max(1, math.ceil(seconds - self._max_wait))
        raise RateLimited(
            f"over {limit.rate:g} requests/s (burst {limit.burst}) for this account; "
            f"retry after {retry}s, spread requests out, or ask for a higher "
            "MEMQ_RATE_LIMIT_PER_SECOND",
            retry_after=retry,
        )

    def _take(self, account_id: str, cost: int, max_wait: float) -> tuple[bool, float]:
        """(True, seconds to wait first) when the tokens are reserved, (False, seconds
        until they would be there) when not: reserving future tokens lets the
        bucket go below zero, by at most ``max_wait`` seconds of refill."""
        limit = self.limit_for(account_id)
        if limit.rate <= 0:
            return True, 0.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(account_id)
            if bucket is None:
                bucket = self._buckets[account_id] = _Bucket(float(limit.burst), now)
            else:
                elapsed = max(0.0, now - bucket.updated)
                bucket.tokens = min(float(limit.burst), bucket.tokens + elapsed * limit.rate)
                bucket.updated = now
            wait = max(0.0, (cost - bucket.tokens) / limit.rate)
            if wait > max_wait:
                return False, wait
            bucket.tokens -= cost
            return True, wait


async def admit(limiter: RateLimiter, account_id: str, cost: int = 1, taken: int = 0) -> None:
    """Wait for the account's turn (up to MEMQ_RATE_LIMIT_MAX_WAIT), or raise 429."""
    wait = limiter.admit(account_id, cost, taken)
    if wait > 0:
        await asyncio.sleep(wait)
