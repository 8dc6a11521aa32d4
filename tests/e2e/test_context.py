"""Context over request-reply, end to end over the local RabbitMQ."""

from __future__ import annotations

import concurrent.futures
import threading
import time

import httpx
import pytest

from bench.support.processes import MemqProcess, free_port, wait_for, wait_until_ready
from tests.e2e.conftest import KEY_A, KEY_B, Stack

pytestmark = pytest.mark.e2e

CONVERSATIONS = {
    "en": [
        ("user", "Hi, my name is Sara and I want the Nanopresso."),
        ("assistant", "The Nanopresso costs $89.99 with a 2 years warranty."),
        ("user", "Great, my email is sara@example.com."),
    ],
    "fa": [
        ("user", "سلام، قیمت نانوپرسو چنده؟"),
        ("assistant", "قیمت نانوپرسو ۸٬۲۴۹٬۰۰۰ تومان است و ۲ سال گارانتی دارد."),
        ("user", "عالیه، ممنون"),
    ],
    "th": [
        ("user", "สวัสดีครับ ผมชื่อสมชาย"),
        ("assistant", "สวัสดีค่ะ คุณสมชาย ราคา 1,500 บาท รับประกัน 2 ปี"),
        ("user", "ขอบคุณครับ"),
    ],
}


def publish(stack: Stack, session_id: str, turns: list[tuple[str, str]], key: str = KEY_A) -> None:
    with stack.client(key) as client:
        for i, (role, content) in enumerate(turns):
            body = {"message_id": f"{session_id}-{i}", "role": role, "content": content}
            assert client.post(f"/v1/sessions/{session_id}/messages", json=body).status_code == 202
    wait_for(lambda: len(stack.stored_messages(session_id, key)) == len(turns))


def context(stack: Stack, session_id: str, key: str = KEY_A, **params: object) -> httpx.Response:
    with stack.client(key) as client:
        return client.get(f"/v1/sessions/{session_id}/context", params=params)


@pytest.mark.parametrize("language", sorted(CONVERSATIONS))
def test_three_formats_without_summaries(shared_stack: Stack, language: str) -> None:
    turns = CONVERSATIONS[language]
    publish(shared_stack, f"c-{language}", turns)
    text = context(shared_stack, f"c-{language}").json()
    assert text["format"] == "text"
    assert "[CURRENT MESSAGES - Last 3]" in text["text"]
    for _, content in turns:
        assert content in text["text"]
    data = context(shared_stack, f"c-{language}", format="json").json()
    assert [m["content"] for m in data["context"]["verbatim"]] == [c for _, c in turns]
    assert data["freshness"]["last_message_id"] == f"c-{language}-2"
    anthropic = context(shared_stack, f"c-{language}", format="anthropic").json()
    roles = [turn["role"] for turn in anthropic["messages"]]
    assert roles == ["user", "assistant", "user"]
    assert anthropic["estimated_tokens"] <= anthropic["budget"]


def test_formats_with_summaries_and_the_budget(shared_stack: Stack) -> None:
    # Given a Persian conversation long enough to have summaries and facts
    turns = CONVERSATIONS["fa"] * 8  # 24 messages: 15 folded once memory catches up
    publish(shared_stack, "c-long", turns)
    with shared_stack.client() as client:
        wait_for(
            lambda: client.get("/v1/sessions/c-long/memory").json()["folded_messages"] >= 15,
            timeout=60,
            interval=0.3,
        )
    # When the whole history fits the default budget, it is the context, word for word,
    # with the key facts
    text = context(shared_stack, "c-long").json()["text"]
    assert "[KEY FACTS]" in text and "[CURRENT MESSAGES - Last 24]" in text
    assert "CONVERSATION" not in text and "[RECENT MESSAGES" not in text
    # and a smaller budget shows the newest messages and summarizes the rest
    short = context(shared_stack, "c-long", budget=300).json()
    assert "[RECENT MESSAGES - Messages" in short["text"]
    assert short["estimated_tokens"] <= 300
    # When the budget is the minimum, the reply holds it and says what it dropped
    smallest = context(shared_stack, "c-long", budget=64, format="anthropic").json()
    assert smallest["estimated_tokens"] <= 64
    assert smallest["dropped"]
    assert smallest["messages"] and smallest["messages"][-1]["role"] == "user"
    large = context(shared_stack, "c-long", budget=100_000, format="json").json()
    assert large["estimated_tokens"] <= 100_000
    assert not [d for d in large["dropped"] if d["kind"].startswith("tier:")]
    # And a budget under the minimum, or an unknown session, is refused
    assert context(shared_stack, "c-long", budget=10).status_code == 422
    assert context(shared_stack, "c-nope").status_code == 404


def test_replies_never_cross_accounts_or_requests(stack: Stack) -> None:
    # Given two more gateway processes on the same broker
    extra = []
    for index in range(2):
        port = free_port()
        env = {**stack.env, "MEMQ_PORT": str(port)}
        process = MemqProcess(["gateway"], env, stack.logs / f"gateway-{index + 1}.log").start()
        wait_until_ready(f"http://127.0.0.1:{port}", process)
        extra.append((f"http://127.0.0.1:{port}", process))
    try:
        # and the same session id in two accounts, plus sessions per request
        publish(stack, "twin", [("user", "alpha secret")], KEY_A)
        publish(stack, "twin", [("user", "bravo secret")], KEY_B)
        for i in range(6):
            publish(stack, f"own-{i}", [("user", f"marker {i}")])
        urls = [stack.base_url] + [url for url, _ in extra]

        def ask(job: int) -> None:
            url = urls[job % len(urls)]
            key, expected, session = (
                (KEY_A, "alpha secret", "twin")
                if job % 3 == 0
                else (KEY_B, "bravo secret", "twin")
                if job % 3 == 1
                else (KEY_A, f"marker {job % 6}", f"own-{job % 6}")
            )
            reply = httpx.get(
                f"{url}/v1/sessions/{session}/context",
                headers={"Authorization": f"Bearer {key}"},
                timeout=10,
            ).json()
            assert reply["session_id"] == session
            assert expected in reply["text"]
            assert ("alpha" in reply["text"]) == (expected == "alpha secret")
            assert ("bravo" in reply["text"]) == (expected == "bravo secret")

        # When 16 clients ask at once through three gateways
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            list(pool.map(ask, range(96)))
    finally:
        for _, process in extra:
            process.stop()


def test_a_worker_restarted_during_a_request_ends_in_an_answer(stack: Stack) -> None:
    publish(stack, "c-restart", [("user", "are you there?")])
    # Given a gateway that waits 5 s per attempt (room for a worker to boot on a busy
    # machine), and no worker consuming the context queue
    port = free_port()
    env = {**stack.env, "MEMQ_PORT": str(port), "MEMQ_CONTEXT_TIMEOUT": "5"}
    gateway = MemqProcess(["gateway"], env, stack.logs / "gateway-patient.log").start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base_url, gateway)
        for worker in stack.workers:
            worker.kill()
        result: dict[str, object] = {}

        def request() -> None:
            response = httpx.get(
                f"{base_url}/v1/sessions/c-restart/context",
                headers={"Authorization": f"Bearer {KEY_A}"},
                timeout=30,
            )
            result.update(status=response.status_code, body=response.json())

        # When a request is in flight and a worker comes back
        thread = threading.Thread(target=request)
        thread.start()
        time.sleep(0.5)
        stack.start_worker("--threads", "4")
        thread.join(30)
        # Then the request still gets its answer (from its first attempt or the retry)
        assert result["status"] == 200, result
        assert "are you there?" in result["body"]["text"]  # type: ignore[index]
    finally:
        gateway.stop()
