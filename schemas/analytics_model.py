"""The stored shape of a session's analytics and the account-level figures read from them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

#: The low-confidence queries kept per session (the most recent ones).
LOW_CONFIDENCE_KEEP = 50
#: Distinct knowledge-base entries kept per session (the most used ones).
SOURCES_KEEP = 1000
#: Distinct models / collections kept per session.
NAMES_KEEP = 50
#: A low-confidence query's question is cut to this many characters.
QUESTION_CHARS = 500
#: Days of per-day figures kept per session (the most recent ones).
DAYS_KEEP = 400
#: Upper bounds (ms, inclusive) of the response-time histogram's buckets; one more
#: bucket counts every answer slower than the last bound.
LATENCY_BOUNDS_MS = (50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000, 60000)
LATENCY_BUCKETS = len(LATENCY_BOUNDS_MS) + 1


class SourceUse(BaseModel):
    """How often answers cited one knowledge-base entry, and when last."""

    entry_id: str
    count: int = Field(ge=0, description="answers that listed this entry in metadata.sources")
    last_used: datetime


class NameCount(BaseModel):
    name: str
    count: int = Field(ge=0)


class LowConfidenceQuery(BaseModel):
    """An answer below the confidence threshold, with the question it answered."""

    message_id: str = Field(description="the assistant message")
    seq: int
    confidence: float
    question: str | None = Field(
        default=None, description="the user message just before the answer (cut), if any"
    )
    question_message_id: str | None = None
    answered_at: datetime


class DayFigures(BaseModel):
    """A session's flushed messages of one UTC day, and its answers' response times."""

    day: str = Field(description="UTC date, YYYY-MM-DD")
    messages: int = Field(default=0, ge=0)
    latency: list[int] = Field(
        default_factory=lambda: [0] * LATENCY_BUCKETS,
        description="answers per LATENCY_BOUNDS_MS bucket (metadata.latency_ms)",
    )


class SessionAnalytics(BaseModel):
    """One session's analytics, as of its last flush.

    ``version`` guards every write (compare-and-set); 0 = never flushed.
    Counters only cover flushed messages.
    """

    version: int = 0
    user_id: str | None = None
    channel: str | None = None
    messages: int = Field(default=0, description="messages flushed, every role")
    user_messages: int = 0
    queries_answered: int = Field(
        default=0, description="assistant messages: each answers the user's query"
    )
    scored_answers: int = Field(
        default=0, description="answers whose metadata carried a confidence in [0, 1]"
    )
    confidence_sum: float = 0.0
    min_confidence: float | None = None
    low_confidence_count: int = 0
    low_confidence: list[LowConfidenceQuery] = Field(
        default_factory=list, description=f"the last {LOW_CONFIDENCE_KEEP}, oldest first"
    )
    sources: list[SourceUse] = Field(
        default_factory=list, description="knowledge-base entries cited, most used first"
    )
    models: list[NameCount] = Field(default_factory=list)
    collections: list[NameCount] = Field(default_factory=list)
    tokens: int = 0
    latency_ms_sum: float = 0.0
    latency_count: int = 0
    first_message_at: datetime | None = None
    last_message_at: datetime | None = None
    #: The session's end as of the flush (None while active): reads use it to
    #: leave out sessions past retention.
    ended_at: datetime | None = None
    flushed_at: datetime | None = None
    days: list[DayFigures] = Field(
        default_factory=list, description=f"per UTC day, oldest first, the last {DAYS_KEEP}"
    )

    @property
    def average_confidence(self) -> float | None:
        return None if not self.scored_answers else self.confidence_sum / self.scored_answers

    @property
    def average_latency_ms(self) -> float | None:
        return None if not self.latency_count else self.latency_ms_sum / self.latency_count


class UserActivity(BaseModel):
    """A user's activity over the account's flushed sessions within retention."""

    user_id: str
    sessions: int = Field(description="sessions with at least one flushed message")
    messages: int
    user_messages: int
    queries_answered: int
    scored_answers: int
    confidence_sum: float
    last_active: datetime | None = Field(description="the latest flushed message's time")

    @property
    def average_confidence(self) -> float | None:
        return None if not self.scored_answers else self.confidence_sum / self.scored_answers


class KbEntryUsage(BaseModel):
    """Seed 001's kb_analytics: one knowledge-base entry over the account's sessions."""

    entry_id: str
    count: int = Field(description="answers that cited it")
    sessions: int = Field(description="sessions in which it was cited")
    last_used: datetime


class LLMTokens(BaseModel):
    """Tokens the memory's LLM calls spent (each response's ``usage``), and how many calls."""

    input_tokens: int = Field(default=0, ge=0)
    output_tokens: int = Field(default=0, ge=0)
    calls: int = Field(default=0, ge=0)

    @property
    def total(self) -> int:
        return self.input_tokens + self.output_tokens

    def __add__(self, other: LLMTokens) -> LLMTokens:
        return LLMTokens(
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            calls=self.calls + other.calls,
        )


class AccountStats(BaseModel):
    """Live counts over the account's sessions within retention."""

    sessions: int
    active_sessions: int
    ended_sessions: int
    messages: int


class AccountDay(BaseModel):
    """The account's flushed figures of one UTC day."""

    day: str = Field(description="UTC date, YYYY-MM-DD")
    messages: int = Field(description="messages accepted that day")
    sessions: int = Field(description="sessions with at least one message that day")
    latency: list[int] = Field(description="answers per LATENCY_BOUNDS_MS bucket")


class AccountLowConfidence(LowConfidenceQuery):
    session_id: str


class AccountAnalytics(BaseModel):
    """What the store sums over an account's sessions for a window of days."""

    days: list[AccountDay] = Field(description="days with messages, oldest first")
    low_confidence: list[AccountLowConfidence] = Field(description="the latest first")
