"""Acceptance order: the gateway stamps every message before it publishes it.

Workers store messages concurrently and out of order; listing by this stamp
gives back the order in which the gateway accepted them.
"""

import threading
import time


class Sequencer:
    """Strictly increasing integers close to microseconds since the epoch.

    Microseconds (not nanoseconds) keep the value below 2**53, so JavaScript
    clients read it exactly.
    """

    def __init__(self) -> None:
        self._last = 0
        self._lock = threading.Lock()

    def next(self) -> int:
        now = time.time_ns() // 1000
        with self._lock:
            self._last = max(self._last + 1, now)
            return self._last
