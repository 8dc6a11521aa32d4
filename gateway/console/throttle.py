"""Throttling failed console sign-ins, per client address and overall.

An API key is long and random, so guessing one is hopeless; the limits stop a
client from trying anyway (each try costs a constant-time compare per key and
an audit line). A client address that failed ``per_address`` times within
``window`` seconds is refused (429) until its oldest failure in the window
ages out, even with a right key: a guesser learns nothing while refused.
Past ``overall`` failures in the window from all addresses together (a guess
spread over many addresses), every sign-in is refused until the window
frees up: signed-in browsers keep working, and the per-address limit is the
one that normally acts first.

The failures live in this gateway process, like the sign-ins. The address is
the connection's peer, or the ``X-Forwarded-For`` a trusted proxy set (uvicorn's
``FORWARDED_ALLOW_IPS``, 127.0.0.1 by default).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

#: Addresses remembered at most: the longest-quiet go first, so memory stays bounded.
MAX_ADDRESSES = 10_000


@dataclass
class _Failures:
    times: deque[float] = field(default_factory=deque)


class SignInThrottle:
    def __init__(
        self,
        *,
        per_address: int,
        overall: int,
        window: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._per_address = per_address
        self._overall = overall
        self._window = window
        self._clock = clock
        self._by_address: dict[str, _Failures] = {}
        self._all: deque[float] = deque()

    def retry_after(self, address: str) -> int:
        """Seconds until ``address`` may try to sign in again; 0 = now."""
        now = self._clock()
        self._expire(self._all, now)
        waits = []
        if len(self._all) >= self._overall:
            waits.append(self._all[len(self._all) - self._overall] + self._window - now)
        failures = self._by_address.get(address)
        if failures is not None:
            self._expire(failures.times, now)
            if len(failures.times) >= self._per_address:
                oldest = failures.times[len(failures.times) - self._per_address]
                waits.append(oldest + self._window - now)
        return max((math.ceil(wait) for wait in waits), default=0)

    def failed(self, address: str) -> None:
        now = self._clock()
        failures = self._by_address.pop(address, None) or _Failures()
        self._by_address[address] = failures  # most recent last
        while len(self._by_address) > MAX_ADDRESSES:
            self._by_address.pop(next(iter(self._by_address)))
        failures.times.append(now)
        self._all.append(now)
        # Only the last ``limit`` failures decide a wait: older ones need not be kept.
        while len(failures.times) > self._per_address:
            failures.times.popleft()
        while len(self._all) > self._overall:
            self._all.popleft()

    def _expire(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self._window:
            times.popleft()
