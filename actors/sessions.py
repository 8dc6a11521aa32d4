"""Request actors over sessions and their messages (the ``context`` pool)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from schemas.memory import MemoryView
from schemas.messages import MessagePage
from schemas.requests import jobs
from schemas.requests import sessions as requests
from schemas.sessions import Session, SessionList


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store
    prefix = deps.settings.queue_prefix

    @request_actor(broker, prefix, requests.CreateSession)
    def create_session(request: requests.CreateSession) -> Session:
        spec = request.spec
        session_id = spec.session_id or uuid.uuid4().hex
        return store.sessions.create_session(
            request.account_id, session_id, spec, datetime.now(UTC)
        )

    @request_actor(broker, prefix, requests.GetSession)
    def get_session(request: requests.GetSession) -> Session:
        return store.sessions.get_session(request.account_id, request.session_id)

    @request_actor(broker, prefix, requests.ListSessions)
    def list_sessions(request: requests.ListSessions) -> SessionList:
        sessions, next_cursor = store.sessions.list_sessions(
            request.account_id,
            user_id=request.user_id,
            channel=request.channel,
            persona=request.persona,
            active=request.active,
            limit=request.limit,
            cursor=request.cursor,
        )
        return SessionList(sessions=sessions, next_cursor=next_cursor)

    @request_actor(broker, prefix, requests.UpdateSession)
    def update_session(request: requests.UpdateSession) -> Session:
        return store.sessions.update_session(
            request.account_id, request.session_id, request.patch, datetime.now(UTC)
        )

    @request_actor(broker, prefix, requests.EndSession)
    def end_session(request: requests.EndSession) -> Session:
        account_id, session_id = request.account_id, request.session_id
        session = store.sessions.end_session(
            account_id, session_id, request.reason, datetime.now(UTC)
        )
        # Final summary and analytics flush: maintenance work, off the request path.
        # Should this job be lost, the flush ticks finalize recently ended sessions too.
        deps.enqueue(jobs.FinalizeSession(account_id=account_id, session_id=session_id))
        return session

    @request_actor(broker, prefix, requests.DeleteSession)
    def delete_session(request: requests.DeleteSession) -> None:
        store.sessions.delete_session(request.account_id, request.session_id)

    @request_actor(broker, prefix, requests.ListMessages)
    def list_messages(request: requests.ListMessages) -> MessagePage:
        limit = request.limit
        messages = store.sessions.list_messages(
            request.account_id, request.session_id, limit=limit, before=request.before
        )
        full_page = len(messages) == limit
        return MessagePage(
            messages=messages, next_before=messages[0].seq if messages and full_page else None
        )

    @request_actor(broker, prefix, requests.GetMemory)
    def get_memory(request: requests.GetMemory) -> MemoryView:
        account_id, session_id = request.account_id, request.session_id
        state = store.memory.load_memory(account_id, session_id)
        lag = deps.memory.lag(account_id, session_id, datetime.now(UTC))
        return MemoryView(
            session_id=session_id,
            tiers=state.tiers(),
            facts=state.facts,
            details=state.details,
            folded_messages=state.folded_count,
            unfolded_messages=store.memory.count_unfolded(account_id, session_id),
            pending_unfolded=lag.messages,
            pending_since=lag.oldest_at,
            pending_age_seconds=lag.seconds,
            preferred_engine=deps.engines.preferred_name,
            engine_fallback=deps.memory.fallback_in_force(state),
            updated_at=state.updated_at,
        )

    @request_actor(broker, prefix, requests.PingStore)
    def ping_store(request: requests.PingStore) -> dict[str, str]:
        store.ping()
        return {"store": "ok"}
