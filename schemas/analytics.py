"""What the analytics, stats and admin endpoints return."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from schemas.analytics_model import (
    LATENCY_BOUNDS_MS,
    AccountLowConfidence,
    AccountStats,
    KbEntryUsage,
    LLMTokens,
    LowConfidenceQuery,
    NameCount,
    SessionAnalytics,
    SourceUse,
    UserActivity,
)


class SessionAnalyticsView(BaseModel):
    """``GET /v1/analytics/sessions/{id}``: a session's analytics as of its last flush."""

    session_id: str
    user_id: str | None
    channel: str | None
    status: str
    messages_flushed: int = Field(description="messages the figures cover")
    buffered_messages: int = Field(description="messages stored but not flushed yet")
    user_messages: int
    queries_answered: int = Field(description="assistant messages (each answers a query)")
    scored_answers: int = Field(description="answers whose metadata carried a confidence")
    average_confidence: float | None
    min_confidence: float | None
    low_confidence_threshold: float
    low_confidence_count: int = Field(description="answers below the threshold, all of them")
    low_confidence_queries: list[LowConfidenceQuery] = Field(
        description="the latest ones with the question they answered, oldest first"
    )
    sources_used: list[SourceUse] = Field(description="knowledge-base entries, most used first")
    models: list[NameCount]
    collections: list[NameCount]
    tokens: int
    average_latency_ms: float | None
    first_message_at: datetime | None
    last_message_at: datetime | None
    flushed_at: datetime | None
    llm_usage: LLMTokens = Field(
        default_factory=LLMTokens,
        description="what the session's memory cost: its LLM calls' input and output tokens, "
        "counted as each fold is done (not buffered like the figures above)",
    )

    @classmethod
    def of(
        cls,
        session_id: str,
        status: str,
        message_count: int,
        analytics: SessionAnalytics,
        threshold: float,
        llm_usage: LLMTokens | None = None,
    ) -> SessionAnalyticsView:
        return cls(
            session_id=session_id,
            user_id=analytics.user_id,
            channel=analytics.channel,
            status=status,
            messages_flushed=analytics.messages,
            buffered_messages=max(0, message_count - analytics.messages),
            user_messages=analytics.user_messages,
            queries_answered=analytics.queries_answered,
            scored_answers=analytics.scored_answers,
            average_confidence=analytics.average_confidence,
            min_confidence=analytics.min_confidence,
            low_confidence_threshold=threshold,
            low_confidence_count=analytics.low_confidence_count,
            low_confidence_queries=analytics.low_confidence,
            sources_used=analytics.sources,
            models=analytics.models,
            collections=analytics.collections,
            tokens=analytics.tokens,
            average_latency_ms=analytics.average_latency_ms,
            first_message_at=analytics.first_message_at,
            last_message_at=analytics.last_message_at,
            flushed_at=analytics.flushed_at,
            llm_usage=llm_usage or LLMTokens(),
        )


class UserActivityView(BaseModel):
    """``GET /v1/analytics/users/{user_id}``: over the user's flushed sessions."""

    user_id: str
    sessions: int = Field(description="sessions with at least one flushed message")
    messages: int
    user_messages: int
    queries_answered: int
    average_confidence: float | None
    last_active: datetime | None

    @classmethod
    def of(cls, activity: UserActivity) -> UserActivityView:
        return cls(
            user_id=activity.user_id,
            sessions=activity.sessions,
            messages=activity.messages,
            user_messages=activity.user_messages,
            queries_answered=activity.queries_answered,
            average_confidence=activity.average_confidence,
            last_active=activity.last_active,
        )


class KbUsageView(BaseModel):
    """``GET /v1/analytics/kb?top=N``: most cited first."""

    entries: list[KbEntryUsage]


class DayCount(BaseModel):
    day: str = Field(description="UTC date, YYYY-MM-DD")
    messages: int = Field(description="messages accepted that day")
    sessions: int = Field(description="sessions with at least one message that day")


class LatencyBucket(BaseModel):
    up_to_ms: int | None = Field(description="inclusive upper bound; null = slower than all")
    count: int


class ResponseTimes(BaseModel):
    """Answers' ``metadata.latency_ms`` in the window, as a histogram."""

    answers: int = Field(description="answers that carried latency_ms")
    p50_ms: int | None = Field(
        description="the upper bound of the bucket holding the median; null when no answers "
        f"or slower than {LATENCY_BOUNDS_MS[-1]} ms"
    )
    p90_ms: int | None = Field(description="like p50_ms, for the 90th percentile")
    p99_ms: int | None = Field(description="like p50_ms, for the 99th percentile")
    buckets: list[LatencyBucket]


class AccountAnalyticsView(BaseModel):
    """``GET /v1/analytics/daily?days=N``: the account over its last N UTC days (today
    included), as of the sessions' last flush."""

    days: int = Field(description="the window, in UTC days")
    since: str = Field(description="the window's first UTC day, YYYY-MM-DD")
    per_day: list[DayCount] = Field(description="every day of the window, oldest first")
    messages: int = Field(description="messages in the window")
    top_kb: list[KbEntryUsage] = Field(
        description="knowledge-base entries most cited (whole retention, not only the window)"
    )
    low_confidence_threshold: float
    low_confidence_queries: list[AccountLowConfidence] = Field(
        description="the latest answered in the window, newest first"
    )
    response_times: ResponseTimes


class AccountLLMUsage(BaseModel):
    """What the account's session memories cost in LLM tokens, and its daily budget."""

    day: date = Field(description="the UTC day `today` covers")
    today: LLMTokens
    total: LLMTokens = Field(description="every day so far, deleted sessions included")
    daily_token_budget: int | None = Field(
        description="input + output tokens allowed per UTC day (MEMQ_ACCOUNT_OVERRIDES "
        "llm_daily_tokens); past it the offline engine writes the memory until the next "
        "UTC day. null: unbounded"
    )


class StatsView(AccountStats):
    """``GET /v1/stats``: live counts over the account's sessions within retention, and
    what their memory cost."""

    llm_usage: AccountLLMUsage


class CleanupReport(BaseModel):
    """``POST /v1/admin/cleanup``: what was removed."""

    days: int
    ended_before: datetime
    sessions_removed: int
    messages_removed: int
    session_ids: list[str]
    more: bool = Field(description="true when more sessions qualify: call again")
