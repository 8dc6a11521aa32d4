"""The tools memq offers agents, each the twin of an HTTP route.

A tool's arguments are its actor request's fields less the account (see
``arguments``), its result the route's response model; it asks the workers
through the gateway's transport with the same typed request and timeout as the
route, and ``add_message`` publishes through the route's own function, so a
message added here is deduplicated and stored exactly as one posted over HTTP.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from gateway.mcp.arguments import arguments_model
from gateway.mcp.backend import Backend
from gateway.routes.messages import publish_message
from schemas.context import ContextReply
from schemas.ids import Identifier
from schemas.memory import MemoryView
from schemas.messages import MessageAccepted, MessageIn
from schemas.requests.base import AccountRequest
from schemas.requests.reads import AssembleContext, SearchMessages
from schemas.requests.sessions import GetMemory
from schemas.requests.user_memory import SearchUserMemory
from schemas.search import SearchResult
from schemas.user_memory import UserMemorySearch

Run = Callable[[Backend, str, BaseModel], Awaitable[Any]]


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    arguments: type[BaseModel]
    result: type[BaseModel]
    run: Run
    read_only: bool = True
    #: Leave out null fields, as the route does (``response_model_exclude_none``).
    exclude_none: bool = False

    def answer(self, raw: Any) -> dict[str, Any]:
        """The worker's reply shaped by the route's response model."""
        shaped: dict[str, Any] = self.result.model_validate(raw).model_dump(
            mode="json", exclude_none=self.exclude_none
        )
        return shaped


def _ask(request_type: type[AccountRequest], timeout: Callable[[Backend], float]) -> Run:
    """Run a tool as a request-reply to the workers, with the route's timeout."""

    async def run(backend: Backend, account_id: str, arguments: BaseModel) -> Any:
        request = request_type(
            account_id=account_id,
            **arguments.model_dump(mode="json", exclude_unset=True, exclude_none=True),
        )
        return await backend.transport.request(request, timeout=timeout(backend))

    return run


def _request_timeout(backend: Backend) -> float:
    return backend.settings.request_timeout


def _context_timeout(backend: Backend) -> float:
    return backend.settings.context_timeout


AddMessageArguments = arguments_model(
    "AddMessageArguments",
    MessageIn,
    session_id=(
        Identifier,
        Field(description="the conversation: created on its first message"),
    ),
)


async def _add_message(backend: Backend, account_id: str, arguments: BaseModel) -> Any:
    fields = arguments.model_dump(exclude={"session_id"}, exclude_unset=True)
    return await publish_message(
        account_id,
        arguments.session_id,  # type: ignore[attr-defined]
        MessageIn.model_validate(fields),
        batcher=backend.batcher,
        settings=backend.settings,
        sequencer=backend.sequencer,
        recent=backend.recent_ids,
    )


TOOLS: tuple[Tool, ...] = (
    Tool(
        name="get_context",
        description=(
            "What to give the LLM for a session, within `budget` tokens: summaries of older "
            "turns, key facts, the newest messages word for word, and the user's memory from "
            "earlier conversations. `format`: text (one block), json (its parts), anthropic "
            "or openai (messages ready for that API). Same as GET /v1/sessions/{id}/context."
        ),
        arguments=arguments_model("GetContextArguments", AssembleContext),
        result=ContextReply,
        run=_ask(AssembleContext, _context_timeout),
        exclude_none=True,
    ),
    Tool(
        name="search_messages",
        description=(
            "Keyword search over stored messages, best first: in one session (`session_id`), "
            "one user's sessions (`user_id`), or the whole account. English, Persian, Thai and "
            "CJK. Same as GET /v1/search and GET /v1/sessions/{id}/search."
        ),
        arguments=arguments_model("SearchMessagesArguments", SearchMessages),
        result=SearchResult,
        run=_ask(SearchMessages, _request_timeout),
    ),
    Tool(
        name="get_memory",
        description=(
            "A session's stored memory: the recent, mid and old summaries and the key facts "
            "with their history. Same as GET /v1/sessions/{id}/memory."
        ),
        arguments=arguments_model("GetMemoryArguments", GetMemory),
        result=MemoryView,
        run=_ask(GetMemory, _request_timeout),
    ),
    Tool(
        name="add_message",
        description=(
            "Add one message to a session (creating it on its first message); answered once "
            "memq has durably queued it. Send your own `message_id` so a retry is stored once. "
            "Same as POST /v1/sessions/{id}/messages."
        ),
        arguments=AddMessageArguments,
        result=MessageAccepted,
        run=_add_message,
        read_only=False,
    ),
    Tool(
        name="search_user_memory",
        description=(
            "A user's facts, past conversations and their details (the values no fact names: "
            "what to do, numbers, who to call) that match `query`, best first, for one "
            'persona ("" = the general memory). Same as GET /v1/users/{id}/memory/search.'
        ),
        arguments=arguments_model("SearchUserMemoryArguments", SearchUserMemory),
        result=UserMemorySearch,
        run=_ask(SearchUserMemory, _request_timeout),
    ),
)

TOOLS_BY_NAME = {tool.name: tool for tool in TOOLS}
