"""A user memory never quotes a replaced value as current (``domain.user_memory.replaced_marks``).

A value a conversation itself replaced (the user moved mid-conversation) is marked in
the summary and details it hands to the user memory; a value a later conversation
replaced is marked where the earlier conversation's lines quote it, in the section a
returning user's context shows. English, Persian, Thai.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.tokens import token_weight
from domain.user_memory.merge import merge_fact
from domain.user_memory.recall import MAX_CONVERSATION_LINE_TOKENS, recall
from domain.user_memory.recall_details import chosen_details
from domain.user_memory.recall_index import indexed
from domain.user_memory.replaced_marks import later_marks, unmarked, unnamed
from schemas.user_memory import UserDetail, UserFact, UserMemoryState
from store.backends.sqlite import SqliteStore
from tests.user_memory.conversations import T0, Turns, past_conversation, store_conversation
from tests.user_memory.test_user_memory_service import A, service

#: A conversation in which the user moves: (turns, the old address, the new one).
MOVED_WITHIN: dict[str, tuple[Turns, str, str]] = {
    "en": (
        [
            ("user", "Hi, my name is Sara Ahmadi."),
            ("assistant", "Hello Sara, how can I help?"),
            ("user", "Please deliver my order to 12 Elm Street, Springfield."),
            ("assistant", "Noted: 12 Elm Street, Springfield."),
            ("user", "Sorry, I moved last week, my address is 40 Harbour Road, Bristol."),
            ("assistant", "Updated: your address is 40 Harbour Road, Bristol."),
        ],
        "12 Elm Street, Springfield",
        "40 Harbour Road, Bristol",
    ),
    "fa": (
        [
            ("user", "سلام، اسم من مریم است."),
            ("assistant", "سلام مریم، چطور کمکتان کنم؟"),
            ("user", "آدرس من تهران، خیابان ولیعصر پلاک ۱۲ است."),
            ("assistant", "آدرس ثبت شد: تهران، خیابان ولیعصر پلاک ۱۲."),
            ("user", "ببخشید، اسباب‌کشی کردم. آدرسم عوض شد. آدرس من شیراز، خیابان زند پلاک ۷ است."),
            ("assistant", "باشه، ثبت شد: شیراز، خیابان زند پلاک ۷."),
        ],
        "تهران، خیابان ولیعصر پلاک ۱۲",
        "شیراز، خیابان زند پلاک ۷",
    ),
    "th": (
        [
            ("user", "สวัสดีครับ ผมชื่อสมชาย"),
            ("assistant", "สวัสดีค่ะคุณสมชาย"),
            ("user", "ที่อยู่ของผมคือ 99 ถนนสุขุมวิท กรุงเทพ ครับ"),
            ("assistant", "รับทราบค่ะ 99 ถนนสุขุมวิท กรุงเทพ"),
            ("user", "ขอโทษครับ ผมย้ายบ้านแล้ว ที่อยู่ใหม่คือ 12 ถนนนิมมานเหมินท์ เชียงใหม่"),
            ("assistant", "เปลี่ยนที่อยู่เป็น 12 ถนนนิมมานเหมินท์ เชียงใหม่ แล้วค่ะ"),
        ],
        "99 ถนนสุขุมวิท กรุงเทพ",
        "12 ถนนนิมมานเหมินท์ เชียงใหม่",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_value_the_conversation_replaced_is_handed_over_marked(
    store: SqliteStore, language: str
) -> None:
    turns, old, new = MOVED_WITHIN[language]
    store_conversation(store, "s1", turns)
    service(store).merge_session(A, "s1", final=True)
    state = store.user_memory.load_user_memory(A, "u1", "")
    (conversation,) = state.conversations
    # the summary quotes the old address as the conversation did, marked
    assert f"{old} (replaced)" in conversation.summary
    texts = [conversation.summary, *(detail.text for detail in state.details)]
    # a detail holding the old address quotes it marked (kept: a wrong mark must not lose
    # it), and the section shows none stating nothing else
    assert all(f"{old} (replaced)" in d.text for d in state.details if old in d.values)
    shown = recall(state, "", 1000, current_session="now").details
    assert all(unmarked(d.text, d.values) for d in shown)
    # the new one is never marked, and no note names a value ("(replaced by …)")
    assert all(f"{new} (replaced" not in text for text in texts)
    assert all("(replaced by" not in text for text in texts)
    assert [f.value for f in state.facts if f.key == "delivery_address"] != [old]


#: Two conversations a week apart: (the first's address, order, summary and detail;
#: the second's address, order and summary).
MOVED_LATER = {
    "en": (
        "12 Elm Street, Springfield",
        "ORD-48213",
        "Sara's kettle, order ORD-48213, ships to 12 Elm Street, Springfield on Friday.",
        "User: send it to 12 Elm Street, Springfield, on Friday 7 November please",
        "40 Harbour Road, Bristol",
        "ORD-50117",
        "Sara moved to 40 Harbour Road, Bristol; her lamp, order ORD-50117, goes there.",
    ),
    "fa": (
        "تهران، خیابان ولیعصر پلاک ۱۲",
        "ORD-55120",
        "سفارش ORD-55120 مریم به تهران، خیابان ولیعصر پلاک ۱۲ ارسال می‌شود.",
        "User: لطفاً به تهران، خیابان ولیعصر پلاک ۱۲ بفرستید، جمعه ۱۶ آبان",
        "شیراز، خیابان زند پلاک ۷",
        "ORD-56230",
        "مریم به شیراز، خیابان زند پلاک ۷ رفته و سفارش ORD-56230 آنجا می‌رود.",
    ),
    "th": (
        "99 ถนนสุขุมวิท กรุงเทพ",
        "ORD-77001",
        "คำสั่งซื้อ ORD-77001 ของสมชายส่งไปที่ 99 ถนนสุขุมวิท กรุงเทพ",
        "User: ส่งไปที่ 99 ถนนสุขุมวิท กรุงเทพ วันศุกร์ที่ 7 พฤศจิกายน นะครับ",
        "12 ถนนนิมมานเหมินท์ เชียงใหม่",
        "ORD-78110",
        "สมชายย้ายไป 12 ถนนนิมมานเหมินท์ เชียงใหม่ คำสั่งซื้อ ORD-78110 ส่งที่นั่น",
    ),
}


def moved_later(language: str) -> UserMemoryState:
    old, order, summary, detail, new, new_order, new_summary = MOVED_LATER[language]
    facts: list[UserFact] = []
    for key, value, session, day in [
        ("delivery_address", old, "s1", 0),
        ("order_id", order, "s1", 0),
        ("delivery_address", new, "s2", 7),
        ("order_id", new_order, "s2", 7),
    ]:
        facts = merge_fact(facts, key, value, session, T0 + timedelta(days=day, minutes=9))
    conversations = [
        past_conversation("s2", 7, language, new_summary),
        past_conversation("s1", 0, language, summary),
    ]
    details = [
        UserDetail(
            session_id="s1",
            observed_at=T0 + timedelta(minutes=9),
            position=3,
            text=detail,
            values=[old, detail.rsplit(",", 1)[-1].strip()],
        ),
        # its only value is the old address: nothing current to show
        UserDetail(
            session_id="s1",
            observed_at=T0 + timedelta(minutes=9),
            position=1,
            text=f"Assistant: {old}?",
            values=[old],
        ),
    ]
    return indexed(UserMemoryState(facts=facts, conversations=conversations, details=details))


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_value_a_later_conversation_replaced_is_marked_on_the_earlier_lines(
    language: str,
) -> None:
    old, order, _, _, new, new_order, _ = MOVED_LATER[language]
    text = recall(moved_later(language), "", 1000, current_session="now").text
    lines = text.splitlines()
    earlier = next(line for line in lines if line.startswith("- 2026-11-01"))
    # "Then:" and the summary alike
    assert earlier.count(f"{old} (replaced)") == 2
    (detail,) = [line for line in lines if old in line and not line.startswith("-")]
    assert f"{old} (replaced)" in detail
    # the current address is not marked; an earlier order is another order, still the user's
    assert f"{new} (replaced" not in text
    assert f"{order} (replaced" not in text and f"{new_order} (replaced" not in text
    assert order in text


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_stating_only_values_a_later_conversation_replaced_is_not_shown(
    language: str,
) -> None:
    state = moved_later(language)
    old = MOVED_LATER[language][0]
    chosen = chosen_details(
        state.details, "", 1000, "", current_session="now", marks=later_marks(state.facts)
    )
    # the one stating a current value besides the old address only
    assert [detail.position for detail in chosen.details] == [3]
    assert f"{old} (replaced)" in chosen.lines[1]


def test_a_note_naming_the_replacing_value_says_replaced_only() -> None:
    assert unnamed("on Friday (replaced by Tuesday (26 Nov)) at 9") == "on Friday (replaced) at 9"
    assert unnamed("پلاک ۱۲ (replaced by پلاک ۷) است") == "پلاک ۱۲ (replaced) است"
    assert unnamed("ไม่มีค่า") == "ไม่มีค่า"


#: A sentence quoting the first conversation's address (``MOVED_LATER``), and its last
#: sentence stating another value.
QUOTING = {
    "en": ("Parcel {n}: {old}.", "Her locker code is 7781."),
    "fa": ("بسته {n}: {old}.", "کد کمد او ۷۷۸۱ است."),
    "th": ("พัสดุ {n}: {old}", "รหัสล็อกเกอร์คือ 7781"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_the_replaced_notes_do_not_take_a_conversation_lines_room(language: str) -> None:
    old, _, _, _, new, _, new_summary = MOVED_LATER[language]
    sentence, last = QUOTING[language]
    # as many sentences as fit a line's cap unmarked; marked, they would not
    quoting: list[str] = []
    while token_weight(" ".join([*quoting, sentence, last])) < MAX_CONVERSATION_LINE_TOKENS - 16:
        quoting.append(sentence.format(n=len(quoting) + 1, old=old))
    summary = " ".join([*quoting, last])
    marked = summary.replace(old, f"{old} (replaced)")
    assert token_weight(f"- 2026-11-01 ({language}): {marked}") > MAX_CONVERSATION_LINE_TOKENS
    facts: list[UserFact] = []
    for value, session, day in [(old, "s1", 0), (new, "s2", 7)]:
        facts = merge_fact(facts, "delivery_address", value, session, T0 + timedelta(days=day))
    conversations = [
        past_conversation("s2", 7, language, new_summary),
        past_conversation("s1", 0, language, summary),
    ]
    state = indexed(UserMemoryState(facts=facts, conversations=conversations, details=[]))
    text = recall(state, "", 1000, current_session="now").text
    # the line is whole: every quote marked, and its last value shown
    assert text.count(f"{old} (replaced)") == len(quoting) + 1  # "Then:" too
    assert last.rstrip(".") in text
