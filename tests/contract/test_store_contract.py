"""The store port's contract, run against every adapter (see ``domain/ports/``).

Mongo data is kept to a few dozen writes per test: the emulator is slow.
"""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient, monitoring

from domain.ports.sessions import LAST_PROMPT_CHARS, TITLE_CHARS, AppendResult
from domain.ports.store import Store
from memq.stores import open_store
from runtime.settings import Settings
from schemas.errors import Conflict, InvalidInput, NotFound
from schemas.messages import MessageEvent, Role
from schemas.sessions import SessionCreate, SessionPatch
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore

A, B = "acct-a", "acct-b"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SEQ0 = 1_772_366_400_000_000  # gateway seqs are epoch microseconds


def event(
    n: int,
    *,
    account: str = A,
    session: str = "s1",
    role: Role = "user",
    content: str | None = None,
    message_id: str | None = None,
    user_id: str | None = "u1",
    channel: str | None = "web",
) -> MessageEvent:
    """The n-th message of a conversation: seq and accepted_at grow with n."""
    return MessageEvent(
        account_id=account,
        session_id=session,
        message_id=message_id or f"m{n}",
        role=role,
        content=content or f"message number {n}",
        seq=SEQ0 + n,
        accepted_at=T0 + timedelta(seconds=n),
        user_id=user_id,
        channel=channel,
    )


def append(store: Store, ev: MessageEvent, delivery_id: str | None = None) -> AppendResult:
    return store.sessions.append_message(ev, delivery_id or f"d-{ev.account_id}-{ev.message_id}")


def seqs(store: Store, account: str = A, session: str = "s1", **kw: int) -> list[int]:
    kw.setdefault("limit", 1000)
    return [m.seq - SEQ0 for m in store.sessions.list_messages(account, session, **kw)]


def raw_message_count(store: Store, account: str, session: str) -> int:
    """Messages physically left in the database, read behind the port on purpose."""
    if isinstance(store, MongoStore):
        return store.db.messages.count_documents({"account_id": account, "session_id": session})
    assert isinstance(store, SqliteStore)
    with sqlite3.connect(store.db.path) as conn:
        row = conn.execute(
            "SELECT count(*) FROM messages WHERE account_id = ? AND session_id = ?",
            (account, session),
        ).fetchone()
    return int(row[0])


# -- ping / factory ------------------------------------------------------------------


def test_ping_answers(store: Store) -> None:
    store.ping()


def test_open_store_picks_sqlite_without_mongodb_url(tmp_path: Path) -> None:
    # Given settings without a MongoDB URL
    settings = Settings(data_dir=tmp_path / "nested" / "dir")
    # When the store is opened
    opened = open_store(settings)
    # Then it is a SQLite file under data_dir, created with its directory
    try:
        assert isinstance(opened, SqliteStore)
        assert settings.sqlite_path.exists()
    finally:
        opened.close()


def test_open_store_picks_mongo_with_mongodb_url(mongodb_url: str) -> None:
    # Given settings with a MongoDB URL
    settings = Settings.model_validate(
        {"mongodb_url": mongodb_url, "mongodb_database": "memqtest_factory"}
    )
    # When the store is opened, Then it is MongoDB, indexed and answering
    opened = open_store(settings)
    assert isinstance(opened, MongoStore)
    try:
        opened.ping()
        assert "message_once_in_session" in opened.db.messages.index_information()
        assert "claim_once" in opened.db.message_ids.index_information()
    finally:
        opened.db.client.drop_database("memqtest_factory")
        opened.close()


# -- append_message ------------------------------------------------------------------


def test_an_append_says_whether_the_session_has_a_user(store: Store) -> None:
    # Given a session whose messages carry no user, and one created with a user
    store.sessions.create_session(
        A, "s-known", SessionCreate(session_id="s-known", user_id="u9"), T0
    )
    # When messages without a user_id are stored in both
    userless = append(store, event(1, session="s-anon", user_id=None))
    known = append(store, event(2, session="s-known", user_id=None))
    # Then only the session with a user says so (the user memory merges for it only)
    assert (userless.stored, userless.has_user) == (True, False)
    assert (known.stored, known.has_user) == (True, True)
    # And a later message that names a user gives the anonymous session one
    assert append(store, event(3, session="s-anon", user_id="u7")).has_user


def test_first_message_creates_the_session(store: Store) -> None:
    # Given no session s1
    # When its first message is stored
    result = append(store, event(1, content="Hello, I need help with my order"))
    # Then the session exists with the message's user, channel and counters
    assert result == AppendResult(stored=True, message_count=1, has_user=True)
    session = store.sessions.get_session(A, "s1")
    assert (session.user_id, session.channel, session.status) == ("u1", "web", "active")
    assert session.message_count == 1
    assert session.title == "Hello, I need help with my order"
    assert session.last_prompt == "Hello, I need help with my order"
    assert session.last_message_at == T0 + timedelta(seconds=1)
    assert session.created_at.tzinfo is not None
    assert session.created_at.utcoffset() == timedelta(0)
    assert session.metadata == {}


def test_stored_message_reads_back_as_sent(store: Store) -> None:
    # Given a message with every optional field, and text Mongo must not take for a path
    ev = event(1, content="$set is literal text").model_copy(
        update={"sent_at": T0, "metadata": {"lang": "th", "n": 2}}
    )
    append(store, ev)
    # When it is listed
    [stored] = store.sessions.list_messages(A, "s1", limit=10)
    # Then every field survives, with aware UTC datetimes
    assert stored.model_dump() == {
        "message_id": "m1",
        "session_id": "s1",
        "role": "user",
        "content": "$set is literal text",
        "seq": SEQ0 + 1,
        "accepted_at": T0 + timedelta(seconds=1),
        "sent_at": T0,
        "user_id": "u1",
        "channel": "web",
        "metadata": {"lang": "th", "n": 2},
    }
    assert store.sessions.get_session(A, "s1").title == "$set is literal text"


def test_same_message_published_twice_is_stored_once(store: Store) -> None:
    # Given a stored message
    append(store, event(1), "delivery-1")
    # When the client publishes the same message id again (a new delivery)
    again = append(store, event(1, content="edited text"), "delivery-2")
    # Then nothing changes: one message, counted once, first content kept
    assert again == AppendResult(stored=False)
    assert store.sessions.get_session(A, "s1").message_count == 1
    [stored] = store.sessions.list_messages(A, "s1", limit=10)
    assert stored.content == "message number 1"


def test_redelivery_after_a_completed_delivery_changes_nothing(store: Store) -> None:
    # Given a delivery that stored and counted its message
    append(store, event(1), "delivery-1")
    # When the broker redelivers it (e.g. the ack was lost)
    again = append(store, event(1), "delivery-1")
    # Then it is not counted twice
    assert again == AppendResult(stored=False)
    assert store.sessions.get_session(A, "s1").message_count == 1
    assert seqs(store) == [1]


def test_redelivery_after_a_crash_between_insert_and_counters_counts_once(
    mongo_store: MongoStore,
) -> None:
    # Given a delivery that crashed after steps 1 and 2 (id claimed, message inserted)
    # and before step 3 (counters). Only MongoDB has this window: SQLite commits all
    # in one transaction. We reproduce it honestly by running steps 1 and 2 alone.
    assert mongo_store.sessions._store_message(event(1), "delivery-1")
    assert mongo_store.sessions._store_message(event(2, role="assistant"), "delivery-2")
    append(mongo_store, event(2, role="assistant"), "delivery-2")
    # When the broker redelivers the crashed delivery
    result = append(mongo_store, event(1), "delivery-1")
    # Then the counters are applied, exactly once
    assert result == AppendResult(stored=True, message_count=2, has_user=True)
    session = mongo_store.sessions.get_session(A, "s1")
    assert (session.message_count, session.title) == (2, "message number 1")
    # And a second redelivery, or a re-publish under a new delivery, is a no-op
    assert append(mongo_store, event(1), "delivery-1") == AppendResult(stored=False)
    assert append(mongo_store, event(1), "delivery-9") == AppendResult(stored=False)
    assert mongo_store.sessions.get_session(A, "s1").message_count == 2


def test_messages_arriving_out_of_order_are_listed_and_counted_by_seq(store: Store) -> None:
    # Given user messages 1 and 3 and assistant messages 2 and 4, stored as 3, 4, 1, 2
    for ev in (
        event(3, content="third, a user"),
        event(4, role="assistant", content="fourth, the assistant"),
        event(1, content="first, a user"),
        event(2, role="assistant", content="second, the assistant"),
    ):
        append(store, ev)
    # When the session and its messages are read
    session = store.sessions.get_session(A, "s1")
    # Then order and counters follow seq, not arrival
    assert seqs(store) == [1, 2, 3, 4]
    assert session.title == "first, a user"
    assert session.last_prompt == "third, a user"
    assert session.last_message_at == T0 + timedelta(seconds=4)
    assert session.message_count == 4


def test_title_and_last_prompt_are_cut(store: Store) -> None:
    # Given a long user message with line breaks
    long_text = "Sawasdee krub\n\n" + "word " * 200
    # When it is stored
    append(store, event(1, content=long_text))
    # Then the title is one line of TITLE_CHARS, the prompt LAST_PROMPT_CHARS verbatim
    session = store.sessions.get_session(A, "s1")
    assert session.title is not None
    assert len(session.title) == TITLE_CHARS
    assert session.title.startswith("Sawasdee krub word word")
    assert session.last_prompt == long_text[:LAST_PROMPT_CHARS]


def test_a_given_title_is_never_replaced_by_messages(store: Store) -> None:
    # Given one session created with a title and one retitled by a patch
    store.sessions.create_session(A, "s1", SessionCreate(user_id="u1", title="Refund"), T0)
    append(store, event(1, session="s2"))
    store.sessions.update_session(A, "s2", SessionPatch(title="Warranty"), T0)
    # When earlier and later user messages arrive
    append(store, event(5, session="s1"))
    append(store, event(0, session="s2", message_id="m0"))
    # Then the given titles stay
    assert store.sessions.get_session(A, "s1").title == "Refund"
    assert store.sessions.get_session(A, "s2").title == "Warranty"


def test_a_message_reopens_an_ended_session(store: Store) -> None:
    # Given an ended session
    append(store, event(1))
    store.sessions.end_session(A, "s1", "idle", T0 + timedelta(minutes=5))
    # When a new message arrives
    append(store, event(2))
    # Then the session is active again and the end is forgotten
    session = store.sessions.get_session(A, "s1")
    assert (session.status, session.ended_reason, session.ended_at) == ("active", None, None)
    assert session.message_count == 2


# -- list_messages -------------------------------------------------------------------


def test_messages_page_backwards_with_before_and_limit(store: Store) -> None:
    # Given seven messages
    for n in range(1, 8):
        append(store, event(n, role="user" if n % 2 else "assistant"))
    # When paging from the end, three at a time
    first = store.sessions.list_messages(A, "s1", limit=3)
    second = store.sessions.list_messages(A, "s1", limit=3, before=first[0].seq)
    third = store.sessions.list_messages(A, "s1", limit=3, before=second[0].seq)
    # Then each page is the newest messages before the cursor, oldest first
    assert [m.seq - SEQ0 for m in first] == [5, 6, 7]
    assert [m.seq - SEQ0 for m in second] == [2, 3, 4]
    assert [m.seq - SEQ0 for m in third] == [1]
    assert store.sessions.list_messages(A, "s1", limit=3, before=SEQ0 + 1) == []
    assert seqs(store) == [1, 2, 3, 4, 5, 6, 7]


def test_listing_messages_of_an_unknown_session_is_not_found(store: Store) -> None:
    append(store, event(1))
    with pytest.raises(NotFound):
        store.sessions.list_messages(A, "nope", limit=10)


def test_a_session_without_messages_lists_none(store: Store) -> None:
    store.sessions.create_session(A, "s1", SessionCreate(user_id="u1"), T0)
    assert store.sessions.list_messages(A, "s1", limit=10) == []


def test_a_limit_below_one_is_invalid(store: Store) -> None:
    append(store, event(1))
    with pytest.raises(InvalidInput):
        store.sessions.list_messages(A, "s1", limit=0)
    with pytest.raises(InvalidInput):
        store.sessions.list_sessions(A, limit=0)


# -- sessions ------------------------------------------------------------------------


def test_create_then_get_a_session(store: Store) -> None:
    # When a session is created with every field
    spec = SessionCreate(
        user_id="u1",
        channel="whatsapp",
        persona="meher",
        title="Order 42",
        metadata={"tier": "gold"},
    )
    created = store.sessions.create_session(A, "s1", spec, T0)
    # Then it reads back the same, empty and active
    assert store.sessions.get_session(A, "s1") == created
    assert created.model_dump(exclude={"created_at", "updated_at"}) == {
        "session_id": "s1",
        "user_id": "u1",
        "channel": "whatsapp",
        "persona": "meher",
        "title": "Order 42",
        "metadata": {"tier": "gold"},
        "status": "active",
        "ended_reason": None,
        "last_message_at": None,
        "ended_at": None,
        "message_count": 0,
        "last_prompt": None,
    }
    assert created.created_at == created.updated_at == T0


def test_creating_a_taken_session_id_conflicts(store: Store) -> None:
    # Given one session created by the API and one created by its first message
    store.sessions.create_session(A, "s1", SessionCreate(user_id="u1"), T0)
    append(store, event(1, session="s2"))
    # When either id is created again
    # Then it conflicts
    for session_id in ("s1", "s2"):
        with pytest.raises(Conflict):
            store.sessions.create_session(A, session_id, SessionCreate(user_id="u2"), T0)


def test_get_an_unknown_session_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.sessions.get_session(A, "nope")


def test_update_sets_only_the_fields_present(store: Store) -> None:
    # Given a session with a title and metadata
    spec = SessionCreate(user_id="u1", title="Old", metadata={"a": 1, "b": 2})
    store.sessions.create_session(A, "s1", spec, T0)
    later = T0 + timedelta(hours=1)
    # When only metadata is patched
    patched = store.sessions.update_session(A, "s1", SessionPatch(metadata={"c": 3}), later)
    # Then metadata is replaced, the title stays, updated_at moves
    assert (patched.title, patched.metadata, patched.updated_at) == ("Old", {"c": 3}, later)
    assert store.sessions.get_session(A, "s1") == patched
    with pytest.raises(NotFound):
        store.sessions.update_session(A, "nope", SessionPatch(title="x"), later)


def test_ending_twice_keeps_the_first_end(store: Store) -> None:
    # Given an active session
    append(store, event(1))
    first_end = T0 + timedelta(minutes=1)
    # When it is ended, then ended again
    ended = store.sessions.end_session(A, "s1", "user_left", first_end)
    again = store.sessions.end_session(A, "s1", "idle", first_end + timedelta(minutes=1))
    # Then the first reason and time stay
    assert (ended.status, ended.ended_reason, ended.ended_at) == ("ended", "user_left", first_end)
    assert again == ended
    with pytest.raises(NotFound):
        store.sessions.end_session(A, "nope", "idle", first_end)


def test_deleting_leaves_a_tombstone_that_drops_later_messages(store: Store) -> None:
    # Given a session with messages
    append(store, event(1))
    append(store, event(2))
    # When it is deleted
    store.sessions.delete_session(A, "s1")
    # Then it and its messages are gone
    with pytest.raises(NotFound):
        store.sessions.get_session(A, "s1")
    with pytest.raises(NotFound):
        store.sessions.list_messages(A, "s1", limit=10)
    assert store.sessions.list_sessions(A) == ([], None)
    assert raw_message_count(store, A, "s1") == 0
    # And a late message for it is dropped without leaving anything behind
    assert append(store, event(3)) == AppendResult(stored=False, dropped_deleted=True)
    assert append(store, event(1), "a-redelivery") == AppendResult(
        stored=False, dropped_deleted=True
    )
    assert raw_message_count(store, A, "s1") == 0
    with pytest.raises(NotFound):
        store.sessions.get_session(A, "s1")
    # And its id cannot be reused, nor deleted again
    with pytest.raises(Conflict):
        store.sessions.create_session(A, "s1", SessionCreate(user_id="u1"), T0)
    with pytest.raises(NotFound):
        store.sessions.delete_session(A, "s1")


# -- list_sessions -------------------------------------------------------------------


def _three_sessions(store: Store) -> None:
    """s-old (message at +1s), s-new (message at +9s), s-empty (created at +5s, no messages)."""
    append(store, event(1, session="s-old", user_id="u1", channel="web"))
    append(store, event(9, session="s-new", user_id="u2", channel="whatsapp"))
    store.sessions.create_session(
        A, "s-empty", SessionCreate(user_id="u1", channel="voice"), T0 + timedelta(seconds=5)
    )


def test_sessions_are_listed_most_recent_activity_first(store: Store) -> None:
    _three_sessions(store)
    page, cursor = store.sessions.list_sessions(A)
    assert [s.session_id for s in page] == ["s-new", "s-empty", "s-old"]
    assert cursor is None


def test_sessions_with_equal_activity_are_ordered_by_id(store: Store) -> None:
    for session_id in ("s-c", "s-a", "s-b"):
        store.sessions.create_session(A, session_id, SessionCreate(user_id="u1"), T0)
    page, _ = store.sessions.list_sessions(A)
    assert [s.session_id for s in page] == ["s-a", "s-b", "s-c"]


def test_sessions_are_filtered_by_user_channel_and_state(store: Store) -> None:
    _three_sessions(store)
    store.sessions.end_session(A, "s-old", "idle", T0 + timedelta(minutes=1))

    def ids(
        user_id: str | None = None, channel: str | None = None, active: bool | None = None
    ) -> list[str]:
        page, _ = store.sessions.list_sessions(A, user_id=user_id, channel=channel, active=active)
        return [s.session_id for s in page]

    assert ids(user_id="u1") == ["s-empty", "s-old"]
    assert ids(channel="whatsapp") == ["s-new"]
    assert ids(active=True) == ["s-new", "s-empty"]
    assert ids(active=False) == ["s-old"]
    assert ids(user_id="u1", active=True) == ["s-empty"]
    assert ids(user_id="nobody") == []


def test_sessions_page_with_a_cursor(store: Store) -> None:
    # Given five sessions, two of them with the same activity
    for n, session_id in enumerate(["s1", "s2", "s3", "s4"], start=1):
        append(store, event(n, session=session_id))
    store.sessions.create_session(A, "s0", SessionCreate(user_id="u1"), T0 + timedelta(seconds=2))
    # When they are read two at a time
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        page, cursor = store.sessions.list_sessions(A, limit=2, cursor=cursor)
        seen += [s.session_id for s in page]
        pages += 1
        if cursor is None:
            break
    # Then every session comes once, in order, and the last page says so
    assert seen == ["s4", "s3", "s0", "s2", "s1"]
    assert pages == 3


@pytest.mark.parametrize(
    "cursor", ["not a cursor", "", "eyJ4IjoxfQ", "WzIsMSwicyJd", "WzEsMSwxXQ", "!!!"]
)
def test_a_cursor_the_store_did_not_produce_is_invalid(store: Store, cursor: str) -> None:
    with pytest.raises(InvalidInput):
        store.sessions.list_sessions(A, cursor=cursor)


# -- tenancy -------------------------------------------------------------------------


def test_another_account_cannot_see_or_change_a_session(store: Store) -> None:
    # Given account A's session with a message
    append(store, event(1))
    now = T0 + timedelta(hours=1)
    # When account B uses its id, Then it looks missing everywhere
    with pytest.raises(NotFound):
        store.sessions.get_session(B, "s1")
    with pytest.raises(NotFound):
        store.sessions.list_messages(B, "s1", limit=10)
    with pytest.raises(NotFound):
        store.sessions.update_session(B, "s1", SessionPatch(title="mine"), now)
    with pytest.raises(NotFound):
        store.sessions.end_session(B, "s1", "idle", now)
    with pytest.raises(NotFound):
        store.sessions.delete_session(B, "s1")
    assert store.sessions.list_sessions(B) == ([], None)
    # And A's session is untouched
    session = store.sessions.get_session(A, "s1")
    assert (session.title, session.status, session.message_count) == (
        "message number 1",
        "active",
        1,
    )


def test_the_same_ids_in_two_accounts_are_independent(store: Store) -> None:
    # Given A's session s1 with message m1
    append(store, event(1, content="from A"))
    # When B stores a message with the same session and message ids
    result = append(store, event(1, account=B, content="from B"))
    # Then it is a different message in a different session
    assert result.stored
    assert [m.content for m in store.sessions.list_messages(B, "s1", limit=10)] == ["from B"]
    assert [m.content for m in store.sessions.list_messages(A, "s1", limit=10)] == ["from A"]
    # And deleting one does not touch the other
    store.sessions.delete_session(B, "s1")
    assert store.sessions.get_session(A, "s1").message_count == 1
    store.sessions.create_session(B, "other", SessionCreate(user_id="u1"), T0)
    with pytest.raises(Conflict):
        store.sessions.create_session(B, "s1", SessionCreate(user_id="u1"), T0)
    assert (
        store.sessions.create_session(A, "other", SessionCreate(user_id="u1"), T0).session_id
        == "other"
    )


# -- concurrency ---------------------------------------------------------------------


def test_concurrent_appends_with_duplicates_store_each_message_once(store: Store) -> None:
    # Given many messages, each published twice, shuffled across 8 threads
    # (fewer on the slow Mongo emulator)
    count = 24 if isinstance(store, MongoStore) else 200
    events = [event(n, role="user" if n % 2 else "assistant") for n in range(1, count + 1)]
    work = [(ev, f"d{ev.message_id}-{copy}") for ev in events for copy in (1, 2)]
    random.Random(7).shuffle(work)
    chunks = [work[i::8] for i in range(8)]
    stored: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def run(chunk: list[tuple[MessageEvent, str]]) -> None:
        try:
            barrier.wait()
            for ev, delivery_id in chunk:
                if store.sessions.append_message(ev, delivery_id).stored:
                    with lock:
                        stored.append(ev.message_id)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(chunk,)) for chunk in chunks]
    # When they all append at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then each message is stored and counted exactly once
    assert errors == []
    assert sorted(stored) == sorted(ev.message_id for ev in events)
    session = store.sessions.get_session(A, "s1")
    assert session.message_count == count
    assert seqs(store) == list(range(1, count + 1))
    last_user = count if count % 2 else count - 1
    assert (session.title, session.last_prompt) == (
        "message number 1",
        f"message number {last_user}",
    )


def test_appends_racing_with_create_session_count_every_message(store: Store) -> None:
    # Given a session id that messages and an explicit create both race to create
    for round_ in range(3):
        session_id = f"race-{round_}"
        events = [event(n, session=session_id, message_id=f"r{round_}-{n}") for n in range(4)]
        outcomes: list[str] = []

        def create(session_id: str = session_id, outcomes: list[str] = outcomes) -> None:
            try:
                store.sessions.create_session(A, session_id, SessionCreate(user_id="u1"), T0)
                outcomes.append("created")
            except Conflict:
                outcomes.append("conflict")

        threads = [threading.Thread(target=append, args=(store, ev)) for ev in events]
        threads.insert(round_, threading.Thread(target=create))
        # When they run at once
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # Then the create either won or conflicted, and every message is counted once
        assert outcomes in (["created"], ["conflict"])
        assert store.sessions.get_session(A, session_id).message_count == len(events)


def _append_in_a_process(path: str, worker: int) -> None:
    """Runs in a child process: its own SqliteStore on the shared file."""
    store = SqliteStore(Path(path))
    try:
        for n in range(1, 61):
            store.sessions.append_message(event(n), f"p{worker}-{n}")
    finally:
        store.close()


def test_sqlite_worker_processes_share_one_file(tmp_path: Path) -> None:
    # Given three worker processes opening the same SQLite file at once
    path = tmp_path / "shared.sqlite3"
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_append_in_a_process, args=(str(path), worker))
        for worker in range(3)
    ]
    # When each appends the same 60 messages
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    # Then every process succeeded and each message is stored and counted once
    assert [worker.exitcode for worker in workers] == [0, 0, 0]
    store = SqliteStore(path)
    try:
        assert store.sessions.get_session(A, "s1").message_count == 60
        assert seqs(store) == list(range(1, 61))
    finally:
        store.close()


class _Commands(monitoring.CommandListener):
    """Records the name of every command a client sends: one per round trip."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.names.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


def test_mongo_append_takes_three_round_trips(mongodb_url: str) -> None:
    # Given a MongoStore whose client records its commands
    commands = _Commands()
    client: MongoClient[Any] = MongoClient(mongodb_url, event_listeners=[commands])
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    store = MongoStore(client, database)
    try:
        store.ensure_indexes()
        # When a session's first message, a later one and a duplicate are appended
        trips = []
        counts = []
        for ev, delivery_id in ((event(1), "d1"), (event(2), "d2"), (event(1), "d3")):
            commands.names.clear()
            counts.append(store.sessions.append_message(ev, delivery_id).message_count)
            trips.append(list(commands.names))
        # Then new messages take the id's claim, the message's insert and an update that
        # also returns the count; a duplicate, a read of the claim, a refused insert and a
        # read of the message, and no count
        assert trips == [
            ["insert", "insert", "findAndModify"],
            ["insert", "insert", "findAndModify"],
            ["insert", "find", "insert", "find"],
        ]
        assert counts == [1, 2, None]
    finally:
        client.drop_database(database)
        client.close()
