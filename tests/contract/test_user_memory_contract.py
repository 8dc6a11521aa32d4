"""The ``UserMemoryStore`` part of the store port (``domain/ports/user_memory.py``), on every
adapter: compare-and-set saves, the merge lease, personas, deletion, and tenancy.

Values in English, Persian and Thai. Mongo writes stay at a few dozen per test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pymongo import MongoClient

from domain.memory.chain import EngineChain
from domain.memory.offline.engine import OfflineEngine
from domain.ports.memory import SessionUser
from domain.ports.store import Store
from domain.user_memory.corrections import patch_fact
from domain.user_memory.recall import rank
from domain.user_memory.recall_index import indexed, prepared
from domain.user_memory.service import UserMemoryService
from runtime.settings import Settings
from schemas.sessions import SessionCreate
from schemas.user_memory import ConversationSummary, UserFact, UserMemoryState
from store.backends.mongo import MongoStore
from tests.support.mongo_commands import CommandNames
from tests.user_memory.conversations import ENGLISH, PERSIAN, THAI, store_conversation
from tests.user_memory.conversations import T0 as DAY0

A, B = "acct-a", "acct-b"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
OWNER, OTHER = "worker-1:thread-1", "worker-2:thread-7"
UNTIL = T0 + timedelta(minutes=1)


def memory_with(*facts: tuple[str, str]) -> UserMemoryState:
    return UserMemoryState(
        facts=[
            UserFact(key=key, value=value, session_id="s1", observed_at=T0) for key, value in facts
        ],
        conversations=[
            ConversationSummary(
                session_id="s1",
                summary="سفارش ORD-48213 به تهران ارسال می‌شود",
                language="fa",
                started_at=T0,
                last_activity=T0 + timedelta(minutes=9),
                message_count=12,
                ended=True,
                engine="offline",
            )
        ],
        updated_at=T0,
    )


def test_an_unknown_user_has_an_empty_memory(store: Store) -> None:
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert state == UserMemoryState()


def test_a_save_is_compare_and_set_on_the_version(store: Store) -> None:
    # Given a first save (no lease: a correction through the API)
    first = memory_with(("name", "Sara"))
    assert store.user_memory.save_user_memory(A, "u1", "", first, None)
    loaded = store.user_memory.load_user_memory(A, "u1", "")
    assert loaded.version == 1
    assert loaded.facts[0].value == "Sara"
    assert loaded.conversations[0].summary.startswith("سفارش")
    # When a second writer saves from the old version, it loses
    assert not store.user_memory.save_user_memory(A, "u1", "", first, None)
    # And a writer from the current version wins
    second = loaded.model_copy(update={"facts": memory_with(("name", "สมชาย")).facts})
    assert store.user_memory.save_user_memory(A, "u1", "", second, None)
    assert store.user_memory.load_user_memory(A, "u1", "").facts[0].value == "สมชาย"


def test_the_merge_lease_is_single_flight(store: Store) -> None:
    part = store.user_memory
    assert part.acquire_user_memory_lease(A, "u1", "meher", OWNER, UNTIL, T0)
    assert not part.acquire_user_memory_lease(A, "u1", "meher", OTHER, UNTIL, T0)
    # the owner may take it again; another persona is another memory
    assert part.acquire_user_memory_lease(A, "u1", "meher", OWNER, UNTIL, T0)
    assert part.acquire_user_memory_lease(A, "u1", "", OTHER, UNTIL, T0)
    # a save under a lease someone else holds fails; the holder's succeeds
    state = part.load_user_memory(A, "u1", "meher")
    assert not part.save_user_memory(A, "u1", "meher", memory_with(("x", "1")), OTHER)
    assert part.save_user_memory(A, "u1", "meher", memory_with(("x", "1")), OWNER)
    assert state.version == 0
    part.release_user_memory_lease(A, "u1", "meher", OTHER)  # not the holder: nothing
    assert not part.acquire_user_memory_lease(A, "u1", "meher", OTHER, UNTIL, T0)
    part.release_user_memory_lease(A, "u1", "meher", OWNER)
    assert part.acquire_user_memory_lease(A, "u1", "meher", OTHER, UNTIL, T0)


def test_an_expired_lease_can_be_taken(store: Store) -> None:
    part = store.user_memory
    assert part.acquire_user_memory_lease(A, "u1", "", OWNER, T0, T0 - timedelta(seconds=1))
    assert part.acquire_user_memory_lease(A, "u1", "", OTHER, UNTIL, T0 + timedelta(seconds=1))


def test_memories_stay_in_their_account_user_and_persona(store: Store) -> None:
    part = store.user_memory
    assert part.save_user_memory(A, "u1", "meher", memory_with(("address", "12 Elm Street")), None)
    # a guessed user id, another account, another persona of the same name elsewhere
    assert part.load_user_memory(A, "u2", "meher").facts == []
    assert part.load_user_memory(B, "u1", "meher").facts == []
    assert part.load_user_memory(A, "u1", "").facts == []
    assert part.load_user_memory(A, "u1", "Meher").facts == []
    assert part.save_user_memory(B, "u1", "meher", memory_with(("address", "ถนนสุขุมวิท")), None)
    assert part.load_user_memory(A, "u1", "meher").facts[0].value == "12 Elm Street"
    assert part.user_memory_personas(A, "u1") == ["meher"]
    assert part.user_memory_personas(A, "u2") == []


def test_deleting_a_users_memories_takes_every_persona_and_nothing_else(store: Store) -> None:
    part = store.user_memory
    for persona in ("", "meher"):
        assert part.save_user_memory(A, "u1", persona, memory_with(("name", "Sara")), None)
    assert part.save_user_memory(A, "u2", "", memory_with(("name", "Reza")), None)
    assert part.save_user_memory(B, "u1", "", memory_with(("name", "Noi")), None)
    # a merge in flight holds a lease on a third persona, with nothing saved yet
    assert part.acquire_user_memory_lease(A, "u1", "nova", OWNER, UNTIL, T0)

    assert part.delete_user_memories(A, "u1") == 2

    assert part.user_memory_personas(A, "u1") == []
    assert part.load_user_memory(A, "u1", "meher") == UserMemoryState()
    # the merge that held a lease cannot bring its memory back
    assert not part.save_user_memory(A, "u1", "nova", memory_with(("name", "Sara")), OWNER)
    assert part.load_user_memory(A, "u1", "nova") == UserMemoryState()
    assert part.load_user_memory(A, "u2", "").facts[0].value == "Reza"
    assert part.load_user_memory(B, "u1", "").facts[0].value == "Noi"


def test_a_memory_read_again_is_what_is_stored_now_never_an_earlier_one(store: Store) -> None:
    # (each adapter keeps the memories it parsed last: a change must never be missed)
    part = store.user_memory
    assert part.save_user_memory(A, "u1", "", memory_with(("name", "Sara")), None)
    first = part.load_user_memory(A, "u1", "")
    again = part.load_user_memory(A, "u1", "")
    assert again == first and again.version == 1
    # a copy each time: a caller replacing a list does not change the next reader's
    again.facts = []
    assert part.load_user_memory(A, "u1", "").facts[0].value == "Sara"
    # erased, then a new memory at the same version: the new one is read
    assert part.delete_user_memories(A, "u1") == 1
    assert part.save_user_memory(A, "u1", "", memory_with(("name", "مریم")), None)
    reborn = part.load_user_memory(A, "u1", "")
    assert reborn.version == 1
    assert [f.value for f in reborn.facts] == ["مریم"]
    # and another account's memory of the same user id is its own
    assert part.save_user_memory(B, "u1", "", memory_with(("name", "สมชาย")), None)
    assert part.load_user_memory(B, "u1", "").facts[0].value == "สมชาย"
    assert part.load_user_memory(A, "u1", "").facts[0].value == "مریم"


def test_a_context_snapshot_reads_the_sessions_user_memory_with_it(store: Store) -> None:
    # Given u1's general memory, u1's memory for the persona "meher", account B's memory
    # of a user with the same id, and sessions: u1's, u1's with meher (one by the field,
    # one by the metadata of before contract 1.3.0), and one without a user
    users = store.user_memory
    assert users.save_user_memory(A, "u1", "", memory_with(("name", "Sara")), None)
    assert users.save_user_memory(A, "u1", "meher", memory_with(("city", "تهران")), None)
    assert users.save_user_memory(B, "u1", "", memory_with(("name", "สมชาย")), None)
    for session, fields in (
        ("general", {"user_id": "u1"}),
        ("with-meher", {"user_id": "u1", "persona": "meher"}),
        ("legacy-meher", {"user_id": "u1", "metadata": {"persona": "meher"}}),
    ):
        spec = SessionCreate.model_validate({"session_id": session, **fields})
        store.sessions.create_session(A, session, spec, T0)
    spec = SessionCreate.model_validate({"session_id": "general", "user_id": "u1"})
    store.sessions.create_session(B, "general", spec, T0)
    store_conversation(store, "anonymous", PERSIAN[:1], user=None, end=False)

    def user_of(account: str, session: str) -> SessionUser | None:
        snapshot = store.memory.context_snapshot(account, session, recent_limit=5, user_memory=True)
        return snapshot.user

    # Then each snapshot holds its session's user, persona and that memory, as loaded
    assert user_of(A, "general") == SessionUser("u1", "", users.load_user_memory(A, "u1", ""))
    meher = SessionUser("u1", "meher", users.load_user_memory(A, "u1", "meher"))
    assert user_of(A, "with-meher") == meher
    assert user_of(A, "legacy-meher") == meher
    assert meher.memory.facts[0].value == "تهران"
    # and another account's session of the same user id reads its own account's memory
    other = user_of(B, "general")
    assert other is not None and other.memory.facts[0].value == "สมชาย"
    # A session without a user has none, and a snapshot not asking for it reads none
    assert user_of(A, "anonymous") is None
    assert store.memory.context_snapshot(A, "general", recent_limit=5).user is None


def offline_jobs(store: Store) -> UserMemoryService:
    return UserMemoryService(
        store.sessions,
        store.memory,
        store.user_memory,
        EngineChain(fallback=OfflineEngine()),
        Settings(),
    )


@pytest.fixture
def recorded(mongodb_url: str) -> Iterator[tuple[MongoStore, CommandNames]]:
    """A MongoStore whose client records its commands: one per round trip."""
    commands = CommandNames()
    client: MongoClient[Any] = MongoClient(mongodb_url, event_listeners=[commands])
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    store = MongoStore(client, database)
    try:
        store.ensure_indexes()
        yield store, commands
    finally:
        store.close()
        client.drop_database(database)
        client.close()


def test_a_merge_takes_the_same_round_trips_however_long_the_users_history(
    recorded: tuple[MongoStore, CommandNames],
) -> None:
    store, commands = recorded
    jobs = offline_jobs(store)
    trips: list[list[str]] = []
    # When a user's 1st, 2nd and 4th conversations are merged
    for n, turns in enumerate((ENGLISH, PERSIAN, THAI, ENGLISH)):
        session = f"c{n}"
        store_conversation(store, session, turns[:2], start=DAY0 + timedelta(days=n))
        commands.names.clear()
        assert jobs.merge_session(A, session, final=False).result == "merged"
        trips.append(list(commands.names))
    # Then each merge took the same round trips: session, lease, memory, snapshot, save
    assert trips[0] == trips[1] == trips[3]
    assert trips[0] == [
        "find",
        "update",
        "find",
        "find",
        "find",
        "find",
        "find",
        "update",
        "update",
    ]


def test_a_context_snapshot_with_the_user_memory_takes_four_round_trips(
    recorded: tuple[MongoStore, CommandNames],
) -> None:
    store, commands = recorded
    jobs = offline_jobs(store)
    store_conversation(store, "now", PERSIAN[:1], start=DAY0 + timedelta(days=9), end=False)
    trips: list[list[str]] = []
    # When the context of the user's current session is read after 1, 2 and 3 conversations
    for n, turns in enumerate((ENGLISH, THAI, PERSIAN)):
        store_conversation(store, f"c{n}", turns[:2], start=DAY0 + timedelta(days=n))
        assert jobs.merge_session(A, f"c{n}", final=True).result == "merged"
        commands.names.clear()
        snapshot = store.memory.context_snapshot(A, "now", recent_limit=50, user_memory=True)
        trips.append(list(commands.names))
        assert snapshot.user is not None
        assert len(snapshot.user.memory.conversations) == n + 1
    # Then each took the same four: the session (with its user), its memory, its
    # newest messages, the user memory
    assert trips == [["find", "find", "find", "find"]] * 3


def test_every_merge_stores_the_recall_index_of_its_conversations(store: Store) -> None:
    # Given a user's English, Persian and Thai conversations merged one by one
    jobs = offline_jobs(store)
    for n, turns in enumerate((ENGLISH, PERSIAN, THAI)):
        store_conversation(store, f"c{n}", turns, start=DAY0 + timedelta(days=n))
        assert jobs.merge_session(A, f"c{n}", final=True).result == "merged"
    # Then the stored memory carries the index of exactly its conversations
    state = store.user_memory.load_user_memory(A, "u1", "")
    index = state.recall_index
    assert index is not None
    assert index.sessions == [c.session_id for c in state.conversations] == ["c2", "c1", "c0"]
    # made from the conversations as stored, and read by ranking as it is, in each language
    assert index == indexed(state).recall_index
    assert prepared(state.conversations, index).terms is index.terms
    assert rank(state.conversations, "ถนนสุขุมวิท", index)[0].conversation.session_id == "c2"
    assert rank(state.conversations, "سفارش تهران", index)[0].conversation.session_id == "c1"
    assert rank(state.conversations, "Elm Street", index)[0].conversation.session_id == "c0"
    # and a correction rewrites it with the summaries it scrubbed
    forget = state.facts[0]
    patch_fact(store.user_memory, A, "u1", "", forget.key, None)
    after = store.user_memory.load_user_memory(A, "u1", "")
    assert after.recall_index is not None
    assert after.recall_index == indexed(after).recall_index
    assert after.recall_index.sessions == index.sessions
