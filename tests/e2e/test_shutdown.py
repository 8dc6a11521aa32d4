"""SIGTERM on every memq process: in-flight work finishes, the log holds no error, exit 0.

The broker URL asks for 2-second heartbeats, so the connections of idle worker
threads are closed by RabbitMQ long before the stop, as happens in production
after a quiet minute: closing those used to log an ERROR (and a traceback) per
connection. A memory fold is in flight when the worker is told to stop: Claude
(the loopback fake Messages API, driven by the real anthropic client) answers
it 6 s later, and the worker waits for it.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.support.processes import MemqProcess, wait_for
from tests.e2e.conftest import KEY_A, Stack, running_stack
from tests.e2e.test_serve_embedded import Embedded
from tests.support.fake_anthropic import FakeAnthropic, text_reply, tool_reply

pytestmark = pytest.mark.e2e

SHUTDOWN_TIMEOUT = 20
SUMMARY = "Sara ordered a Nanopresso and asked when it ships."


@pytest.fixture
def claude() -> Iterator[FakeAnthropic]:
    fake = FakeAnthropic.start()
    try:
        yield fake
    finally:
        fake.close()


def with_heartbeat(url: str, seconds: int) -> str:
    return f"{url}{'&' if '?' in url else '?'}heartbeat={seconds}"


def stop(process: MemqProcess) -> tuple[int, float]:
    """SIGTERM, then (exit code, seconds it took)."""
    assert process.proc is not None and process.proc.poll() is None
    started = time.monotonic()
    process.proc.send_signal(signal.SIGTERM)
    code = process.proc.wait(SHUTDOWN_TIMEOUT + 10)
    return code, time.monotonic() - started


def assert_clean(process: MemqProcess) -> None:
    log = process.log()
    assert "Traceback" not in log, log[-3000:]
    assert " ERROR " not in log, log[-3000:]


def test_sigterm_finishes_in_flight_work_logs_no_error_and_exits_0(
    amqp_url: str, queue_prefix: str, tmp_path: Path, claude: FakeAnthropic
) -> None:
    with running_stack(
        with_heartbeat(amqp_url, 2),
        queue_prefix,
        tmp_path,
        ANTHROPIC_API_KEY="sk-test-not-a-real-key",
        MEMQ_ANTHROPIC_BASE_URL=claude.base_url,
        MEMQ_LLM_MAX_RETRIES="0",
        MEMQ_SHUTDOWN_TIMEOUT=str(SHUTDOWN_TIMEOUT),
    ) as stack:
        run(stack, claude, tmp_path)


def run(stack: Stack, claude: FakeAnthropic, tmp_path: Path) -> None:
    worker = stack.workers[0]
    pool = stack.start_worker("--queues", "context", "--processes", "2", "--threads", "2")
    scheduler = MemqProcess(["scheduler"], stack.env, tmp_path / "scheduler.log").start()
    stack.workers.append(scheduler)  # stopped with the stack should the test fail
    # Given Claude answering the first fold only after 6 s
    claude.enqueue(text_reply(SUMMARY).after(6.0))
    claude.enqueue(tool_reply("record_facts", {"facts": []}))
    # and ten messages: five leave the verbatim window, so a fold is due
    with stack.client(KEY_A) as client:
        for n in range(10):
            role = "user" if n % 2 == 0 else "assistant"
            body = {"message_id": f"m{n}", "role": role, "content": f"Nanopresso message {n}"}
            assert client.post("/v1/sessions/s1/messages", json=body).status_code == 202
            assert client.get("/v1/sessions/s1/context").status_code == 200
    stack.wait_for_count("s1", 10)
    wait_for(lambda: len(claude.requests) >= 1, 15, interval=0.1)  # the fold is in flight
    time.sleep(1.0)  # and idle connections are past their heartbeat timeout

    # When the worker holding the fold gets SIGTERM
    code, took = stop(worker)
    # Then it waited for the fold, exited 0 within the grace period, and logged no error
    assert code == 0
    assert 3.0 < took < SHUTDOWN_TIMEOUT, took
    assert claude.pending == 0 and claude.unscripted == 0
    assert_clean(worker)
    # And so do the other processes: a two-process pool, the scheduler, the gateway
    for process in (pool, scheduler):
        code, took = stop(process)
        assert code == 0 and took < SHUTDOWN_TIMEOUT, (process.args, code, took)
        assert_clean(process)

    # And the fold the worker finished is stored (read through the remaining pool's successor)
    reader = stack.start_worker("--queues", "context", "--threads", "1", name="reader")
    with stack.client(KEY_A) as client:
        wait_for(lambda: client.get("/readyz").status_code == 200, 30, interval=0.2)
        memory = client.get("/v1/sessions/s1/memory").json()
    recent = [tier for tier in memory["tiers"] if tier["tier"] == "recent"]
    assert recent and recent[0]["text"] == SUMMARY, memory
    assert memory["folded_messages"] == 5
    code, _ = stop(reader)
    assert code == 0
    code, _ = stop(stack.gateway)
    assert code == 0
    assert_clean(stack.gateway)


def test_sigterm_stops_memq_serve_cleanly_and_exits_0(tmp_path: Path) -> None:
    # Given the embedded server, with a message just accepted
    server = Embedded(tmp_path)
    server.env["MEMQ_SHUTDOWN_TIMEOUT"] = str(SHUTDOWN_TIMEOUT)
    key = server.start()
    with httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {key}"}) as c:
        body = {"message_id": "m1", "role": "user", "content": "hello"}
        assert c.post("/v1/sessions/s1/messages", json=body).status_code == 202
    assert server.process is not None
    # When it gets SIGTERM, Then it drains, exits 0 in time, and logs no error
    code, took = stop(server.process)
    assert code == 0 and took < SHUTDOWN_TIMEOUT, (code, took)
    assert_clean(server.process)
    # And the accepted message was stored before it stopped: nothing left to replay
    key = server.start()
    with httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {key}"}) as c:
        assert len(c.get("/v1/sessions/s1/messages").json()["messages"]) == 1
    assert "replayed" not in server.process.log()
    server.process.stop()
