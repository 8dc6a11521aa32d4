"""In-process reply routing for the embedded default (one process, no RabbitMQ).

The worker-side reply middleware and the gateway's local transport meet here:
the gateway registers a future per correlation id, a worker thread delivers
the reply onto the gateway's event loop.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

#: The reply-to address used by every in-process request.
INPROC_REPLY_TO = "inproc"


class InProcessReplies:
    def __init__(self) -> None:
        self._pending: dict[str, tuple[asyncio.AbstractEventLoop, asyncio.Future[Any]]] = {}
        self._lock = threading.Lock()

    def expect(self, correlation_id: str) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        with self._lock:
            self._pending[correlation_id] = (loop, future)
        return future

    def forget(self, correlation_id: str) -> None:
        with self._lock:
            self._pending.pop(correlation_id, None)

    def deliver(self, correlation_id: str, payload: Any) -> None:
        with self._lock:
            entry = self._pending.pop(correlation_id, None)
        if entry is None:
            return  # late or duplicate: nobody is waiting
        loop, future = entry
        loop.call_soon_threadsafe(_resolve, future, payload)


def _resolve(future: asyncio.Future[Any], payload: Any) -> None:
    if not future.done():
        future.set_result(payload)
