"""The MCP SDK's own client, connected to memq over stdio or streamable HTTP."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import httpx2
import mcp_types as types
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from tests.e2e.conftest import (  # noqa: F401  (shared_stack: the module-wide deployment fixture)
    ACCOUNT_A,
    ACCOUNT_B,
    KEY_A,
    KEY_B,
    Stack,
    running_stack,
    shared_stack,
)

MEMQ = str(Path(sys.executable).with_name("memq"))
TOOL_NAMES = {"get_context", "search_messages", "get_memory", "add_message", "search_user_memory"}
#: A raw client's first request, for tests that speak JSON-RPC by hand.
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "raw", "version": "0"},
    },
}
API_KEYS = f"{KEY_A}:{ACCOUNT_A},{KEY_B}:{ACCOUNT_B}"


def stdio_env(data_dir: Path, key: str, **extra: str) -> dict[str, str]:
    """An embedded ``memq mcp`` on ``data_dir`` (SQLite, in-process broker) as ``key``."""
    return {
        "MEMQ_DATA_DIR": str(data_dir),
        "MEMQ_API_KEYS": API_KEYS,
        "MEMQ_API_KEY": key,
        # Embedded whatever the developer's shell says.
        "MEMQ_AMQP_URL": "",
        "MEMQ_MONGODB_URL": "",
        "MEMQ_LOG_LEVEL": "INFO",
        **extra,
    }


@asynccontextmanager
async def stdio_session(env: dict[str, str], log: Path) -> AsyncIterator[ClientSession]:
    """``memq mcp`` spawned by the SDK's stdio client, initialized; its stderr in ``log``."""
    server = StdioServerParameters(command=MEMQ, args=["mcp"], env=env)
    with log.open("a", encoding="utf-8") as errlog:
        async with (
            stdio_client(server, errlog=errlog) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            yield session


@asynccontextmanager
async def http_session(base_url: str, key: str) -> AsyncIterator[ClientSession]:
    """The SDK's streamable HTTP client at ``base_url``/mcp with ``key``, initialized."""
    headers = {"Authorization": f"Bearer {key}"}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=30) as http,
        streamable_http_client(f"{base_url}/mcp", http_client=http) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        yield session


async def ok(session: ClientSession, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """The structured result of a tool call that must succeed (its text says the same)."""
    result = await session.call_tool(tool, arguments)
    assert not result.is_error, result.content
    assert isinstance(result.structured_content, dict)
    assert json.loads(text_of(result)) == result.structured_content
    return result.structured_content


async def refused(session: ClientSession, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """The error body of a tool call that must fail: ``{"error": {"code", "detail"}}``."""
    result = await session.call_tool(tool, arguments)
    assert result.is_error, result.structured_content
    body = json.loads(text_of(result))
    assert body == result.structured_content
    assert set(body["error"]) >= {"code", "detail"}
    error: dict[str, Any] = body["error"]
    return error


async def until(check: Callable[[], Awaitable[Any]], timeout: float = 30) -> Any:
    """Poll the async ``check`` until it returns something truthy (or its last answer)."""
    deadline = time.monotonic() + timeout
    while True:
        found = await check()
        if found or time.monotonic() > deadline:
            return found
        await anyio.sleep(0.3)


def text_of(result: types.CallToolResult) -> str:
    (block,) = result.content
    assert isinstance(block, types.TextContent)
    return block.text
