"""The details of earlier conversations in a user's memory, on every adapter: stored and read
back with the memory, recalled only for the user, account and persona they belong to,
carried by export and import, and gone with an erasure.

Real conversations (English, Persian, Thai) merged by the offline engine; the meter
reading is a value no fact rule keys, so only a detail carries it.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.context.service import build_context
from domain.ports.store import Store
from domain.user_memory.corrections import erase_user, patch_fact
from domain.user_memory.reads import view
from domain.user_memory.transfer import export_user_memory, import_user_memory
from runtime.settings import Settings
from schemas.sessions import SessionCreate
from schemas.user_memory import UserMemoryState
from tests.user_memory.conversations import T0, Turns, store_conversation
from tests.user_memory.test_details import EMAIL, METER, OTHER_READING, READING, THAI_OTHER
from tests.user_memory.test_user_memory_service import service

A, B = "acct-a", "acct-b"


def merged(store: Store, account: str, session: str, language: str, **kw: object) -> None:
    turns = THAI_OTHER if language == "th-other" else METER[language]
    store_conversation(store, session, turns, account=account, **kw)  # type: ignore[arg-type]
    service(store).merge_session(account, session, final=True)


def context_text(store: Store, account: str, session: str) -> str:
    reply = build_context(
        store.memory, Settings(), account, session, budget=1200, fmt="text", recall_user_memory=True
    )
    return reply.text or ""


def new_session(store: Store, account: str, session: str, user: str, persona: str = "") -> None:
    spec = SessionCreate(session_id=session, user_id=user, persona=persona or None)
    store.sessions.create_session(account, session, spec, T0 + timedelta(days=9))
    store_conversation(
        store,
        session,
        [("user", "Hello again")],
        account=account,
        user=user,
        start=T0 + timedelta(days=9),
        end=False,
    )


def test_the_details_are_stored_and_read_back_with_the_memory(store: Store) -> None:
    merged(store, A, "c1", "en")
    merged(store, A, "c2", "th-other", start=T0 + timedelta(days=1))
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert [d.session_id for d in state.details] == ["c2", "c1"]
    assert OTHER_READING in state.details[0].text and READING["en"] in state.details[1].text
    # GET …/memory shows them
    assert view(store.user_memory, A, "u1", "").details == state.details
    # a save of the memory as read keeps them as they are
    assert store.user_memory.save_user_memory(A, "u1", "", state, None)
    assert store.user_memory.load_user_memory(A, "u1", "").details == state.details


def test_a_returning_user_is_shown_the_details_of_their_own_memory_only(store: Store) -> None:
    # Given u1's earlier conversation in account A (English) and in its persona meher (Thai)
    merged(store, A, "c1", "en")
    merged(store, A, "m1", "th", persona="meher", start=T0 + timedelta(days=1))
    # and another user of A, and a user of B with the same id, each with one of their own
    merged(store, A, "x1", "fa", user="u2")
    # When u1 returns, and the user of B with the same id comes, and u1 talks to meher
    new_session(store, A, "now", "u1")
    new_session(store, B, "b-now", "u1")
    new_session(store, A, "meher-now", "u1", persona="meher")
    # Then u1's context shows the reading of u1's general memory, nothing of u2's
    shown = context_text(store, A, "now")
    assert READING["en"] in shown
    assert EMAIL["fa"] not in shown and READING["fa"] not in shown
    # B's user of the same id sees nothing of A's, and meher's memory only its own
    assert READING["en"] not in context_text(store, B, "b-now")
    meher = context_text(store, A, "meher-now")
    assert EMAIL["th"] in meher and EMAIL["en"] not in meher


def test_export_and_import_carry_the_details_and_a_removed_value_stays_removed(
    store: Store,
) -> None:
    merged(store, A, "c1", "en")
    merged(store, A, "c2", "th-other", start=T0 + timedelta(days=1))
    exported = export_user_memory(store.user_memory, A, "u1")
    assert [d.session_id for d in exported.memories[0].details] == ["c2", "c1"]
    # When account B imports it for its user
    import_user_memory(store.user_memory, B, "b-user", exported)
    assert export_user_memory(store.user_memory, B, "b-user").memories == exported.memories
    # and the same document again: nothing changes
    before = store.user_memory.load_user_memory(B, "b-user", "")
    assert import_user_memory(store.user_memory, B, "b-user", exported).memories == 0
    assert store.user_memory.load_user_memory(B, "b-user", "") == before
    # When B's user removes their email, then the document is imported again
    patch_fact(store.user_memory, B, "b-user", "", "customer_email", None)
    import_user_memory(store.user_memory, B, "b-user", exported)
    details = store.user_memory.load_user_memory(B, "b-user", "").details
    # Then no detail brings it back, and the other values stay
    assert details and all(EMAIL["th"] not in d.text for d in details)
    assert any(OTHER_READING in d.text for d in details)


def test_erasing_a_user_takes_their_details_and_nothing_of_another_account(store: Store) -> None:
    merged(store, A, "c1", "en")
    merged(store, B, "b1", "fa")
    erased = erase_user(store.sessions, store.user_memory, A, "u1")
    assert erased.complete and erased.memories == 1
    assert store.user_memory.load_user_memory(A, "u1", "").details == []
    assert READING["fa"] in store.user_memory.load_user_memory(B, "u1", "").details[0].text


#: A phone number said, then in a later conversation written without its spaces.
PHONE: dict[str, tuple[Turns, Turns, str]] = {
    "en": (
        [
            ("user", "Hi, I'm Sara. My phone number is 07700 900733."),
            ("assistant", "Thanks Sara, noted."),
        ],
        [
            ("user", "Hello again, it's Sara."),
            ("assistant", "Welcome back, how can I help?"),
            ("user", "Please text me on 07700900733 when the engineer is on the way."),
            ("assistant", "Will do."),
        ],
        "07700900733",
    ),
    "fa": (
        [
            ("user", "سلام، مریم هستم. شماره تلفن من ۰۹۱۲ ۳۴۵ ۶۷۸۹ است."),
            ("assistant", "ممنون مریم، ثبت شد."),
        ],
        [
            ("user", "سلام دوباره، مریم هستم."),
            ("assistant", "خوش برگشتید، چطور کمکتان کنم؟"),
            ("user", "لطفا وقتی تکنسین راه افتاد به ۰۹۱۲۳۴۵۶۷۸۹ پیامک بدید."),
            ("assistant", "حتما."),
        ],
        "۰۹۱۲۳۴۵۶۷۸۹",
    ),
    "th": (
        [
            ("user", "สวัสดีค่ะ ดิฉันชื่อสมศรี เบอร์โทรของดิฉันคือ 081 234 5678 ค่ะ"),
            ("assistant", "ขอบคุณค่ะ บันทึกแล้วค่ะ"),
        ],
        [
            ("user", "สวัสดีค่ะ สมศรีอีกครั้งค่ะ"),
            ("assistant", "ยินดีต้อนรับค่ะ"),
            ("user", "ช่างออกเดินทางเมื่อไหร่ ส่งข้อความมาที่ 0812345678 นะคะ"),
            ("assistant", "ได้ค่ะ"),
        ],
        "0812345678",
    ),
}


def _holds(state: UserMemoryState, written: str) -> bool:
    texts = [f.value for f in state.facts] + [d.text for d in state.details]
    texts += [c.summary for c in state.conversations]
    return any(written in text for text in texts)


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_removed_number_written_otherwise_stays_out_of_that_account_only(
    store: Store, language: str
) -> None:
    first, second, written = PHONE[language]
    jobs = service(store)
    # Given the same user id in accounts A and B, each telling their number
    for account in (A, B):
        store_conversation(store, f"{account}-c1", first, account=account)
        jobs.merge_session(account, f"{account}-c1", final=True)
    # When A's user removes it
    patch_fact(store.user_memory, A, "u1", "", "customer_phone", None)
    # and each comes back and writes it without its spaces
    for account in (A, B):
        session = f"{account}-c2"
        store_conversation(store, session, second, account=account, start=T0 + timedelta(days=1))
        jobs.merge_session(account, session, final=True)
    # Then A's memory holds it nowhere (the summary says "[removed]"), B's still does
    removed = store.user_memory.load_user_memory(A, "u1", "")
    assert not _holds(removed, written)
    assert "[removed]" in removed.conversations[0].summary
    assert _holds(store.user_memory.load_user_memory(B, "u1", ""), written)
    # and erasing A's user takes the removal with everything else
    assert erase_user(store.sessions, store.user_memory, A, "u1").complete
    assert store.user_memory.load_user_memory(A, "u1", "") == UserMemoryState()
    assert store.user_memory.load_user_memory(B, "u1", "").facts
