"""The store port's session-lifecycle part: analytics buffer and flush, idle expiry, retention.

``domain.ports.store.Store`` composes it; each adapter implements it in its own module
(``store/backends/sqlite/lifecycle.py``, ``store/backends/mongo/lifecycle.py``).

Analytics: the buffer is the stored messages. ``analytics_batch`` returns the
session's stored ``SessionAnalytics`` and messages it does not cover yet;
``save_analytics`` stores the folded result and marks those messages covered
as one compare-and-set step on the analytics ``version``. A flush that is
replayed (a worker killed after the write, before its ack) or that runs twice
at once therefore never counts a message twice; messages stored late, in any
order, are covered by a later batch.

Retention: with ``retention`` set (``MEMQ_RETENTION_DAYS``), a session ended
more than ``retention`` ago is invisible to every read of the port, as if
``purge_session`` had already removed it, and a new message for it starts a
new session. ``purge_session`` deletes such a session with its messages,
memory and analytics and leaves no tombstone. The tombstone ``delete_session``
leaves (with its deletion time) goes in the same sweep once the deletion is
older than the cutoff (``deleted_sessions``, ``purge_tombstone``); the id is
then free again.

Finalization: ending a session is followed by its final memory fold and
analytics flush, sent as a separate job. ``recently_ended_sessions`` lets the
flush tick finalize again the sessions that ended within its window, so a job
lost between the end and its enqueue is made up for.

Scans (``idle_sessions``, ``recently_active_sessions``, ``recently_ended_sessions``,
``ended_sessions``, ``deleted_sessions``) run across accounts for the
maintenance ticks, on indexes led by ``status`` (tombstones: by deletion time),
and return bounded pages with an opaque keyset cursor.
"""

from __future__ import annotations

import abc
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from domain.ports.llm_usage import LLMUsageStore
from schemas.analytics_model import (
    AccountAnalytics,
    AccountStats,
    KbEntryUsage,
    SessionAnalytics,
    UserActivity,
)
from schemas.messages import StoredMessage
from schemas.sessions import Session


@dataclass(frozen=True)
class SessionKey:
    account_id: str
    session_id: str


@dataclass(frozen=True)
class ScanPage:
    sessions: list[SessionKey]
    #: Pass back as ``cursor`` for the next page; None when this page was the last.
    next_cursor: str | None


@dataclass(frozen=True)
class AnalyticsBatch:
    """What ``analytics_batch`` read: hand it back, unchanged, to ``save_analytics``."""

    session: Session
    #: As stored; ``version`` 0 and empty when the session was never flushed.
    analytics: SessionAnalytics
    #: Not yet covered by ``analytics``, in conversation order (seq, then message_id).
    messages: list[StoredMessage]
    #: Adapter bookkeeping (SQLite: the insertion watermark; MongoDB: the ids of
    #: the previous batch, which may still need marking).
    marker: int = 0
    previous_ids: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PurgeResult:
    session_id: str
    messages: int


class LifecycleStore(LLMUsageStore, abc.ABC):
    """Analytics (the memory's LLM spending among them: ``domain.ports.llm_usage``),
    idle expiry and retention."""

    # -- analytics -------------------------------------------------------------
    @abc.abstractmethod
    def analytics_batch(self, account_id: str, session_id: str, *, limit: int) -> AnalyticsBatch:
        """The session, its stored analytics and at most ``limit`` messages they do not
        cover yet. Raises ``NotFound`` when the session does not exist (or is past
        retention) in this account."""

    @abc.abstractmethod
    def save_analytics(
        self, account_id: str, batch: AnalyticsBatch, analytics: SessionAnalytics
    ) -> bool:
        """Compare-and-set: store ``analytics`` with ``version = batch.analytics.version + 1``
        and mark ``batch.messages`` covered, only if the stored version is still
        ``batch.analytics.version`` and the session still exists. False, changing
        nothing, otherwise. Works with an empty ``batch.messages`` (updates the
        figures only)."""

    @abc.abstractmethod
    def session_analytics(self, account_id: str, session_id: str) -> SessionAnalytics:
        """The stored analytics (empty, version 0, when never flushed). Raises ``NotFound``
        like ``get_session``."""

    @abc.abstractmethod
    def user_activity(self, account_id: str, user_id: str) -> UserActivity:
        """Sums over the account's flushed sessions of ``user_id`` that are not past
        retention (zeros when there are none)."""

    @abc.abstractmethod
    def kb_usage(self, account_id: str, *, top: int) -> list[KbEntryUsage]:
        """The ``top`` knowledge-base entries cited in the account's flushed sessions that
        are not past retention: most cited first, ties by entry id."""

    @abc.abstractmethod
    def account_analytics(
        self, account_id: str, *, since: datetime, low_confidence: int
    ) -> AccountAnalytics:
        """Sums over the account's flushed sessions not past retention, from the UTC day
        of ``since`` on: messages, active sessions and response-time buckets per day,
        and the latest ``low_confidence`` low-confidence queries answered since then.
        A constant number of round trips, through an index led by the account."""

    @abc.abstractmethod
    def account_stats(self, account_id: str) -> AccountStats:
        """Live counts over the account's sessions (not deleted, not past retention)."""

    # -- idle expiry -----------------------------------------------------------
    @abc.abstractmethod
    def idle_sessions(
        self,
        *,
        idle_before: datetime,
        limit: int,
        account_id: str | None = None,
        exclude_accounts: Collection[str] = (),
        cursor: str | None = None,
    ) -> ScanPage:
        """Active sessions whose last activity (last message, else creation) is before
        ``idle_before``, oldest activity first; of one account, or of every account
        but ``exclude_accounts``. Raises ``InvalidInput`` for a foreign cursor."""

    @abc.abstractmethod
    def expire_session(
        self, account_id: str, session_id: str, *, idle_before: datetime, reason: str, now: datetime
    ) -> Session:
        """End the session with ``reason`` at ``now`` if it is still active and idle since
        before ``idle_before``; return it as it is afterwards (still active when a
        message came in meanwhile; an earlier end is kept). Raises ``NotFound``."""

    @abc.abstractmethod
    def recently_active_sessions(
        self, *, since: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        """Active sessions with activity at or after ``since``, across accounts,
        oldest activity first."""

    @abc.abstractmethod
    def recently_ended_sessions(
        self, *, since: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        """Ended sessions whose end is at or after ``since``, across accounts, earliest
        end first."""

    # -- memory jobs -----------------------------------------------------------
    @abc.abstractmethod
    def stale_memory_marks(
        self, *, marked_before: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        """Sessions (not deleted) whose memory-job mark was set before ``marked_before``,
        across accounts, oldest mark first: their job was lost or is very late
        (``domain.ports.memory``)."""

    # -- retention -------------------------------------------------------------
    @abc.abstractmethod
    def ended_sessions(
        self,
        *,
        ended_before: datetime,
        limit: int,
        account_id: str | None = None,
        cursor: str | None = None,
    ) -> ScanPage:
        """Ended sessions whose end is before ``ended_before`` (of one account, or all),
        earliest end first."""

    @abc.abstractmethod
    def purge_session(
        self, account_id: str, session_id: str, *, ended_before: datetime
    ) -> PurgeResult | None:
        """Delete the session with its messages, memory and analytics if it is ended
        and its end is before ``ended_before``; no tombstone is left, so a later
        message starts a new session. None when it is not (any more) such a session."""

    @abc.abstractmethod
    def deleted_sessions(
        self, *, deleted_before: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        """Tombstones of sessions deleted before ``deleted_before``, across accounts,
        earliest deletion first."""

    @abc.abstractmethod
    def purge_tombstone(
        self, account_id: str, session_id: str, *, deleted_before: datetime
    ) -> PurgeResult | None:
        """Remove the session's tombstone if it was deleted before ``deleted_before``,
        with anything a deletion cut short left under the id; a later message then
        starts a new session. None when it is not (any more) such a tombstone."""
