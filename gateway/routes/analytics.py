"""Session analytics (seed 001): per session, per user, knowledge-base usage, and stats.

Figures cover flushed messages: a session is flushed when it ends, every
``MEMQ_ANALYTICS_FLUSH_INTERVAL`` seconds while it is active, and before its
own analytics are read (``GET /v1/analytics/sessions/{id}``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from gateway.deps import AccountId, SessionId, SettingsDep, TransportDep
from gateway.openapi import ASKS_A_WORKER, error_responses
from schemas.analytics import (
    AccountAnalyticsView,
    KbUsageView,
    SessionAnalyticsView,
    StatsView,
    UserActivityView,
)
from schemas.ids import ID_PATTERN
from schemas.limits import MAX_ANALYTICS_DAYS, MAX_KB_TOP, MAX_LOW_CONFIDENCE
from schemas.requests import reads

router = APIRouter(tags=["analytics"], responses=error_responses(*ASKS_A_WORKER))

UserId = Annotated[
    str, Path(pattern=ID_PATTERN, description="opaque id: up to 128 of A-Z a-z 0-9 . _ : -")
]


@router.get(
    "/v1/analytics/sessions/{session_id}",
    response_model=SessionAnalyticsView,
    responses=error_responses(404),
    summary="A session's analytics: answers, confidence, sources, LLM tokens",
    description=(
        "Queries answered are the session's assistant messages; confidence figures cover "
        "those whose `metadata.confidence` is a number in [0, 1]; a low-confidence query is "
        "an answer below MEMQ_LOW_CONFIDENCE_THRESHOLD, shown with the user message before "
        "it. The session's stored messages are flushed before it is read, so the figures "
        "cover every message stored when the request arrived; `buffered_messages` (stored, "
        "not counted yet) is 0 but for a very long session, whose rest a job flushes."
    ),
)
async def session_analytics(
    session_id: SessionId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Any:
    return await transport.request(
        reads.GetSessionAnalytics(account_id=account_id, session_id=session_id),
        timeout=settings.request_timeout,
    )


@router.get(
    "/v1/analytics/users/{user_id}",
    response_model=UserActivityView,
    summary="A user's activity: sessions, messages, last active",
)
async def user_activity(
    user_id: UserId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Any:
    return await transport.request(
        reads.GetUserActivity(account_id=account_id, user_id=user_id),
        timeout=settings.request_timeout,
    )


@router.get(
    "/v1/analytics/kb",
    response_model=KbUsageView,
    summary="Knowledge-base entries cited by answers (metadata.sources), most used first",
)
async def kb_usage(
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    top: Annotated[int, Query(ge=1, le=MAX_KB_TOP)] = 10,
) -> Any:
    return await transport.request(
        reads.GetKbUsage(account_id=account_id, top=top),
        timeout=settings.request_timeout,
    )


@router.get(
    "/v1/analytics/daily",
    response_model=AccountAnalyticsView,
    summary="The account per UTC day: messages, sessions, response times, low-confidence queries",
    description=(
        "Sums over the account's sessions as of their last flush (every "
        "MEMQ_ANALYTICS_FLUSH_INTERVAL seconds while active, and at their end): messages and "
        "active sessions per UTC day of the last `days` days (today included, every day "
        "listed), response-time percentiles of answers carrying `metadata.latency_ms` "
        "(histogram bucket bounds), the latest low-confidence queries, and the `top` "
        "knowledge-base entries."
    ),
)
async def account_daily(
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    days: Annotated[int, Query(ge=1, le=MAX_ANALYTICS_DAYS)] = 30,
    top: Annotated[int, Query(ge=1, le=MAX_KB_TOP)] = 10,
    low_confidence: Annotated[int, Query(ge=1, le=MAX_LOW_CONFIDENCE)] = 20,
) -> Any:
    return await transport.request(
        reads.GetAccountAnalytics(
            account_id=account_id, days=days, top=top, low_confidence=low_confidence
        ),
        timeout=settings.request_timeout,
    )


@router.get(
    "/v1/stats",
    response_model=StatsView,
    summary="The account's sessions, active sessions and messages, and the memory's LLM tokens",
)
async def stats(account_id: AccountId, transport: TransportDep, settings: SettingsDep) -> Any:
    return await transport.request(
        reads.GetStats(account_id=account_id), timeout=settings.request_timeout
    )
