"""A conversation's line over its room keeps the summary's sentences that state a value.

``domain.user_memory.valued_turns``: cut from its end, a long line lost the values of its
last turns and kept the small talk before them; so the sentences stating no value go
first (the question right before a kept one stays with it), a summary with no value is
kept whole, and the values a later conversation changed ("Then: …") are not counted in
the line's cap. English, Persian, Thai.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.tokens import estimate_tokens
from domain.user_memory.merge import merge_fact
from domain.user_memory.recall import MAX_CONVERSATION_LINE_TOKENS, recall
from domain.user_memory.recall_index import indexed
from domain.user_memory.valued_turns import valued_turns
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import T0, past_conversation

#: language: (small talk, question, its answer stating a value, the value)
CASES = {
    "en": (
        "User: haha no worries, I won't run off anywhere.",
        "Assistant: Which slot suits you?",
        "User: the afternoon one, 12pm-4pm please.",
        "12pm-4pm",
    ),
    "fa": (
        "User: باشه ممنون، خیلی لطف دارید.",
        "Assistant: کدوم ساعت براتون بهتره؟",
        "User: ساعت ۶:۳۰ عصر خوبه.",
        "۶:۳۰",
    ),
    "th": (
        "User: ผมไม่หนีไปไหนหรอก 555",
        "Assistant: สะดวกรอบไหนคะ?",
        "User: ศุกร์ 10:00-12:00 ค่ะ",
        "10:00-12:00",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_only_the_sentences_stating_a_value_are_kept_with_their_question(language: str) -> None:
    talk, question, answer, _ = CASES[language]
    assert valued_turns("\n".join([talk, question, answer])) == f"{question}\n{answer}"


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_summary_with_no_value_is_kept_whole(language: str) -> None:
    talk = CASES[language][0]
    assert valued_turns(f"{talk}\n{talk}") == f"{talk}\n{talk}"


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_long_line_keeps_the_value_of_its_last_turn(language: str) -> None:
    talk, question, answer, value = CASES[language]
    summary = "\n".join([*[talk] * 40, question, answer])
    state = UserMemoryState(conversations=[past_conversation("s1", 0, language, summary)])
    line = next(
        x
        for x in recall(state, "", 1200, current_session="now").text.splitlines()
        if x.startswith("- 20")
    )
    assert value in line
    assert talk.split()[1] not in line
    assert estimate_tokens(line) <= MAX_CONVERSATION_LINE_TOKENS


#: language: an earlier conversation's long address a later one changed, the new one
ADDRESSES = {
    "en": ("Flat 3, 22 Carlton Road, Headingley, Leeds LS6 3DT, United Kingdom", "9 Elm St"),
    "fa": ("تهران، سعادت آباد، خیابان سرو غربی، کوچه نهم، پلاک ۴۷، طبقه ۳، واحد ۱۲", "پونک"),
    "th": ("88/14 ม.พฤกษาวิลล์ 12 ซ.ลำลูกกา 5 ต.คูคต อ.ลำลูกกา จ.ปทุมธานี 12130", "ลาดพร้าว"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_the_values_a_later_conversation_changed_do_not_crowd_out_the_summary(
    language: str,
) -> None:
    talk, question, answer, value = CASES[language]
    old, new = ADDRESSES[language]
    facts: list[UserFact] = []
    for n, (address, session) in enumerate(((old, "s1"), (new, "s2"))):
        for key in ("delivery_address", "billing_address", "pickup_address"):
            at = T0 + timedelta(days=7 * n, minutes=9)
            facts = merge_fact(facts, key, address, session, at)
    summary = "\n".join([*[talk] * 20, question, answer])
    state = indexed(
        UserMemoryState(
            facts=facts,
            conversations=[
                past_conversation("s2", 7, language, CASES[language][2]),
                past_conversation("s1", 0, language, summary),
            ],
        )
    )
    lines = recall(state, "", 1200, current_session="now").text.splitlines()
    line = next(x for x in lines if x.startswith("- ") and "Then:" in x)
    # one address under three keys: said once ("Then:" says a value another quotes once)
    assert line.count(" ".join(old.split())) == 1
    assert value in line


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_sentence_an_open_item_says_is_left_to_the_open_item(language: str) -> None:
    _, question, answer, _ = CASES[language]
    promise = {
        "en": "We refund £40 by Friday.",
        "fa": "۴۰ دلار تا جمعه برمی‌گردد.",
        "th": "คืนเงิน 40 บาทภายในศุกร์ค่ะ",
    }
    summary = f"{question}\n{answer}\nAssistant: {promise[language]}"
    assert valued_turns(summary, [promise[language]]) == f"{question}\n{answer}"
