"""Session lifecycle: what the maintenance ticks select, idle expiry, retention and cleanup.

The scheduler sends one tick per kind and period to the maintenance queue; a
tick reads one bounded page of sessions (``scan``) and the maintenance actors
fan out one job per session, plus a tick for the next page. Every step is
idempotent and guarded in the store, so two schedulers, a replayed tick or a
duplicated job change nothing but load:

- ``expire``: active sessions idle for their account's timeout (seconds,
  ``MEMQ_SESSION_IDLE_TIMEOUT`` or ``account_overrides``) are ended with reason
  ``idle`` (only if still idle), then finalized: final summary and a flush.
- ``flush``: active sessions with activity in the last two flush intervals get
  their buffered analytics flushed (every ``MEMQ_ANALYTICS_FLUSH_INTERVAL``);
  sessions that ended within those two intervals are finalized again, in case
  the job sent at their end was lost (both steps are no-ops when it was not):
  each of the two ticks in that window sends an ended session a flush and a
  final fold, four cheap jobs in all.
- ``memory``: sessions whose memory job was published (marked) more than
  ``MEMQ_MEMORY_REPUBLISH_AFTER`` seconds ago and has not started: lost (a
  crash between the mark and the publish, a queue purged) or very late. Each
  gets its job again, once per bound however many schedulers run
  (``MemoryService.republish``).
- ``retention``: sessions ended more than ``MEMQ_RETENTION_DAYS`` ago are
  purged with their messages, memory and analytics, then the tombstones of
  sessions deleted more than that ago are removed (the id is free again).

A tick kind that covers two kinds of sessions scans two store scans one after
the other (``chained_scan``): its pages stay bounded and its cursor says where.

A user's history (seed 004's "conversations to resume") is the account's
sessions of that user, most recent activity first: an ended session stays in
it, with its reason, until retention removes it, and a new message reopens it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import partial
from typing import Protocol

from domain.config import LifecycleSettings
from domain.ports.lifecycle import LifecycleStore, PurgeResult, ScanPage, SessionKey
from schemas.errors import InvalidInput, NotFound
from schemas.sessions import Session

logger = logging.getLogger("memq.lifecycle")

#: The reason idle expiry records on the sessions it ends.
IDLE_REASON = "idle"
#: Sessions removed per cleanup request at most; the reply says when more remain.
CLEANUP_LIMIT = 200


class TickKind(StrEnum):
    EXPIRE = "expire"
    FLUSH = "flush"
    RETENTION = "retention"
    MEMORY = "memory"


def tick_period(settings: LifecycleSettings, kind: TickKind) -> int:
    """Seconds between two ticks of ``kind``."""
    if kind is TickKind.FLUSH:
        return settings.analytics_flush_interval
    return settings.maintenance_interval


class StoreScan(Protocol):
    """One of the store's session scans, its bounds already bound."""

    def __call__(self, *, limit: int, cursor: str | None) -> ScanPage: ...


def chained_scan(scans: Sequence[StoreScan], limit: int, cursor: str | None) -> ScanPage:
    """Page through ``scans`` one after the other as one scan of at most ``limit``
    sessions a page (a page may end one scan and start the next)."""
    position, inner = _split_chain_cursor(cursor, len(scans))
    sessions: list[SessionKey] = []
    for index in range(position, len(scans)):
        page = scans[index](limit=limit - len(sessions), cursor=inner)
        sessions += page.sessions
        if page.next_cursor is not None:
            return ScanPage(sessions, _chain_cursor(index, page.next_cursor))
        inner = None
        if len(sessions) == limit and index + 1 < len(scans):
            return ScanPage(sessions, _chain_cursor(index + 1, None))
    return ScanPage(sessions, None)


def _chain_cursor(position: int, inner: str | None) -> str:
    if position == 0 and inner is not None:
        # As the store made it: a tick sent before its kind was chained still continues.
        return inner
    return f"{position}:{inner or ''}"


def _split_chain_cursor(cursor: str | None, scans: int) -> tuple[int, str | None]:
    if cursor is None or ":" not in cursor:  # store cursors are base64url: no ':'
        return 0, cursor
    position, _, inner = cursor.partition(":")
    if not position.isdecimal() or not int(position) < scans:
        raise InvalidInput("invalid scan cursor")
    return int(position), inner or None


@dataclass(frozen=True)
class CleanupResult:
    ended_before: datetime
    removed: list[PurgeResult] = field(default_factory=list)
    more: bool = False


class Lifecycle:
    def __init__(self, store: LifecycleStore, settings: LifecycleSettings) -> None:
        self.store = store
        self.settings = settings

    def override_accounts(self) -> list[str]:
        """Accounts with their own idle timeout: each is scanned on its own."""
        return self.settings.accounts_with_own_idle_timeout()

    def scan(
        self,
        kind: TickKind,
        at: datetime,
        *,
        account_id: str | None = None,
        cursor: str | None = None,
    ) -> ScanPage:
        """One page of the sessions a tick of ``kind`` sent at ``at`` works on.

        ``expire``: ``account_id`` None scans every account without an override.
        """
        limit = self.settings.maintenance_batch
        if kind is TickKind.EXPIRE:
            if account_id is None:
                return self.store.idle_sessions(
                    idle_before=at - timedelta(seconds=self.settings.session_idle_timeout),
                    limit=limit,
                    exclude_accounts=self.override_accounts(),
                    cursor=cursor,
                )
            return self.store.idle_sessions(
                idle_before=self._idle_before(account_id, at),
                limit=limit,
                account_id=account_id,
                cursor=cursor,
            )
        if kind is TickKind.FLUSH:
            return chained_scan(self._flush_scans(at), limit, cursor)
        if kind is TickKind.MEMORY:
            return self.store.stale_memory_marks(
                marked_before=at - timedelta(seconds=self.settings.memory_republish_after),
                limit=limit,
                cursor=cursor,
            )
        return chained_scan(self._retention_scans(at), limit, cursor)

    def _flush_scans(self, at: datetime) -> list[StoreScan]:
        since = at - timedelta(seconds=2 * self.settings.analytics_flush_interval)
        return [
            partial(self.store.recently_active_sessions, since=since),
            # Their flush job finalizes them: the end's own job may have been lost.
            partial(self.store.recently_ended_sessions, since=since),
        ]

    def _retention_scans(self, at: datetime) -> list[StoreScan]:
        cutoff = self.retention_cutoff(at)
        return [
            partial(self.store.ended_sessions, ended_before=cutoff),
            partial(self.store.deleted_sessions, deleted_before=cutoff),
        ]

    def expire(self, account_id: str, session_id: str, at: datetime) -> Session | None:
        """End the session as idle if it still is (as of ``at``); the session afterwards,
        None when it is gone."""
        try:
            session = self.store.expire_session(
                account_id,
                session_id,
                idle_before=self._idle_before(account_id, at),
                reason=IDLE_REASON,
                now=datetime.now(UTC),
            )
        except NotFound:
            return None
        if session.status == "ended":
            logger.info("session %s/%s ended (%s)", account_id, session_id, session.ended_reason)
        return session

    def purge(self, account_id: str, session_id: str, at: datetime) -> PurgeResult | None:
        """Purge the session if it ended before the retention cutoff, or remove its
        tombstone if it was deleted before it (the sweep's two scans share this job)."""
        cutoff = self.retention_cutoff(at)
        result = self.store.purge_session(account_id, session_id, ended_before=cutoff)
        if result is not None:
            logger.info(
                "retention: purged session %s/%s (%d messages)",
                account_id,
                session_id,
                result.messages,
            )
            return result
        result = self.store.purge_tombstone(account_id, session_id, deleted_before=cutoff)
        if result is not None:
            logger.info("retention: removed the tombstone of %s/%s", account_id, session_id)
        return result

    def cleanup(self, account_id: str, days: int, now: datetime) -> CleanupResult:
        """``POST /v1/admin/cleanup``: purge up to ``CLEANUP_LIMIT`` of the account's sessions
        ended more than ``days`` days before ``now``."""
        if days < 0:
            raise InvalidInput("days must not be negative")
        ended_before = now - timedelta(days=days)
        removed: list[PurgeResult] = []
        page = self.store.ended_sessions(
            ended_before=ended_before, limit=CLEANUP_LIMIT, account_id=account_id
        )
        for key in page.sessions:
            result = self.store.purge_session(account_id, key.session_id, ended_before=ended_before)
            if result is not None:
                removed.append(result)
        logger.info(
            "cleanup of account %s: %d session(s) ended before %s purged",
            account_id,
            len(removed),
            ended_before.isoformat(),
        )
        return CleanupResult(ended_before, removed, more=page.next_cursor is not None)

    def retention_cutoff(self, at: datetime) -> datetime:
        return at - timedelta(days=self.settings.retention_days)

    def _idle_before(self, account_id: str, at: datetime) -> datetime:
        return at - timedelta(seconds=self.settings.idle_timeout_for(account_id))
