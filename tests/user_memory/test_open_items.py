"""Open items of past conversations: what was promised or left to do, and a question nobody
answered, in English, Persian and Thai, value by value; from the offline engine and from
Claude (the real anthropic client against a local Messages API); kept until a later batch
settles them; shown in GET …/memory and in the context's user-memory section."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.context.service import build_context
from domain.memory.claude.open_items import OPEN_ITEMS_TOOL
from domain.memory.engine import TranscriptLine
from domain.memory.offline.open_items import open_items
from domain.user_memory.merge import forget_fact
from domain.user_memory.reads import view
from runtime.settings import Settings
from store.backends.sqlite import SqliteStore
from tests.support.fake_anthropic import FakeAnthropic, text_reply, tool_reply
from tests.user_memory.conversations import T0, Turns, store_conversation
from tests.user_memory.test_user_memory_service import claude_settings, service

A = "acct-a"

RETURNS: dict[str, Turns] = {
    "en": [
        ("user", "Hi, I want to return the blender from order ORD-3301."),
        ("assistant", "Sure. The courier will pick it up on Monday."),
        ("user", "Great, thanks."),
        ("assistant", "Your refund of $49.00 will be confirmed by email within 3 days."),
        ("user", "Can I get store credit instead of cash?"),
    ],
    "fa": [
        ("user", "سلام، می‌خواهم مخلوط‌کن سفارش ORD-3301 را پس بدهم."),
        ("assistant", "حتماً. پیک روز دوشنبه آن را تحویل خواهد گرفت."),
        ("user", "عالی، ممنون."),
        ("assistant", "بازپرداخت ۴۹ دلار ظرف ۳ روز از طریق ایمیل تأیید می‌شود."),
        ("user", "می‌توانم به جای پول نقد اعتبار فروشگاه بگیرم؟"),
    ],
    "th": [
        ("user", "สวัสดีค่ะ อยากคืนเครื่องปั่นจากคำสั่งซื้อ ORD-3301"),
        ("assistant", "ได้ค่ะ พนักงานขนส่งจะมารับสินค้าวันจันทร์ค่ะ"),
        ("user", "ดีมากค่ะ ขอบคุณค่ะ"),
        ("assistant", "เงินคืน 49 ดอลลาร์จะได้รับการยืนยันทางอีเมลภายใน 3 วันค่ะ"),
        ("user", "ขอเป็นเครดิตร้านค้าแทนเงินสดได้ไหมคะ"),
    ],
}
#: The open items of each: the pick-up, the refund's confirmation, the unanswered question.
EXPECTED = {
    "en": [
        "The courier will pick it up on Monday.",
        "Your refund of $49.00 will be confirmed by email within 3 days.",
        "Can I get store credit instead of cash?",
    ],
    "fa": [
        "پیک روز دوشنبه آن را تحویل خواهد گرفت.",
        "بازپرداخت ۴۹ دلار ظرف ۳ روز از طریق ایمیل تأیید می‌شود.",
        "می‌توانم به جای پول نقد اعتبار فروشگاه بگیرم؟",
    ],
    "th": [
        "พนักงานขนส่งจะมารับสินค้าวันจันทร์ค่ะ",
        "เงินคืน 49 ดอลลาร์จะได้รับการยืนยันทางอีเมลภายใน 3 วันค่ะ",
        "ขอเป็นเครดิตร้านค้าแทนเงินสดได้ไหมคะ",
    ],
}
#: A later message of the same conversation: the pick-up is done, the refund still open.
PICKED_UP = {
    "en": ("assistant", "Update: the courier has collected the blender."),
    "fa": ("assistant", "پیک مخلوط‌کن را تحویل گرفت و ارسال شد."),
    "th": ("assistant", "พนักงานขนส่งรับสินค้าเรียบร้อยแล้วค่ะ"),
}
LANGUAGES = list(RETURNS)


def lines(turns: Turns) -> list[TranscriptLine]:
    return [TranscriptLine(i + 1, f"m{i}", role, text) for i, (role, text) in enumerate(turns)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offline_engine_finds_promises_pending_steps_and_the_unanswered_question(
    language: str,
) -> None:
    assert open_items(lines(RETURNS[language])) == EXPECTED[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_step_reported_done_closes_its_item_and_only_it(language: str) -> None:
    later = [TranscriptLine(9, "m9", *PICKED_UP[language])]
    assert open_items(later, EXPECTED[language][:2]) == EXPECTED[language][1:2]
    # an answered question is no longer open
    answered = [*RETURNS[language], ("assistant", "OK.")]
    assert open_items(lines(answered)) == EXPECTED[language][:2]


def test_small_talk_and_questions_asked_of_the_customer_are_not_open_items() -> None:
    chat: Turns = [
        ("user", "Hello, my name is Sara."),
        ("assistant", "Will you be home on Monday?"),
        ("user", "Yes, I will."),
        ("assistant", "Thanks, have a nice day."),
    ]
    assert open_items(lines(chat)) == []
    assert open_items(lines(RETURNS["en"]), max_items=2) == EXPECTED["en"][1:]


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_items_are_in_the_user_memory_and_in_the_context(
    store: SqliteStore, language: str
) -> None:
    # Given an ended conversation with promises still open
    store_conversation(store, "s1", RETURNS[language])
    service(store).merge_session(A, "s1", final=True)
    # Then GET …/memory shows them with its summary
    (conversation,) = view(store.user_memory, A, "u1", "").conversations
    assert conversation.open_items == EXPECTED[language]
    # And the next conversation's context shows them in the user-memory section
    store_conversation(store, "s2", [("user", "Hello")], start=T0 + timedelta(days=2), end=False)
    reply = build_context(
        store.memory,
        Settings(),
        A,
        "s2",
        budget=1200,
        fmt="text",
        recall_user_memory=True,
    )
    assert reply.text is not None
    section = reply.text.split("[EARLIER CONVERSATIONS]", 1)[1]
    for item in EXPECTED[language]:
        assert item in section


def test_a_later_batch_keeps_what_is_still_open_and_drops_what_it_settles(
    store: SqliteStore,
) -> None:
    # Given a long conversation merged once (the batch every N messages)
    store_conversation(store, "s1", RETURNS["en"], end=False)
    jobs = service(store)
    jobs.merge_session(A, "s1", final=False)
    # When it goes on far past the digest's window, and the pick-up is reported done
    filler: Turns = [("user", f"Note {n}: thanks.") for n in range(70)]
    more = [*filler, PICKED_UP["en"], ("user", "Thanks, bye.")]
    store_conversation(store, "s1", more, start=T0 + timedelta(hours=1), first=5)
    jobs.merge_session(A, "s1", final=True)
    # Then the refund is still open (its promise left the window), the pick-up closed,
    # and the question, answered by the later messages, no longer listed as unanswered
    (conversation,) = store.user_memory.load_user_memory(A, "u1", "").conversations
    assert conversation.open_items == EXPECTED["en"][1:2]


def test_removing_a_fact_scrubs_it_from_the_open_items(store: SqliteStore) -> None:
    store_conversation(store, "s1", RETURNS["en"])
    service(store).merge_session(A, "s1", final=True)
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert "ORD-3301" in {f.value for f in state.facts}
    key = next(f.key for f in state.facts if f.value == "ORD-3301")
    state = state.model_copy(
        update={
            "conversations": [
                c.model_copy(update={"open_items": ["Exchange for ORD-3301 pending."]})
                for c in state.conversations
            ]
        }
    )
    removed = forget_fact(state, key, T0)
    assert removed.conversations[0].open_items == ["Exchange for [removed] pending."]


def test_claude_lists_the_open_items_given_those_still_open(
    store: SqliteStore, fake_anthropic: FakeAnthropic
) -> None:
    # Given a conversation merged by Claude once, then going on
    store_conversation(store, "s1", RETURNS["fa"], end=False)
    jobs = service(store, claude_settings(fake_anthropic))
    fake_anthropic.enqueue(text_reply("مریم می‌خواهد مخلوط‌کن ORD-3301 را پس بدهد."))
    fake_anthropic.enqueue(tool_reply(OPEN_ITEMS_TOOL, {"items": EXPECTED["fa"][:2]}))
    jobs.merge_session(A, "s1", final=False)
    later = T0 + timedelta(hours=1)
    store_conversation(store, "s1", [PICKED_UP["fa"]], start=later, end=False, first=5)
    fake_anthropic.enqueue(text_reply("مریم مخلوط‌کن ORD-3301 را پس داد."))
    fake_anthropic.enqueue(tool_reply(OPEN_ITEMS_TOOL, {"items": ["  " + EXPECTED["fa"][1], 7]}))
    jobs.merge_session(A, "s1", final=False)
    # Then each batch's items are Claude's (cleaned), and the second request carried the
    # items still open as data, with the task and its tool
    (conversation,) = store.user_memory.load_user_memory(A, "u1", "").conversations
    assert conversation.open_items == [EXPECTED["fa"][1]]
    assert conversation.engine.startswith("claude:")
    second = fake_anthropic.requests[3].json
    prompt = str(second["messages"])
    assert "<open_items>" in prompt and EXPECTED["fa"][0] in prompt
    assert second["tool_choice"] == {"type": "tool", "name": OPEN_ITEMS_TOOL}
    assert "<open_items>" in second["system"]  # named among the untrusted data blocks


def test_without_a_tool_call_from_claude_the_offline_engine_lists_them(
    store: SqliteStore, fake_anthropic: FakeAnthropic
) -> None:
    store_conversation(store, "s1", RETURNS["th"])
    fake_anthropic.enqueue(text_reply("สรุป ORD-3301"), text_reply("no tool call"))
    service(store, claude_settings(fake_anthropic)).merge_session(A, "s1", final=True)
    (conversation,) = store.user_memory.load_user_memory(A, "u1", "").conversations
    assert conversation.open_items == EXPECTED["th"]
    assert fake_anthropic.unscripted == 0
