"""Recall into a context: the user-memory section for the message at hand, within the budget,
in every format; a session that has none loses nothing to it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.context import MIN_BUDGET
from domain.context.service import build_context
from domain.tokens import estimate_tokens
from domain.user_memory.merge import merge_fact
from domain.user_memory.recall import MAX_CONVERSATION_LINE_TOKENS, fact_line, rank, recall
from runtime.settings import Settings
from schemas.context import ContextFormat
from schemas.user_memory import UserDetail, UserFact, UserMemoryState
from store.backends.sqlite import SqliteStore
from tests.context.test_openai_format import assert_chat_completions_shape
from tests.user_memory.conversations import (
    ENGLISH,
    PERSIAN,
    T0,
    THAI,
    past_conversation,
    store_conversation,
)
from tests.user_memory.test_user_memory_service import service

A = "acct-a"
FORMATS: tuple[ContextFormat, ...] = ("text", "json", "anthropic", "openai")


@pytest.fixture
def returning_user(store: SqliteStore) -> SqliteStore:
    """u1 had three conversations (English, Persian, Thai) and starts a fourth."""
    jobs = service(store)
    for day, (session, turns) in enumerate((("s1", ENGLISH), ("s2", PERSIAN), ("s3", THAI))):
        store_conversation(store, session, turns, start=T0 + timedelta(days=day))
        jobs.merge_session(A, session, final=True)
    store_conversation(
        store, "now", [("user", "Where is my order ORD-48213?")], start=T0 + timedelta(days=9)
    )
    return store


def context(store: SqliteStore, fmt: ContextFormat = "text", **kwargs: object) -> dict:  # type: ignore[type-arg]
    reply = build_context(
        store.memory,
        Settings(),
        A,
        "now",
        fmt=fmt,
        recall_user_memory=True,
        **kwargs,  # type: ignore[arg-type]
    )
    return reply.model_dump()


def test_the_conversation_the_message_is_about_comes_first(returning_user: SqliteStore) -> None:
    reply = context(returning_user, budget=1200)
    assert reply["user_memory"]["status"] == "shown"
    assert reply["user_memory"]["conversations"][0] == "s1"
    # every language's facts are there, newest conversation's first
    text = reply["text"]
    assert text.startswith("[USER MEMORY")
    for value in ("ORD-48213", "ORD-55120", "ORD-77001", "สมชาย"):
        assert value in text
    assert text.index("[USER MEMORY") < text.index("[CURRENT MESSAGES")


def test_openai_messages_open_with_the_section_in_their_one_system_message(
    returning_user: SqliteStore,
) -> None:
    chat = context(returning_user, "openai", budget=1200)["messages"]
    # the Chat Completions shape: one system message, first, then the turns
    assert_chat_completions_shape(chat)
    assert chat[0]["role"] == "system"
    assert chat[0]["content"].startswith("[USER MEMORY")
    assert "ORD-48213" in chat[0]["content"]
    assert chat[-1] == {"role": "user", "content": "Where is my order ORD-48213?"}
    # the same section and turns as the anthropic format, only laid out for OpenAI
    anthropic = context(returning_user, "anthropic", budget=1200)
    assert chat[0]["content"] == anthropic["system"]
    assert chat[1:] == anthropic["messages"]


def test_a_session_without_memory_gets_a_system_message_for_the_section(store: SqliteStore) -> None:
    # Given a returning user whose new session has no summary or fact of its own yet
    jobs = service(store)
    store_conversation(store, "s1", ENGLISH, start=T0)
    jobs.merge_session(A, "s1", final=True)
    store_conversation(store, "now", [("user", "hello again")], start=T0 + timedelta(days=2))
    without = build_context(store.memory, Settings(), A, "now", budget=None, fmt="openai")
    assert [m["role"] for m in without.messages or []] == ["user"]
    # Then the section comes as a system message of its own, before the user's turn
    chat = context(store, "openai", budget=None)["messages"]
    assert [m["role"] for m in chat] == ["system", "user"]
    assert chat[0]["content"].startswith("[USER MEMORY")
    assert_chat_completions_shape(chat)


def test_a_query_in_persian_or_thai_finds_its_conversation(returning_user: SqliteStore) -> None:
    state = returning_user.user_memory.load_user_memory(A, "u1", "")
    assert rank(state.conversations, "سفارش من به تهران")[0].conversation.session_id == "s2"
    assert rank(state.conversations, "ถนนสุขุมวิท")[0].conversation.session_id == "s3"
    # without a match: most recent first
    assert [r.conversation.session_id for r in rank(state.conversations, "zzz")] == [
        "s3",
        "s2",
        "s1",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_holds_the_budget_and_more_budget_never_shows_less(
    returning_user: SqliteStore, fmt: ContextFormat
) -> None:
    state = returning_user.user_memory.load_user_memory(A, "u1", "")
    shown_before: set[str] = set()
    for budget in (64, 80, 120, 200, 300, 400, 600, 900, 1200, 2000):
        reply = context(returning_user, fmt, budget=budget)
        assert reply["estimated_tokens"] <= budget, (fmt, budget)
        if fmt == "text":
            assert estimate_tokens(reply["text"]) <= budget
        if fmt == "anthropic":
            total = estimate_tokens(reply["system"])
            total += sum(estimate_tokens(m["content"]) for m in reply["messages"])
            assert total <= budget
        if fmt == "openai":
            total = sum(estimate_tokens(m["content"]) for m in reply["messages"])
            assert reply["estimated_tokens"] == total <= budget
        note = reply["user_memory"]
        shown = set(note["conversations"]) | {f"facts:{n}" for n in range(note["facts"])}
        assert shown_before <= shown, (fmt, budget)
        shown_before = shown
        # what did not fit is named
        kinds = [item["kind"] for item in reply["dropped"]]
        assert note["facts"] + sum(k.startswith("user_fact:") for k in kinds) == len(state.facts)
        dropped = {k.split(":")[1] for k in kinds if k.startswith("user_conversation:")}
        assert set(note["conversations"]) | dropped == {"s1", "s2", "s3"}


def test_the_recalled_section_fits_its_budget() -> None:
    from schemas.user_memory import ConversationSummary, UserFact, UserMemoryState

    state = UserMemoryState(
        facts=[
            UserFact(key=f"fact_{i}", value="ค่า " * i, session_id="s", observed_at=T0)
            for i in range(1, 8)
        ],
        conversations=[
            ConversationSummary(
                session_id=f"s{i}",
                summary="گفتگو درباره سفارش " * (i + 3),
                language="fa",
                started_at=T0,
                last_activity=T0 + timedelta(hours=i),
                message_count=4,
                ended=True,
                engine="offline",
            )
            for i in range(5)
        ],
    )
    for budget in range(0, 300, 7):
        recalled = recall(state, "سفارش", budget, current_session="x")
        assert estimate_tokens(recalled.text) <= recalled.tokens <= budget


def test_without_a_user_memory_the_session_loses_nothing(store: SqliteStore) -> None:
    # Given a session of a user with no earlier conversation
    store_conversation(store, "now", ENGLISH, end=False)
    for fmt in FORMATS:
        with_users = build_context(
            store.memory,
            Settings(),
            A,
            "now",
            budget=None,
            fmt=fmt,
            recall_user_memory=True,
        )
        without = build_context(store.memory, Settings(), A, "now", budget=None, fmt=fmt)
        # Then the context is the one it was, and says why there is no section
        assert with_users.user_memory is not None
        assert with_users.user_memory.status == "empty"
        assert with_users.model_copy(update={"user_memory": None}) == without


def test_the_default_budget_grows_by_at_most_the_user_share(returning_user: SqliteStore) -> None:
    reply = context(returning_user, budget=None)
    tiers = Settings().budgets_for(A)
    base = tiers.verbatim + tiers.recent + tiers.mid + tiers.old + tiers.facts
    assert base < reply["budget"] <= base + tiers.user + 1
    assert reply["estimated_tokens"] <= reply["budget"]
    # a new conversation leaves most of its budget unused: the section may take it
    assert reply["user_memory"]["estimated_tokens"] > 0
    assert reply["user_memory"]["conversations"] == ["s1", "s3", "s2"]


def test_an_account_sets_its_own_user_share(returning_user: SqliteStore) -> None:
    settings = Settings.model_validate(
        {"budget_user": 300, "account_overrides": {A: {"budgets": {"user": 40}}}}
    )
    assert settings.budgets_for(A).user == 40
    assert settings.budgets_for("acct-b").user == 300
    reply = build_context(
        returning_user.memory,
        settings,
        A,
        "now",
        budget=None,
        fmt="text",
        recall_user_memory=True,
    )
    tiers = settings.budgets_for(A)
    base = tiers.verbatim + tiers.recent + tiers.mid + tiers.old + tiers.facts
    assert base < reply.budget <= base + 40 + 1


def test_an_earlier_conversations_identifier_is_shown_beside_the_latest() -> None:
    # Given two conversations, each about its own order, and a move between them
    at = datetime(2026, 11, 1, tzinfo=UTC)
    facts: list[UserFact] = []
    for key, value, session, day in (
        ("order_id", "ORD-48231", "s1", 0),
        ("order_id", "ORD-48213", "s1", 1),  # corrected in the same conversation
        ("delivery_address", "12 Elm Street", "s1", 1),
        ("order_id", "ORD-55120", "s2", 7),
        ("delivery_address", "40 Harbour Road", "s2", 7),
    ):
        facts = merge_fact(facts, key, value, session, at + timedelta(days=day))
    lines = {fact.key: fact_line(fact) for fact in facts}
    # Then the earlier order is the customer's too; the earlier address and the typo are not
    assert lines["order_id"] == "Order id: ORD-55120 (earlier conversations: ORD-48213)"
    assert lines["delivery_address"] == "Delivery address: 40 Harbour Road"


def test_each_conversations_facts_are_under_the_day_its_summary_line_shows(
    returning_user: SqliteStore,
) -> None:
    # Given a user whose English, Persian and Thai conversations were on three days
    state = returning_user.user_memory.load_user_memory(A, "u1", "")
    text = recall(state, "hello", 1200, current_session="now").text
    lines = text.splitlines()
    said = [
        c for c in state.conversations if any(f.session_id == c.session_id for f in state.facts)
    ]
    assert said
    for conversation in said:
        day = conversation.last_activity.date().isoformat()
        # Then its facts follow the line saying that day, the day its summary line shows
        heading = lines.index(f"Said on {day}:")
        facts = [f for f in state.facts if f.session_id == conversation.session_id]
        under = lines[heading + 1 : heading + 1 + len(facts)]
        assert under == [fact_line(fact) for fact in facts]
        assert any(line.startswith(f"- {day} ({conversation.language}") for line in lines)
    # And each fact line names no day of its own
    assert all("said on" not in fact_line(fact) for fact in state.facts)


def test_a_day_is_shown_only_over_a_fact_that_fits() -> None:
    # Given facts of two conversations, and room for the first's only
    later = T0 + timedelta(days=7)
    state = UserMemoryState(
        facts=[
            UserFact(key="customer_name", value="สมชาย", session_id="s2", observed_at=later),
            UserFact(
                key="delivery_address",
                value="99 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพ 10110",
                session_id="s1",
                observed_at=T0,
            ),
        ]
    )
    whole = recall(state, "", 400, current_session="now")
    for budget in range(0, whole.tokens + 1):
        shown = recall(state, "", budget, current_session="now")
        lines = shown.text.splitlines()
        # Then no day is left without a fact under it, and the section holds its budget
        facts = {fact_line(fact) for fact in shown.facts}
        assert all(lines[i + 1] in facts for i, line in enumerate(lines) if line.startswith("Said"))
        assert estimate_tokens(shown.text) <= shown.tokens <= budget
    assert "Said on 2026-11-01:" in whole.text


def _fact(key: str, value: str, session: str, at: datetime) -> UserFact:
    return UserFact(key=key, value=value, session_id=session, observed_at=at)


@pytest.mark.parametrize(
    ("facts", "lines"),
    [
        (
            [
                _fact("delivery_date", "พรุ่งนี้ 9 พ.ย.", "s2", T0 + timedelta(days=7)),
                _fact("refund_amount", "۴۱۲ هزار تومان", "s2", T0 + timedelta(days=7)),
                _fact("customer_name", "Sara Ahmadi", "s1", T0),
            ],
            [
                "Said on 2026-11-08:",
                "Delivery date: พรุ่งนี้ 9 พ.ย.",
                "Refund amount: ۴۱۲ هزار تومان",
                "Said on 2026-11-01:",
                "Customer name: Sara Ahmadi",
            ],
        ),
        (
            # a fact set through the API (PATCH) was set, not said in a conversation
            [
                _fact("customer_name", "سارا احمدی", "", datetime(2026, 11, 9, 10, tzinfo=UTC)),
                _fact("order_id", "ORD-48213", "s1", T0),
            ],
            [
                "Set on 2026-11-09:",
                "Customer name: سارا احمدی",
                "Said on 2026-11-01:",
                "Order id: ORD-48213",
            ],
        ),
    ],
    ids=["two-conversations", "set-through-the-api"],
)
def test_each_conversations_facts_are_under_their_own_day(
    facts: list[UserFact], lines: list[str]
) -> None:
    state = UserMemoryState(facts=facts)
    assert recall(state, "", 400, current_session="now").text.splitlines()[1:] == lines


def test_a_days_heading_is_shown_once_with_all_its_facts_under_it() -> None:
    # Given two conversations of one day, and a fact set through the API between them
    morning, noon, evening = (datetime(2026, 11, 9, hour, tzinfo=UTC) for hour in (9, 12, 18))
    state = UserMemoryState(
        facts=[
            _fact("order_id", "ORD-48213", "s1", morning),
            _fact("customer_name", "سارا احمدی", "", noon),
            _fact("delivery_date", "พรุ่งนี้ 9 พ.ย.", "s2", evening),
            _fact("refund_amount", "$40", "s0", T0),
        ]
    )
    # Then each heading comes once, in the order of its first fact, its facts under it
    assert recall(state, "", 400, current_session="now").text.splitlines()[1:] == [
        "Said on 2026-11-09:",
        "Order id: ORD-48213",
        "Delivery date: พรุ่งนี้ 9 พ.ย.",
        "Set on 2026-11-09:",
        "Customer name: سارا احمدی",
        "Said on 2026-11-01:",
        "Refund amount: $40",
    ]


# A long summary turn of each language (repeated: an extractive summary of a long talk).
LONG_TURN = {
    "en": "User: we went over the delivery slots, the assembly and the old sofa again. ",
    "fa": "User: دوباره درباره زمان تحویل و نصب و مبل قدیمی صحبت کردیم. ",
    "th": "User: คุยเรื่องเวลาส่งของ การประกอบ และโซฟาตัวเก่าอีกรอบค่ะ ",
}
LATER_DETAIL = {
    "en": ("Assistant: the deposit is fixed at £500.", "£500"),
    "fa": ("Assistant: ودیعه ۳۰ میلیون تومان هست.", "۳۰ میلیون تومان"),
    "th": ("Assistant: ค่ามัดจำ 5,000 บาทค่ะ", "5,000 บาท"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_long_conversation_line_leaves_room_for_the_details(language: str) -> None:
    summary = LONG_TURN[language] * 40
    text, value = LATER_DETAIL[language]
    detail = UserDetail(
        session_id="s1", observed_at=T0, position=3, text=text, values=[value], kinds=["amount"]
    )
    state = UserMemoryState(
        conversations=[past_conversation("s1", 0, language, summary)], details=[detail]
    )
    recalled = recall(state, "", 1200, current_session="now")
    line = next(x for x in recalled.text.splitlines() if x.startswith("- 20"))
    assert LONG_TURN[language].split()[1] in line  # its start is kept
    assert estimate_tokens(line) <= MAX_CONVERSATION_LINE_TOKENS
    assert recalled.details == [detail]
    assert recalled.tokens <= 1200


GREETINGS = {"en": "hi, me again", "fa": "سلام، باز منم", "th": "สวัสดีค่ะ มาอีกแล้วค่ะ"}
#: Short details of an earlier conversation, each stating one value ({} a number).
SMALL_DETAILS = {
    "en": "User: the spare key is in box {}.",
    "fa": "User: کلید یدک توی جعبه {} هست.",
    "th": "User: กุญแจสำรองอยู่ในกล่อง {} ค่ะ",
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_new_conversation_leaves_the_section_all_it_does_not_use(
    store: SqliteStore, language: str, fmt: ContextFormat
) -> None:
    # Given a returning user with more small details than a small budget holds
    details = [
        UserDetail(
            session_id="s1",
            observed_at=T0,
            position=n,
            text=SMALL_DETAILS[language].format(value),
            values=[value],
            kinds=["identifier"],
        )
        for n, value in enumerate(f"B-{4100 + 37 * n}" for n in range(30))
    ]
    assert store.user_memory.save_user_memory(A, "u1", "", UserMemoryState(details=details), None)
    # and a new conversation that has only its greeting (nothing of it is cut)
    store_conversation(store, "now", [("user", GREETINGS[language])], start=T0 + timedelta(days=2))
    budget = 200
    reply = context(store, fmt, budget=budget)
    assert any(item["kind"].startswith("user_details") for item in reply["dropped"])
    # Then the section takes what the greeting leaves, not stopping the minimum short of it
    assert budget - MIN_BUDGET // 2 < reply["estimated_tokens"] <= budget
