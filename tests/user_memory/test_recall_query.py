"""Recall ranks earlier conversations by what the message at hand is about, not by its
greeting: a message that only greets ranks them by recency, one that greets and names a
thing ranks the conversation about that thing first, in English, Persian and Thai. The
words of a thing that look like courtesy («คะแนน», «چشم پزشکی», "fine") stay."""

from __future__ import annotations

import pytest

from domain.context.user_section import user_section
from domain.ports.memory import SessionUser
from domain.search.tokenize import terms
from domain.user_memory.recall_index import indexed
from domain.user_memory.recall_query import topic
from schemas.user_memory import ConversationSummary, UserMemoryState
from tests.user_memory.conversations import past_conversation

#: Per language: the older conversation's summary full of courtesy and "I"/"me", the newer
#: one's about a thing, and two greetings, one naming that thing.
CASES = {
    "en": (
        "Hello! Thanks, it's me again: I said hello and thanks, please call me back.",
        "The washing machine WM-200 leaks; a technician visits on Friday.",
        "Hello, it's me again.",
        "Hi, thanks! It's me again, about the washing machine.",
    ),
    "fa": (
        "سلام، ممنونم. من دوباره سلام کردم و لطفا با من تماس بگیرید.",
        "ماشین لباسشویی نشتی دارد؛ تکنسین جمعه می‌آید.",
        "سلام، ممنونم، من هستم.",
        "سلام، ممنونم. درباره ماشین لباسشویی من.",
    ),
    "th": (
        "สวัสดีค่ะ ขอบคุณนะคะ ฉันเองค่ะ ดิฉันโทรมาอีกครับ",
        "เครื่องซักผ้ารั่ว ช่างจะมาวันศุกร์",
        "สวัสดีค่ะ ฉันเองนะคะ",
        "สวัสดีค่ะ ฉันเองนะคะ เรื่องเครื่องซักผ้าค่ะ",
    ),
}


def memory(language: str, courteous: str, about_a_thing: str) -> UserMemoryState:
    """The courteous conversation is the older one: recency alone puts it second."""
    conversations: list[ConversationSummary] = [
        past_conversation("newer", 2, language, about_a_thing),
        past_conversation("older", 1, language, courteous),
    ]
    return indexed(UserMemoryState(conversations=conversations))


def recalled_order(state: UserMemoryState, query: str) -> list[str]:
    section = user_section("acct-a", SessionUser("u1", "", state), query)
    recalled = section.recall(1_200, "now")
    return [r.conversation.session_id for r in recalled.conversations]


@pytest.mark.parametrize("language", sorted(CASES))
def test_a_greeting_alone_ranks_by_recency(language: str) -> None:
    courteous, about, greeting, _ = CASES[language]
    assert recalled_order(memory(language, courteous, about), greeting) == ["newer", "older"]


@pytest.mark.parametrize("language", sorted(CASES))
def test_a_greeting_naming_a_thing_ranks_its_conversation_first(language: str) -> None:
    courteous, about, _, naming = CASES[language]
    # the thing's conversation is the older one now: its match, not recency, ranks it
    state = memory(language, about, courteous)
    assert recalled_order(state, naming) == ["older", "newer"]


@pytest.mark.parametrize(
    "greeting",
    [
        "Hello, it's me again.",
        "Hi there! Thanks, ok.",
        "hey, it’s me",
        "سلام، دوباره من هستم.",
        "سلام، ممنونم. بله.",
        "درود، مرسی",
        "สวัสดีค่ะ ฉันเองนะคะ",
        "สวัสดีครับ ผมเองครับ",
        "ขอบคุณค่ะ",
        "สวัสดีค่ะดิฉันเองค่ะ",
    ],
)
def test_a_greeting_leaves_no_search_term(greeting: str) -> None:
    assert terms(topic(greeting)) == [], topic(greeting)


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("Hello, where is my order ORD-48213?", ["order", "ord", "48213"]),
        ("Hi, the fine ref PCN-8812", ["fine", "ref", "pcn", "8812"]),
        ("سلام، چشم پزشکی نوبت دارم", ["چشم", "پزشکی", "نوبت"]),
        ("سلام، سفارش من به تهران", ["سفارش", "تهران"]),
    ],
)
def test_the_words_of_a_thing_stay(query: str, kept: list[str]) -> None:
    assert terms(topic(query)) == kept


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        # a score («คะแนน»), a fee («ค่าส่ง»): a particle's letters, no particle
        ("สวัสดีค่ะ คะแนนสะสมเท่าไหร่คะ", "คะแนนสะสมเท่าไหร่"),
        ("ค่าส่งเท่าไหร่ครับ", "ค่าส่งเท่าไหร่"),
        ("สวัสดีค่ะดิฉันเคยสั่งเค้กค่ะ", "เคยสั่งเค้ก"),
    ],
)
def test_thai_courtesy_goes_and_the_words_it_looks_like_stay(query: str, kept: str) -> None:
    assert "".join(topic(query).split()) == kept
