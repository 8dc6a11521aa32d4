"""Search in three languages and export/import over the real stack (gateway + worker + RabbitMQ)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import KEY_A, KEY_B, Stack
from tests.e2e.test_mongo_mode import mongo_stack  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e

EN = "Does the Samsung Galaxy come with a warranty?"
FA = "قیمت گوشي سامسونگ گلکسی چند است؟"
TH = "ราคาโทรศัพท์มือถือซัมซุงเท่าไหร่ครับ"
REPLY = "Yes, two years of warranty."


def post(client: httpx.Client, session_id: str, n: int, role: str, content: str) -> None:
    response = client.post(
        f"/v1/sessions/{session_id}/messages",
        json={
            "message_id": f"{session_id}-m{n}",
            "role": role,
            "content": content,
            "user_id": "u1",
            "channel": "web",
        },
    )
    assert response.status_code == 202, response.text


def hits(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.text
    return [(h["session_id"], h["message_id"]) for h in response.json()["hits"]]


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in document.items() if k != "analytics"}
    body["session"] = {k: v for k, v in document["session"].items() if k != "session_id"}
    return body


@pytest.fixture(params=["sqlite", "mongo"])
def any_stack(request: pytest.FixtureRequest) -> Stack:
    """The SQLite stack, and the MongoDB one of ``test_mongo_mode``."""
    name = "stack" if request.param == "sqlite" else "mongo_stack"
    deployment: Stack = request.getfixturevalue(name)
    return deployment


def test_search_in_three_languages(any_stack: Stack) -> None:
    stack = any_stack
    # Given a conversation in English, Persian and Thai in account A, and one in B
    with stack.client() as a, stack.client(KEY_B) as b:
        for n, (role, text) in enumerate(
            [("user", EN), ("assistant", REPLY), ("user", FA), ("user", TH)], start=1
        ):
            post(a, "shop", n, role, text)
        post(a, "other", 1, "user", "nothing about phones")
        post(b, "bshop", 1, "user", EN)
        stack.wait_for_count("shop", 4)
        stack.wait_for_count("other", 1)
        # When A searches one session or the whole account
        assert hits(a.get("/v1/sessions/shop/search", params={"q": "galaxy WARRANTY"})) == [
            ("shop", "shop-m1")
        ]
        assert hits(a.get("/v1/search", params={"q": "گوشی"})) == [("shop", "shop-m3")]
        thai = a.get("/v1/search", params={"q": "โทรศัพท์", "user_id": "u1"})
        assert hits(thai) == [("shop", "shop-m4")]
        hit = thai.json()["hits"][0]
        assert hit["role"] == "user" and hit["snippet"] == TH and hit["score"] > 0
        ranked = hits(a.get("/v1/search", params={"q": "warranty", "limit": 5}))
        assert sorted(ranked) == [("shop", "shop-m1"), ("shop", "shop-m2")]
        # Then B only ever finds its own message
        assert hits(b.get("/v1/search", params={"q": "warranty"})) == [("bshop", "bshop-m1")]
        assert b.get("/v1/sessions/shop/search", params={"q": "warranty"}).status_code == 404
        # And bad queries are refused
        assert a.get("/v1/search", params={"q": ""}).status_code == 422
        assert a.get("/v1/search", params={"q": "x", "limit": 101}).status_code == 422


def test_export_import_round_trip_and_idempotence(any_stack: Stack, tmp_path: Path) -> None:
    stack = any_stack
    with stack.client() as a, stack.client(KEY_B) as b:
        # Given a session of account A
        for n, (role, text) in enumerate([("user", EN), ("assistant", REPLY), ("user", TH)], 1):
            post(a, "trip", n, role, text)
        stack.wait_for_count("trip", 3)
        exported = a.get("/v1/sessions/trip/export")
        assert exported.status_code == 200, exported.text
        document = exported.json()
        assert document["format"] == "memq.session" and document["version"] == 1
        assert "acct-a" not in exported.text  # the account id never leaves
        assert [m["message_id"] for m in document["messages"]] == ["trip-m1", "trip-m2", "trip-m3"]
        # When account B imports it, twice
        first = b.post("/v1/sessions/import", json=document)
        assert first.status_code == 201, first.text
        result = first.json()
        assert result["messages_imported"] == 3 and not result["already_imported"]
        second = b.post("/v1/sessions/import", json=document).json()
        assert second["session_id"] == result["session_id"] and second["already_imported"]
        # Then B's export of the copy has the same content
        again = b.get(f"/v1/sessions/{result['session_id']}/export").json()
        assert comparable(again) == comparable(document)
        assert hits(b.get("/v1/search", params={"q": "ซัมซุง"})) == [
            (result["session_id"], "trip-m3")
        ]
        # And a bad document is a 422 with a clear message
        broken = {**document, "messages": list(reversed(document["messages"]))}
        refused = b.post("/v1/sessions/import", json=broken)
        assert refused.status_code == 422
        assert "conversation order" in refused.text
        assert b.post("/v1/sessions/import", json={"format": "other"}).status_code == 422
        # An asked id is refused while B holds these message ids (unique per account)
        asked = b.post("/v1/sessions/import", params={"session_id": "copy-2"}, json=document)
        assert asked.status_code == 409
    # And the CLI does the same over HTTP
    env = {**stack.env, "MEMQ_URL": stack.base_url, "MEMQ_API_KEY": KEY_A}
    out = subprocess.run(
        [sys.executable, "-m", "memq.cli", "export", "trip"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    path = tmp_path / "trip.json"
    path.write_text(out.stdout, encoding="utf-8")
    assert comparable(json.loads(out.stdout)) == comparable(document)
    imported = subprocess.run(
        [sys.executable, "-m", "memq.cli", "import", str(path), "--account", "acct-b"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(imported.stdout)["session_id"] == result["session_id"]
    # And after B deletes its copy, an asked free id is used once, then conflicts
    with stack.client(KEY_B) as b:
        assert b.delete(f"/v1/sessions/{result['session_id']}").status_code == 204
        asked = b.post("/v1/sessions/import", params={"session_id": "copy-2"}, json=document)
        assert asked.status_code == 201, asked.text
        assert asked.json()["session_id"] == "copy-2"
        taken = b.post("/v1/sessions/import", params={"session_id": "copy-2"}, json=document)
        assert taken.status_code == 409
