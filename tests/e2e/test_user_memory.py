"""Memory across conversations end to end: gateway → RabbitMQ → workers → SQLite.

A user talks to the persona "meher" twice (English, then Persian), each
conversation ends; the third conversation (Thai) shows at its first message
what the first two left. Then the API reads, searches, corrects and erases,
and another account, a guessed user id and another persona see nothing.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.support.processes import MemqProcess, wait_for
from memq_client import AsyncMemqClient, InvalidRequest, MemqClient, NotFound, RetryPolicy
from tests.e2e.conftest import KEY_A, KEY_B, Stack, running_stack
from tests.user_memory.conversations import ENGLISH, PERSIAN, THAI, Turns
from tests.user_memory.test_details import EMAIL, METER, READING

pytestmark = pytest.mark.e2e


def talk(client: httpx.Client, session: str, turns: Turns, user: str | None = "u1") -> None:
    for i, (role, content) in enumerate(turns):
        body: dict[str, Any] = {"message_id": f"{session}-{i}", "role": role, "content": content}
        if user is not None:
            body["user_id"] = user
        response = client.post(f"/v1/sessions/{session}/messages", json=body)
        assert response.status_code == 202, response.text


def start(client: httpx.Client, session: str, persona: str) -> None:
    body = {"session_id": session, "user_id": "u1", "persona": persona}
    assert client.post("/v1/sessions", json=body).status_code == 201


def memory(client: httpx.Client, user: str = "u1", persona: str = "meher") -> dict[str, Any]:
    response = client.get(f"/v1/users/{user}/memory", params={"persona": persona})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def merged(client: httpx.Client, session: str) -> bool:
    return any(c["session_id"] == session and c["ended"] for c in memory(client)["conversations"])


def test_a_returning_user_is_remembered_and_can_be_forgotten(stack: Stack) -> None:
    with stack.client() as client:
        # Given two ended conversations with the persona meher
        for session, turns in (("c1", ENGLISH), ("c2", PERSIAN)):
            start(client, session, "meher")
            talk(client, session, turns)
            stack.wait_for_count(session, len(turns))
            assert client.post(f"/v1/sessions/{session}/end").status_code == 200
            wait_for(lambda s=session: merged(client, s), timeout=60, interval=0.3)  # type: ignore[misc]
        listed = client.get("/v1/sessions", params={"persona": "meher"}).json()
        assert sorted(s["session_id"] for s in listed["sessions"]) == ["c1", "c2"]
        assert {s["persona"] for s in listed["sessions"]} == {"meher"}
        view = memory(client)
        facts = {f["key"]: f for f in view["facts"]}
        # (the Persian conversation is the later one: its name and order are current)
        assert facts["customer_name"]["value"] == "مریم"
        assert facts["customer_name"]["history"][0]["value"] == "Sara Ahmadi"
        assert {c["language"] for c in view["conversations"]} == {"en", "fa"}

        # When the third conversation starts with a question about the first order
        start(client, "c3", "meher")
        talk(client, "c3", [("user", "สวัสดีค่ะ คำสั่งซื้อ ORD-48213 ของฉันถึงไหนแล้ว")])
        stack.wait_for_count("c3", 1)
        text = client.get("/v1/sessions/c3/context", params={"budget": 1200}).json()
        # Then its context shows the user memory first, the matching conversation first
        assert text["text"].startswith("[USER MEMORY")
        assert "مریم" in text["text"] and "ORD-55120" in text["text"]
        assert text["user_memory"]["status"] == "shown"
        assert text["user_memory"]["conversations"][0] == "c1"
        assert "ORD-48213" in text["text"]
        assert text["estimated_tokens"] <= 1200
        # And so do the other formats
        as_json = client.get("/v1/sessions/c3/context", params={"format": "json"}).json()
        assert as_json["context"]["user_memory"]["facts"]
        anthropic = client.get("/v1/sessions/c3/context", params={"format": "anthropic"}).json()
        assert anthropic["system"].startswith("[USER MEMORY")
        # And a query ranks the conversations for the message at hand
        by_query = client.get(
            "/v1/sessions/c3/context", params={"query": "سفارش ORD-55120 تهران"}
        ).json()
        assert by_query["user_memory"]["conversations"][0] == "c2"

        # A session without a user id has no user memory, and says so
        talk(client, "anon", [("user", "hello there")], user=None)
        stack.wait_for_count("anon", 1)
        anon = client.get("/v1/sessions/anon/context").json()
        assert anon["user_memory"]["status"] == "no_user_id"
        assert anon["user_memory"]["conversations"] == []
        assert not anon["text"].startswith("[USER MEMORY")

        # Search finds the Persian conversation by its order number
        found = client.get(
            "/v1/users/u1/memory/search", params={"q": "ORD-55120", "persona": "meher"}
        ).json()
        assert found["conversations"][0]["session_id"] == "c2"
        assert any(f["value"] == "ORD-55120" for f in found["facts"])

        # A fact removed by the user is gone, a corrected one current
        removed = client.patch(
            "/v1/users/u1/memory/facts/delivery_address",
            params={"persona": "meher"},
            json={"value": None},
        )
        assert removed.status_code == 200, removed.text
        assert "delivery_address" not in {f["key"] for f in removed.json()["facts"]}
        missing = client.patch(
            "/v1/users/u1/memory/facts/no_such_fact",
            params={"persona": "meher"},
            json={"value": None},
        )
        assert missing.status_code == 404
        bad = client.patch(
            "/v1/users/u1/memory/facts/customer_name", params={"persona": "bad persona!"}, json={}
        )
        assert bad.status_code == 422
        # A misspelt or empty body is refused, never read as a removal
        for body in ({"valeu": "x"}, {}):
            typo = client.patch(
                "/v1/users/u1/memory/facts/customer_name", params={"persona": "meher"}, json=body
            )
            assert typo.status_code == 422 and "value" in typo.text, typo.text
        assert "customer_name" in {f["key"] for f in memory(client)["facts"]}

    # Nothing crosses accounts, users or personas
    with stack.client(KEY_B) as other:
        assert memory(other)["facts"] == []
        assert other.delete("/v1/users/u1").json() == {
            "user_id": "u1",
            "sessions": 0,
            "messages": 0,
            "memories": 0,
            "session_memories": 0,
            "analytics_rows": 0,
            "search_entries": 0,
            "complete": True,
        }
    with stack.client() as client:
        assert memory(client, user="u2")["facts"] == []
        assert memory(client, persona="")["facts"] == []
        assert memory(client)["facts"]  # B's erasure did not touch A

        # An export of the memory, imported into account B for its user, arrives whole
        exported = client.get("/v1/users/u1/memory/export")
        assert exported.status_code == 200, exported.text
        document = exported.json()
        assert [m["persona"] for m in document["memories"]] == ["meher"]
        assert "acct" not in exported.text  # no account in it
        facts_in_a = memory(client)["facts"]
    with stack.client(KEY_B) as other:
        imported = other.post("/v1/users/b-u9/memory/import", json=document)
        assert imported.status_code == 200, imported.text
        assert imported.json()["memories"] == 1
        assert memory(other, user="b-u9")["facts"] == facts_in_a
        again = other.post("/v1/users/b-u9/memory/import", json=document).json()
        assert again["memories"] == 0  # idempotent
        assert memory(other)["facts"] == []  # the exported user id got nothing in B
        bad = other.post("/v1/users/b-u9/memory/import", json={**document, "format": "x"})
        assert bad.status_code == 422
    with stack.client() as client:
        # Erasure takes every session, message and memory of the user
        erased = client.delete("/v1/users/u1")
        assert erased.status_code == 200
        report = erased.json()
        messages = len(ENGLISH) + len(PERSIAN) + 1
        assert {k: report[k] for k in ("sessions", "messages", "memories", "complete")} == {
            "sessions": 3,
            "messages": messages,
            "memories": 1,
            "complete": True,
        }
        # every message was indexed for search; the two ended conversations had a
        # session memory and analytics (the third, one message old, may not yet)
        assert report["search_entries"] == messages
        assert 2 <= report["session_memories"] <= 3 and report["analytics_rows"] >= 2
        assert memory(client)["facts"] == [] and memory(client)["conversations"] == []
        assert client.get("/v1/users/u1/sessions").json()["sessions"] == []
        assert client.get("/v1/sessions/c1/messages").status_code == 404
        assert client.get("/v1/search", params={"q": "ORD-48213"}).json()["hits"] == []


def search(
    client: httpx.Client, query: str, user: str = "u1", persona: str = "meher"
) -> dict[str, Any]:
    response = client.get(
        f"/v1/users/{user}/memory/search", params={"q": query, "persona": persona}
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_a_search_of_the_user_memory_finds_its_details_in_the_callers_memory_only(
    stack: Stack,
) -> None:
    # Given an ended conversation of u1 with meher in account A (the meter reading is a
    # value no fact names: only a detail carries it), and one of B's u1 with meher
    for key, session, language in ((KEY_A, "r1", "en"), (KEY_B, "r2", "th")):
        with stack.client(key) as client:
            start(client, session, "meher")
            talk(client, session, METER[language])
            count = len(METER[language])
            wait_for(lambda s=session, k=key, n=count: len(stack.stored_messages(s, k)) >= n, 60)  # type: ignore[misc]
            assert client.post(f"/v1/sessions/{session}/end").status_code == 200
            wait_for(lambda c=client, s=session: merged(c, s), timeout=60, interval=0.3)  # type: ignore[misc]
    with stack.client() as client:
        # When A searches u1's memory by the words around the reading, or by the value
        found = search(client, "closing reading")
        [hit] = found["details"]
        # Then the detail comes with its session, time and values
        assert hit["session_id"] == "r1" and READING["en"] in hit["values"]
        assert "closing reading" in hit["text"] and hit["observed_at"] and hit["score"] > 0
        assert READING["en"] not in {f["value"] for f in found["facts"]}
        assert search(client, READING["en"])["details"][0]["text"] == hit["text"]
        # and only u1's memory with meher is searched: not a guessed user, not the general
        # memory, not a persona differing in case, not B's u1 with meher
        for user, persona in (("u2", "meher"), ("u1", ""), ("u1", "Meher")):
            assert search(client, READING["en"], user, persona)["details"] == []
        assert search(client, "บันทึก")["details"] == []
    with stack.client(KEY_B) as other:
        assert search(other, "closing reading")["details"] == []
        [theirs] = search(other, "บันทึก")["details"]
        assert theirs["session_id"] == "r2"
    with stack.client() as client:
        # When the user removes their email, no detail found states it any more
        removed = client.patch(
            "/v1/users/u1/memory/facts/customer_email",
            params={"persona": "meher"},
            json={"value": None},
        )
        assert removed.status_code == 200, removed.text
        for query in (EMAIL["en"], "closing reading"):
            assert EMAIL["en"] not in str(search(client, query)["details"])
        assert search(client, "closing reading")["details"][0]["values"] == [READING["en"]]
    # And the Python client types them
    with MemqClient(stack.base_url, KEY_A, retry=FAST) as memq:
        [typed] = memq.search_user_memory("u1", READING["en"], persona="meher").details
        assert typed.session_id == "r1" and typed.values == [READING["en"]]


def test_a_long_conversation_is_merged_every_25_messages(stack: Stack) -> None:
    turns: Turns = [*ENGLISH, *[("user", f"question number {i}") for i in range(21)]]
    with stack.client() as client:
        talk(client, "long", turns)
        wait_for(
            lambda: any(
                c["session_id"] == "long" and not c["ended"] and c["message_count"] == 25
                for c in memory(client, persona="")["conversations"]
            ),
            timeout=60,
            interval=0.3,
        )
        facts = {f["key"]: f["value"] for f in memory(client, persona="")["facts"]}
        assert facts["order_id"] == "ORD-48213"
        # The open session's own facts are not shown twice in its own context
        context = client.get("/v1/sessions/long/context").json()
        assert context["user_memory"]["status"] == "empty"


FAST = RetryPolicy(max_attempts=4, deadline=20, backoff=0.05, max_backoff=0.2)


def test_the_python_clients_read_correct_and_erase_a_user_memory(stack: Stack) -> None:
    with MemqClient(stack.base_url, KEY_A, retry=FAST) as memq:
        # Given an ended Thai conversation with the persona nova
        memq.create_session("u9", session_id="t1", metadata={"persona": "nova"})
        for i, (role, content) in enumerate(THAI):
            memq.publish("t1", role, content, message_id=f"t1-{i}", user_id="u9")
        stack.wait_for_count("t1", len(THAI))
        memq.end_session("t1")
        wait_for(lambda: memq.user_memory("u9", persona="nova").conversations, 60, interval=0.3)
        # When the user corrects their name and removes their address
        corrected = memq.correct_user_fact("u9", "customer_name", "สมหญิง", persona="nova")
        assert corrected.facts[0].key == "customer_name"
        assert corrected.facts[0].value == "สมหญิง"
        removed = memq.remove_user_fact("u9", "delivery_address", persona="nova")
        assert "delivery_address" not in {fact.key for fact in removed.facts}
        with pytest.raises(NotFound):
            memq.remove_user_fact("u9", "delivery_address", persona="nova")
        with pytest.raises(InvalidRequest):
            memq.user_memory("u9", persona="not a persona")
        # Then search and the next conversation's context see the corrected memory
        found = memq.search_user_memory("u9", "ORD-77001", persona="nova")
        assert found.conversations[0].session_id == "t1"
        memq.create_session("u9", session_id="t2", metadata={"persona": "nova"})
        memq.publish("t2", "user", "สวัสดีค่ะ", message_id="t2-0", user_id="u9")
        stack.wait_for_count("t2", 1)
        reply = memq.context("t2", format="text", query="ORD-77001")
        assert reply.user_memory is not None and reply.user_memory.status == "shown"
        assert reply.text is not None and "สมหญิง" in reply.text
        # (not even where the conversation's summary had quoted it)
        assert "99 ถนนสุขุมวิท กรุงเทพ" not in reply.text

    async def from_async() -> None:
        async with AsyncMemqClient(stack.base_url, KEY_A, retry=FAST) as memq:
            assert (await memq.user_memory("u9", persona="nova")).facts
            deleted = await memq.delete_user_memory("u9")
            assert deleted.memories == 1
            assert (await memq.user_memory("u9", persona="nova")).facts == []
            erased = await memq.erase_user("u9")
            assert (erased.sessions, erased.messages) == (2, len(THAI) + 1)

    asyncio.run(from_async())


def test_an_idle_conversation_is_merged_when_it_expires(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    fast = {"MEMQ_SESSION_IDLE_TIMEOUT": "2", "MEMQ_MAINTENANCE_INTERVAL": "1"}
    with running_stack(amqp_url, queue_prefix, tmp_path, **fast) as stack:
        scheduler = MemqProcess(["scheduler"], stack.env, stack.logs / "scheduler.log").start()
        stack.workers.append(scheduler)  # stopped with the stack
        with stack.client() as client:
            # Given a Persian conversation nobody ends
            talk(client, "idle", PERSIAN)
            # When it goes idle, Then the scheduler's expiry merges it, as ended
            wait_for(
                lambda: any(
                    c["session_id"] == "idle" and c["ended"]
                    for c in memory(client, persona="")["conversations"]
                ),
                timeout=60,
                interval=0.5,
            )
            facts = {f["key"]: f["value"] for f in memory(client, persona="")["facts"]}
            assert facts["order_id"] == "ORD-55120"
