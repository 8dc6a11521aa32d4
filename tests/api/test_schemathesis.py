"""Property-based API test: schemathesis drives the gateway's own OpenAPI document.

The stack is real (``memq gateway`` + ``memq worker`` over the local RabbitMQ,
as in tests/e2e), so generated input travels the whole path: validation,
auth, publish, actors, store and replies. The one property: no generated
request gets a server error (5xx). Bounded: a fixed number of examples per
operation, derandomized so CI sees the same cases every run (well under a
minute here).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from dramatiq.brokers.stub import StubBroker
from hypothesis import HealthCheck, settings

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from memq.inproc import InProcessReplies
from memq.settings import Settings
from tests.e2e.conftest import KEY_A, Stack, running_stack
from tests.support.rabbit import delete_queues

pytestmark = pytest.mark.e2e

#: Examples per API operation.
MAX_EXAMPLES = 30


@pytest.fixture(scope="module")
def api_stack(amqp_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One stack for every operation's examples (starting one takes seconds)."""
    prefix = f"memqtest-{uuid.uuid4().hex[:10]}"
    try:
        # A high rate limit: 429 is not what this test is about.
        with running_stack(
            amqp_url,
            prefix,
            tmp_path_factory.mktemp("schemathesis"),
            MEMQ_RATE_LIMIT_PER_SECOND="100000",
        ) as deployment:
            yield deployment
    finally:
        delete_queues(amqp_url, prefix)


def _openapi() -> dict[str, Any]:
    """The gateway's document, built in-process: the same app the stack serves."""
    transport = LocalTransport(StubBroker(), InProcessReplies(), "memq")
    return create_app(Settings(), transport, ApiKeys({KEY_A: "acct-a"})).openapi()


schema = schemathesis.openapi.from_dict(_openapi())


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_generated_requests_never_get_a_server_error(case: Any, api_stack: Stack) -> None:
    response = case.call(
        base_url=api_stack.base_url, headers={"Authorization": f"Bearer {KEY_A}"}, timeout=20
    )
    if case.path == "/readyz" and response.status_code == 503:
        return  # the readiness probe's documented "not ready" answer
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:500]}"
    )
