"""A past conversation's line leaves out the summary sentences its facts state already.

``domain.user_memory.repeated_turns``: a sentence stating a value of the user's facts and
no other number is left out of the conversation's line (the fact line above states it),
with the question it answers; a sentence with a value only it holds stays, and the open
items stay whole. English, Persian, Thai.
"""

from __future__ import annotations

import pytest

from domain.user_memory.recall import recall
from domain.user_memory.repeated_turns import stated_values, without_repeated_turns
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import T0, past_conversation

#: language: (fact value, question, sentence repeating the fact, sentence with a value of
#: its own, sentence with the fact's value and another number, open item)
CASES = {
    "en": (
        "14 Bramley Close, Harrogate HG2 7DN",
        "Assistant: What's the new address?",
        "User: 14 Bramley Close, Harrogate HG2 7DN",
        "Assistant: The engineer comes on Tuesday 10th June, 8am-12pm.",
        "Assistant: We deliver to 14 Bramley Close, Harrogate HG2 7DN for £35.",
        "Send the closing statement by email",
    ),
    "fa": (
        "پونک، بلوار عدل، پلاک ۱۲",
        "Assistant: آدرس جدید کجاست؟",
        "User: پونک، بلوار عدل، پلاک ۱۲",
        "Assistant: کلاس از ۲۰ مهر شروع میشه.",
        "Assistant: ارسال به پونک، بلوار عدل، پلاک ۱۲ هزینه‌اش ۴۰۰ هزار تومان است.",
        "رسید پرداخت پیامک میشه",
    ),
    "th": (
        "088-531-2048",
        "Assistant: เบอร์โทรติดต่อคืออะไรคะ?",
        "User: 088-531-2048",
        "Assistant: ช่างจะเข้าวันเสาร์ที่ 7 ธ.ค. 10:00 น.",
        "Assistant: ช่างจะโทรหา 088-531-2048 ก่อนเข้า 15 นาที",
        "ส่งใบเสร็จทางอีเมล",
    ),
}


def memory(language: str) -> UserMemoryState:
    fact_value, question, repeated, own, mixed, open_item = CASES[language]
    summary = "\n".join((question, repeated, own, mixed))
    fact = UserFact(
        key="delivery_address", value=fact_value, session_id="s1", observed_at=T0, history=[]
    )
    conversation = past_conversation("s1", 0, language, summary, [open_item])
    return UserMemoryState(facts=[fact], conversations=[conversation])


@pytest.mark.parametrize("language", list(CASES))
def test_a_sentence_repeating_a_fact_and_its_question_leave_the_conversation_line(
    language: str,
) -> None:
    fact_value, question, repeated, own, mixed, open_item = CASES[language]
    state = memory(language)
    kept = without_repeated_turns(state.conversations[0], stated_values(state))
    # the repeat and the question it answers go
    assert question.split(": ", 1)[1] not in kept
    assert repeated not in kept
    # a value only the summary holds stays, and so does a sentence with another number
    assert own.split(": ", 1)[1] in kept
    assert mixed.split(": ", 1)[1] in kept
    # in the section: the fact line states the value once, the open item is whole
    shown = recall(state, "", 1_000, current_session="s3").text
    assert shown.count(fact_value) == 2  # the fact line, and the sentence with a number
    assert open_item in shown
    assert own.split(": ", 1)[1] in shown


def test_a_bare_small_number_of_a_fact_does_not_make_a_sentence_a_repeat() -> None:
    fact = UserFact(key="seats", value="2", session_id="s1", observed_at=T0, history=[])
    conversation = past_conversation("s1", 0, "en", "User: we are 2 adults.")
    state = UserMemoryState(facts=[fact], conversations=[conversation])
    assert without_repeated_turns(conversation, stated_values(state)) == "User: we are 2 adults."


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        ("07700 900652", "User: ring Callum not me, he's on 07700 900652"),
        ("09351234567", "User: به همسرم زنگ بزنید نه من، شماره‌اش 09351234567"),
        ("086-531-2048", "User: ให้คนส่ง โทรหาแฟนก่อน ไม่ต้องโทรหาผม 086-531-2048"),
    ],
    ids=["en", "fa", "th"],
)
def test_a_sentence_saying_more_words_than_a_fact_states_stays(value: str, sentence: str) -> None:
    # Given a fact's value said with an instruction around it
    fact = UserFact(key="contact_phone", value=value, session_id="s1", observed_at=T0, history=[])
    conversation = past_conversation("s1", 0, "en", sentence)
    state = UserMemoryState(facts=[fact], conversations=[conversation])
    # Then the sentence stays: its other words may name another value
    kept = without_repeated_turns(conversation, stated_values(state))
    assert sentence.split(": ", 1)[1].split()[-2] in kept


def _line_without_repeats(value: str, summary: str, language: str) -> str:
    fact = UserFact(key="contact_phone", value=value, session_id="s1", observed_at=T0, history=[])
    conversation = past_conversation("s1", 0, language, summary)
    state = UserMemoryState(facts=[fact], conversations=[conversation])
    return without_repeated_turns(conversation, stated_values(state))


@pytest.mark.parametrize(
    ("value", "question", "negation", "language"),
    [
        ("07700 900733", "Should we call you?", "Don't call 07700 900733.", "en"),
        ("07700 900733", "Should we call you?", "Never 07700 900733!", "en"),
        ("09121234567", "باهاتون تماس بگیریم؟", "به 09121234567 زنگ نزنید.", "fa"),
        ("09121234567", "باهاتون تماس بگیریم؟", "۰۹۱۲۱۲۳۴۵۶۷ رو نگیرید", "fa"),
        ("0812345678", "ให้โทรหาไหมคะ?", "ห้ามโทร 0812345678", "th"),
    ],
    ids=["en-dont", "en-never", "fa-verb", "fa-spoken", "th"],
)
def test_a_short_negated_instruction_about_a_fact_value_stays_with_its_question(
    value: str, question: str, negation: str, language: str
) -> None:
    # Given a short sentence that says not to use a fact's value, after the question it answers
    kept = _line_without_repeats(value, f"Assistant: {question}\nUser: {negation}", language)
    # Then both stay: the fact line says the value, not what not to do with it
    assert kept == f"Assistant: {question}\nUser: {negation}"


@pytest.mark.parametrize(
    ("value", "summary", "language"),
    [
        ("£40", "User: My blender arrived broken.\nAssistant: Refund of £40 approved.", "en"),
        ("£40", "User: The parcel never came.\nAssistant: £40 refunded.", "en"),
        ("۴۰۰ هزار تومان", "User: سفارشم نرسید.\nAssistant: ۴۰۰ هزار تومان واریز شد.", "fa"),
        ("1,250 บาท", "User: เครื่องปั่นพังมาค่ะ\nAssistant: คืนเงิน 1,250 บาท แล้วค่ะ", "th"),
    ],
    ids=["en-approved", "en-refunded", "fa", "th"],
)
def test_a_sentence_telling_how_the_conversation_ended_stays_whole(
    value: str, summary: str, language: str
) -> None:
    # Given the outcome of the conversation names a value another fact holds
    kept = _line_without_repeats(value, summary, language)
    # Then the outcome sentence stays, whole (no stub such as «แล้วค่ะ» alone)
    assert kept == summary


@pytest.mark.parametrize(
    ("value", "summary", "expected"),
    [
        ("088-531-2048", "User: 088-531-2048 ครับ ขอบคุณ", ""),
        ("088-531-2048", "User: 088-531-2048 ครับ ช่างจะมาวันไหน ช่วงบ่ายได้ไหม", "kept"),
    ],
    ids=["th-dropped-whole", "th-kept-whole"],
)
def test_a_thai_sentence_a_space_cuts_is_left_out_or_kept_whole(
    value: str, summary: str, expected: str
) -> None:
    kept = _line_without_repeats(value, summary, "th")
    assert kept == ("" if expected == "" else summary)
