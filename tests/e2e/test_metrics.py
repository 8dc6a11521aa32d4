"""Prometheus metrics end to end: the gateway's GET /metrics and a worker's metrics port."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bench.support.processes import free_port, wait_for
from bench.support.rabbit import publish
from schemas.messages import MessageEvent
from schemas.routing import ActorName, QueueKind, new_message, queue_name
from tests.e2e.conftest import ACCOUNT_A, Stack, running_stack
from tests.e2e.test_serve_embedded import Embedded

pytestmark = pytest.mark.e2e

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(url: str) -> Samples:
    response = httpx.get(url, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    """Sum of the samples called ``name`` whose labels include ``labels``."""
    return sum(
        v
        for (sample, sample_labels), v in samples.items()
        if sample == name and set(labels.items()) <= set(sample_labels)
    )


def names(samples: Samples) -> set[str]:
    return {name for name, _ in samples}


@pytest.fixture
def metered(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[tuple[Stack, str]]:
    port = free_port()
    with running_stack(
        amqp_url, queue_prefix, tmp_path, MEMQ_WORKER_METRICS_PORT=str(port)
    ) as deployment:
        url = f"http://127.0.0.1:{port}/metrics"
        wait_for(lambda: _up(url), timeout=20)
        yield deployment, url


def _up(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_gateway_and_worker_metrics_grow_with_traffic(
    metered: tuple[Stack, str], amqp_url: str, queue_prefix: str
) -> None:
    stack, worker_url = metered
    gateway_url = f"{stack.base_url}/metrics"
    gateway_before, worker_before = scrape(gateway_url), scrape(worker_url)
    assert {
        "memq_gateway_http_requests_total",
        "memq_gateway_messages_published_total",
        "memq_gateway_rate_limited_total",
    } <= names(gateway_before)
    # the standard process metrics too, on the gateway as on every worker process
    assert {"process_resident_memory_bytes", "process_cpu_seconds_total"} <= names(gateway_before)
    assert {
        "memq_ingest_messages_total",
        "memq_llm_calls_total",
        "memq_llm_tokens_total",
        "memq_llm_errors_total",
        "memq_llm_budget_fallbacks_total",
        "memq_memory_jobs_total",
        "memq_memory_lag_messages_count",
        "memq_memory_lag_seconds_count",
        "memq_queue_messages",
        "memq_queue_consumers",
    } <= names(worker_before)
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    assert (("memq_queue_messages", (("queue", f"{ingest}.XQ"),))) in worker_before

    # When 3 messages, 1 duplicate, 1 read and 1 invalid queue message go through
    with stack.client() as client:
        for i in range(3):
            body = {"message_id": f"m{i}", "role": "user", "content": f"hello {i}"}
            assert client.post("/v1/sessions/s-m/messages", json=body).status_code == 202
        # A re-post this gateway remembers: answered as a duplicate, not published
        body = {"message_id": "m0", "role": "user", "content": "hello 0"}
        again = client.post("/v1/sessions/s-m/messages", json=body)
        assert again.status_code == 202 and again.json()["duplicate"] is True
        stack.wait_for_count("s-m", 3)
        # One it cannot remember (another gateway's): the worker stores it once
        _publish_duplicate(amqp_url, queue_prefix, "s-m", "m0")
        assert client.get("/v1/sessions/s-m").status_code == 200
        assert client.get("/v1/sessions/nope").status_code == 404
    _publish_invalid_envelope(amqp_url, ingest)

    # Then the gateway counted them
    def worker_settled() -> bool:
        now = scrape(worker_url)
        return (
            value(now, "memq_ingest_messages_total", outcome="duplicate") >= 1
            and value(now, "memq_worker_dead_lettered_total", actor="ingest_message") >= 1
        )

    wait_for(worker_settled, timeout=30, interval=0.5)
    gateway, worker = scrape(gateway_url), scrape(worker_url)
    grew = value(gateway, "memq_gateway_messages_published_total", outcome="confirmed") - value(
        gateway_before, "memq_gateway_messages_published_total", outcome="confirmed"
    )
    assert grew == 3
    route = "/v1/sessions/{session_id}/messages"
    assert (
        value(gateway, "memq_gateway_http_requests_total", method="POST", route=route, status="202")
        == 4
    )
    assert (
        value(
            gateway,
            "memq_gateway_http_requests_total",
            route="/v1/sessions/{session_id}",
            status="404",
        )
        == 1
    )
    assert (
        value(gateway, "memq_gateway_request_seconds_count", actor="get_session", outcome="ok") >= 1
    )
    assert (
        value(gateway, "memq_gateway_request_seconds_count", actor="get_session", outcome="error")
        == 1
    )
    # And the worker counted stored, duplicate, dead-lettered, and timed the actors
    assert value(worker, "memq_ingest_messages_total", outcome="stored") == 3
    assert value(worker, "memq_ingest_messages_total", outcome="duplicate") == 1
    assert value(worker, "memq_worker_dead_lettered_total", actor="ingest_message") == 1
    assert value(worker, "memq_actor_duration_seconds_count", actor="ingest_message") == 5
    assert value(worker, "memq_actor_duration_seconds_count", actor="get_session") >= 2
    assert value(worker, "memq_worker_messages_total", actor="ingest_message", outcome="ok") == 4
    # And no label names an account, a session or a raw path
    text = httpx.get(gateway_url).text + httpx.get(worker_url).text
    assert "acct-a" not in text and "s-m" not in text and "/v1/sessions/nope" not in text


def _publish_duplicate(amqp_url: str, prefix: str, session_id: str, message_id: str) -> None:
    """``message_id`` again, straight to the ingest queue, as another gateway would send it."""
    event = MessageEvent(
        account_id=ACCOUNT_A,
        session_id=session_id,
        message_id=message_id,
        role="user",
        content="hello again",
        seq=int(datetime.now(UTC).timestamp() * 1_000_000),
        accepted_at=datetime.now(UTC),
    )
    message = new_message(
        prefix, ActorName.INGEST_MESSAGE, {"event": event.model_dump(mode="json")}
    )
    publish(amqp_url, queue_name(prefix, QueueKind.INGEST), message.encode())


def _publish_invalid_envelope(amqp_url: str, queue: str) -> None:
    envelope = {
        "queue_name": queue,
        "actor_name": "ingest_message",
        "args": [],
        "kwargs": {"event": {"role": "user"}},
        "options": {},
        "message_id": str(uuid.uuid4()),
        "message_timestamp": 0,
    }
    publish(amqp_url, queue, json.dumps(envelope).encode())


def test_unknown_paths_are_one_label(metered: tuple[Stack, str]) -> None:
    stack, _ = metered
    for i in range(5):
        httpx.get(f"{stack.base_url}/no/such/path/{i}")
    samples = scrape(f"{stack.base_url}/metrics")
    assert value(samples, "memq_gateway_http_requests_total", route="unmatched") == 5
    assert not any("/no/such" in str(labels) for _, labels in samples)


def test_embedded_serve_shows_worker_metrics_on_the_gateway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("MEMQ_AMQP_URL", "MEMQ_MONGODB_URL", "MEMQ_API_KEYS"):
        monkeypatch.delenv(name, raising=False)
    server = Embedded(tmp_path)
    try:
        key = server.start()
        response = httpx.post(
            f"{server.base_url}/v1/sessions/e1/messages",
            json={"role": "user", "content": "hi"},
            headers={"Authorization": f"Bearer {key}"},
        )
        assert response.status_code == 202
        url = f"{server.base_url}/metrics"
        wait_for(
            lambda: value(scrape(url), "memq_ingest_messages_total", outcome="stored") == 1,
            timeout=20,
        )
        samples = scrape(url)
        assert value(samples, "memq_gateway_messages_published_total", outcome="confirmed") == 1
        assert value(samples, "memq_queue_messages", queue="memq.ingest") == 0
    finally:
        if server.process is not None:
            server.process.stop()
