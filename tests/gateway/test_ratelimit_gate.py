"""The rate limit gate: over-limit requests are refused before the app reads them."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from dramatiq.brokers.stub import StubBroker
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings

KEY_A, KEY_B = "key-a", "key-b"


@pytest.fixture
def client() -> Iterator[TestClient]:
    # No worker consumes the in-process broker: a request that gets past the
    # gate and validation is published (202) and never stored, which is all
    # these tests need.
    broker = StubBroker()
    broker.declare_queue("memq.ingest")
    transport = LocalTransport(broker, InProcessReplies(), "memq")
    settings = Settings(rate_limit_per_second=0.01, rate_limit_burst=2)
    app = create_app(settings, transport, ApiKeys({KEY_A: "acct-a", KEY_B: "acct-b"}))
    with TestClient(app) as test_client:
        yield test_client


def post(client: TestClient, key: str | None, body: bytes) -> int:
    headers = {"content-type": "application/json"}
    if key is not None:
        headers["authorization"] = f"Bearer {key}"
    return client.post("/v1/sessions/s1/messages", content=body, headers=headers).status_code


GOOD = b'{"role": "user", "content": "hello"}'


def test_an_over_limit_request_is_429_before_its_body_is_parsed(client: TestClient) -> None:
    # Given account A's burst of 2 spent on good requests
    assert [post(client, KEY_A, GOOD) for _ in range(2)] == [202, 202]
    # When A sends malformed JSON, an invalid message and a good one
    response = client.post(
        "/v1/sessions/s1/messages",
        content=b"{not json",
        headers={"authorization": f"Bearer {KEY_A}", "content-type": "application/json"},
    )
    # Then each is refused by the limit, not by validation, with the usual error shape
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["error"]["code"] == "rate_limited"
    assert "MEMQ_RATE_LIMIT_PER_SECOND" in response.json()["error"]["detail"]
    assert post(client, KEY_A, b'{"role": "robot"}') == 429
    # And a refusal is held as long as an admitted request may wait (1 s here):
    # a flood costs the gateway one refusal per connection per second at most
    started = time.monotonic()
    assert post(client, KEY_A, GOOD) == 429
    assert time.monotonic() - started >= 1.0
    # And account B is not affected
    assert post(client, KEY_B, GOOD) == 202


def test_requests_without_a_valid_key_get_401_and_drain_no_bucket(client: TestClient) -> None:
    for key in (None, "not-a-key", None):
        assert post(client, key, GOOD) == 401
    assert [post(client, KEY_A, GOOD) for _ in range(2)] == [202, 202]


def test_each_admitted_request_takes_one_token_not_two(client: TestClient) -> None:
    # The gate takes the token; the route's account dependency must not take another.
    assert post(client, KEY_A, GOOD) == 202
    assert post(client, KEY_A, GOOD) == 202
    assert post(client, KEY_A, GOOD) == 429


def test_requests_a_little_over_the_rate_wait_for_their_turn_instead_of_failing() -> None:
    # Given 20 requests/s, a burst of 1, and up to 1 s of waiting
    broker = StubBroker()
    broker.declare_queue("memq.ingest")
    transport = LocalTransport(broker, InProcessReplies(), "memq")
    settings = Settings(rate_limit_per_second=20, rate_limit_burst=1, rate_limit_max_wait=1)
    app = create_app(settings, transport, ApiKeys({KEY_A: "acct-a"}))
    with TestClient(app) as client:
        # When 6 requests are sent back to back
        started = time.monotonic()
        statuses = [post(client, KEY_A, GOOD) for _ in range(6)]
        took = time.monotonic() - started
    # Then all are served, paced at the rate: 5 waited 50 ms each at least
    assert statuses == [202] * 6
    assert took >= 0.25


def test_probes_and_metrics_are_never_limited(client: TestClient) -> None:
    assert [post(client, KEY_A, GOOD) for _ in range(3)][-1] == 429
    assert client.get("/healthz").status_code == 200
    assert client.get("/metrics").status_code == 200
    assert "memq_gateway_rate_limited_total 1.0" in client.get("/metrics").text
