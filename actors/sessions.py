"""Request actors over sessions and their messages (the ``context`` pool)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from schemas.memory import MemoryView
from schemas.messages import MessagePage
from schemas.routing import ACTOR_QUEUES, ActorName
from schemas.sessions import Session, SessionCreate, SessionList, SessionPatch


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store

    def actor(name: ActorName) -> Any:
        return request_actor(broker, deps.queue(ACTOR_QUEUES[name]), name.value)

    @actor(ActorName.CREATE_SESSION)
    def create_session(account_id: str, spec: dict[str, Any]) -> Session:
        parsed = SessionCreate.model_validate(spec)
        session_id = parsed.session_id or uuid.uuid4().hex
        return store.sessions.create_session(account_id, session_id, parsed, datetime.now(UTC))

    @actor(ActorName.GET_SESSION)
    def get_session(account_id: str, session_id: str) -> Session:
        return store.sessions.get_session(account_id, session_id)

    @actor(ActorName.LIST_SESSIONS)
    def list_sessions(
        account_id: str,
        user_id: str | None,
        channel: str | None,
        active: bool | None,
        limit: int,
        cursor: str | None,
    ) -> SessionList:
        sessions, next_cursor = store.sessions.list_sessions(
            account_id, user_id=user_id, channel=channel, active=active, limit=limit, cursor=cursor
        )
        return SessionList(sessions=sessions, next_cursor=next_cursor)

    @actor(ActorName.UPDATE_SESSION)
    def update_session(account_id: str, session_id: str, patch: dict[str, Any]) -> Session:
        parsed = SessionPatch.model_validate(patch)
        return store.sessions.update_session(account_id, session_id, parsed, datetime.now(UTC))

    @actor(ActorName.END_SESSION)
    def end_session(account_id: str, session_id: str, reason: str) -> Session:
        session = store.sessions.end_session(account_id, session_id, reason, datetime.now(UTC))
        # Final summary and analytics flush: maintenance work, off the request path.
        # Should this job be lost, the flush ticks finalize recently ended sessions too.
        deps.enqueue(ActorName.FINALIZE_SESSION, account_id=account_id, session_id=session_id)
        return session

    @actor(ActorName.DELETE_SESSION)
    def delete_session(account_id: str, session_id: str) -> None:
        store.sessions.delete_session(account_id, session_id)

    @actor(ActorName.LIST_MESSAGES)
    def list_messages(
        account_id: str, session_id: str, limit: int, before: int | None
    ) -> MessagePage:
        messages = store.sessions.list_messages(account_id, session_id, limit=limit, before=before)
        full_page = len(messages) == limit
        return MessagePage(
            messages=messages, next_before=messages[0].seq if messages and full_page else None
        )

    @actor(ActorName.GET_MEMORY)
    def get_memory(account_id: str, session_id: str) -> MemoryView:
        state = store.memory.load_memory(account_id, session_id)
        lag = deps.memory.lag(account_id, session_id, datetime.now(UTC))
        return MemoryView(
            session_id=session_id,
            tiers=state.tiers(),
            facts=state.facts,
            folded_messages=state.folded_count,
            unfolded_messages=store.memory.count_unfolded(account_id, session_id),
            pending_unfolded=lag.messages,
            pending_since=lag.oldest_at,
            pending_age_seconds=lag.seconds,
            preferred_engine=deps.engines.preferred_name,
            updated_at=state.updated_at,
        )

    @actor(ActorName.PING_STORE)
    def ping_store() -> dict[str, str]:
        store.ping()
        return {"store": "ok"}
