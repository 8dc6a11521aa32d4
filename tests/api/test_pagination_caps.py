"""Every list endpoint caps its page size, in the OpenAPI document and at runtime."""

from __future__ import annotations

from typing import Any

from dramatiq.brokers.stub import StubBroker

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings


def openapi() -> dict[str, Any]:
    transport = LocalTransport(StubBroker(), InProcessReplies(), "memq")
    app = create_app(Settings(), transport, ApiKeys({"k": "a"}))
    return app.openapi()


def test_every_limit_parameter_has_a_maximum() -> None:
    limits = {
        f"{method.upper()} {path}": param["schema"]
        for path, operations in openapi()["paths"].items()
        for method, operation in operations.items()
        for param in operation.get("parameters", [])
        if param["name"] == "limit"
    }
    assert "GET /v1/sessions" in limits
    assert "GET /v1/sessions/{session_id}/messages" in limits
    uncapped = [name for name, schema in limits.items() if "maximum" not in schema]
    assert uncapped == []


def test_metrics_and_probes_are_documented_without_auth() -> None:
    paths = openapi()["paths"]
    assert {"/healthz", "/readyz", "/metrics"} <= set(paths)
