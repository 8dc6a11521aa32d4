"""The ``TransferStore`` part of the store port (import), with export through the port.

See ``store/transfer.py`` and ``memq/transfer/service.py``. Tiny data: the
MongoDB emulator is slow.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.ports.store import Store
from domain.transfer.service import export_session, import_session
from schemas.errors import Conflict, InvalidInput, NotFound
from schemas.memory_model import Detail, Fact, ReplacedValue, TierName, TierSummary
from schemas.memory_state import MemoryState
from schemas.messages import MessageEvent, Role
from schemas.sessions import SessionPatch
from schemas.transfer import SessionDocument
from tests.support.stores import with_retention

A, B = "acct-a", "acct-b"
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
OWNER = "worker-1"
TH = "ราคาโทรศัพท์มือถือซัมซุงเท่าไหร่ครับ"


def put(store: Store, n: int, content: str, role: Role = "user", session: str = "s1") -> None:
    assert store.sessions.append_message(
        MessageEvent(
            account_id=A,
            session_id=session,
            message_id=f"{session}-m{n}",
            role=role,
            content=content,
            seq=n,
            accepted_at=T0 + timedelta(seconds=n),
            user_id="u1",
            channel="web",
            metadata={"n": n} if role == "assistant" else None,
        ),
        f"d{n}",
    ).stored


def conversation(store: Store) -> None:
    put(store, 1, "Hi, I want the Samsung Galaxy")
    put(store, 2, "It costs 500 dollars", role="assistant")
    put(store, 3, TH)
    at = T0 + timedelta(minutes=1)
    state = MemoryState(
        folded_count=1,
        last_fold_ids=["s1-m1"],
        recent=TierSummary(
            tier=TierName.RECENT,
            text="User wants a Samsung Galaxy.",
            first_position=1,
            last_position=1,
            first_seq=1,
            last_seq=1,
            token_estimate=7,
            engine="offline",
            updated_at=at,
        ),
        facts=[
            Fact(key="product", value="Samsung Galaxy", source_message_id="s1-m1", updated_at=at)
        ],
        details=[
            Detail(
                first_position=1,
                last_position=1,
                text="User: Hi, I want the Samsung Galaxy S24",
                values=["S24"],
                kinds=["identifier"],
                replaced=[ReplacedValue(old="S24", new="S25", how="changed")],
            )
        ],
        updated_at=at,
    )
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, at + timedelta(minutes=5), at)
    assert store.memory.save_memory(A, "s1", state, OWNER)
    store.memory.release_memory_lease(A, "s1", OWNER)


def comparable(doc: SessionDocument) -> dict[str, Any]:
    body = doc.model_dump(mode="json", exclude={"analytics"})
    body["session"].pop("session_id")
    return body


def test_export_import_export_round_trip(store: Store) -> None:
    # Given a session with messages, a summary and a fact in account A
    conversation(store)
    exported = export_session(store, A, "s1")
    assert [m.message_id for m in exported.messages] == ["s1-m1", "s1-m2", "s1-m3"]
    assert exported.memory.folded_count == 1 and exported.memory.facts[0].key == "product"
    assert [d.values for d in exported.memory.details] == [["S24"]]
    assert [d.replaced for d in exported.memory.details] == [
        [ReplacedValue(old="S24", new="S25", how="changed")]
    ]
    # When account B imports it
    result = import_session(store, B, exported, session_id=None, now=datetime.now(UTC))
    # Then B holds the same content under a new id, A's session untouched
    assert not result.already_imported and result.messages_imported == 3
    assert result.session_id != "s1" and result.facts_imported == 1
    again = export_session(store, B, result.session_id)
    assert comparable(again) == comparable(exported)
    session = store.sessions.get_session(B, result.session_id)
    assert session.message_count == 3 and session.title == "Hi, I want the Samsung Galaxy"
    assert session.last_prompt == TH
    assert store.memory.count_unfolded(B, result.session_id) == 2  # folded_count kept
    assert store.memory.load_memory(B, result.session_id).version == 1
    # And the imported messages are searchable in B only
    hits = store.search.search_messages(B, "ซัมซุง")
    assert [(h.session_id, h.message_id) for h in hits] == [(result.session_id, "s1-m3")]
    assert [h.session_id for h in store.search.search_messages(A, "ซัมซุง")] == ["s1"]


def test_import_twice_is_idempotent(store: Store) -> None:
    conversation(store)
    exported = export_session(store, A, "s1")
    first = import_session(store, B, exported, session_id=None, now=datetime.now(UTC))
    second = import_session(store, B, exported, session_id=None, now=datetime.now(UTC))
    assert second.session_id == first.session_id and second.already_imported
    sessions, _ = store.sessions.list_sessions(B)
    assert [s.session_id for s in sessions] == [first.session_id]


def test_the_persona_travels_with_the_session(store: Store) -> None:
    # Given a session whose persona came with its first message
    conversation(store)
    store.sessions.update_session(A, "s1", SessionPatch(persona="meher"), T0)
    exported = export_session(store, A, "s1")
    assert exported.session.persona == "meher"
    # When another account imports it
    result = import_session(store, B, exported, session_id=None, now=datetime.now(UTC))
    # Then the copy has the persona (its user memory is that persona's), filterable
    assert store.sessions.get_session(B, result.session_id).persona == "meher"
    listed, _ = store.sessions.list_sessions(B, persona="meher")
    assert [s.session_id for s in listed] == [result.session_id]


def test_a_document_without_a_persona_keeps_its_import_id(store: Store) -> None:
    # A document exported before contract 1.3.0 has no persona field: adding the
    # field must not change its hash, or importing it again would not find the first
    conversation(store)
    exported = export_session(store, A, "s1")
    body = exported.model_dump(mode="json")
    del body["session"]["persona"]
    old = SessionDocument.model_validate(body)
    assert old.content_hash() == exported.content_hash()
    with_persona = exported.model_copy(
        update={"session": exported.session.model_copy(update={"persona": "meher"})}
    )
    assert with_persona.content_hash() != exported.content_hash()


def test_import_with_an_asked_id_and_conflicts(store: Store) -> None:
    put(store, 1, "hello there")
    exported = export_session(store, A, "s1")
    # An asked free id is used
    made = import_session(store, B, exported, session_id="restored", now=datetime.now(UTC))
    assert made.session_id == "restored"
    # A taken id is a conflict (in B, the account importing)
    with pytest.raises(Conflict):
        import_session(store, B, exported, session_id="restored", now=datetime.now(UTC))
    # Message ids are unique per account: A cannot import its own live messages again,
    # and the 409 says how to (issue 14, point 4)
    with pytest.raises(Conflict, match=r"copy=true"):
        import_session(store, A, exported, session_id="copy", now=datetime.now(UTC))
    with pytest.raises(NotFound):
        store.sessions.get_session(A, "copy")  # nothing was left behind
    # After A deletes the original, a restore into A works
    store.sessions.delete_session(A, "s1")
    restored = import_session(store, A, exported, session_id="s1-restored", now=datetime.now(UTC))
    assert [
        m.message_id for m in store.sessions.list_messages(A, restored.session_id, limit=10)
    ] == ["s1-m1"]


def test_export_of_a_missing_or_foreign_session_is_not_found(store: Store) -> None:
    put(store, 1, "hello")
    with pytest.raises(NotFound):
        export_session(store, B, "s1")


def test_import_of_a_session_ended_beyond_retention_is_refused(store: Store) -> None:
    put(store, 1, "hello")
    store.sessions.end_session(A, "s1", "closed", datetime.now(UTC) - timedelta(days=40))
    document = export_session(store, A, "s1")
    keeper = with_retention(store, timedelta(days=30))
    try:
        with pytest.raises(InvalidInput, match="MEMQ_RETENTION_DAYS"):
            import_session(keeper, B, document, session_id=None, now=datetime.now(UTC))
        assert keeper.sessions.list_sessions(B)[0] == []
    finally:
        keeper.close()


def test_import_as_a_copy_into_the_account_it_came_from(store: Store) -> None:
    # Given A's session with a fact pointing at its first message
    conversation(store)
    exported = export_session(store, A, "s1")
    # When A imports its own export as a copy, twice (a retry)
    first = import_session(store, A, exported, session_id=None, now=datetime.now(UTC), copy=True)
    again = import_session(store, A, exported, session_id=None, now=datetime.now(UTC), copy=True)
    # Then one new session holds the messages under new ids, the original untouched
    assert not first.already_imported and first.messages_imported == 3
    assert again.already_imported and again.session_id == first.session_id
    copied = export_session(store, A, first.session_id)
    ids = [m.message_id for m in copied.messages]
    assert len(set(ids)) == 3 and not set(ids) & {"s1-m1", "s1-m2", "s1-m3"}
    assert all(
        new.startswith(f"{old}.copy-")
        for new, old in zip(ids, ["s1-m1", "s1-m2", "s1-m3"], strict=True)
    )
    assert [m.content for m in copied.messages] == [m.content for m in exported.messages]
    assert copied.memory.facts[0].source_message_id == ids[0]
    assert [m.message_id for m in export_session(store, A, "s1").messages] == [
        "s1-m1",
        "s1-m2",
        "s1-m3",
    ]
