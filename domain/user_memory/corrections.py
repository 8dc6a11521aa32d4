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

from domain.ports.sessions import DeletedSession, SessionStore
from domain.ports.user_memory import UserMemoryStore
from domain.user_memory.merge import cleared, correct_fact, forget_fact
from domain.user_memory.reads import view
from domain.user_memory.recall_index import indexed
from schemas.errors import NotFound, StoreUnavailable
from schemas.user_memory import UserErased, UserMemoryDeleted, UserMemoryState, UserMemoryView

logger = logging.getLogger("memq.user_memory")

#: Compare-and-set attempts before a correction gives up (503: try again).
CAS_ATTEMPTS = 5
#: Sessions read per page while erasing a user.
ERASE_PAGE = 100
#: Sessions one erasure request deletes at most (a few seconds on either store).
ERASE_BATCH = 500


def write_checked(
    users: UserMemoryStore,
    account_id: str,
    user_id: str,
    persona: str,
    change: Callable[[UserMemoryState], UserMemoryState],
) -> UserMemoryState:
    """``change`` applied by compare-and-set, retried on a concurrent write; a change
    that returns the state itself writes nothing. What is written carries its recall index."""
    for _ in range(CAS_ATTEMPTS):
        state = users.load_user_memory(account_id, user_id, persona)
        changed = change(state)
        if changed is not state:
            changed = indexed(changed)
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
    sessions: SessionStore,
    users: UserMemoryStore,
    account_id: str,
    user_id: str,
    *,
    batch: int = ERASE_BATCH,
) -> UserErased:
    """The user's sessions in the account (with their messages, session memory,
    analytics and search entries), at most ``batch`` of them, then, once none is
    left, every memory of the user; counted by kind. Bounded so that one request
    stays well within its timeout however many sessions the user has: a caller
    repeats it while ``complete`` is false. The user memories go last, so that no
    merge job of a remaining session can bring one back after them."""
    erased = DeletedSession()
    count = 0
    while count < batch:
        limit = min(ERASE_PAGE, batch - count)
        page, _ = sessions.list_sessions(account_id, user_id=user_id, limit=limit)
        deleted_here = 0
        for session in page:
            try:
                gone = sessions.delete_session(account_id, session.session_id)
            except NotFound:
                continue  # deleted meanwhile
            deleted_here += 1
            erased = _plus(erased, gone)
        count += deleted_here
        if not deleted_here:  # an empty page, or one another eraser took
            break
    complete = count < batch or not sessions.list_sessions(account_id, user_id=user_id, limit=1)[0]
    memories = users.delete_user_memories(account_id, user_id) if complete else 0
    logger.info(
        "erased user %s of %s: %d session(s), %d memory(ies)%s",
        user_id,
        account_id,
        count,
        memories,
        "" if complete else ", more to erase",
    )
    return UserErased(
        user_id=user_id,
        sessions=count,
        messages=erased.messages,
        memories=memories,
        session_memories=erased.memories,
        analytics_rows=erased.analytics_rows,
        search_entries=erased.search_entries,
        complete=complete,
    )


def _plus(a: DeletedSession, b: DeletedSession) -> DeletedSession:
    return DeletedSession(
        messages=a.messages + b.messages,
        memories=a.memories + b.memories,
        analytics_rows=a.analytics_rows + b.analytics_rows,
        search_entries=a.search_entries + b.search_entries,
    )
