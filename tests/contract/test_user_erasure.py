"""Erasing a user on every adapter: every kind of row counted, a bounded batch of sessions
per request (``complete`` false until the last), the user memories last, and nothing of
another user or account touched.

Real conversations merged by the offline engine; Mongo writes stay at a few dozen per test.
"""

from __future__ import annotations

from datetime import timedelta

from domain.ports.store import Store
from domain.user_memory.corrections import erase_user
from tests.user_memory.conversations import ENGLISH, PERSIAN, T0, THAI, store_conversation
from tests.user_memory.test_user_memory_service import service

A, B = "acct-a", "acct-b"


def conversations(store: Store) -> None:
    """u1 has three ended conversations in A (one with persona meher), u2 one; B has a u1."""
    for n, (session, turns) in enumerate((("s1", ENGLISH), ("s2", PERSIAN), ("s3", THAI))):
        persona = "meher" if session == "s3" else None
        store_conversation(store, session, turns, persona=persona, start=T0 + timedelta(days=n))
    store_conversation(store, "other", ENGLISH, user="u2")
    store_conversation(store, "b1", ENGLISH, account=B)
    jobs = service(store)
    for account, session in (("acct-a", "s1"), ("acct-a", "s2"), ("acct-a", "s3")):
        jobs.merge_session(account, session, final=True)
    jobs.merge_session(A, "other", final=True)
    jobs.merge_session(B, "b1", final=True)


def test_erasure_goes_batch_by_batch_and_counts_every_kind(store: Store) -> None:
    conversations(store)
    assert store.user_memory.user_memory_personas(A, "u1") == ["", "meher"]
    # When the erasure runs with room for two sessions per request
    first = erase_user(store.sessions, store.user_memory, A, "u1", batch=2)
    # Then two sessions go, the user memories stay until the last batch
    assert (first.sessions, first.complete, first.memories) == (2, False, 0)
    assert store.user_memory.user_memory_personas(A, "u1") == ["", "meher"]
    last = erase_user(store.sessions, store.user_memory, A, "u1", batch=2)
    assert (last.sessions, last.complete, last.memories) == (1, True, 2)
    # And together they counted every message, its search entry and each session memory
    messages = len(ENGLISH) + len(PERSIAN) + len(THAI)
    assert first.messages + last.messages == messages
    assert first.search_entries + last.search_entries == messages
    assert first.session_memories + last.session_memories == 3
    assert store.user_memory.user_memory_personas(A, "u1") == []
    hits = store.search.search_messages(A, "ORD-48213")
    assert {hit.session_id for hit in hits} == {"other"}
    # Nothing of u2 or of account B went
    assert store.sessions.get_session(A, "other").user_id == "u2"
    assert store.sessions.get_session(B, "b1").message_count == len(ENGLISH)
    assert store.user_memory.user_memory_personas(A, "u2") == [""]
    assert store.user_memory.user_memory_personas(B, "u1") == [""]
    # And erasing again finds nothing, complete
    again = erase_user(store.sessions, store.user_memory, A, "u1")
    assert (again.sessions, again.messages, again.memories, again.complete) == (0, 0, 0, True)
