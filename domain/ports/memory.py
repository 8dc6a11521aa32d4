"""The store port's memory part: a session's memory and the folding bookkeeping.

Only the memory actor writes memory, one job per session at a time, under a
lease; every write is compare-and-set on ``MemoryState.version``.

One memory job pending per session: a session carries a mark (the time it was
set) while a job for it is queued. Ingest sets it with the append that makes a
fold due (``SessionStore.append_message(fold_every=...)``) and publishes a job
only when it set it; the job clears it when it starts (``take_memory_mark``);
a job handing the rest of its work on sets it again (``mark_memory_pending``);
the scheduler re-publishes for marks older than a bound
(``LifecycleStore.stale_memory_marks``, ``renew_memory_mark``).
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import datetime

from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage
from schemas.user_memory import UserMemoryState


@dataclass(frozen=True)
class SessionUser:
    """The session's user, the persona it talks to (``""``: none) and that user memory."""

    user_id: str
    persona: str
    memory: UserMemoryState


@dataclass(frozen=True)
class ContextSnapshot:
    """What a context is assembled from, read at one point in time."""

    message_count: int
    memory: MemoryState
    #: The newest messages, folded or not, at most the limit asked for, in
    #: conversation order.
    recent: list[StoredMessage]
    #: Asked for with ``user_memory=True``; None when the session has no user id.
    user: SessionUser | None = None


class MemoryStore(abc.ABC):
    @abc.abstractmethod
    def context_snapshot(
        self, account_id: str, session_id: str, *, recent_limit: int, user_memory: bool = False
    ) -> ContextSnapshot:
        """The session's count, memory and newest messages for the context actor, read at
        one point in time (one transaction, or as few round trips as the database allows);
        with ``user_memory``, also the session's user and the memory of that user and
        persona (``UserMemoryStore.load_user_memory``) in the same read.

        Raises ``NotFound`` when the session does not exist in this account."""

    @abc.abstractmethod
    def load_memory(self, account_id: str, session_id: str) -> MemoryState:
        """The stored state, or an empty ``MemoryState()`` (version 0) when none was
        saved yet. Raises ``NotFound`` when the session does not exist in this account."""

    @abc.abstractmethod
    def acquire_memory_lease(
        self, account_id: str, session_id: str, owner: str, until: datetime, now: datetime
    ) -> bool:
        """Take the session's memory lease if it is free, expired (its ``until`` < now)
        or already ``owner``'s; True when ``owner`` holds it afterwards. Atomic across
        threads, processes and hosts. A missing session → False (never raises)."""

    @abc.abstractmethod
    def release_memory_lease(self, account_id: str, session_id: str, owner: str) -> None:
        """Free the lease if ``owner`` holds it; otherwise do nothing."""

    @abc.abstractmethod
    def save_memory(self, account_id: str, session_id: str, state: MemoryState, owner: str) -> bool:
        """Compare-and-set: store ``state`` with ``version = state.version + 1`` only if the
        stored version is still ``state.version`` (0 = none stored yet) and ``owner``
        holds the lease; then mark the messages in ``state.last_fold_ids`` as folded.
        Returns False, changing nothing, when the CAS fails. On success the caller's
        next ``load_memory`` returns the saved state with the incremented version."""

    @abc.abstractmethod
    def take_memory_mark(self, account_id: str, session_id: str) -> datetime | None:
        """Clear the session's memory-job mark; when it had been set, None when it was not
        (or the session is missing)."""

    @abc.abstractmethod
    def mark_memory_pending(self, account_id: str, session_id: str, now: datetime) -> bool:
        """Set the mark to ``now`` if the session has none; True when this call set it
        (the caller publishes the job), False when a job is already pending or the
        session is missing."""

    @abc.abstractmethod
    def renew_memory_mark(
        self, account_id: str, session_id: str, *, marked_before: datetime, now: datetime
    ) -> bool:
        """Move a mark set before ``marked_before`` to ``now``; True when it did (the caller
        re-publishes the job it stands for, once however many schedulers ask)."""

    @abc.abstractmethod
    def oldest_unfolded_at(self, account_id: str, session_id: str) -> datetime | None:
        """``accepted_at`` of the session's first message in conversation order that is
        not marked folded; None when there is none (or the session is missing)."""

    @abc.abstractmethod
    def unfolded_messages(
        self,
        account_id: str,
        session_id: str,
        *,
        keep_last: int,
        exclude_ids: list[str],
        limit: int,
    ) -> list[StoredMessage]:
        """Messages not yet marked folded, in conversation order (seq, then message_id),
        leaving out the session's last ``keep_last`` messages (the verbatim window,
        folded or not) and any id in ``exclude_ids``; at most ``limit``."""

    @abc.abstractmethod
    def count_unfolded(self, account_id: str, session_id: str) -> int:
        """How many of the session's messages are not yet marked folded."""

    @abc.abstractmethod
    def messages_between(
        self, account_id: str, session_id: str, first_seq: int, last_seq: int, *, limit: int
    ) -> list[StoredMessage]:
        """Messages with first_seq <= seq <= last_seq in conversation order, at most ``limit``."""

    @abc.abstractmethod
    def messages_before(
        self, account_id: str, session_id: str, seq: int, *, limit: int
    ) -> list[StoredMessage]:
        """The ``limit`` messages just before ``seq``, in conversation order."""
