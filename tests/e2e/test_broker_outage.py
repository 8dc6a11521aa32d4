"""While RabbitMQ is down, every 503 says what was unavailable (rule e).

The broker is a node of the test's own (``bench.support.rabbit_node``),
stopped and started again: never the machine's shared broker.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.support.processes import wait_for
from bench.support.rabbit_node import RabbitNode
from tests.e2e.conftest import KEY_A, Stack, running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture
def outage_stack(own_rabbit: RabbitNode, tmp_path: Path) -> Iterator[Stack]:
    prefix = f"memqtest-{uuid.uuid4().hex[:10]}"
    with running_stack(own_rabbit.url, prefix, tmp_path) as deployment:
        yield deployment


def post(client: httpx.Client, message_id: str) -> httpx.Response:
    body = {"message_id": message_id, "role": "user", "content": f"hello {message_id}"}
    return client.post("/v1/sessions/s-outage/messages", json=body)


def test_every_503_of_an_outage_says_what_was_unavailable(
    outage_stack: Stack, own_rabbit: RabbitNode
) -> None:
    node = own_rabbit
    with outage_stack.client(KEY_A) as client:
        assert post(client, "m0").status_code == 202
        outage_stack.wait_for_count("s-outage", 1)
        # When RabbitMQ stops
        node.stop()
        # Then a write is refused with a reason that says RabbitMQ is unreachable,
        # not that a confirm timed out
        write = post(client, "m1")
        assert write.status_code == 503, write.text
        error = write.json()["error"]
        assert error["code"] == "broker_unavailable"
        assert "RabbitMQ is unreachable" in error["detail"]
        assert "not accepted" in error["detail"] and "confirm" not in error["detail"]
        # And a read says that it could not be asked, and of which workers
        read = client.get("/v1/sessions/s-outage/messages")
        assert read.status_code == 503, read.text
        assert "RabbitMQ is unreachable" in read.json()["error"]["detail"]
        assert "context workers" in read.json()["error"]["detail"]
        # And readiness says the broker is down
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["broker"] == "unreachable"

        # When RabbitMQ is back, the gateway reconnects by itself
        node.start()
        wait_for(lambda: post(client, "m1").status_code == 202, timeout=60, interval=0.5)
        outage_stack.wait_for_count("s-outage", 2)
