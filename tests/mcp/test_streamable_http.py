"""``/mcp`` on a real gateway (`memq gateway` and `memq worker` processes over the
local RabbitMQ), driven by the MCP SDK's streamable HTTP client, beside the HTTP API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from mcp.shared.exceptions import MCPError

from bench.support.processes import wait_for
from tests.e2e.conftest import KEY_A, KEY_B, Stack, running_stack
from tests.mcp.conftest import (
    INITIALIZE,
    TOOL_NAMES,
    http_session,
    ok,
    refused,
    stdio_session,
    until,
)

pytestmark = pytest.mark.e2e


def test_each_tool_answers_what_the_http_api_answers(shared_stack: Stack) -> None:
    turns = [
        ("user", "Hello, I need my booking BK-5521 moved to Friday"),
        ("assistant", "Done: booking BK-5521 is now on Friday at 10:00."),
    ]

    async def scenario() -> None:
        async with http_session(shared_stack.base_url, KEY_A) as s:
            assert {tool.name for tool in (await s.list_tools()).tools} == TOOL_NAMES
            # Given a conversation added over MCP, with a user
            for i, (role, content) in enumerate(turns):
                body = {"role": role, "content": content, "user_id": "traveller-1"}
                accepted = await ok(
                    s, "add_message", {"session_id": "trip-1", "message_id": f"t{i}", **body}
                )
                assert accepted["duplicate"] is False and accepted["message_id"] == f"t{i}"

        # Then the HTTP API holds it, stored once each
        shared_stack.wait_for_count("trip-1", 2)
        assert [m["message_id"] for m in shared_stack.stored_messages("trip-1")] == ["t0", "t1"]

        async with http_session(shared_stack.base_url, KEY_A) as s:
            # And each read tool answers exactly what its route answers
            with shared_stack.client() as client:
                for tool, arguments, path, params in [
                    ("get_context", {"session_id": "trip-1"}, "/v1/sessions/trip-1/context", {}),
                    (
                        "get_context",
                        {"session_id": "trip-1", "budget": 300, "format": "anthropic"},
                        "/v1/sessions/trip-1/context",
                        {"budget": 300, "format": "anthropic"},
                    ),
                    ("get_memory", {"session_id": "trip-1"}, "/v1/sessions/trip-1/memory", {}),
                    (
                        "search_messages",
                        {"query": "BK-5521", "session_id": "trip-1"},
                        "/v1/sessions/trip-1/search",
                        {"q": "BK-5521"},
                    ),
                    (
                        "search_messages",
                        {"query": "Friday", "user_id": "traveller-1"},
                        "/v1/search",
                        {"q": "Friday", "user_id": "traveller-1"},
                    ),
                ]:
                    response = client.get(path, params=params)
                    assert response.status_code == 200, response.text
                    assert await ok(s, tool, arguments) == response.json(), tool

                context = await ok(s, "get_context", {"session_id": "trip-1"})
                assert "Friday at 10:00" in context["text"]

                # When the conversation ends, its user's memory recalls it
                assert client.post("/v1/sessions/trip-1/end").status_code == 200

                async def recalled() -> dict[str, Any] | None:
                    found = await ok(
                        s, "search_user_memory", {"user_id": "traveller-1", "query": "booking"}
                    )
                    return found if found["conversations"] else None

                memory = await until(recalled)
                assert memory is not None, "the ended conversation never reached user memory"
                assert memory["conversations"][0]["session_id"] == "trip-1"
                response = client.get(
                    "/v1/users/traveller-1/memory/search", params={"q": "booking"}
                )
                assert memory == response.json()

    anyio.run(scenario)


def test_bad_arguments_get_the_http_apis_error(shared_stack: Stack) -> None:
    async def scenario() -> None:
        async with http_session(shared_stack.base_url, KEY_A) as s:
            with shared_stack.client() as client:
                for body in [
                    {"role": "robot", "content": "hi"},
                    {"role": "user", "content": ""},
                    {"role": "user", "content": "hi", "mood": "great"},
                    {"role": "user", "content": "hi", "message_id": "a b"},
                ]:
                    response = client.post("/v1/sessions/bad-1/messages", json=body)
                    assert response.status_code == 422
                    error = await refused(s, "add_message", {"session_id": "bad-1", **body})
                    assert error == response.json()["error"]
            # And nothing refused was stored
            assert await refused(s, "get_context", {"session_id": "bad-1"}) == {
                "code": "not_found",
                "detail": "session bad-1 not found",
            }

    anyio.run(scenario)


def test_another_accounts_key_cannot_reach_this_accounts_sessions(shared_stack: Stack) -> None:
    async def scenario() -> None:
        async with http_session(shared_stack.base_url, KEY_A) as alpha:
            await ok(
                alpha,
                "add_message",
                {
                    "session_id": "vault-9",
                    "message_id": "v1",
                    "role": "user",
                    "content": "the safe code is 40-17-88",
                    "user_id": "owner",
                },
            )
        shared_stack.wait_for_count("vault-9", 1)

        async with http_session(shared_stack.base_url, KEY_B) as bravo:
            # When account B names A's session, user and words
            for tool in ("get_context", "get_memory"):
                assert (await refused(bravo, tool, {"session_id": "vault-9"}))["code"] == (
                    "not_found"
                )
            scoped = {"query": "safe code", "session_id": "vault-9"}
            assert (await refused(bravo, "search_messages", scoped))["code"] == "not_found"
            assert (await ok(bravo, "search_messages", {"query": "safe code"}))["hits"] == []
            owner = await ok(bravo, "search_user_memory", {"user_id": "owner", "query": "safe"})
            assert owner["facts"] == [] and owner["conversations"] == []
            # And B's message under A's session id lands in B's own session
            await ok(
                bravo,
                "add_message",
                {
                    "session_id": "vault-9",
                    "message_id": "v1",
                    "role": "user",
                    "content": "bravo was here",
                },
            )

        wait_for(lambda: len(shared_stack.stored_messages("vault-9", KEY_B)) == 1, 30, 0.3)
        stored = shared_stack.stored_messages("vault-9", KEY_A)
        assert [m["content"] for m in stored] == ["the safe code is 40-17-88"]

    anyio.run(scenario)


def test_no_key_or_a_wrong_key_is_a_401(shared_stack: Stack) -> None:
    headers = {"Accept": "application/json, text/event-stream"}
    with httpx.Client(base_url=shared_stack.base_url, timeout=15) as client:
        for authorization in [None, "Bearer not-a-key", f"Basic {KEY_A}"]:
            sent = headers if authorization is None else {**headers, "Authorization": authorization}
            response = client.post("/mcp", json=INITIALIZE, headers=sent)
            assert response.status_code == 401, response.text
            assert response.headers["www-authenticate"] == "Bearer"
            error = response.json()["error"]
            assert error["code"] == "unauthorized"
            assert (
                "Authorization: Bearer <key>" in error["detail"]
                or "unknown API key" in (error["detail"])
            )
        # While the right key is served
        response = client.post(
            "/mcp", json=INITIALIZE, headers={**headers, "Authorization": f"Bearer {KEY_A}"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["result"]["serverInfo"]["name"] == "memq"

    async def sdk_with_a_wrong_key() -> None:
        async with http_session(shared_stack.base_url, "not-a-key") as session:
            await session.list_tools()

    # The SDK's client fails on it too: its error for the 401, in its task groups
    with pytest.raises(ExceptionGroup) as raised:
        anyio.run(sdk_with_a_wrong_key)
    assert raised.group_contains(MCPError, match="error response")


def test_mcp_requests_share_the_accounts_rate_limit(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    limits = {
        "MEMQ_RATE_LIMIT_PER_SECOND": "0.2",
        "MEMQ_RATE_LIMIT_BURST": "3",
        "MEMQ_RATE_LIMIT_MAX_WAIT": "0",
    }
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    headers = {
        "Accept": "application/json, text/event-stream",
        "Authorization": f"Bearer {KEY_A}",
        "MCP-Protocol-Version": "2025-06-18",
    }
    with (
        running_stack(amqp_url, queue_prefix, tmp_path, **limits) as stack,
        httpx.Client(base_url=stack.base_url, timeout=15) as client,
    ):
        # Given the account's burst spent on the API
        statuses = [client.get("/v1/sessions", headers=headers).status_code for _ in range(3)]
        assert statuses == [200, 200, 200]
        # Then /mcp is refused for it too, with the API's 429
        response = client.post("/mcp", json=body, headers=headers)
        assert response.status_code == 429, response.text
        assert response.json()["error"]["code"] == "rate_limited"
        assert int(response.headers["retry-after"]) >= 1
        # While another account is served
        other = {**headers, "Authorization": f"Bearer {KEY_B}"}
        response = client.post("/mcp", json=body, headers=other)
        assert response.status_code == 200, response.text
        assert {tool["name"] for tool in response.json()["result"]["tools"]} == TOOL_NAMES


def test_memq_mcp_over_rabbitmq_reaches_the_deployments_workers(
    shared_stack: Stack, tmp_path: Path
) -> None:
    # Given `memq mcp` with the deployment's MEMQ_AMQP_URL: a front alone, no workers of its own
    env = {**shared_stack.env, "MEMQ_API_KEY": KEY_A, "MEMQ_DATA_DIR": str(tmp_path / "front")}

    async def scenario() -> None:
        async with stdio_session(env, tmp_path / "mcp.log") as s:
            # When an agent adds a message over stdio
            body = {"role": "user", "content": "parcel PX-3310 is at the depot"}
            await ok(s, "add_message", {"session_id": "amqp-1", "message_id": "p1", **body})
            # Then the deployment's worker stores it, and the context says so
            shared_stack.wait_for_count("amqp-1", 1)
            context = await ok(s, "get_context", {"session_id": "amqp-1"})
            assert "PX-3310" in context["text"]

    anyio.run(scenario)
    log = (tmp_path / "mcp.log").read_text()
    assert "serving account acct-a over stdio" in log
    assert "broker=" not in log  # no embedded runtime (workers, SQLite) was started
    assert [m["message_id"] for m in shared_stack.stored_messages("amqp-1")] == ["p1"]
