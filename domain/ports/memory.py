"""The store port's memory part: a session's memory and the folding bookkeeping.

Only the memory actor writes memory, one job per session at a time, under a
lease; every write is compare-and-set on ``MemoryState.version``.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import datetime

from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage


@dataclass(frozen=True)
class ContextSnapshot:
    """What a context is assembled from, read at one point in time."""

    message_count: int
    memory: MemoryState
    #: The newest messages, folded or not, at most the limit asked for, in
    #: conversation order.
    recent: list[StoredMessage]


class MemoryStore(abc.ABC):
    @abc.abstractmethod
    def context_snapshot(
        self, account_id: str, session_id: str, *, recent_limit: int
    ) -> ContextSnapshot:
        """The session's count, memory and newest messages for the context actor, read at
        one point in time (one transaction, or as few round trips as the database allows).

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
