"""Request actors over analytics, stats and retention (the ``context`` pool)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from schemas.analytics import (
    CleanupReport,
    KbUsageView,
    SessionAnalyticsView,
    StatsView,
    UserActivityView,
)
from schemas.routing import ACTOR_QUEUES, ActorName


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store

    def actor(name: ActorName) -> Any:
        return request_actor(broker, deps.queue(ACTOR_QUEUES[name]), name.value)

    @actor(ActorName.GET_SESSION_ANALYTICS)
    def get_session_analytics(account_id: str, session_id: str) -> SessionAnalyticsView:
        session = store.sessions.get_session(account_id, session_id)
        # Flush first, so a read shows every stored message (not zeros until the next
        # tick); bounded, and safe beside a tick's flush (compare-and-set). What a very
        # long session still has buffered is flushed by a job and shown as buffered.
        if deps.analytics_for_read.flush(account_id, session_id).more:
            deps.enqueue(ActorName.FLUSH_ANALYTICS, account_id=account_id, session_id=session_id)
        analytics = store.lifecycle.session_analytics(account_id, session_id)
        return SessionAnalyticsView.of(
            session_id,
            session.status,
            session.message_count,
            analytics,
            deps.settings.low_confidence_threshold,
        )

    @actor(ActorName.GET_USER_ACTIVITY)
    def get_user_activity(account_id: str, user_id: str) -> UserActivityView:
        return UserActivityView.of(store.lifecycle.user_activity(account_id, user_id))

    @actor(ActorName.GET_KB_USAGE)
    def get_kb_usage(account_id: str, top: int) -> KbUsageView:
        return KbUsageView(entries=store.lifecycle.kb_usage(account_id, top=top))

    @actor(ActorName.GET_STATS)
    def get_stats(account_id: str) -> StatsView:
        return StatsView.model_validate(store.lifecycle.account_stats(account_id).model_dump())

    @actor(ActorName.CLEANUP_SESSIONS)
    def cleanup_sessions(account_id: str, days: int | None) -> CleanupReport:
        days = deps.settings.retention_days if days is None else days
        result = deps.lifecycle.cleanup(account_id, days, datetime.now(UTC))
        return CleanupReport(
            days=days,
            ended_before=result.ended_before,
            sessions_removed=len(result.removed),
            messages_removed=sum(r.messages for r in result.removed),
            session_ids=[r.session_id for r in result.removed],
            more=result.more,
        )
