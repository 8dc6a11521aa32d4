"""The gateway's Prometheus metrics, served at ``GET /metrics``.

No label carries an account, a session or a raw path: routes are their
templates (``/v1/sessions/{session_id}``) and anything unrouted is
``unmatched``, so generated or hostile paths cannot blow up cardinality.

- ``memq_gateway_http_requests_total{method,route,status}``
- ``memq_gateway_http_request_seconds{method,route}`` (histogram)
- ``memq_gateway_messages_published_total{actor,outcome}`` — chat messages
  published fire-and-forget, alone (``ingest_message``) or coalesced
  (``ingest_batch``): outcome ``confirmed`` or ``failed`` (publish failures)
- ``memq_gateway_request_seconds{actor,outcome}`` — request-reply latency per
  actor (histogram; ``assemble_context`` is the context fetch); outcome
  ``ok``, ``error`` (the actor answered with an error such as 404),
  ``timeout`` or ``unavailable``
- ``memq_gateway_rate_limited_total`` — requests answered 429 (by the rate limit
  gate, in front of everything: they are not in the HTTP request metrics)

In ``memq serve`` the workers share the process and register their metrics
(``actors.metrics``) in the same registry, so one scrape shows both.
"""

from __future__ import annotations

import time
from typing import Any

import dramatiq
from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, generate_latest
from prometheus_client import Histogram as PromHistogram
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.openapi import BEFORE_ROUTING, error_responses
from gateway.transport import RequestTimeout, Transport
from runtime.histograms import LATENCY_BUCKETS
from runtime.process_metrics import process_registry
from schemas.errors import BrokerUnavailable, MemqError
from schemas.replies import Reply
from schemas.requests.base import ActorRequest
from schemas.routing import ActorName

router = APIRouter(tags=["health"])


@router.get(
    "/metrics",
    summary="Prometheus metrics of this gateway process (no auth, no tenant data)",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {}}, "description": "Prometheus text format"},
        **error_responses(*BEFORE_ROUTING),
    },
)
async def metrics(request: Request) -> Response:
    registry: CollectorRegistry = request.app.state.metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


class GatewayMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else process_registry()
        self.http_requests = Counter(
            "memq_gateway_http_requests",
            "HTTP requests by route template and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.http_seconds = PromHistogram(
            "memq_gateway_http_request_seconds",
            "HTTP request duration by route template",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.published = Counter(
            "memq_gateway_messages_published",
            "Messages published fire-and-forget (ingest), by outcome of the publisher confirm",
            ["actor", "outcome"],
            registry=self.registry,
        )
        for outcome in ("confirmed", "failed"):  # present at 0 before the first publish
            for actor in (ActorName.INGEST_MESSAGE, ActorName.INGEST_BATCH):
                self.published.labels(actor.value, outcome)
        self.request_seconds = PromHistogram(
            "memq_gateway_request_seconds",
            "Request-reply latency per actor, publish to reply",
            ["actor", "outcome"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.rate_limited = Counter(
            "memq_gateway_rate_limited",
            "Requests answered 429 by the per-account rate limit",
            registry=self.registry,
        )


class MeteredTransport(Transport):
    """Wraps a transport to count publishes and time request-reply, per actor."""

    def __init__(self, inner: Transport, metrics: GatewayMetrics) -> None:
        super().__init__(inner.queue_prefix)
        self.inner = inner
        self._metrics = metrics

    async def start(self) -> None:
        await self.inner.start()

    async def close(self) -> None:
        await self.inner.close()

    async def ready(self) -> bool:
        return await self.inner.ready()

    @property
    def reply_to(self) -> str:
        return self.inner.reply_to

    async def publish(self, message: dramatiq.Message[Any], *, persistent: bool = True) -> None:
        # Chat messages, not publishes: a batch job carries many.
        count = len(message.kwargs.get("events") or ()) or 1
        try:
            await self.inner.publish(message, persistent=persistent)
        except BaseException:
            self._metrics.published.labels(message.actor_name, "failed").inc(count)
            raise
        self._metrics.published.labels(message.actor_name, "confirmed").inc(count)

    async def _round_trip(self, message: dramatiq.Message[Any], timeout: float) -> Reply | None:
        return await self.inner._round_trip(message, timeout)

    async def request(self, request: ActorRequest, *, timeout: float, attempts: int = 2) -> Any:
        started = time.perf_counter()
        outcome = "ok"
        try:
            return await super().request(request, timeout=timeout, attempts=attempts)
        except RequestTimeout:
            outcome = "timeout"
            raise
        except BrokerUnavailable:
            outcome = "unavailable"
            raise
        except MemqError:
            outcome = "error"
            raise
        finally:
            self._metrics.request_seconds.labels(request.actor.value, outcome).observe(
                time.perf_counter() - started
            )


class HttpMetrics:
    """ASGI middleware: counts and times every HTTP request by route template."""

    def __init__(self, app: ASGIApp, metrics: GatewayMetrics, routes_app: Any) -> None:
        self.app = app
        self.metrics = metrics
        self.routes_app = routes_app  # the FastAPI app, for its route templates

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            method = str(scope.get("method", "GET"))
            route = self._route(scope)
            self.metrics.http_requests.labels(method, route, str(status)).inc()
            self.metrics.http_seconds.labels(method, route).observe(time.perf_counter() - started)

    def _route(self, scope: Scope) -> str:
        route = scope.get("route")
        path = getattr(route, "path", None)
        if isinstance(path, str):
            return path
        partial = "unmatched"
        for candidate in self.routes_app.routes:
            match, _ = candidate.matches(scope)
            if match == Match.FULL:
                return str(getattr(candidate, "path", "unmatched"))
            if match == Match.PARTIAL and partial == "unmatched":  # wrong method
                partial = str(getattr(candidate, "path", "unmatched"))
        return partial
