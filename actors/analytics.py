"""Request actors over analytics, stats and retention (the ``context`` pool)."""

from __future__ import annotations

from datetime import UTC, datetime

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from domain.analytics.account import account_analytics
from schemas.analytics import (
    AccountAnalyticsView,
    AccountLLMUsage,
    CleanupReport,
    KbUsageView,
    SessionAnalyticsView,
    StatsView,
    UserActivityView,
)
from schemas.requests import jobs, reads


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store
    prefix = deps.settings.queue_prefix

    @request_actor(broker, prefix, reads.GetSessionAnalytics)
    def get_session_analytics(request: reads.GetSessionAnalytics) -> SessionAnalyticsView:
        account_id, session_id = request.account_id, request.session_id
        session = store.sessions.get_session(account_id, session_id)
        # Flush first, so a read shows every stored message (not zeros until the next
        # tick); bounded, and safe beside a tick's flush (compare-and-set). What a very
        # long session still has buffered is flushed by a job and shown as buffered.
        if deps.analytics_for_read.flush(account_id, session_id).more:
            deps.enqueue(jobs.FlushAnalytics(account_id=account_id, session_id=session_id))
        analytics = store.lifecycle.session_analytics(account_id, session_id)
        return SessionAnalyticsView.of(
            session_id,
            session.status,
            session.message_count,
            analytics,
            deps.settings.low_confidence_threshold,
            store.lifecycle.session_llm_usage(account_id, session_id),
        )

    @request_actor(broker, prefix, reads.GetUserActivity)
    def get_user_activity(request: reads.GetUserActivity) -> UserActivityView:
        return UserActivityView.of(
            store.lifecycle.user_activity(request.account_id, request.user_id)
        )

    @request_actor(broker, prefix, reads.GetKbUsage)
    def get_kb_usage(request: reads.GetKbUsage) -> KbUsageView:
        return KbUsageView(entries=store.lifecycle.kb_usage(request.account_id, top=request.top))

    @request_actor(broker, prefix, reads.GetAccountAnalytics)
    def get_account_analytics(request: reads.GetAccountAnalytics) -> AccountAnalyticsView:
        # No flush here: the figures are as of each session's last flush (every
        # MEMQ_ANALYTICS_FLUSH_INTERVAL and at its end), so a read costs the same however
        # many sessions are active.
        return account_analytics(
            store,
            request.account_id,
            days=request.days,
            now=datetime.now(UTC),
            kb_top=request.top,
            low_confidence=request.low_confidence,
            threshold=deps.settings.low_confidence_threshold,
        )

    @request_actor(broker, prefix, reads.GetStats)
    def get_stats(request: reads.GetStats) -> StatsView:
        account_id = request.account_id
        stats = store.lifecycle.account_stats(account_id)
        today = deps.memory.clock().date()
        llm_usage = AccountLLMUsage(
            day=today,
            today=store.lifecycle.account_llm_usage(account_id, today),
            total=store.lifecycle.account_llm_usage(account_id),
            daily_token_budget=deps.settings.llm_daily_tokens_for(account_id),
        )
        return StatsView(**stats.model_dump(), llm_usage=llm_usage)

    @request_actor(broker, prefix, reads.CleanupSessions)
    def cleanup_sessions(request: reads.CleanupSessions) -> CleanupReport:
        days = deps.settings.retention_days if request.days is None else request.days
        result = deps.lifecycle.cleanup(request.account_id, days, datetime.now(UTC))
        return CleanupReport(
            days=days,
            ended_before=result.ended_before,
            sessions_removed=len(result.removed),
            messages_removed=sum(r.messages for r in result.removed),
            session_ids=[r.session_id for r in result.removed],
            more=result.more,
        )
