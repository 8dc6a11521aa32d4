"""Limits end to end: the per-account rate limit and the messages-per-session cap."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.support.processes import wait_for
from bench.support.rabbit import queue_depth
from schemas.routing import QueueKind, queue_name
from tests.e2e.conftest import KEY_A, KEY_B, Stack, running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture
def limited(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[Stack]:
    with running_stack(
        amqp_url,
        queue_prefix,
        tmp_path,
        MEMQ_RATE_LIMIT_PER_SECOND="2",
        MEMQ_RATE_LIMIT_BURST="10",
        # Refuse at once: this sequential client would otherwise be paced, not refused.
        MEMQ_RATE_LIMIT_MAX_WAIT="0",
        MEMQ_MAX_MESSAGES_PER_SESSION="3",
    ) as deployment:
        yield deployment


def test_a_burst_over_the_limit_is_429_with_retry_after_and_others_are_unaffected(
    limited: Stack,
) -> None:
    # Given account A with a bucket of 10 and 2/s
    with limited.client(KEY_A) as a, limited.client(KEY_B) as b:
        # When A sends 25 messages as fast as it can
        statuses = [
            a.post("/v1/sessions/flood/messages", json={"role": "user", "content": f"m{i}"})
            for i in range(25)
        ]
        codes = [response.status_code for response in statuses]
        # Then the burst passes and the rest is 429
        assert codes[:10] == [202] * 10
        assert codes.count(429) >= 12, codes
        rejected = next(response for response in statuses if response.status_code == 429)
        retry_after = int(rejected.headers["Retry-After"])
        assert 1 <= retry_after <= 2
        error = rejected.json()["error"]
        assert error["code"] == "rate_limited"
        assert "retry after" in error["detail"] and "MEMQ_RATE_LIMIT_PER_SECOND" in error["detail"]
        # And account B, at the same moment, is served
        assert b.get("/v1/sessions").status_code == 200
        assert (
            b.post("/v1/sessions/b/messages", json={"role": "user", "content": "hi"}).status_code
            == 202
        )
        # And probes and metrics are never limited
        for _ in range(20):
            assert httpx.get(f"{limited.base_url}/healthz").status_code == 200
        assert httpx.get(f"{limited.base_url}/metrics").status_code == 200
        # And A is served again once it waited as told
        time.sleep(retry_after)
        assert a.get("/v1/sessions").status_code == 200
    metrics = httpx.get(f"{limited.base_url}/metrics").text
    line = next(
        line for line in metrics.splitlines() if line.startswith("memq_gateway_rate_limited_total")
    )
    assert float(line.split()[-1]) >= 12


def test_a_message_over_the_session_cap_is_dead_lettered(
    limited: Stack, amqp_url: str, queue_prefix: str
) -> None:
    # Given a cap of 3 messages per session
    with limited.client(KEY_B) as b:
        for i in range(5):
            response = b.post(
                "/v1/sessions/capped/messages",
                json={"message_id": f"c{i}", "role": "user", "content": f"turn {i}"},
            )
            assert response.status_code == 202
            time.sleep(0.6)  # stay under 2/s
        # When 5 are published, then 3 are stored and 2 are dead-lettered
        xq = queue_name(queue_prefix, QueueKind.INGEST) + ".XQ"
        wait_for(lambda: queue_depth(amqp_url, xq) == 2, timeout=30)
        assert len(limited.stored_messages("capped", KEY_B)) == 3
        assert b.get("/v1/sessions/capped").json()["message_count"] == 3
    # And the worker says why, with ids only
    worker_log = limited.workers[0].log()
    assert worker_log.count("MEMQ_MAX_MESSAGES_PER_SESSION") >= 2
    assert "turn 4" not in worker_log
