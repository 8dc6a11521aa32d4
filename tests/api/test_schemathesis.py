"""Property-based API test: schemathesis drives the gateway's own OpenAPI document.

The stack is real (``memq gateway`` + ``memq worker`` over the local RabbitMQ,
as in tests/e2e), so generated input travels the whole path: validation,
auth, publish, actors, store and replies. Every answer is checked against
the document: no server error (5xx), a status the operation lists, the
content type, headers and body schema it declares for that status, and no
refusal (400, 413, 422) of a request the schema says is valid. Bounded: a
fixed number of examples per operation, derandomized so CI sees the same
cases every run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from dramatiq.brokers.stub import StubBroker
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.config import SchemathesisConfig

from bench.support.rabbit import delete_queues
from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings
from tests.e2e.conftest import KEY_A, Stack, running_stack

pytestmark = pytest.mark.e2e

#: Examples per API operation.
MAX_EXAMPLES = 30
#: The response conformance checks, and "valid data is accepted".
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.positive_data_acceptance,
]


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


# A schema-valid request may still be over MEMQ_MAX_REQUEST_BYTES (a deployment
# setting, not a schema rule): 413 is then the right answer. Likewise an import
# of a session that ended longer ago than MEMQ_RETENTION_DAYS is refused with 422.
ACCEPTED = ["2xx", "401", "403", "404", "409", "413", "429"]
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED}},
        "operations": [
            {
                "include-path": "/v1/sessions/import",
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "422"]}},
            }
        ],
    }
)
schema = schemathesis.openapi.from_dict(_openapi(), config=CONFIG)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_conforms_to_the_openapi_document(case: Any, api_stack: Stack) -> None:
    case.call_and_validate(
        base_url=api_stack.base_url,
        headers={"Authorization": f"Bearer {KEY_A}"},
        timeout=20,
        checks=CHECKS,
    )
