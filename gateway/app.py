"""The gateway application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from prometheus_client import CollectorRegistry
from starlette.routing import Route

from gateway import console, errors
from gateway import metrics as gateway_metrics
from gateway.auth import ApiKeys
from gateway.console.operations import Operations
from gateway.ingest_batcher import IngestBatcher
from gateway.limits import BodyLimits
from gateway.mcp.backend import Backend
from gateway.mcp.http import PATH as MCP_PATH
from gateway.mcp.http import McpEndpoint
from gateway.metrics import GatewayMetrics, HttpMetrics, MeteredTransport
from gateway.ratelimit import RateLimiter
from gateway.ratelimit_gate import RateLimitGate
from gateway.recent_ids import RecentIds
from gateway.routes import (
    admin,
    analytics,
    batch,
    context,
    docs,
    health,
    memory,
    messages,
    search,
    sessions,
    transfer,
    user_memory,
    user_memory_transfer,
    users,
)
from gateway.sequencer import Sequencer
from gateway.transport import Transport
from runtime.settings import Settings
from schemas.contract import CONTRACT_VERSION


def create_app(
    settings: Settings,
    transport: Transport,
    api_keys: ApiKeys,
    metrics_registry: CollectorRegistry | None = None,
    console_operations: Operations | None = None,
) -> FastAPI:
    """``metrics_registry``: shared with in-process workers (``memq serve``); else a new one.
    ``console_operations``: the console's queue and dead-letter tooling (``memq.console_ops``)."""
    metrics = GatewayMetrics(metrics_registry)
    transport = MeteredTransport(transport, metrics)
    batcher = IngestBatcher(transport, max_queue_seconds=settings.publish_timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await transport.start()
        try:
            async with mcp.run():
                yield
        finally:
            await batcher.close()
            await transport.close()

    app = FastAPI(
        title="memq",
        version=CONTRACT_VERSION,  # the wire contract's (schemas/contract.py)
        summary="Session memory for LLM chat applications",
        lifespan=lifespan,
        docs_url=None,  # gateway.routes.docs serves them without a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.transport = transport
    app.state.batcher = batcher
    app.state.api_keys = api_keys
    app.state.sequencer = Sequencer()
    app.state.recent_ids = RecentIds()
    app.state.metrics = metrics
    app.state.rate_limiter = RateLimiter.from_settings(settings, metrics.rate_limited.inc)
    # Agents' tools, on the same transport, batcher and rate limits as the routes.
    mcp = McpEndpoint(Backend.of_app(app.state), api_keys, app.state.rate_limiter)
    # A plain Starlette route: MCP speaks JSON-RPC, not the API's OpenAPI schema.
    app.router.routes.append(Route(MCP_PATH, endpoint=mcp, include_in_schema=False))
    errors.install(app)
    app.include_router(health.router)
    docs.install(app)
    app.include_router(gateway_metrics.router)
    app.include_router(sessions.router)
    app.include_router(messages.router)
    app.include_router(batch.router)
    app.include_router(memory.router)
    app.include_router(context.router)
    app.include_router(users.router)
    app.include_router(analytics.router)
    app.include_router(admin.router)
    app.include_router(search.router)
    app.include_router(transfer.router)
    app.include_router(user_memory.router)
    app.include_router(user_memory_transfer.router)
    console.install(app, settings, api_keys, console_operations)
    app.add_middleware(
        BodyLimits, max_bytes=settings.max_request_bytes, timeout=settings.client_timeout
    )
    # Outside the body cap: it sees every admitted response, the 413 included.
    app.add_middleware(HttpMetrics, metrics=metrics, routes_app=app)
    # Outermost: an over-limit request is refused before anything else looks at
    # it, body and route matching included; memq_gateway_rate_limited_total counts it.
    app.add_middleware(RateLimitGate, api_keys=api_keys, limiter=app.state.rate_limiter)
    return app
