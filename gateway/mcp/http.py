"""``/mcp`` on the gateway: MCP's streamable HTTP transport behind the API's key and rate.

Every request carries ``Authorization: Bearer <key>``, like any API request:
the rate limit gate (``gateway.ratelimit_gate``) finds the account and takes
its token, or this endpoint does when the gate let the request through
without one; a missing or unknown key is a 401 with the API's error body.

Stateless (no MCP session ids): each request stands alone, so any gateway
replica can answer it and no session can be picked up with another key.
JSON responses: a tool call is one request-reply, with nothing to stream.
The SDK's DNS-rebinding check (Host/Origin allow-lists) stays off, as for the
API: the bearer key, which no other site's page can read, is the protection,
and a gateway behind a load balancer answers to host names of its own.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

from mcp.server.context import ServerRequestContext
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from starlette.types import Receive, Scope, Send

from gateway.auth import ApiKeys
from gateway.mcp.backend import Backend
from gateway.mcp.server import build_server
from gateway.ratelimit import RateLimiter, admit
from gateway.ratelimit_gate import GATE_ACCOUNT, authorization
from schemas.errors import Unauthorized

PATH = "/mcp"


class McpEndpoint:
    """An ASGI app, routed at ``PATH``; ``run()`` belongs in the gateway's lifespan."""

    def __init__(self, backend: Backend, api_keys: ApiKeys, limiter: RateLimiter) -> None:
        self.api_keys = api_keys
        self.limiter = limiter
        self.sessions = StreamableHTTPSessionManager(
            app=build_server(backend, _request_account),
            stateless=True,
            json_response=True,
        )

    def run(self) -> AbstractAsyncContextManager[None]:
        return self.sessions.run()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = scope.setdefault("state", {})
        if state.get(GATE_ACCOUNT) is None:
            # Raised before any response: the app's handler answers 401 / 429.
            account_id = self.api_keys.account_for(authorization(scope))
            await admit(self.limiter, account_id)
            state[GATE_ACCOUNT] = account_id
        await self.sessions.handle_request(scope, receive, send)


def _request_account(ctx: ServerRequestContext[Any, Any]) -> str:
    """The account ``McpEndpoint`` found for the HTTP request this message came in."""
    request = ctx.request
    scope = getattr(request, "scope", None)
    account_id = None if scope is None else scope.get("state", {}).get(GATE_ACCOUNT)
    if not isinstance(account_id, str):
        raise Unauthorized("send your API key as 'Authorization: Bearer <key>'")
    return account_id
