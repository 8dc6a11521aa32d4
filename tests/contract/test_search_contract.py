"""The ``SearchStore`` part of the store port, run against every adapter.

See ``store/search.py``. Data stays tiny (a handful of messages): the MongoDB
emulator is slow.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from memq.errors import InvalidInput, NotFound
from schemas.messages import MessageEvent, Role
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore
from store.base import Store
from tests.support.stores import with_retention

A, B = "acct-a", "acct-b"
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)

EN = "What is the price of the Samsung Galaxy phone?"
FA = "قیمت گوشي سامسونگ گلکسی چند است؟"  # Arabic ي, Persian search uses ی
TH = "ราคาโทรศัพท์มือถือซัมซุงเท่าไหร่ครับ"


def put(
    store: Store,
    n: int,
    content: str,
    *,
    account: str = A,
    session: str = "s1",
    role: Role = "user",
    user_id: str = "u1",
) -> None:
    result = store.append_message(
        MessageEvent(
            account_id=account,
            session_id=session,
            message_id=f"{session}-m{n}",
            role=role,
            content=content,
            seq=n,
            accepted_at=T0 + timedelta(seconds=n),
            user_id=user_id,
        ),
        f"d-{session}-{n}",
    )
    assert result.stored


def ids(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.message_id for h in hits]


def test_search_finds_english_persian_and_thai(store: Store) -> None:
    # Given one message in each language
    put(store, 1, EN)
    put(store, 2, FA)
    put(store, 3, TH, role="assistant")
    # Then each is found by a word of its own language, case/letter forms aside
    assert ids(store.search_messages(A, "samsung PRICE")) == ["s1-m1"]
    assert ids(store.search_messages(A, "گوشی")) == ["s1-m2"]  # ی matches stored ي
    assert ids(store.search_messages(A, "سامسونگ", session_id="s1")) == ["s1-m2"]
    # Thai has no spaces: a word inside the run is found
    hits = store.search_messages(A, "โทรศัพท์")
    assert ids(hits) == ["s1-m3"]
    assert hits[0].role == "assistant" and hits[0].seq == 3 and hits[0].session_id == "s1"
    assert hits[0].snippet == TH and hits[0].score > 0
    assert ids(store.search_messages(A, "ซัมซุง")) == ["s1-m3"]
    # A Persian word joined by a ZWNJ is found by its stem and by the joined form
    put(store, 4, "کتاب‌ها را خریدم")
    assert ids(store.search_messages(A, "کتاب")) == ["s1-m4"]
    assert ids(store.search_messages(A, "کتابها")) == ["s1-m4"]
    # Every term must match; nothing else matches
    assert store.search_messages(A, "samsung warranty") == []
    assert store.search_messages(A, "   ...  ") == []


def test_search_ranks_and_limits(store: Store) -> None:
    put(store, 1, "warranty is one year, and the warranty covers the warranty screen")
    put(store, 2, "the phone has a warranty " + "and many other words " * 5)
    put(store, 3, "no match here")
    hits = store.search_messages(A, "warranty")
    assert ids(hits) == ["s1-m1", "s1-m2"]
    assert hits[0].score > hits[1].score
    assert ids(store.search_messages(A, "warranty", limit=1)) == ["s1-m1"]
    with pytest.raises(InvalidInput):
        store.search_messages(A, "warranty", limit=101)


def test_search_is_account_scoped_and_filters(store: Store) -> None:
    # Given account A and account B both talk about the same thing
    put(store, 1, EN, session="s1", user_id="u1")
    put(store, 1, EN, session="s2", user_id="u2")
    put(store, 1, EN, account=B, session="s1")
    # Then A finds only its own, filtered by session or user when asked
    assert sorted(ids(store.search_messages(A, "galaxy"))) == ["s1-m1", "s2-m1"]
    assert ids(store.search_messages(A, "galaxy", session_id="s2")) == ["s2-m1"]
    assert ids(store.search_messages(A, "galaxy", user_id="u1")) == ["s1-m1"]
    assert ids(store.search_messages(B, "galaxy")) == ["s1-m1"]
    assert [h.session_id for h in store.search_messages(B, "galaxy")] == ["s1"]
    # A session of another account looks missing
    with pytest.raises(NotFound):
        store.search_messages(B, "galaxy", session_id="s2")


def test_search_hides_deleted_sessions(store: Store) -> None:
    put(store, 1, EN, session="s1")
    put(store, 1, EN, session="s2")
    store.delete_session(A, "s1")
    assert ids(store.search_messages(A, "galaxy")) == ["s2-m1"]
    with pytest.raises(NotFound):
        store.search_messages(A, "galaxy", session_id="s1")


def test_search_hides_sessions_past_retention(store: Store) -> None:
    # Given a session ended a while ago, read by a store with a short retention
    put(store, 1, EN, session="old")
    put(store, 1, EN, session="new")
    store.end_session(A, "old", "closed", datetime.now(UTC) - timedelta(seconds=10))
    reader = with_retention(store, timedelta(seconds=1))
    try:
        # Then the ended session's messages are not found
        assert ids(reader.search_messages(A, "galaxy")) == ["new-m1"]
        with pytest.raises(NotFound):
            reader.search_messages(A, "galaxy", session_id="old")
    finally:
        reader.close()


def test_snippet_is_a_window_around_the_hit(store: Store) -> None:
    long = "filler words " * 40 + "the Samsung warranty is two years " + "more text " * 40
    put(store, 1, long)
    (hit,) = store.search_messages(A, "warranty")
    assert "warranty" in hit.snippet
    assert len(hit.snippet) <= 160
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")


def test_sqlite_backfills_the_index_of_an_older_file(tmp_path: Path) -> None:
    # Given a file whose messages were stored before the search index existed
    path = tmp_path / "v3.sqlite3"
    old = SqliteStore(path)
    put(old, 1, TH)
    old.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER messages_fts_delete")
        conn.execute("DROP TABLE messages_fts")
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    # When the store opens it, then the old message is found
    store = SqliteStore(path)
    try:
        assert ids(store.search_messages(A, "ซัมซุง")) == ["s1-m1"]
    finally:
        store.close()


def test_mongo_backfills_messages_stored_before_search(mongo_store: MongoStore) -> None:
    # Given a message doc written without search_terms (an older version)
    put(mongo_store, 1, FA)
    mongo_store._messages.update_many({}, {"$unset": {"search_terms": ""}})
    mongo_store._messages.database["memq_meta"].delete_many({})
    assert mongo_store.search_messages(A, "گوشی") == []
    # When the indexes are ensured (worker start-up), then it is found
    mongo_store.ensure_indexes()
    assert ids(mongo_store.search_messages(A, "گوشی")) == ["s1-m1"]
