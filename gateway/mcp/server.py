"""An MCP server (the SDK's low-level ``Server``) answering with memq's tools.

The low-level server rather than the SDK's decorator one: the tools' schemas
are the wire contract's pydantic models and their errors the HTTP API's, both
of which the decorator server would derive and word by itself.

Who the caller is comes from ``account_of``: the API key given to ``memq mcp``,
or, over HTTP, the account ``gateway.mcp.http`` found for the request's key.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server

from gateway.errors import error_body
from gateway.mcp.arguments import BadArguments, parse
from gateway.mcp.backend import Backend
from gateway.mcp.tools import TOOLS, TOOLS_BY_NAME, Tool
from runtime import log_context
from schemas.contract import CONTRACT_VERSION
from schemas.errors import InvalidInput, MemqError

logger = logging.getLogger("memq.mcp")

AccountOf = Callable[[ServerRequestContext[Any, Any]], str]

INSTRUCTIONS = (
    "memq is the memory of chat conversations. Before answering in a session, call "
    "get_context for what the LLM should see; add_message records each turn; "
    "search_messages and search_user_memory find earlier ones."
)


def definition(tool: Tool) -> types.Tool:
    return types.Tool(
        name=tool.name,
        description=tool.description,
        input_schema=tool.arguments.model_json_schema(),
        output_schema=tool.result.model_json_schema(mode="serialization"),
        annotations=types.ToolAnnotations(
            read_only_hint=tool.read_only,
            # add_message is idempotent only when the agent sends a message_id
            idempotent_hint=tool.read_only,
            open_world_hint=False,
        ),
    )


def failure(exc: MemqError) -> types.CallToolResult:
    """A tool error carrying the HTTP API's error body, as text and as structure."""
    extra = {"errors": exc.problems} if isinstance(exc, BadArguments) else {}
    body = error_body(exc.code, exc.detail, **extra)
    return types.CallToolResult(
        content=[types.TextContent(text=json.dumps(body, ensure_ascii=False))],
        structured_content=body,
        is_error=True,
    )


def build_server(backend: Backend, account_of: AccountOf) -> Server[Any]:
    definitions = [definition(tool) for tool in TOOLS]

    async def list_tools(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        account_of(ctx)  # nobody lists tools without a valid key
        return types.ListToolsResult(tools=definitions)

    async def call_tool(
        ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        tool = TOOLS_BY_NAME.get(params.name)
        if tool is None:
            known = ", ".join(TOOLS_BY_NAME)
            return failure(InvalidInput(f"no tool named {params.name!r}; memq has {known}"))
        try:
            account_id = account_of(ctx)
            arguments = parse(tool.arguments, params.arguments)
            session_id = getattr(arguments, "session_id", None)
            with log_context.bound(account_id, session_id):
                answer = tool.answer(await tool.run(backend, account_id, arguments))
        except MemqError as exc:
            if exc.status >= 500:
                logger.warning("mcp tool %s -> %s %s", tool.name, exc.status, exc.code)
            return failure(exc)
        return types.CallToolResult(
            content=[types.TextContent(text=json.dumps(answer, ensure_ascii=False))],
            structured_content=answer,
        )

    return Server(
        "memq",
        version=CONTRACT_VERSION,
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
