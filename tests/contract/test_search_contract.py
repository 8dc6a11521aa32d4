"""The ``SearchStore`` part of the store port, run against every adapter.

See ``store/search.py``. Data stays tiny (a handful of messages): the MongoDB
emulator is slow.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actors.search import warn_if_index_is_stale
from domain.ports.store import Store
from domain.search.tokenize import INDEX_VERSION
from memq import cli
from schemas.errors import InvalidInput, NotFound
from schemas.messages import MessageEvent, Role
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore
from tests.support.stores import with_retention

A, B = "acct-a", "acct-b"
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)

EN = "What is the price of the Samsung Galaxy phone?"
FA = "قیمت گوشي سامسونگ گلکسی چند است؟"  # Arabic ي, Persian search uses ی
TH = "ราคาโทรศัพท์มือถือซัมซุงเท่าไหร่ครับ"
HAMZA = "این مسئله مهم است"
#: What index version 1 gave HAMZA: ئ folded to Arabic ي instead of Persian ی.
HAMZA_V1_TERMS = ["این", "مسيله", "مهم", "است"]


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
    result = store.sessions.append_message(
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
    assert ids(store.search.search_messages(A, "samsung PRICE")) == ["s1-m1"]
    assert ids(store.search.search_messages(A, "گوشی")) == ["s1-m2"]  # ی matches stored ي
    assert ids(store.search.search_messages(A, "سامسونگ", session_id="s1")) == ["s1-m2"]
    # Thai has no spaces: a word inside the run is found
    hits = store.search.search_messages(A, "โทรศัพท์")
    assert ids(hits) == ["s1-m3"]
    assert hits[0].role == "assistant" and hits[0].seq == 3 and hits[0].session_id == "s1"
    assert hits[0].snippet == TH and hits[0].score > 0
    assert ids(store.search.search_messages(A, "ซัมซุง")) == ["s1-m3"]
    # A Persian word joined by a ZWNJ is found by its stem and by the joined form
    put(store, 4, "کتاب‌ها را خریدم")
    assert ids(store.search.search_messages(A, "کتاب")) == ["s1-m4"]
    assert ids(store.search.search_messages(A, "کتابها")) == ["s1-m4"]
    # Every term must match; nothing else matches
    assert store.search.search_messages(A, "samsung warranty") == []
    assert store.search.search_messages(A, "   ...  ") == []


def test_search_ranks_and_limits(store: Store) -> None:
    put(store, 1, "warranty is one year, and the warranty covers the warranty screen")
    put(store, 2, "the phone has a warranty " + "and many other words " * 5)
    put(store, 3, "no match here")
    hits = store.search.search_messages(A, "warranty")
    assert ids(hits) == ["s1-m1", "s1-m2"]
    assert hits[0].score > hits[1].score
    assert ids(store.search.search_messages(A, "warranty", limit=1)) == ["s1-m1"]
    with pytest.raises(InvalidInput):
        store.search.search_messages(A, "warranty", limit=101)


def test_search_is_account_scoped_and_filters(store: Store) -> None:
    # Given account A and account B both talk about the same thing
    put(store, 1, EN, session="s1", user_id="u1")
    put(store, 1, EN, session="s2", user_id="u2")
    put(store, 1, EN, account=B, session="s1")
    # Then A finds only its own, filtered by session or user when asked
    assert sorted(ids(store.search.search_messages(A, "galaxy"))) == ["s1-m1", "s2-m1"]
    assert ids(store.search.search_messages(A, "galaxy", session_id="s2")) == ["s2-m1"]
    assert ids(store.search.search_messages(A, "galaxy", user_id="u1")) == ["s1-m1"]
    assert ids(store.search.search_messages(B, "galaxy")) == ["s1-m1"]
    assert [h.session_id for h in store.search.search_messages(B, "galaxy")] == ["s1"]
    # A session of another account looks missing
    with pytest.raises(NotFound):
        store.search.search_messages(B, "galaxy", session_id="s2")


def test_search_hides_deleted_sessions(store: Store) -> None:
    put(store, 1, EN, session="s1")
    put(store, 1, EN, session="s2")
    store.sessions.delete_session(A, "s1")
    assert ids(store.search.search_messages(A, "galaxy")) == ["s2-m1"]
    with pytest.raises(NotFound):
        store.search.search_messages(A, "galaxy", session_id="s1")


def test_search_hides_sessions_past_retention(store: Store) -> None:
    # Given a session ended a while ago, read by a store with a short retention
    put(store, 1, EN, session="old")
    put(store, 1, EN, session="new")
    store.sessions.end_session(A, "old", "closed", datetime.now(UTC) - timedelta(seconds=10))
    reader = with_retention(store, timedelta(seconds=1))
    try:
        # Then the ended session's messages are not found
        assert ids(reader.search.search_messages(A, "galaxy")) == ["new-m1"]
        with pytest.raises(NotFound):
            reader.search.search_messages(A, "galaxy", session_id="old")
    finally:
        reader.close()


def test_snippet_is_a_window_around_the_hit(store: Store) -> None:
    long = "filler words " * 40 + "the Samsung warranty is two years " + "more text " * 40
    put(store, 1, long)
    (hit,) = store.search.search_messages(A, "warranty")
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
        assert ids(store.search.search_messages(A, "ซัมซุง")) == ["s1-m1"]
    finally:
        store.close()


def test_mongo_backfills_messages_stored_before_search(mongo_store: MongoStore) -> None:
    # Given a message doc written without search_terms (an older version)
    put(mongo_store, 1, FA)
    mongo_store.db.messages.update_many({}, {"$unset": {"search_terms": ""}})
    mongo_store.db.messages.database["memq_meta"].delete_many({})
    assert mongo_store.search.search_messages(A, "گوشی") == []
    # When the indexes are ensured (worker start-up), then it is found
    mongo_store.ensure_indexes()
    assert ids(mongo_store.search.search_messages(A, "گوشی")) == ["s1-m1"]


# --- index versions and reindex: every message below is HAMZA ---


def index_as_version_1(store: Store) -> None:
    """Make ``store`` what a store written before the ئ fix is: its messages under
    version 1 terms, and no index version recorded."""
    if isinstance(store, SqliteStore):
        conn = sqlite3.connect(store.db.path)
        with conn:
            conn.execute("UPDATE messages_fts SET terms = ?", (" ".join(HAMZA_V1_TERMS),))
            conn.execute("DELETE FROM memq_meta")
        conn.close()
    else:
        assert isinstance(store, MongoStore)
        store.db.messages.update_many({}, {"$set": {"search_terms": HAMZA_V1_TERMS}})
        store.db.messages.database["memq_meta"].delete_many({})


def test_a_new_store_is_at_the_current_index_version(store: Store) -> None:
    assert store.search.search_index_version() == INDEX_VERSION


def test_reindex_finds_messages_indexed_before_the_fix(store: Store) -> None:
    # Given a message indexed as version 1 did: مسئله under Arabic مسيله
    put(store, 1, HAMZA)
    index_as_version_1(store)
    assert store.search.search_index_version() == 1
    assert store.search.search_messages(A, "مسیله") == []
    # When it is reindexed, then every spelling finds it
    assert store.search.reindex_search() == 1
    for spelling in ("مسیله", "مسئله", "مسيله"):
        assert ids(store.search.search_messages(A, spelling)) == ["s1-m1"], spelling
    assert store.search.search_index_version() == INDEX_VERSION


class Interrupted(Exception):
    pass


def _interrupt(done: int, total: int) -> None:
    raise Interrupted


def test_reindex_resumes_after_an_interruption_and_runs_again(store: Store) -> None:
    for n in (1, 2, 3):
        put(store, n, HAMZA)
    index_as_version_1(store)
    # Given a reindex stopped after its first batch
    with pytest.raises(Interrupted):
        store.search.reindex_search(batch=1, progress=_interrupt)
    assert ids(store.search.search_messages(A, "مسیله")) == ["s1-m1"]
    assert store.search.search_index_version() == 1
    # When run again, then it goes on from the second message
    seen: list[tuple[int, int]] = []
    assert store.search.reindex_search(batch=1, progress=lambda *p: seen.append(p)) == 3
    assert seen == [(2, 3), (3, 3)]
    assert sorted(ids(store.search.search_messages(A, "مسیله"))) == ["s1-m1", "s1-m2", "s1-m3"]
    assert store.search.search_index_version() == INDEX_VERSION
    # And a finished reindex run again goes over everything, changing nothing
    assert store.search.reindex_search(batch=2) == 3
    assert len(store.search.search_messages(A, "مسئله")) == 3
    with pytest.raises(InvalidInput):
        store.search.reindex_search(batch=0)


def test_sqlite_reindexes_an_old_file_when_it_opens(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Given a file written before the ئ fix
    old = SqliteStore(tmp_path / "v1.sqlite3")
    put(old, 1, HAMZA)
    index_as_version_1(old)
    old.close()
    # When the store opens it, then it is reindexed without being asked
    with caplog.at_level(logging.INFO, logger="memq.store.sqlite"):
        store = SqliteStore(tmp_path / "v1.sqlite3")
    try:
        assert ids(store.search.search_messages(A, "مسیله")) == ["s1-m1"]
        assert store.search.search_index_version() == INDEX_VERSION
        assert "1 messages reindexed" in caplog.text
    finally:
        store.close()


def test_mongo_is_not_reindexed_at_start_up_but_warns(
    mongo_store: MongoStore, caplog: pytest.LogCaptureFixture
) -> None:
    # Given a database written before the ئ fix, and a worker starting on it
    put(mongo_store, 1, HAMZA)
    index_as_version_1(mongo_store)
    mongo_store.ensure_indexes()
    # Then its terms are left as they are (it may be large), with a warning
    assert mongo_store.search.search_index_version() == 1
    assert mongo_store.search.search_messages(A, "مسیله") == []
    with caplog.at_level(logging.WARNING, logger="actors.search"):
        warn_if_index_is_stale(mongo_store.search)
    assert "memq reindex" in caplog.text
    # Until it is reindexed
    mongo_store.search.reindex_search()
    caplog.clear()
    warn_if_index_is_stale(mongo_store.search)
    assert caplog.text == ""


def test_memq_reindex_command(
    store: Store, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a store written before the ئ fix
    for n in (1, 2, 3):
        put(store, n, HAMZA)
    index_as_version_1(store)
    env: dict[str, str | None]
    if isinstance(store, SqliteStore):
        env = {"MEMQ_DATA_DIR": str(store.db.path.parent), "MEMQ_MONGODB_URL": None}
    else:
        assert isinstance(store, MongoStore)
        env = {
            "MEMQ_MONGODB_URL": request.getfixturevalue("mongodb_url"),
            "MEMQ_MONGODB_DATABASE": store.db.messages.database.name,
        }
    monkeypatch.setattr("runtime.log_setup.configure", lambda *a, **k: None)  # not this process's
    # When `memq reindex` runs on it
    result = CliRunner().invoke(cli.app, ["reindex", "--batch", "2"], env=env)
    # Then it reports its progress, and the messages are found under the new terms
    assert result.exit_code == 0, result.output
    assert "reindexed 2/3 messages" in result.output
    assert f"3 messages reindexed; search index version {INDEX_VERSION}" in result.output
    assert len(store.search.search_messages(A, "مسیله")) == 3
    assert store.search.search_index_version() == INDEX_VERSION
