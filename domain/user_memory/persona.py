"""Which user memory a session belongs to: its user and its persona.

The persona is the character the user talks to (seed 003: "meher"), the
session's ``persona`` field (its ``metadata.persona`` for sessions from before
contract 1.3.0: the stores read it as a fallback). A session without one feeds
the user's general memory (persona ``""``).
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.sessions import Session


@dataclass(frozen=True)
class UserMemoryKey:
    account_id: str
    user_id: str
    persona: str


def persona_of(session: Session) -> str:
    """The session's persona; ``""`` (the general memory) when it has none."""
    return session.persona or ""


def memory_key(account_id: str, session: Session) -> UserMemoryKey | None:
    """The user memory ``session`` feeds and recalls; None without a user id."""
    if session.user_id is None:
        return None
    return UserMemoryKey(account_id, session.user_id, persona_of(session))
