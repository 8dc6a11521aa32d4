"""Which user memory a session recalls, read for the context actor: two reads, the
session (its user and persona) and that memory."""

from __future__ import annotations

from dataclasses import dataclass

from domain.ports.sessions import SessionStore
from domain.ports.user_memory import UserMemoryStore
from domain.user_memory.persona import UserMemoryKey, memory_key
from schemas.user_memory import UserMemoryState


@dataclass(frozen=True)
class UserMemoryReader:
    sessions: SessionStore
    users: UserMemoryStore

    def for_session(
        self, account_id: str, session_id: str
    ) -> tuple[UserMemoryKey | None, UserMemoryState]:
        """The session's user memory; ``(None, empty)`` when it has no user id.
        Raises ``NotFound`` when the session does not exist in this account."""
        session = self.sessions.get_session(account_id, session_id)
        key = memory_key(account_id, session)
        if key is None:
            return None, UserMemoryState()
        return key, self.users.load_user_memory(key.account_id, key.user_id, key.persona)
