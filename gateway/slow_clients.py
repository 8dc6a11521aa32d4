"""Close connections whose client is slow to send a request's headers.

uvicorn closes an idle keep-alive connection, but a connection that is opened
and never sends a complete request head (slowloris: a byte now and then, or
nothing at all) stays open for good; the attack held 1,000 of them. This
protocol gives each request head MEMQ_CLIENT_TIMEOUT seconds, counted from the
connection (first request) or from the request's first byte (later ones: the
wait between requests is uvicorn's keep-alive timeout), then answers 408 and
closes. The body has its own deadline (``gateway.limits``).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


def header_timeout_protocol(seconds: float) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol with a deadline of ``seconds`` per request head."""

    class HeaderTimeoutProtocol(_HeaderTimeout):
        timeout = seconds

    return HeaderTimeoutProtocol


class _HeaderTimeout(HttpToolsProtocol):
    timeout: float

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_deadline is None:
            self._head_deadline = self.loop.call_later(self.timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _too_slow(self) -> None:
        self._head_deadline = None
        if self.transport.is_closing():
            return
        body = json.dumps(
            {
                "error": {
                    "code": "timeout",
                    "detail": f"the request headers did not arrive within {self.timeout:g}s "
                    "(MEMQ_CLIENT_TIMEOUT)",
                }
            }
        ).encode()
        self.transport.write(
            b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
            + b"content-length: %d\r\nconnection: close\r\n\r\n" % len(body)
            + body
        )
        self.transport.close()
