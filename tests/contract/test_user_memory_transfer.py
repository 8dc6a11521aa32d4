"""A user's memory exported from one account and imported into another, on every adapter:
the round trip keeps every persona, fact history, summary and open item; importing again
changes nothing; a removed value stays removed; nothing reaches another account or user.

Real conversations (English, Persian, Thai) merged by the offline engine. Mongo writes stay
at a few dozen per test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.ports.store import Store
from domain.user_memory.corrections import patch_fact
from domain.user_memory.transfer import export_user_memory, import_user_memory
from schemas.user_memory import UserMemoryDocument
from tests.user_memory.conversations import ENGLISH_MOVED, PERSIAN, T0, THAI, store_conversation
from tests.user_memory.test_user_memory_service import service

A, B = "acct-a", "acct-b"


def remembered(store: Store) -> UserMemoryDocument:
    """User u1 of account A: the general memory (Persian, then a move) and persona meher
    (Thai), with the address of the first conversation removed by the user."""
    store_conversation(store, "s1", PERSIAN, account=A)
    store_conversation(store, "s2", ENGLISH_MOVED, account=A, start=T0 + timedelta(days=1))
    store_conversation(store, "s3", THAI, account=A, persona="meher", start=T0 + timedelta(days=2))
    jobs = service(store)
    for session in ("s1", "s2", "s3"):
        jobs.merge_session(A, session, final=True)
    patch_fact(store.user_memory, A, "u1", "meher", "delivery_address", None)
    return export_user_memory(store.user_memory, A, "u1")


def test_a_user_memory_goes_round_trip_into_another_account(store: Store) -> None:
    exported = remembered(store)
    assert [m.persona for m in exported.memories] == ["", "meher"]
    # When account B imports it for its own user id
    result = import_user_memory(store.user_memory, B, "b-user", exported)
    # Then B's user has the same memory, persona by persona
    assert (result.memories, result.conversations) == (2, 3)
    again = export_user_memory(store.user_memory, B, "b-user")
    assert again.memories == exported.memories
    general = store.user_memory.load_user_memory(B, "b-user", "")
    address = next(f for f in general.facts if f.key == "delivery_address")
    assert address.value == "40 Harbour Road, Bristol"
    assert len(address.history) == 1 and "خیابان ولیعصر پلاک ۱۲" in address.history[0].value
    assert address.history[0].session_id == "s1"
    # And the removed Thai address stays removed there too
    meher = store.user_memory.load_user_memory(B, "b-user", "meher")
    assert "delivery_address" not in {f.key for f in meher.facts}
    assert meher.forgotten and meher.forgotten == exported.memories[1].forgotten


def test_importing_the_same_document_again_changes_nothing(store: Store) -> None:
    exported = remembered(store)
    import_user_memory(store.user_memory, B, "u1", exported)
    before = {p: store.user_memory.load_user_memory(B, "u1", p) for p in ("", "meher")}
    result = import_user_memory(store.user_memory, B, "u1", exported)
    assert result.memories == 0
    after = {p: store.user_memory.load_user_memory(B, "u1", p) for p in ("", "meher")}
    assert after == before  # same version too: nothing was written


def test_an_import_merges_with_what_the_user_memory_holds(store: Store) -> None:
    exported = remembered(store)
    # Given account B knows the user from a later conversation of its own
    store_conversation(store, "b1", THAI, account=B, start=T0 + timedelta(days=5))
    service(store).merge_session(B, "b1", final=True)
    # When it imports A's export
    import_user_memory(store.user_memory, B, "u1", exported)
    general = store.user_memory.load_user_memory(B, "u1", "")
    # Then its own later values stay current, the imported ones go to the history
    order = next(f for f in general.facts if f.key == "order_id")
    assert order.value == "ORD-77001" and order.session_id == "b1"
    assert "ORD-55120" in [h.value for h in order.history]
    assert [c.session_id for c in general.conversations] == ["b1", "s2", "s1"]


def test_a_value_removed_in_the_importing_account_is_not_brought_back(store: Store) -> None:
    exported = remembered(store)
    # Given account B's user removed the order number from their memory
    import_user_memory(store.user_memory, B, "u1", exported)
    patch_fact(store.user_memory, B, "u1", "", "order_id", None)
    # When the same export is imported again
    import_user_memory(store.user_memory, B, "u1", exported)
    # Then it stays removed
    general = store.user_memory.load_user_memory(B, "u1", "")
    assert "order_id" not in {f.key for f in general.facts}


def test_an_import_writes_only_the_callers_account_and_user(store: Store) -> None:
    exported = remembered(store)
    before = export_user_memory(store.user_memory, A, "u1")
    import_user_memory(store.user_memory, B, "u2", exported)
    # A's memory is unchanged, and B's other users (and the exported user id) have nothing
    assert export_user_memory(store.user_memory, A, "u1") == before
    assert export_user_memory(store.user_memory, B, "u1").memories == []
    assert store.user_memory.user_memory_personas(B, "u2") == ["", "meher"]
    # and the document names no account
    assert A not in exported.model_dump_json()


def test_an_empty_memory_exports_as_an_empty_document(store: Store) -> None:
    document = export_user_memory(store.user_memory, A, "nobody")
    assert document.memories == [] and document.user_id == "nobody"
    assert import_user_memory(store.user_memory, B, "u1", document).memories == 0
    assert datetime.now(UTC) > T0
