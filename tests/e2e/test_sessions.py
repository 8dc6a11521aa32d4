"""Session resources end to end, and the probes."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import Stack

pytestmark = pytest.mark.e2e


def test_session_lifecycle_over_http(stack: Stack) -> None:
    with stack.client() as client:
        # Given a session created explicitly, with a generated id
        created = client.post(
            "/v1/sessions",
            json={
                "user_id": "u7",
                "channel": "whatsapp",
                "title": "Order help",
                "metadata": {"tier": "gold"},
            },
        )
        assert created.status_code == 201, created.text
        session = created.json()
        session_id = session["session_id"]
        assert session["status"] == "active" and session["message_count"] == 0
        # And a client-chosen id that is then taken
        assert (
            client.post("/v1/sessions", json={"user_id": "u7", "session_id": "chosen"}).status_code
            == 201
        )
        conflict = client.post("/v1/sessions", json={"user_id": "u7", "session_id": "chosen"})
        assert conflict.status_code == 409
        # When it is patched, messaged, listed, ended and deleted
        patched = client.patch(f"/v1/sessions/{session_id}", json={"title": "Renamed"})
        assert patched.json()["title"] == "Renamed"
        assert patched.json()["metadata"] == {"tier": "gold"}
        assert (
            client.post(
                f"/v1/sessions/{session_id}/messages",
                json={"role": "user", "content": "first words"},
            ).status_code
            == 202
        )
        stack.wait_for_count(session_id, 1)
        listed = client.get("/v1/sessions", params={"user_id": "u7"}).json()["sessions"]
        assert listed[0]["session_id"] == session_id  # most recent activity first
        assert (
            client.get("/v1/sessions", params={"channel": "whatsapp"}).json()["sessions"][0][
                "session_id"
            ]
            == session_id
        )
        ended = client.post(f"/v1/sessions/{session_id}/end", json={"reason": "resolved"})
        assert ended.json()["status"] == "ended" and ended.json()["ended_reason"] == "resolved"
        active = client.get("/v1/sessions", params={"active": "true"}).json()["sessions"]
        assert session_id not in [s["session_id"] for s in active]
        assert client.delete(f"/v1/sessions/{session_id}").status_code == 204
        # Then it is gone
        assert client.get(f"/v1/sessions/{session_id}").status_code == 404


def test_list_sessions_pages_with_a_cursor(shared_stack: Stack) -> None:
    with shared_stack.client() as client:
        for i in range(5):
            assert (
                client.post(
                    "/v1/sessions", json={"user_id": "pager", "session_id": f"p{i}"}
                ).status_code
                == 201
            )
        seen: list[str] = []
        cursor = None
        while True:
            params: dict[str, object] = {"user_id": "pager", "limit": 2}
            if cursor:
                params["cursor"] = cursor
            page = client.get("/v1/sessions", params=params).json()
            seen += [s["session_id"] for s in page["sessions"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert sorted(seen) == [f"p{i}" for i in range(5)] and len(seen) == 5
        assert client.get("/v1/sessions", params={"cursor": "garbage"}).status_code == 422


def test_messages_page_backwards(shared_stack: Stack) -> None:
    with shared_stack.client() as client:
        for i in range(7):
            client.post(
                "/v1/sessions/s-page/messages",
                json={"message_id": f"p{i}", "role": "user", "content": f"c{i}"},
            )
        shared_stack.wait_for_count("s-page", 7)
        page = client.get("/v1/sessions/s-page/messages", params={"limit": 3}).json()
        assert [m["content"] for m in page["messages"]] == ["c4", "c5", "c6"]
        older = client.get(
            "/v1/sessions/s-page/messages", params={"limit": 3, "before": page["next_before"]}
        ).json()
        assert [m["content"] for m in older["messages"]] == ["c1", "c2", "c3"]
        assert client.get("/v1/sessions/s-page/messages", params={"limit": 501}).status_code == 422


def test_probes_and_openapi(shared_stack: Stack) -> None:
    assert httpx.get(f"{shared_stack.base_url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{shared_stack.base_url}/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"broker": "ok", "store": "ok"}
    spec = httpx.get(f"{shared_stack.base_url}/openapi.json").json()
    assert "/v1/sessions/{session_id}/messages" in spec["paths"]


def test_readyz_fails_when_no_worker_answers(stack: Stack) -> None:
    for worker in stack.workers:
        worker.stop()
    ready = httpx.get(f"{stack.base_url}/readyz", timeout=10)
    assert ready.status_code == 503
    assert ready.json()["checks"]["broker"] == "ok"
    assert "no reply" in ready.json()["checks"]["store"]
