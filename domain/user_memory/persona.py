"""Which user memory a session belongs to: its user and its persona.

The persona is the character the user talks to (seed 003: "meher"), set as
``metadata.persona`` when the session is created (or patched). A session
without one feeds the user's general memory (persona ``""``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.sessions import Session
from schemas.user_memory import PERSONA_PATTERN

PERSONA_FIELD = "persona"
_PERSONA = re.compile(PERSONA_PATTERN)


@dataclass(frozen=True)
class UserMemoryKey:
    account_id: str
    user_id: str
    persona: str


def persona_of(session: Session) -> str:
    """The session's persona; ``""`` when absent or not a valid persona name."""
    value = session.metadata.get(PERSONA_FIELD)
    if isinstance(value, str) and _PERSONA.fullmatch(value):
        return value
    return ""


def memory_key(account_id: str, session: Session) -> UserMemoryKey | None:
    """The user memory ``session`` feeds and recalls; None without a user id."""
    if session.user_id is None:
        return None
    return UserMemoryKey(account_id, session.user_id, persona_of(session))
