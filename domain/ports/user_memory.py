"""The store port's user-memory part: one memory per (account, user_id, persona).

Writes are compare-and-set on ``UserMemoryState.version``. The memory job
merges under a lease (single-flight per user memory); a correction through
the API writes without one, and a job whose save then fails starts over from
the stored state. ``persona`` ``""`` is the user's general memory.
"""

from __future__ import annotations

import abc
from datetime import datetime

from schemas.user_memory import UserMemoryState


class UserMemoryStore(abc.ABC):
    @abc.abstractmethod
    def load_user_memory(self, account_id: str, user_id: str, persona: str) -> UserMemoryState:
        """The stored state, or an empty one (version 0) when none was saved."""

    @abc.abstractmethod
    def acquire_user_memory_lease(
        self,
        account_id: str,
        user_id: str,
        persona: str,
        owner: str,
        until: datetime,
        now: datetime,
    ) -> bool:
        """Take the lease if it is free, expired or ``owner``'s already (creating an empty
        memory when none exists); True when ``owner`` holds it afterwards. Atomic across
        threads, processes and hosts."""

    @abc.abstractmethod
    def release_user_memory_lease(
        self, account_id: str, user_id: str, persona: str, owner: str
    ) -> None:
        """Free the lease if ``owner`` holds it; otherwise do nothing."""

    @abc.abstractmethod
    def save_user_memory(
        self,
        account_id: str,
        user_id: str,
        persona: str,
        state: UserMemoryState,
        owner: str | None,
    ) -> bool:
        """Compare-and-set: store ``state`` with ``version = state.version + 1`` only if the
        stored version is still ``state.version`` (0: none stored yet, the memory is then
        created) and, when ``owner`` is given, ``owner`` holds the lease (a memory deleted
        meanwhile is then not created again). False, changing nothing, when the CAS fails."""

    @abc.abstractmethod
    def user_memory_personas(self, account_id: str, user_id: str) -> list[str]:
        """The personas the user has a stored memory for, in name order."""

    @abc.abstractmethod
    def delete_user_memories(self, account_id: str, user_id: str) -> int:
        """Delete every memory of the user (all personas, leases and all); how many."""
