"""Requests about sessions, their messages and their stored memory (the context pool)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from schemas.bounds import SEQ_LIMIT
from schemas.ids import Identifier, PersonaName
from schemas.limits import MAX_MESSAGE_PAGE, MAX_SESSION_PAGE
from schemas.messages import Channel
from schemas.requests.base import AccountRequest, ActorRequest, SessionRequest
from schemas.routing import ActorName
from schemas.sessions import Cursor, SessionCreate, SessionPatch


class CreateSession(AccountRequest):
    actor = ActorName.CREATE_SESSION

    spec: SessionCreate


class GetSession(SessionRequest):
    actor = ActorName.GET_SESSION


class ListSessions(AccountRequest):
    """Most recent activity first; ``user_id`` / ``channel`` / ``persona`` / ``active`` filter."""

    actor = ActorName.LIST_SESSIONS

    user_id: Identifier | None = None
    channel: Channel | None = None
    persona: PersonaName | None = None
    active: bool | None = None
    limit: Annotated[int, Field(ge=1, le=MAX_SESSION_PAGE)] = 20
    cursor: Cursor | None = None


class UpdateSession(SessionRequest):
    actor = ActorName.UPDATE_SESSION

    patch: SessionPatch = Field(description="only the fields to change")


class EndSession(SessionRequest):
    actor = ActorName.END_SESSION

    reason: Annotated[str, Field(min_length=1, max_length=64)] = "ended_by_client"


class DeleteSession(SessionRequest):
    actor = ActorName.DELETE_SESSION


class ListMessages(SessionRequest):
    """A page of messages in conversation order, the latest page unless ``before``."""

    actor = ActorName.LIST_MESSAGES

    limit: Annotated[int, Field(ge=1, le=MAX_MESSAGE_PAGE)] = 50
    before: Annotated[int | None, Field(gt=0, lt=SEQ_LIMIT, description="a seq")] = None


class GetMemory(SessionRequest):
    actor = ActorName.GET_MEMORY


class PingStore(ActorRequest):
    """Readiness: the worker answers once its store does."""

    actor = ActorName.PING_STORE
