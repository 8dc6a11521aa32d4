"""Jobs nobody waits for: memory folds and maintenance (the memory and maintenance pools).

A job that fails validation is dead-lettered at once, with the field named in
its reason (``memq dlq list``): no retry can fix it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from schemas.bounds import Instant
from schemas.ids import Identifier
from schemas.requests.base import ActorRequest, SessionRequest
from schemas.routing import ActorName

TickKindName = Literal["expire", "flush", "retention", "memory"]
ScanCursor = Annotated[str, Field(min_length=1, max_length=1024)]


def _zoned(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("must carry a time zone (e.g. 2026-05-01T10:00:00Z)")
    return moment


#: When a tick was due: every job it fans out acts as of this moment.
At = Annotated[Instant, AfterValidator(_zoned)]


class UpdateMemory(SessionRequest):
    """Fold the session's new messages into its tiers and facts; ``final`` at its end."""

    actor = ActorName.UPDATE_MEMORY

    final: bool = False


class MaintenanceTick(ActorRequest):
    """One page of a scan (expiry, analytics flush or retention) as of ``at``."""

    actor = ActorName.MAINTENANCE_TICK

    kind: TickKindName
    at: At
    account_id: Identifier | None = Field(default=None, description="null = every account")
    cursor: ScanCursor | None = None


class ExpireSession(SessionRequest):
    actor = ActorName.EXPIRE_SESSION

    at: At


class FinalizeSession(SessionRequest):
    actor = ActorName.FINALIZE_SESSION


class FlushAnalytics(SessionRequest):
    actor = ActorName.FLUSH_ANALYTICS

    at: At | None = Field(default=None, description="set by a flush tick; continuations carry none")


class RepublishMemory(SessionRequest):
    """The session's memory job was marked pending before the bound as of ``at``:
    renew the mark and publish the job again."""

    actor = ActorName.REPUBLISH_MEMORY

    at: At


class PurgeSession(SessionRequest):
    actor = ActorName.PURGE_SESSION

    at: At
