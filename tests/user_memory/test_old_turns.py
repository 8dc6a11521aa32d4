"""A past conversation's line leaves out the summary sentences that only quote replaced values.

``domain.user_memory.old_turns``: a sentence whose every value is marked "(replaced)" is
left out of the conversation's line (the fact line above says the value that holds now),
with the question that asked for it; a sentence with a value unmarked stays, and so does
one telling an outcome. English, Persian, Thai.
"""

from __future__ import annotations

import pytest

from domain.user_memory.old_turns import only_old_values, without_old_turns
from domain.user_memory.recall import recall
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import T0, past_conversation

#: language: (current value, question, sentence quoting only the old value, sentence with
#: an old value and a value of its own, sentence telling an outcome of the old value)
CASES = {
    "en": (
        "sara83@example.com",
        "Assistant: What's the best email for you?",
        "User: My email is nadia29@example.com (replaced).",
        "Assistant: The Nanopresso was $54.99 (replaced), delivery takes 3 days.",
        "Assistant: The invoice for £41.50 (replaced) was cancelled.",
    ),
    "fa": (
        "۰۹۱۲۴۵۶۷۸۹۰",
        "Assistant: شماره تماستون چنده؟",
        "User: شمارم ۰۹۱۲۳۳۳۴۴۵۵ (replaced) هست.",
        "Assistant: هزینه ۳,۵۰۰,۰۰۰ تومان (replaced) میشه و ۲۰ درصد تخفیف داره.",
        "Assistant: پرداخت ۱۵۰ هزار تومان (replaced) لغو شد.",
    ),
    "th": (
        "089-245-7713",
        "Assistant: ขอเบอร์โทรติดต่อหน่อยค่ะ",
        "User: เบอร์ 081-556-2394 (replaced) ค่ะ",
        "Assistant: เงินประกัน 2 เดือน (replaced) 23,000 บาท ค่ะ",
        "Assistant: ยกเลิกบิล 1,250 บาท (replaced) แล้วค่ะ",
    ),
}


@pytest.mark.parametrize("language", list(CASES))
def test_a_sentence_only_quoting_replaced_values_leaves_with_its_question(language: str) -> None:
    _, question, old, mixed, outcome = CASES[language]
    summary = "\n".join((question, old, mixed, outcome))
    kept = without_old_turns(summary)
    assert question not in kept and old not in kept
    # a value of its own, an outcome: the sentence stays whole
    assert mixed in kept and outcome in kept
    said = [sentence.split(": ", 1)[1] for sentence in (old, mixed, outcome)]
    assert [only_old_values(sentence) for sentence in said] == [True, False, False]


@pytest.mark.parametrize("language", list(CASES))
def test_a_returning_users_line_says_the_current_value_not_the_old_turn(language: str) -> None:
    current, question, old, mixed, _ = CASES[language]
    fact = UserFact(key="customer_phone", value=current, session_id="s1", observed_at=T0)
    conversation = past_conversation("s1", 0, language, "\n".join((question, old, mixed)))
    state = UserMemoryState(facts=[fact], conversations=[conversation])
    text = recall(state, "", 1000, current_session="now").text
    assert current in text and mixed in text
    assert old.removeprefix("User: ") not in text


@pytest.mark.parametrize(
    "sentence",
    [
        "With Mintex discs and pads it comes to £352.80 (replaced) inc VAT, fitted.",
        "با لنت و دیسک اصلی کلش با دستمزد نصب میشه ۳ میلیون تومان (replaced).",
        "ถ้าเปลี่ยนผ้าเบรกกับจานเบรกของแท้ รวมค่าแรงแล้ว 3,500 บาท (replaced) ครับ",
    ],
    ids=["en", "fa", "th"],
)
def test_an_old_value_with_words_saying_what_it_was_for_stays(sentence: str) -> None:
    assert not only_old_values(sentence)


def test_a_summary_without_a_mark_is_kept_as_it_is() -> None:
    summary = "User: My email is sara83@example.com.\nAssistant: Thanks!"
    assert without_old_turns(summary) == summary
