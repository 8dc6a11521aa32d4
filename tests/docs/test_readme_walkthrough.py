"""The README followed by a newcomer, on the embedded default (issue 14).

One ``memq serve`` with no servers and no MEMQ_API_KEYS, as `make serve`
runs it; every step is a section of the README: the first conversation, a
retried post, the analytics of a session just written to, and the lifecycle
rules (an ended session reopens on a message; a deleted one takes none).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.support.processes import MemqProcess, free_port, wait_for, wait_until_ready


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    tmp = tmp_path_factory.mktemp("walkthrough")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMQ_")}
    env |= {
        "MEMQ_DATA_DIR": str(tmp / "data"),
        "MEMQ_PORT": str(port),
        # No flush before a read but the read's own: what point 9 is about.
        "MEMQ_ANALYTICS_FLUSH_INTERVAL": "3600",
        "MEMQ_MAINTENANCE_INTERVAL": "3600",
    }
    server = MemqProcess(["serve"], env, tmp / "serve.log")
    server.env = env  # nothing of the developer's MEMQ_* settings
    server.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base, server)
        match = re.search(r"Authorization: Bearer (\S+)", server.log())
        assert match, server.log()
        headers = {"Authorization": f"Bearer {match.group(1)}"}
        with httpx.Client(base_url=base, headers=headers, timeout=15) as http:
            yield http
    finally:
        server.stop()


def post(client: httpx.Client, session: str, message_id: str, content: str, **extra: Any) -> Any:
    body = {"message_id": message_id, "role": "user", "content": content, **extra}
    response = client.post(f"/v1/sessions/{session}/messages", json=body)
    assert response.status_code == 202, response.text
    return response.json()


def stored(client: httpx.Client, session: str) -> list[dict[str, Any]]:
    response = client.get(f"/v1/sessions/{session}/messages", params={"limit": 500})
    return [] if response.status_code == 404 else list(response.json()["messages"])


README = Path(__file__).resolve().parents[2] / "README.md"


def readme_answers() -> list[dict[str, Any]]:
    """The JSON answers the README's first conversation shows, in order."""
    section = README.read_text().split("## A first conversation", 1)[1].split("\n## ", 1)[0]
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", section, re.S)]


def test_the_first_conversation(client: httpx.Client) -> None:
    shown_accepted, shown_context = readme_answers()
    accepted = post(client, "demo", "m1", "Hi, I am Sara. Is the Nanopresso under warranty?")
    assert accepted.keys() == shown_accepted.keys()
    assert accepted == {
        "message_id": "m1",
        "session_id": "demo",
        "seq": accepted["seq"],
        "generated_id": False,
        "duplicate": False,
    }
    wait_for(lambda: len(stored(client, "demo")) == 1)
    context = client.get("/v1/sessions/demo/context", params={"format": "text"}).json()
    # As the README shows it, but for the seq
    assert context.keys() == shown_context.keys()
    assert context["text"] == shown_context["text"]
    assert context["estimated_tokens"] == shown_context["estimated_tokens"]
    # The README shows this shape: the text in a field, the default budget, what was dropped
    assert context["format"] == "text" and context["budget"] == 1200
    assert "Nanopresso" in context["text"] and context["dropped"] == []
    too_small = client.get("/v1/sessions/demo/context", params={"budget": 10})
    assert too_small.status_code == 422 and "64" in too_small.json()["error"]["detail"]


def test_a_retried_post_is_a_duplicate_with_the_stored_seq(client: httpx.Client) -> None:
    first = post(client, "retry", "r1", "first try")
    again = post(client, "retry", "r1", "first try")
    assert again["duplicate"] is True and again["seq"] == first["seq"]
    wait_for(lambda: len(stored(client, "retry")) == 1)
    assert [m["seq"] for m in stored(client, "retry")] == [first["seq"]]


def test_analytics_count_what_is_stored_without_waiting_for_a_flush(client: httpx.Client) -> None:
    for n in range(3):
        post(client, "counted", f"c{n}", f"question {n}")
    wait_for(lambda: len(stored(client, "counted")) == 3)
    figures = client.get("/v1/analytics/sessions/counted").json()
    assert (figures["user_messages"], figures["buffered_messages"]) == (3, 0)


def test_a_message_to_an_ended_session_reopens_it(client: httpx.Client) -> None:
    post(client, "ending", "e1", "hello")
    wait_for(lambda: len(stored(client, "ending")) == 1)
    assert client.post("/v1/sessions/ending/end").json()["status"] == "ended"
    post(client, "ending", "e2", "one more thing")
    wait_for(lambda: len(stored(client, "ending")) == 2)
    session = client.get("/v1/sessions/ending").json()
    assert session["status"] == "active" and session["ended_at"] is None


def test_a_message_to_a_deleted_session_is_accepted_and_dropped(client: httpx.Client) -> None:
    post(client, "gone", "g1", "hello")
    wait_for(lambda: len(stored(client, "gone")) == 1)
    assert client.delete("/v1/sessions/gone").status_code == 204
    post(client, "gone", "g2", "anyone there?")  # 202: the gateway holds no database
    post(client, "after", "a1", "a later message, stored after g2")
    wait_for(lambda: len(stored(client, "after")) == 1)
    assert client.get("/v1/sessions/gone").status_code == 404
    assert stored(client, "gone") == []


def test_creating_a_session_needs_a_user_id(client: httpx.Client) -> None:
    missing = client.post("/v1/sessions", json={"session_id": "made"})
    assert missing.status_code == 422 and "user_id" in missing.json()["error"]["detail"]
    made = client.post("/v1/sessions", json={"session_id": "made", "user_id": "u1"})
    assert made.status_code == 201, made.text


def test_messages_page_backward_from_the_newest(client: httpx.Client) -> None:
    for n in range(5):
        post(client, "paged", f"p{n}", f"message {n}")
    wait_for(lambda: len(stored(client, "paged")) == 5)
    page = client.get("/v1/sessions/paged/messages", params={"limit": 2}).json()
    assert [m["message_id"] for m in page["messages"]] == ["p3", "p4"]
    older = client.get(
        "/v1/sessions/paged/messages", params={"limit": 2, "before": page["next_before"]}
    ).json()
    assert [m["message_id"] for m in older["messages"]] == ["p1", "p2"]
