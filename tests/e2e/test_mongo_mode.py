"""Production mode on MongoDB: gateway and worker processes over RabbitMQ and the
MongoDB wire protocol (MEMQ_TEST_MONGODB_URL, else the mongoeco server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.support.mongo import mongodb_url
from bench.support.processes import wait_for
from tests.e2e.conftest import KEY_B, Stack, running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture
def mongo_stack(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[Stack]:
    with (
        mongodb_url() as url,
        running_stack(
            amqp_url,
            queue_prefix,
            tmp_path,
            MEMQ_MONGODB_URL=url,
            MEMQ_MONGODB_DATABASE=f"memq_{queue_prefix.replace('-', '_')}",
        ) as stack,
    ):
        yield stack


def test_messages_sessions_and_memory_on_mongodb(mongo_stack: Stack) -> None:
    turns = [
        ("user" if i % 2 == 0 else "assistant", f"turn {i}: my order is A-{100 + i}")
        for i in range(10)
    ]
    with mongo_stack.client() as client:
        for i, (role, content) in enumerate(turns):
            body = {"message_id": f"mg{i}", "role": role, "content": content}
            assert client.post("/v1/sessions/mongo-1/messages", json=body).status_code == 202
        # a client retry of an accepted message
        body = {"message_id": "mg3", "role": "assistant", "content": turns[3][1]}
        assert client.post("/v1/sessions/mongo-1/messages", json=body).status_code == 202
        mongo_stack.wait_for_count("mongo-1", 10)
        stored = mongo_stack.stored_messages("mongo-1")
        assert [m["content"] for m in stored] == [c for _, c in turns]
        assert client.get("/v1/sessions/mongo-1").json()["message_count"] == 10
        wait_for(
            lambda: client.get("/v1/sessions/mongo-1/memory").json()["folded_messages"] == 5,
            timeout=60,
            interval=0.5,
        )
        tiers = client.get("/v1/sessions/mongo-1/memory").json()["tiers"]
        assert [(t["first_position"], t["last_position"]) for t in tiers] == [(1, 5)]
        # the whole history fits the default budget: it is the context, word for word
        text = client.get("/v1/sessions/mongo-1/context").json()["text"]
        assert "turn 0" in text and "turn 9" in text and "[RECENT MESSAGES" not in text
    with mongo_stack.client(KEY_B) as other:
        assert other.get("/v1/sessions/mongo-1").status_code == 404
