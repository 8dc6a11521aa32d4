"""What a user asks of their memory through the API: correct or remove one fact, delete
the memory, or erase everything memq holds about them in the account.

Corrections are compare-and-set writes without the merge lease: a merge running
meanwhile fails its own save and is retried from the corrected state, so a
correction is never lost and a removed value never comes back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from domain.ports.sessions import SessionStore
from domain.ports.user_memory import UserMemoryStore
from domain.user_memory.merge import cleared, correct_fact, forget_fact
from domain.user_memory.reads import view
from schemas.errors import NotFound, StoreUnavailable
from schemas.user_memory import UserErased, UserMemoryDeleted, UserMemoryState, UserMemoryView

logger = logging.getLogger("memq.user_memory")

#: Compare-and-set attempts before a correction gives up (503: try again).
CAS_ATTEMPTS = 5
#: Sessions read per page while erasing a user.
ERASE_PAGE = 100


def write_checked(
    users: UserMemoryStore,
    account_id: str,
    user_id: str,
    persona: str,
    change: Callable[[UserMemoryState], UserMemoryState],
) -> UserMemoryState:
    """``change`` applied by compare-and-set, retried on a concurrent write; a change
    that returns the state itself writes nothing."""
    for _ in range(CAS_ATTEMPTS):
        state = users.load_user_memory(account_id, user_id, persona)
        changed = change(state)
        if changed is state or users.save_user_memory(account_id, user_id, persona, changed, None):
            return changed
    raise StoreUnavailable("the user memory kept changing; try again")


def patch_fact(
    users: UserMemoryStore,
    account_id: str,
    user_id: str,
    persona: str,
    key: str,
    value: str | None,
) -> UserMemoryView:
    """Set ``key`` to ``value``, or remove it (``None``; 404 when there is no such fact)."""
    now = datetime.now(UTC)

    def change(state: UserMemoryState) -> UserMemoryState:
        if value is not None:
            return correct_fact(state, key, value, now)
        if not any(fact.key == key for fact in state.facts):
            raise NotFound(f"user {user_id} has no fact {key!r}")
        return forget_fact(state, key, now)

    write_checked(users, account_id, user_id, persona, change)
    return view(users, account_id, user_id, persona)


def delete_memory(
    users: UserMemoryStore, account_id: str, user_id: str, persona: str | None
) -> UserMemoryDeleted:
    """Empty the memory of ``persona`` (every persona when None). Conversations that
    were merged are not merged again unless they go on."""
    now = datetime.now(UTC)
    personas = users.user_memory_personas(account_id, user_id) if persona is None else [persona]
    deleted = 0
    for name in personas:
        state = users.load_user_memory(account_id, user_id, name)
        if state.facts or state.conversations:
            deleted += 1
        write_checked(users, account_id, user_id, name, lambda s: cleared(s, now))
    return UserMemoryDeleted(user_id=user_id, memories=deleted)


def erase_user(
    sessions: SessionStore, users: UserMemoryStore, account_id: str, user_id: str
) -> UserErased:
    """Every session of the user in the account (with its messages, session memory,
    analytics and search entries) and every memory of the user, with counts."""
    erased_sessions = erased_messages = 0
    while True:
        page, _ = sessions.list_sessions(account_id, user_id=user_id, limit=ERASE_PAGE)
        deleted_here = 0
        for session in page:
            try:
                sessions.delete_session(account_id, session.session_id)
            except NotFound:
                continue  # deleted meanwhile
            deleted_here += 1
            erased_messages += session.message_count
        erased_sessions += deleted_here
        if not deleted_here:  # an empty page, or one another eraser took
            break
    memories = users.delete_user_memories(account_id, user_id)
    logger.info(
        "erased user %s of %s: %d session(s), %d memory(ies)",
        user_id,
        account_id,
        erased_sessions,
        memories,
    )
    return UserErased(
        user_id=user_id, sessions=erased_sessions, messages=erased_messages, memories=memories
    )
