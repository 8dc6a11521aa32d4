"""Admit an account's request at its rate, or answer 429, before any routing or parsing.

A flooding account's requests must cost the gateway as little as possible,
since every one of them shares the event loop with other accounts' requests.
Through FastAPI a 429 cost routing, dependency resolution and an exception
handler; here it costs a header lookup, a key digest and a token bucket (and a
request a little over the rate waits here for its token, at no CPU cost). The
account found here is left in the request state, so the route's account
dependency neither hashes the key again nor takes a second token.

A refused request is answered after ``max_wait`` (MEMQ_RATE_LIMIT_MAX_WAIT),
the longest an admitted one may wait: a flood's cost to the gateway is then
bounded by its connections, not by how fast it can send.

Requests without a valid key pass through untouched: the route answers 401
the usual way (and a probe with a bad key cannot drain anybody's bucket).
"""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.auth import ApiKeys
from gateway.errors import error_body
from gateway.ratelimit import RateLimiter, admit
from schemas.errors import RateLimited, Unauthorized

#: Key in the ASGI scope's "state" (Starlette's ``request.state``).
GATE_ACCOUNT = "memq_rate_limited_account"
#: What the gate admits: the API, and MCP's streamable HTTP (``gateway.mcp.http``).
LIMITED_PATHS = ("/v1/", "/mcp")


class RateLimitGate:
    def __init__(self, app: ASGIApp, api_keys: ApiKeys, limiter: RateLimiter) -> None:
        self.app = app
        self.api_keys = api_keys
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(LIMITED_PATHS):
            await self.app(scope, receive, send)
            return
        try:
            account_id = self.api_keys.account_for(authorization(scope))
        except Unauthorized:
            await self.app(scope, receive, send)
            return
        try:
            await admit(self.limiter, account_id)
        except RateLimited as exc:
            # Held as long as an admitted request may wait: a client flooding on
            # N connections then costs N refusals per max_wait, not as many as it
            # can send. Its Retry-After has it wait longer than that anyway.
            await asyncio.sleep(self.limiter.max_wait)
            await _reject(send, exc)
            return
        scope.setdefault("state", {})[GATE_ACCOUNT] = account_id
        await self.app(scope, receive, send)


def authorization(scope: Scope) -> str | None:
    """The request's Authorization header, read straight from the ASGI scope."""
    value = next((value for name, value in scope["headers"] if name == b"authorization"), None)
    return None if value is None else value.decode("latin-1")


async def _reject(send: Send, exc: RateLimited) -> None:
    body = json.dumps(error_body(exc.code, exc.detail)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": exc.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(exc.retry_after).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
