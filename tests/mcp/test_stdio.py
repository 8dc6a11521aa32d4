"""``memq mcp`` over stdio, driven by the MCP SDK's own client: an embedded memq
(in-process broker, SQLite in a temporary data dir) as one API key's account."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import anyio
from mcp.client.session import ClientSession

from bench.support.processes import MemqProcess, free_port, wait_until_ready
from gateway.mcp.tools import TOOLS_BY_NAME
from schemas.limits import MIN_BUDGET
from tests.e2e.conftest import KEY_A, KEY_B
from tests.mcp.conftest import (
    INITIALIZE,
    MEMQ,
    TOOL_NAMES,
    ok,
    refused,
    stdio_env,
    stdio_session,
    until,
)


async def add(session: ClientSession, session_id: str, message_id: str, **fields: Any) -> Any:
    arguments = {"session_id": session_id, "message_id": message_id, **fields}
    return await ok(session, "add_message", arguments)


def test_tools_are_listed_with_the_contracts_schemas(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with stdio_session(stdio_env(tmp_path / "data", KEY_A), tmp_path / "mcp.log") as s:
            tools = {tool.name: tool for tool in (await s.list_tools()).tools}
        assert set(tools) == TOOL_NAMES
        for name, tool in tools.items():
            # Then each input schema is the tool's arguments model, without the account
            assert tool.input_schema == TOOLS_BY_NAME[name].arguments.model_json_schema()
            assert "account_id" not in tool.input_schema["properties"]
            assert tool.output_schema is not None and tool.output_schema["type"] == "object"
            assert tool.description
        context = tools["get_context"].input_schema
        assert context["required"] == ["session_id"]
        budget = context["properties"]["budget"]["anyOf"][0]
        assert budget["minimum"] == MIN_BUDGET
        assert context["properties"]["format"]["enum"] == ["text", "json", "anthropic", "openai"]
        add_message = tools["add_message"].input_schema
        assert set(add_message["required"]) == {"session_id", "role", "content"}
        assert tools["add_message"].annotations is not None
        assert tools["add_message"].annotations.read_only_hint is False
        assert tools["get_context"].annotations is not None
        assert tools["get_context"].annotations.read_only_hint is True

    anyio.run(scenario)


def test_each_tool_over_stdio_and_added_messages_reach_the_context(tmp_path: Path) -> None:
    env = stdio_env(tmp_path / "data", KEY_A, MEMQ_USER_MEMORY_EVERY="2")

    async def scenario() -> None:
        async with stdio_session(env, tmp_path / "mcp.log") as s:
            # Given a conversation added over MCP
            first = await add(
                s,
                "chat-1",
                "m1",
                role="user",
                content="Hi, my order ORD-48213 never came",
                user_id="u-7",
            )
            assert first["session_id"] == "chat-1" and first["generated_id"] is False
            await add(
                s,
                "chat-1",
                "m2",
                role="assistant",
                content="Sorry! Order ORD-48213 ships to Lisbon tomorrow.",
                user_id="u-7",
            )
            # When a message id is sent again, it is answered as a duplicate
            again = await add(
                s,
                "chat-1",
                "m1",
                role="user",
                content="Hi, my order ORD-48213 never came",
                user_id="u-7",
            )
            assert again["duplicate"] is True and again["seq"] == first["seq"]

            # Then get_context sees both, once each
            async def both_in_context() -> dict[str, Any] | None:
                found = await ok(s, "get_context", {"session_id": "chat-1"})
                return found if "Lisbon" in found["text"] else None

            context = await until(both_in_context)
            assert context is not None, "the added messages never reached the context"
            assert context["text"].count("never came") == 1
            assert context["format"] == "text" and context["estimated_tokens"] <= context["budget"]

            as_json = await ok(s, "get_context", {"session_id": "chat-1", "format": "json"})
            assert as_json["format"] == "json" and "text" not in as_json
            assert as_json["context"]

            # And the other tools answer from the same store
            hits = (await ok(s, "search_messages", {"query": "Lisbon"}))["hits"]
            assert [hit["session_id"] for hit in hits] == ["chat-1"]
            one = await ok(s, "search_messages", {"query": "ORD-48213", "session_id": "chat-1"})
            assert len(one["hits"]) == 2

            memory = await ok(s, "get_memory", {"session_id": "chat-1"})
            assert memory["session_id"] == "chat-1"

            # The user memory merges every 2 messages here (MEMQ_USER_MEMORY_EVERY)
            async def recalled() -> dict[str, Any] | None:
                found = await ok(s, "search_user_memory", {"user_id": "u-7", "query": "Lisbon"})
                return found if found["conversations"] else None

            user = await until(recalled, timeout=30)
            assert user is not None, "the user's memory never recalled the conversation"
            assert user["user_id"] == "u-7" and user["persona"] == ""
            assert user["conversations"][0]["session_id"] == "chat-1"

    anyio.run(scenario)


def test_bad_arguments_and_unknown_sessions_are_tool_errors(tmp_path: Path) -> None:
    env = stdio_env(tmp_path / "data", KEY_A, MEMQ_MAX_MESSAGE_BYTES="64")

    async def scenario() -> None:
        async with stdio_session(env, tmp_path / "mcp.log") as s:
            error = await refused(s, "get_context", {"session_id": "chat-1", "budget": 5})
            assert error["code"] == "invalid_input"
            assert (
                error["detail"] == f"budget: Input should be greater than or equal to {MIN_BUDGET}"
            )

            error = await refused(s, "get_context", {"session_id": "nobody-here"})
            assert error == {"code": "not_found", "detail": "session nobody-here not found"}
            error = await refused(s, "get_memory", {"session_id": "nobody-here"})
            assert error["code"] == "not_found"

            # The account is the key's: naming one is refused, not obeyed
            error = await refused(
                s,
                "add_message",
                {"session_id": "s", "role": "user", "content": "x", "account_id": "acct-b"},
            )
            assert error["detail"] == "account_id: unknown field"

            error = await refused(s, "add_message", {"session_id": "..", "content": "x"})
            assert error["errors"] == [
                'session_id: Value error, "." and ".." are not valid ids',
                "role: Field required",
            ]
            error = await refused(s, "search_messages", {"query": ""})
            assert error["detail"].startswith("query: String should have at least 1 character")
            # Content over MEMQ_MAX_MESSAGE_BYTES, checked where the route checks it
            too_long = {"session_id": "s", "role": "user", "content": "x" * 65}
            error = await refused(s, "add_message", too_long)
            assert error["code"] == "payload_too_large"
            assert error["detail"].startswith("content is 65 bytes; the limit is 64")
            error = await refused(s, "forget_everything", {})
            assert "no tool named 'forget_everything'" in error["detail"]

            # And nothing refused was stored: session "s" was never created
            await anyio.sleep(1)  # what a worker would have stored by now
            assert (await refused(s, "get_context", {"session_id": "s"}))["code"] == "not_found"

    anyio.run(scenario)


def test_another_accounts_key_sees_nothing_of_this_ones(tmp_path: Path) -> None:
    data = tmp_path / "data"

    async def as_alpha() -> None:
        async with stdio_session(stdio_env(data, KEY_A), tmp_path / "a.log") as s:
            await add(s, "shared-id", "a-1", role="user", content="alpha secret: vault 7781")

            async def stored() -> bool:
                return bool((await ok(s, "search_messages", {"query": "vault"}))["hits"])

            assert await until(stored)

    async def as_bravo() -> None:
        async with stdio_session(stdio_env(data, KEY_B), tmp_path / "b.log") as s:
            # When account B asks for A's session and searches for A's words
            for tool in ("get_context", "get_memory"):
                error = await refused(s, tool, {"session_id": "shared-id"})
                assert error["code"] == "not_found"
            assert (await ok(s, "search_messages", {"query": "vault"}))["hits"] == []
            scoped = {"query": "vault", "session_id": "shared-id"}
            assert (await refused(s, "search_messages", scoped))["code"] == "not_found"
            # And B's own session under the same id is B's alone
            await add(s, "shared-id", "b-1", role="user", content="bravo note: kiosk 12")

            async def own_context() -> dict[str, Any] | None:
                result = await s.call_tool("get_context", {"session_id": "shared-id"})
                found = result.structured_content
                return found if not result.is_error and found and "kiosk" in found["text"] else None

            context = await until(own_context)
            assert context is not None and "vault" not in context["text"]

    async def alpha_again() -> None:
        async with stdio_session(stdio_env(data, KEY_A), tmp_path / "a2.log") as s:
            context = await ok(s, "get_context", {"session_id": "shared-id"})
            assert "vault" in context["text"] and "kiosk" not in context["text"]

    # Given account A's conversation; one process per key on the same data dir
    anyio.run(as_alpha)
    anyio.run(as_bravo)
    anyio.run(alpha_again)


def test_stdout_carries_only_the_protocol(tmp_path: Path) -> None:
    env = stdio_env(tmp_path / "data", KEY_A)
    requests = [
        INITIALIZE,
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    ]
    # When a client sends its requests, reads both answers, then closes stdin
    log = tmp_path / "stderr.log"
    with log.open("w") as stderr_file:
        process = subprocess.Popen(
            [MEMQ, "mcp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr_file,
            env=_full(env),
            text=True,
        )
    try:
        assert process.stdin is not None and process.stdout is not None
        for request in requests:
            process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        answers = [json.loads(process.stdout.readline()) for _ in range(2)]
        process.stdin.close()
        rest = process.stdout.read()
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        if process.stdout is not None:
            process.stdout.close()
    # Then stdout holds the JSON-RPC answers and nothing else; the logs went to stderr
    assert [answer["id"] for answer in answers] == [1, 2]
    assert {tool["name"] for tool in answers[1]["result"]["tools"]} == TOOL_NAMES
    assert rest == ""
    stderr = log.read_text()
    assert "serving account acct-a over stdio" in stderr
    assert process.returncode == 0, stderr


def test_a_wrong_key_stops_before_serving(tmp_path: Path) -> None:
    env = stdio_env(tmp_path / "data", KEY_A)
    done = subprocess.run(
        [MEMQ, "mcp", "--api-key", "not-a-key"],
        input="",
        capture_output=True,
        text=True,
        env=_full(env),
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "memq: unknown API key" in done.stderr
    assert "--api-key or MEMQ_API_KEY" in done.stderr


def test_a_memq_serve_on_the_same_data_dir_stops_it_before_serving(tmp_path: Path) -> None:
    """Two embedded processes on one data directory would each replay the other's
    journal and run the scheduler twice: the second one says so and stops."""
    env = stdio_env(tmp_path / "data", KEY_A, MEMQ_PORT=str(free_port()))
    serve = MemqProcess(["serve"], env, tmp_path / "serve.log").start()
    try:
        wait_until_ready(f"http://127.0.0.1:{env['MEMQ_PORT']}", serve)
        done = subprocess.run(
            [MEMQ, "mcp"], input="", capture_output=True, text=True, env=_full(env), timeout=60
        )
        assert done.returncode == 2, done.stderr
        assert done.stdout == ""
        assert "another embedded memq" in done.stderr and "/mcp" in done.stderr
    finally:
        serve.stop()
    # Once it is gone, the directory is free again.
    done = subprocess.run(
        [MEMQ, "mcp"], input="", capture_output=True, text=True, env=_full(env), timeout=60
    )
    assert done.returncode == 0, done.stderr


def _full(env: dict[str, str]) -> dict[str, str]:
    return {**os.environ, **env}
