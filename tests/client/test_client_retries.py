"""The client's retries, timeouts and errors against real HTTP: a scripted loopback server."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from typing import Any

import httpx
import pytest

from bench.support.processes import free_port
from memq_client import (
    AsyncMemqClient,
    BatchMessage,
    Conflict,
    InvalidRequest,
    MemqClient,
    MemqClientError,
    NotFound,
    RateLimited,
    RetryPolicy,
    Unauthorized,
    Unavailable,
)
from memq_client.errors import parse_retry_after
from tests.support.scripted_http import Answer, Drop, ScriptedServer, Step, scripted_server

KEY = "test-key-0123456789"
FAST = RetryPolicy(max_attempts=4, deadline=10, backoff=0.01, max_backoff=0.05)

CONTEXT = {"session_id": "s1", "format": "anthropic", "budget": 1200, "estimated_tokens": 3}
CONTEXT |= {"system": "", "messages": [{"role": "user", "content": "hi"}]}
ACCEPTED = {"message_id": "m1", "session_id": "s1", "seq": 7, "generated_id": False}


def unavailable(status: int = 503) -> Answer:
    return Answer(status, {"error": {"code": "broker_unavailable", "detail": "RabbitMQ is down"}})


def client(server: ScriptedServer, retry: RetryPolicy = FAST, **kwargs: Any) -> MemqClient:
    return MemqClient(server.url, KEY, retry=retry, **kwargs)


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_transient_status_is_retried_until_it_succeeds(status: int) -> None:
    # Given a gateway that fails twice, then answers
    with scripted_server([unavailable(status), unavailable(status)], Answer(200, CONTEXT)) as srv:
        # When the channel asks for context
        with client(srv) as memq:
            reply = memq.context("s1")
        # Then it got the answer on the third attempt
        assert reply.messages == [{"role": "user", "content": "hi"}]
        assert len(srv.requests) == 3
        assert {r.path for r in srv.requests} == {"/v1/sessions/s1/context?format=anthropic"}
        assert srv.requests[0].headers["Authorization"] == f"Bearer {KEY}"


def test_attempts_are_bounded() -> None:
    with (
        scripted_server([], unavailable()) as srv,
        client(srv, RetryPolicy(3, 10, 0.01)) as memq,
        pytest.raises(Unavailable) as caught,
    ):
        memq.context("s1")
    assert len(srv.requests) == 3
    error = caught.value
    assert (error.status, error.code, error.detail, error.attempts) == (
        503,
        "broker_unavailable",
        "RabbitMQ is down",
        3,
    )


def test_429_waits_for_retry_after() -> None:
    limited = Answer(429, {"error": {"code": "rate_limited", "detail": "slow down"}})
    limited = Answer(limited.status, limited.body, {"Retry-After": "1"})
    with scripted_server([limited], Answer(200, CONTEXT)) as srv, client(srv) as memq:
        started = time.monotonic()
        memq.context("s1")
        elapsed = time.monotonic() - started
    assert len(srv.requests) == 2
    assert elapsed >= 1.0


def test_429_beyond_the_deadline_gives_up_at_once() -> None:
    limited = Answer(429, {"error": {"code": "rate_limited", "detail": "x"}}, {"Retry-After": "30"})
    with scripted_server([], limited) as srv, client(srv, RetryPolicy(4, 5, 0.01)) as memq:
        started = time.monotonic()
        with pytest.raises(RateLimited) as caught:
            memq.context("s1")
        assert time.monotonic() - started < 1
    assert len(srv.requests) == 1
    assert caught.value.retry_after == 30 and caught.value.status == 429


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [
        (400, "http_400", InvalidRequest),
        (401, "unauthorized", Unauthorized),
        (404, "not_found", NotFound),
        (409, "conflict", Conflict),
        (410, "gone", NotFound),
        (413, "payload_too_large", InvalidRequest),
        (422, "invalid_input", InvalidRequest),
        (500, "internal_error", MemqClientError),
    ],
)
def test_a_permanent_error_is_raised_typed_and_never_retried(
    status: int, code: str, error: type[MemqClientError]
) -> None:
    body = {"error": {"code": code, "detail": "because"}}
    with (
        scripted_server([], Answer(status, body)) as srv,
        client(srv) as memq,
        pytest.raises(error) as caught,
    ):
        memq.context("s1")
    assert len(srv.requests) == 1
    assert (caught.value.status, caught.value.code, caught.value.detail) == (
        status,
        code,
        "because",
    )
    assert not caught.value.transient


def test_an_error_without_memq_body_still_maps() -> None:
    with (
        scripted_server([], Answer(404, None)) as srv,
        client(srv) as memq,
        pytest.raises(NotFound) as caught,
    ):
        memq.get_session("s1")
    assert caught.value.code == "http_404"


def test_a_dropped_connection_and_a_slow_answer_are_retried() -> None:
    script: list[Step] = [Drop(), Answer(200, CONTEXT, delay=1.0)]
    with scripted_server(script, Answer(200, CONTEXT)) as srv, client(srv, timeout=0.3) as memq:
        memq.context("s1")
    assert len(srv.requests) == 3


def test_publish_retries_carry_the_same_generated_message_id() -> None:
    with (
        scripted_server([unavailable(), Drop()], Answer(202, ACCEPTED)) as srv,
        client(srv) as memq,
    ):
        memq.publish("s1", "user", "hello", metadata={"k": 1})
        memq.publish("s1", "user", "hello again")
    first, retry, second_attempt_ok, other = (r.json() for r in srv.requests)
    assert first == retry == second_attempt_ok
    assert len(first["message_id"]) == 32
    assert first == {"message_id": first["message_id"], "role": "user", "content": "hello"} | {
        "metadata": {"k": 1}
    }
    assert other["message_id"] != first["message_id"]


def test_a_given_message_id_is_sent_as_is() -> None:
    with scripted_server([], Answer(202, ACCEPTED)) as srv, client(srv) as memq:
        memq.publish("s1", "assistant", "ok", message_id="wa:ABC.1", channel="whatsapp")
    assert srv.requests[0].json()["message_id"] == "wa:ABC.1"


def test_invalid_input_is_refused_before_any_request() -> None:
    with scripted_server([], Answer(202, ACCEPTED)) as srv, client(srv) as memq:
        with pytest.raises(InvalidRequest):
            memq.publish("s1", "user", "   ")
        with pytest.raises(InvalidRequest):
            memq.publish("s 1", "user", "hi")
        with pytest.raises(InvalidRequest):
            memq.publish("s1", "robot", "hi")  # type: ignore[arg-type]
    assert srv.requests == []


def batch_accepted(*message_ids: str) -> Answer:
    accepted = [ACCEPTED | {"message_id": m, "seq": n} for n, m in enumerate(message_ids, 1)]
    return Answer(202, {"accepted": accepted})


def test_publish_many_retries_carry_the_same_generated_message_ids() -> None:
    # Given a gateway that loses the first answer, then accepts
    script: list[Step] = [unavailable(), Drop()]
    with scripted_server(script, batch_accepted("wa:1", "g1")) as srv, client(srv) as memq:
        # When a batch is published, one message with its own id and one without
        accepted = memq.publish_many(
            [
                {"session_id": "s1", "role": "user", "content": "hi", "message_id": "wa:1"},
                {"session_id": "s2", "role": "assistant", "content": "ok", "channel": "web"},
            ]
        )
    # Then every attempt posted the same batch, with an id generated once
    first, *retries = (r.json() for r in srv.requests)
    assert len(srv.requests) == 3 and all(retry == first for retry in retries)
    assert {r.path for r in srv.requests} == {"/v1/messages"}
    sent = first["messages"]
    assert [m["session_id"] for m in sent] == ["s1", "s2"]
    assert sent[0] == {"session_id": "s1", "role": "user", "content": "hi", "message_id": "wa:1"}
    assert len(sent[1]["message_id"]) == 32 and sent[1]["channel"] == "web"
    # And the accepted list comes back in request order
    assert [a.message_id for a in accepted] == ["wa:1", "g1"]
    assert [a.seq for a in accepted] == [1, 2]


def test_publish_many_refuses_a_bad_batch_before_any_request() -> None:
    message: BatchMessage = {"session_id": "s1", "role": "user", "content": "hi"}
    robot = {**message, "role": "robot"}
    with scripted_server([], batch_accepted("m1")) as srv, client(srv) as memq:
        with pytest.raises(InvalidRequest, match="at most 100 messages") as too_many:
            memq.publish_many([message] * 101)
        with pytest.raises(InvalidRequest, match="at least one"):
            memq.publish_many([])
        # a bad message names its index, and none of the batch is sent
        with pytest.raises(InvalidRequest, match=r"messages\.1\.role") as bad:
            memq.publish_many([message, robot])  # type: ignore[list-item]
    assert srv.requests == []
    assert too_many.value.status is None and bad.value.attempts == 0


def test_a_gateway_that_comes_up_is_reached_within_the_deadline() -> None:
    # Given nothing listening on the port yet
    port = free_port()
    started: list[ScriptedServer] = []

    def come_up() -> None:
        time.sleep(0.6)
        started.append(ScriptedServer([], Answer(200, CONTEXT), port=port).start())

    threading.Thread(target=come_up, daemon=True).start()
    try:
        # When the client calls with a deadline longer than the outage
        retry = RetryPolicy(max_attempts=50, deadline=5, backoff=0.05, max_backoff=0.2)
        with MemqClient(f"http://127.0.0.1:{port}", KEY, retry=retry) as memq:
            reply = memq.context("s1")
        # Then it kept trying until the gateway answered
        assert reply.session_id == "s1"
        assert len(started[0].requests) == 1
    finally:
        for server in started:
            server.stop()


def test_a_gateway_that_stays_down_fails_at_the_deadline() -> None:
    port = free_port()
    retry = RetryPolicy(max_attempts=1000, deadline=1.0, backoff=0.05, max_backoff=0.2)
    with MemqClient(f"http://127.0.0.1:{port}", KEY, retry=retry) as memq:
        started = time.monotonic()
        with pytest.raises(Unavailable) as caught:
            memq.context("s1")
        elapsed = time.monotonic() - started
    assert caught.value.status is None and caught.value.code == "connection_error"
    assert caught.value.attempts > 2
    assert elapsed <= 1.3
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_a_create_whose_answer_was_lost_returns_the_created_session() -> None:
    session = {
        "session_id": "s1",
        "user_id": "u1",
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
    }
    conflict = Answer(409, {"error": {"code": "conflict", "detail": "taken"}})
    script = [unavailable(504), conflict, Answer(200, session)]
    with scripted_server(script) as srv, client(srv) as memq:
        created = memq.create_session("u1", session_id="s1")
    assert created.session_id == "s1"
    assert [r.method for r in srv.requests] == ["POST", "POST", "GET"]


def test_dot_ids_are_escaped_not_collapsed() -> None:
    with scripted_server([], Answer(200, CONTEXT | {"session_id": ".."})) as srv, client(srv) as m:
        m.context("..")
    assert srv.requests[0].path.startswith("/v1/sessions/%2E%2E/context")


def test_configuration_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with scripted_server([], Answer(200, CONTEXT)) as srv:
        monkeypatch.setenv("MEMQ_URL", srv.url + "/")
        monkeypatch.setenv("MEMQ_API_KEY", "env-key-0123456789")
        with MemqClient() as memq:
            memq.context("s1", format="text", budget=100)
            assert "env-key" not in repr(memq)
        assert srv.requests[0].headers["Authorization"] == "Bearer env-key-0123456789"
        assert srv.requests[0].path == "/v1/sessions/s1/context?budget=100&format=text"
    monkeypatch.delenv("MEMQ_API_KEY")
    with pytest.raises(ValueError, match="MEMQ_API_KEY"):
        MemqClient("http://127.0.0.1:1")


@pytest.mark.parametrize(
    ("header", "seconds"), [("3", 3.0), ("0.5", 0.5), (None, None), ("soon", None)]
)
def test_retry_after_values(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header) == seconds


def test_retry_after_as_an_http_date() -> None:
    when = httpx.Headers(
        {"d": time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 5))}
    )
    value = parse_retry_after(when["d"])
    assert value is not None and 3 <= value <= 5


# -- the async client: same loop, same rules ---------------------------------------


def test_async_client_retries_like_the_sync_one() -> None:
    limited = Answer(
        429, {"error": {"code": "rate_limited", "detail": "x"}}, {"Retry-After": "0.2"}
    )
    script = [unavailable(), limited, Answer(202, ACCEPTED), Answer(404, None)]

    async def run(srv: ScriptedServer) -> None:
        async with AsyncMemqClient(srv.url, KEY, retry=FAST) as memq:
            accepted = await memq.publish("s1", "user", "hi")
            assert accepted.seq == 7
            with pytest.raises(NotFound) as caught:
                await memq.context("missing")
            assert caught.value.attempts == 1

    with scripted_server(script) as srv:
        asyncio.run(run(srv))
    bodies = [r.json()["message_id"] for r in srv.requests[:3]]
    assert len(srv.requests) == 4 and len(set(bodies)) == 1


def test_async_publish_many_retries_with_the_same_ids() -> None:
    async def run(srv: ScriptedServer) -> list[str]:
        async with AsyncMemqClient(srv.url, KEY, retry=FAST) as memq:
            accepted = await memq.publish_many(
                [{"session_id": f"s{n}", "role": "user", "content": f"q{n}"} for n in range(3)]
            )
        return [a.message_id for a in accepted]

    with scripted_server([unavailable(504)], batch_accepted("g0", "g1", "g2")) as srv:
        assert asyncio.run(run(srv)) == ["g0", "g1", "g2"]
    first, retry = (r.json()["messages"] for r in srv.requests)
    assert first == retry and len({m["message_id"] for m in first}) == 3


def test_async_client_gives_up_at_the_deadline() -> None:
    async def run(port: int) -> Unavailable:
        retry = RetryPolicy(max_attempts=100, deadline=0.8, backoff=0.05, max_backoff=0.1)
        async with AsyncMemqClient(f"http://127.0.0.1:{port}", KEY, retry=retry) as memq:
            try:
                await memq.context("s1")
            except Unavailable as exc:
                return exc
        raise AssertionError("no error")

    started = time.monotonic()
    error = asyncio.run(run(free_port()))
    assert time.monotonic() - started <= 1.2
    assert error.attempts > 2


def test_the_client_imports_no_server_code() -> None:
    probe = (
        "import sys, memq_client; "
        "print(sorted(m for m in ('dramatiq', 'gateway', 'actors', 'store', 'fastapi', 'pika') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
