"""Export in pages, so that any session the store may hold can be exported (both stores).

``store.sessions.messages_after`` reads the messages after a (seq, message_id) cursor in
conversation order; ``domain.transfer.service`` builds the document's head and
its pages from it, and the gateway streams them (tests/e2e/test_export_stream.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.ports.store import Store
from domain.transfer.service import export_head, export_page, export_session
from schemas.errors import NotFound
from schemas.messages import MessageEvent
from schemas.transfer import MAX_IMPORT_MESSAGES
from tests.contract.test_store_contract import SEQ0, T0, event

A, B = "acct-a", "acct-b"


def test_messages_after_a_cursor_in_conversation_order(store: Store) -> None:
    # Given six messages, three of them sharing one seq, stored out of order
    same = SEQ0 + 2
    events = [event(1), event(4), event(3)]
    events += [
        event(2).model_copy(update={"message_id": mid, "seq": same}) for mid in ("c", "a", "b")
    ]
    store.sessions.append_messages([(ev, ev.message_id) for ev in events])
    # When they are read after each cursor, two at a time
    pages, after = [], None
    while True:
        page = store.sessions.messages_after(A, "s1", after, limit=2)
        if not page:
            break
        pages.append([m.message_id for m in page])
        after = (page[-1].seq, page[-1].message_id)
    # Then every message comes once, in (seq, message_id) order, ties split across pages
    assert pages == [["m1", "a"], ["b", "c"], ["m3", "m4"]]
    # And another account sees no such session
    with pytest.raises(NotFound):
        store.sessions.messages_after(B, "s1", None, limit=2)


def test_pages_hold_a_limit_of_messages_and_of_bytes(store: Store) -> None:
    big = "x" * 3000
    for n in range(1, 6):
        store.sessions.append_message(event(n, content=f"{n} {big}"), f"d{n}")
    # A page stops at its message limit
    first = export_page(store, A, "s1", None, limit=2, max_bytes=10**6)
    assert [m.message_id for m in first.messages] == ["m1", "m2"]
    assert first.next_after is not None
    # And before the message that would take it over its byte limit (never empty)
    by_bytes = export_page(store, A, "s1", first.next_after, limit=10, max_bytes=7000)
    assert [m.message_id for m in by_bytes.messages] == ["m3", "m4"]
    one = export_page(store, A, "s1", None, limit=10, max_bytes=10)
    assert [m.message_id for m in one.messages] == ["m1"]
    # And the last page says so
    last = export_page(store, A, "s1", by_bytes.next_after, limit=10, max_bytes=10**6)
    assert [m.message_id for m in last.messages] == ["m5"] and last.next_after is None


def test_a_session_of_more_messages_than_an_import_takes_is_exported(
    sqlite_store: Store,
) -> None:
    # Given a session over the import cap (SQLite: the emulated MongoDB is too slow)
    total = MAX_IMPORT_MESSAGES + 5
    events = [
        MessageEvent(
            account_id=A,
            session_id="long",
            message_id=f"m{n:06d}",
            role="user",
            content=f"message {n}",
            seq=SEQ0 + n,
            accepted_at=T0 + timedelta(milliseconds=n),
        )
        for n in range(total)
    ]
    for start in range(0, total, 1000):
        chunk = events[start : start + 1000]
        sqlite_store.sessions.append_messages([(ev, ev.message_id) for ev in chunk])
    # When it is exported
    head = export_head(sqlite_store, A, "long")
    document = export_session(sqlite_store, A, "long")
    # Then every message is in it, in order
    assert head.message_count == total
    assert [m.message_id for m in document.messages] == [ev.message_id for ev in events]
