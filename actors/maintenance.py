"""Maintenance actors: the scheduler's ticks and the per-session jobs they fan out.

A tick reads one bounded page of sessions (``Lifecycle.scan``), enqueues one
job per session and, when the page was full, a tick for the next page. Jobs
are idempotent (``memq.lifecycle``): duplicates from a second scheduler or a
replay are harmless. Ending a session (idle, or ``POST /end``) is followed by
its finalization: the final summary (a ``final`` job for the memory pool) and
a flush of its analytics. The flush tick also reaches sessions that ended
within its window, and their flush job finalizes them: a finalize job lost
after the end (a worker killed, a failed enqueue) is made up for there. The
memory tick re-publishes the memory job of a session marked pending too long
(``domain.lifecycle``).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import dramatiq

from actors.deps import Deps
from actors.retry_policy import job_retry_policy
from domain.analytics.service import FlushOutcome
from domain.lifecycle import TickKind
from schemas.errors import InvalidInput
from schemas.routing import ACTOR_QUEUES, ActorName

logger = logging.getLogger("memq.actors.maintenance")

#: Above a flush's own work bound (AnalyticsService.work_seconds).
MAINTENANCE_TIME_LIMIT_MS = 120_000

#: The job a tick of each kind fans out, one per session.
_JOBS = {
    TickKind.EXPIRE: ActorName.EXPIRE_SESSION,
    TickKind.FLUSH: ActorName.FLUSH_ANALYTICS,
    TickKind.RETENTION: ActorName.PURGE_SESSION,
    TickKind.MEMORY: ActorName.REPUBLISH_MEMORY,
}


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    def actor(name: ActorName) -> Any:
        return dramatiq.actor(
            broker=broker,
            actor_name=name.value,
            queue_name=deps.queue(ACTOR_QUEUES[name]),
            time_limit=MAINTENANCE_TIME_LIMIT_MS,
            **job_retry_policy(deps.settings, ACTOR_QUEUES[name]).actor_options(),
        )

    def flush(account_id: str, session_id: str) -> FlushOutcome:
        outcome = deps.analytics.flush(account_id, session_id)
        if outcome.more:  # bounded work per job: hand the rest to a fresh job
            deps.enqueue(ActorName.FLUSH_ANALYTICS, account_id=account_id, session_id=session_id)
        return outcome

    def fold_final(account_id: str, session_id: str) -> None:
        deps.enqueue(
            ActorName.UPDATE_MEMORY, account_id=account_id, session_id=session_id, final=True
        )

    def finalize(account_id: str, session_id: str) -> None:
        fold_final(account_id, session_id)
        flush(account_id, session_id)

    @actor(ActorName.MAINTENANCE_TICK)
    def maintenance_tick(
        kind: str, at: str, account_id: str | None = None, cursor: str | None = None
    ) -> None:
        tick, when = _kind(kind), _when(at)
        page = deps.lifecycle.scan(tick, when, account_id=account_id, cursor=cursor)
        for key in page.sessions:
            deps.enqueue(_JOBS[tick], account_id=key.account_id, session_id=key.session_id, at=at)
        if page.next_cursor is not None:
            deps.enqueue(
                ActorName.MAINTENANCE_TICK,
                kind=kind,
                at=at,
                account_id=account_id,
                cursor=page.next_cursor,
            )
        if tick is TickKind.EXPIRE and account_id is None and cursor is None:
            # Accounts with their own idle timeout: one scan each.
            for account in deps.lifecycle.override_accounts():
                deps.enqueue(ActorName.MAINTENANCE_TICK, kind=kind, at=at, account_id=account)
        logger.debug("tick %s at %s: %d job(s)", kind, at, len(page.sessions))

    @actor(ActorName.EXPIRE_SESSION)
    def expire_session(account_id: str, session_id: str, at: str) -> None:
        session = deps.lifecycle.expire(account_id, session_id, _when(at))
        if session is not None and session.status == "ended":
            # Also on a retry after the end: finalizing twice changes nothing.
            finalize(account_id, session_id)

    @actor(ActorName.FINALIZE_SESSION)
    def finalize_session(account_id: str, session_id: str) -> None:
        finalize(account_id, session_id)

    @actor(ActorName.FLUSH_ANALYTICS)
    def flush_analytics(account_id: str, session_id: str, at: str | None = None) -> None:
        # ``at``: sent by a flush tick (continuations carry none). A tick reaching an
        # ended session finalizes it again, in case the end's own job was lost: a
        # no-op fold when it ran. Continuations must not fold once more each.
        if flush(account_id, session_id).ended and at is not None:
            fold_final(account_id, session_id)

    @actor(ActorName.REPUBLISH_MEMORY)
    def republish_memory(account_id: str, session_id: str, at: str) -> None:
        # A crash between the renewal and the enqueue leaves a fresh mark: the
        # next tick past the bound tries again.
        if deps.memory.republish(account_id, session_id, _when(at)):
            logger.info("memory job of %s/%s re-published", account_id, session_id)
            deps.enqueue(ActorName.UPDATE_MEMORY, account_id=account_id, session_id=session_id)

    @actor(ActorName.PURGE_SESSION)
    def purge_session(account_id: str, session_id: str, at: str) -> None:
        deps.lifecycle.purge(account_id, session_id, _when(at))


def _kind(kind: str) -> TickKind:
    try:
        return TickKind(kind)
    except ValueError:
        raise InvalidInput(f"unknown tick kind {kind!r}") from None


def _when(at: str) -> datetime:
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        raise InvalidInput(f"tick time {at!r} is not an ISO 8601 datetime") from None
    if moment.tzinfo is None:
        raise InvalidInput(f"tick time {at!r} has no time zone")
    return moment
