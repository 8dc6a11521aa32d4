"""Request body limits, enforced before routing: size (413) and time (408).

The whole body is read here, before any JSON is parsed: at most
MEMQ_MAX_REQUEST_BYTES, declared or streamed (a chunked body over it was a 400
"There was an error parsing the body" when the limit raised inside FastAPI's
own read), and within MEMQ_CLIENT_TIMEOUT seconds (a client that trickles its
body would otherwise hold its connection for as long as it likes). Both
answers close the connection: the rest of the body is never read. The app
then reads the body from memory, as it would have anyway.
"""

from __future__ import annotations

import asyncio

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.errors import error_body


class BodyLimits:
    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, send)
            return
        try:
            async with asyncio.timeout(self.timeout):
                body = await self._read(receive)
        except TimeoutError:
            await _refuse(
                scope,
                send,
                408,
                "timeout",
                f"the request body did not arrive within {self.timeout:g}s (MEMQ_CLIENT_TIMEOUT)",
            )
            return
        except _TooLarge:
            await self._too_large(scope, send)
            return
        except _ClientGone:
            return
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()  # from here on: the disconnect, if any
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                raise _ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        await _refuse(
            scope,
            send,
            413,
            "payload_too_large",
            f"request body over {self.max_bytes} bytes (MEMQ_MAX_REQUEST_BYTES)",
        )


async def _refuse(scope: Scope, send: Send, status: int, code: str, detail: str) -> None:
    """The error body every route answers (``gateway.errors``), and ``connection: close``:
    the rest of the body is never read."""
    response = JSONResponse(
        error_body(code, detail), status_code=status, headers={"connection": "close"}
    )
    await response(scope, _nothing_to_receive, send)


async def _nothing_to_receive() -> Message:
    return {"type": "http.disconnect"}


class _TooLarge(Exception):
    pass


class _ClientGone(Exception):
    pass
