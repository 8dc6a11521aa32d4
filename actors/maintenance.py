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
from collections.abc import Callable
from typing import Any

import dramatiq

from actors.deps import Deps
from actors.jobs import job_actor
from domain.analytics.service import FlushOutcome
from domain.lifecycle import TickKind
from schemas.requests import jobs
from schemas.requests.base import ActorRequest, SessionRequest
from schemas.requests.user_memory import UpdateUserMemory

logger = logging.getLogger("memq.actors.maintenance")

#: Above a flush's own work bound (AnalyticsService.work_seconds).
MAINTENANCE_TIME_LIMIT_MS = 120_000

#: The job a tick of each kind fans out, one per session.
_JOBS: dict[
    TickKind,
    type[jobs.ExpireSession | jobs.FlushAnalytics | jobs.PurgeSession | jobs.RepublishMemory],
] = {
    TickKind.EXPIRE: jobs.ExpireSession,
    TickKind.FLUSH: jobs.FlushAnalytics,
    TickKind.RETENTION: jobs.PurgeSession,
    TickKind.MEMORY: jobs.RepublishMemory,
}


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    def actor[R: ActorRequest](model: type[R]) -> Callable[[Callable[[R], None]], Any]:
        return job_actor(broker, deps.settings, model, time_limit_ms=MAINTENANCE_TIME_LIMIT_MS)

    def flush(session: SessionRequest) -> FlushOutcome:
        outcome = deps.analytics.flush(session.account_id, session.session_id)
        if outcome.more:  # bounded work per job: hand the rest to a fresh job
            deps.enqueue(
                jobs.FlushAnalytics(account_id=session.account_id, session_id=session.session_id)
            )
        return outcome

    def fold_final(session: SessionRequest) -> None:
        deps.enqueue(
            jobs.UpdateMemory(
                account_id=session.account_id, session_id=session.session_id, final=True
            )
        )
        # The ended conversation into its user's memory (a no-op without a user id).
        deps.enqueue(
            UpdateUserMemory(
                account_id=session.account_id, session_id=session.session_id, final=True
            )
        )

    def finalize(session: SessionRequest) -> None:
        fold_final(session)
        flush(session)

    @actor(jobs.MaintenanceTick)
    def maintenance_tick(tick: jobs.MaintenanceTick) -> None:
        kind, at = TickKind(tick.kind), tick.at
        page = deps.lifecycle.scan(kind, at, account_id=tick.account_id, cursor=tick.cursor)
        for key in page.sessions:
            deps.enqueue(_JOBS[kind](account_id=key.account_id, session_id=key.session_id, at=at))
        if page.next_cursor is not None:
            deps.enqueue(tick.model_copy(update={"cursor": page.next_cursor}))
        if kind is TickKind.EXPIRE and tick.account_id is None and tick.cursor is None:
            # Accounts with their own idle timeout: one scan each.
            for account in deps.lifecycle.override_accounts():
                deps.enqueue(jobs.MaintenanceTick(kind=tick.kind, at=at, account_id=account))
        logger.debug("tick %s at %s: %d job(s)", kind, at.isoformat(), len(page.sessions))

    @actor(jobs.ExpireSession)
    def expire_session(job: jobs.ExpireSession) -> None:
        session = deps.lifecycle.expire(job.account_id, job.session_id, job.at)
        if session is not None and session.status == "ended":
            # Also on a retry after the end: finalizing twice changes nothing.
            finalize(job)

    @actor(jobs.FinalizeSession)
    def finalize_session(job: jobs.FinalizeSession) -> None:
        finalize(job)

    @actor(jobs.FlushAnalytics)
    def flush_analytics(job: jobs.FlushAnalytics) -> None:
        # ``at``: sent by a flush tick (continuations carry none). A tick reaching an
        # ended session finalizes it again, in case the end's own job was lost: a
        # no-op fold when it ran. Continuations must not fold once more each.
        if flush(job).ended and job.at is not None:
            fold_final(job)

    @actor(jobs.RepublishMemory)
    def republish_memory(job: jobs.RepublishMemory) -> None:
        # A crash between the renewal and the enqueue leaves a fresh mark: the
        # next tick past the bound tries again.
        if deps.memory.republish(job.account_id, job.session_id, job.at):
            logger.info("memory job of %s/%s re-published", job.account_id, job.session_id)
            deps.enqueue(jobs.UpdateMemory(account_id=job.account_id, session_id=job.session_id))

    @actor(jobs.PurgeSession)
    def purge_session(job: jobs.PurgeSession) -> None:
        deps.lifecycle.purge(job.account_id, job.session_id, job.at)
