"""A session's persona on both stores: set at creation, by the message that creates
the session, by a patch; listed by the persona filter; read from ``metadata.persona``
for sessions from before contract 1.3.0, and copied from it by the upgrade."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from domain.ports.store import Store
from schemas.messages import MessageEvent
from schemas.sessions import SessionCreate, SessionPatch
from store.backends.mongo import MongoStore
from store.backends.mongo.indexes import PERSONA_MARKER
from store.backends.sqlite import SqliteStore

A, B = "acct-a", "acct-b"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SEQ0 = 1_772_366_400_000_000


def message(n: int, session: str, *, persona: str | None, account: str = A) -> MessageEvent:
    return MessageEvent(
        account_id=account,
        session_id=session,
        message_id=f"{session}-m{n}",
        role="user",
        content=f"message {n}",
        seq=SEQ0 + n,
        accepted_at=T0 + timedelta(seconds=n),
        user_id="u1",
        persona=persona,
    )


def create(store: Store, session: str, *, account: str = A, **fields: object) -> None:
    spec = SessionCreate.model_validate({"session_id": session, "user_id": "u1", **fields})
    store.sessions.create_session(account, session, spec, T0)


def listed(store: Store, account: str = A, **filters: str) -> list[str]:
    sessions, _ = store.sessions.list_sessions(account, limit=100, **filters)  # type: ignore[arg-type]
    return sorted(s.session_id for s in sessions)


def test_a_persona_given_at_creation_is_read_back_and_filtered_on(store: Store) -> None:
    create(store, "s1", persona="meher")
    create(store, "s2", persona="arash")
    create(store, "s3")
    assert store.sessions.get_session(A, "s1").persona == "meher"
    assert store.sessions.get_session(A, "s3").persona is None
    assert listed(store, persona="meher") == ["s1"]
    assert listed(store, persona="meher", user_id="u1") == ["s1"]
    assert listed(store, persona="nobody") == []
    assert listed(store) == ["s1", "s2", "s3"]


def test_the_first_message_that_carries_a_persona_sets_it_and_later_ones_do_not(
    store: Store,
) -> None:
    store.sessions.append_message(message(1, "s1", persona="meher"), "d1")
    store.sessions.append_message(message(2, "s1", persona="arash"), "d2")
    store.sessions.append_message(message(3, "s1", persona=None), "d3")
    assert store.sessions.get_session(A, "s1").persona == "meher"
    # a session created without one takes the first message's
    create(store, "s2")
    store.sessions.append_message(message(4, "s2", persona="arash"), "d4")
    assert store.sessions.get_session(A, "s2").persona == "arash"
    assert listed(store, persona="arash") == ["s2"]


def test_a_patch_changes_or_clears_the_persona_and_nothing_else(store: Store) -> None:
    create(store, "s1", persona="meher", title="Order help", metadata={"tier": "gold"})
    patched = store.sessions.update_session(A, "s1", SessionPatch(persona="arash"), T0)
    assert (patched.persona, patched.title, patched.metadata) == (
        "arash",
        "Order help",
        {"tier": "gold"},
    )
    # a title-only patch keeps the persona
    assert store.sessions.update_session(A, "s1", SessionPatch(title="x"), T0).persona == "arash"
    cleared = store.sessions.update_session(A, "s1", SessionPatch(persona=None), T0)
    assert cleared.persona is None
    assert listed(store, persona="arash") == []
    # and a message carrying a persona does not bring one back after a deliberate clear
    store.sessions.append_message(message(1, "s1", persona="meher"), "d1")
    assert store.sessions.get_session(A, "s1").persona is None


def test_metadata_persona_is_the_fallback_of_a_session_without_one(store: Store) -> None:
    # How personas were given before contract 1.3.0
    create(store, "s1", metadata={"persona": "meher"})
    create(store, "s2", metadata={"persona": "not a name!"})
    assert store.sessions.get_session(A, "s1").persona == "meher"
    assert store.sessions.get_session(A, "s2").persona is None
    assert listed(store, persona="meher") == ["s1"]
    # the field wins over the metadata, and a clear is a clear
    create(store, "s3", persona="arash", metadata={"persona": "meher"})
    assert store.sessions.get_session(A, "s3").persona == "arash"
    store.sessions.update_session(A, "s1", SessionPatch(persona=None), T0)
    assert store.sessions.get_session(A, "s1").persona is None


def test_the_persona_filter_stays_in_its_account(store: Store) -> None:
    create(store, "s1", persona="meher")
    create(store, "s2", account=B, persona="meher")
    assert listed(store, A, persona="meher") == ["s1"]
    assert listed(store, B, persona="meher") == ["s2"]


def test_a_mongo_session_from_before_the_field_gets_it_at_start_up(
    mongo_store: MongoStore,
) -> None:
    # Given documents as contract 1.2.0 wrote them: no persona field, and no marker of
    # the copy (the fixture's start-up left one: its store was empty)
    mongo_store.db.sessions.database["memq_meta"].delete_one({"_id": PERSONA_MARKER})
    old = {"account_id": A, "user_id": "u1", "status": "active", "created_at": T0}
    old |= {"updated_at": T0, "last_activity": T0, "message_count": 0}
    mongo_store.db.sessions.insert_many(
        [
            {**old, "session_id": "s1", "metadata": {"persona": "meher"}},
            {**old, "session_id": "s2", "metadata": {"persona": "not a name!"}},
            {**old, "session_id": "s3", "metadata": {}},
        ]
    )
    # When the indexes are ensured (every worker start)
    mongo_store.ensure_indexes()
    # Then the valid persona is a field, the filter finds it, the rest have none
    assert mongo_store.db.sessions.find_one({"session_id": "s1"})["persona"] == "meher"
    assert mongo_store.db.sessions.find_one({"session_id": "s2"}).get("persona") is None
    assert listed(mongo_store, persona="meher") == ["s1"]
    indexes = mongo_store.db.sessions.index_information()
    assert "sessions_by_persona" in indexes
    # And later start-ups skip the scan: a doc left without its field stays so
    mongo_store.db.sessions.update_one({"session_id": "s1"}, {"$unset": {"persona": ""}})
    mongo_store.ensure_indexes()
    assert mongo_store.db.sessions.find_one({"session_id": "s1"}).get("persona") is None


def test_a_sqlite_file_from_before_version_7_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "memq.sqlite3"
    SqliteStore(path).close()
    # Given a file as version 6 left it: no persona column, personas in the metadata
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX sessions_by_persona")
        conn.execute("ALTER TABLE sessions DROP COLUMN persona")
        for session, persona in (("s1", "meher"), ("s2", "not a name!"), ("s3", None)):
            metadata = json.dumps({} if persona is None else {"persona": persona})
            conn.execute(
                "INSERT INTO sessions (account_id, session_id, user_id, metadata,"
                " created_at, updated_at, last_activity) VALUES (?, ?, 'u1', ?, 1, 1, 1)",
                (A, session, metadata),
            )
    # When it is opened
    store = SqliteStore(path)
    try:
        # Then the valid persona moved into the column, found by the filter
        with sqlite3.connect(path) as conn:
            rows = dict(conn.execute("SELECT session_id, persona FROM sessions").fetchall())
        assert rows == {"s1": "meher", "s2": None, "s3": None}
        assert listed(store, persona="meher") == ["s1"]
    finally:
        store.close()
