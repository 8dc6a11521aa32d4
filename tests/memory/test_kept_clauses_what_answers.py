"""A customer's short reply to a what- or which-question is kept with its question, as a
choice (``domain.memory.offline.what_questions``, ``kept_clauses``, ``details``)."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of, kept_details
from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _kept(question: str, answer: str, replier: str = "User") -> list[tuple[str, str]]:
    asker = "Assistant" if replier == "User" else "User"
    unit = [Candidate(question, asker, (0, 0)), Candidate(answer, replier, (1, 0))]
    return [(clause.text, clause.kind) for clause in clauses_kept(unit)]


def _lines(*turns: tuple[str, str]) -> list[TranscriptLine]:
    return [
        TranscriptLine(index + 1, str(index), role, content)
        for index, (role, content) in enumerate(turns)
    ]


@pytest.mark.parametrize(
    ("question", "answer", "kept"),
    [
        ("What colour would you like for the gift box?", "Burgundy please", "Burgundy please"),
        ("Which add-ons would you like?", "central locking, rubber mat", None),
        ("How would you like it printed?", "numbers only, no names", None),
        ("Can you tell me which dress it is?", "the Elowen, lace sleeves", None),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی", None),
        ("کدوم مدل رو میپسندید؟", "مدل ونیزی", None),
        ("چجوری بفرستیم براتون؟", "با پیک", None),
        ("สีอะไรดีครับ", "ขาวมุกครับ", "ขาวมุก"),
        ("ออกใบกำกับในนามอะไรครับ", "ร้านเจ๊ะหลงการเกษตร", None),
        ("จะชำระเงินยังไงคะ", "โอนเข้าบัญชีค่ะ", "โอนเข้าบัญชี"),
        ("ธุรกิจหลักทำอะไรคะ", "รับออกแบบกราฟิกค่ะ", "รับออกแบบกราฟิก"),
    ],
)
def test_a_customer_answer_to_a_what_question_is_a_choice(
    question: str, answer: str, kept: str | None
) -> None:
    assert (kept or answer, "answer") in _kept(question, answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # greetings and offers of help
        ("How are you today?", "Pretty tired honestly"),
        ("What can I do for you?", "Brake pads for the Golf"),
        ("حالتون چطوره؟", "خوبم مرسی"),
        ("چه کمکی از دستم برمیاد؟", "درباره انگشتر نامزدی"),
        ("มีอะไรให้ช่วยไหมคะ", "สอบถามเรื่องหลังคาครับ"),
        ("สบายดีไหมคะ เป็นยังไงบ้าง", "เหนื่อยนิดหน่อยครับ"),
        # yes/no questions that hold a what-word
        ("Is that what you wanted?", "absolutely spot on"),
        ("Do you know which branch?", "Bristol Road maybe"),
        ("มีอะไรเพิ่มเติมไหมคะ", "กระจกข้างครับ"),
        ("آیا چیزی لازم دارید؟", "دستکش کار"),
        # why, how much, how many: a cause or a number, not a choice
        ("Why do you need it so soon?", "the wedding is next month"),
        ("How much were you hoping to spend?", "not a fortune"),
        ("چرا اینقدر دیر؟", "ترافیک بود"),
        ("ทำไมถึงเลือกสีนี้คะ", "ชอบสีขาวครับ"),
    ],
)
def test_a_reply_to_a_greeting_or_a_yes_no_question_is_no_choice(
    question: str, answer: str
) -> None:
    assert all(kind != "answer" for _, kind in _kept(question, answer))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # no preference, not knowing, a question back, small talk
        ("What colour for the box?", "whatever you think"),
        ("What colour for the box?", "not sure yet"),
        ("What colour for the box?", "what colours do you have?"),
        ("What colour for the box?", "haha my wife will decide lol"),
        ("جعبه رو چه رنگی میخواید؟", "فرقی نمیکنه"),
        ("جعبه رو چه رنگی میخواید؟", "هر کدوم"),
        ("جعبه رو چه رنگی میخواید؟", "نمیدونم هنوز"),
        ("สีอะไรดีครับ", "อะไรก็ได้ครับ"),
        ("สีอะไรดีครับ", "แล้วแต่ร้านเลยครับ"),
        ("สีอะไรดีครับ", "ได้ครับ"),
        ("یعنی چی؟", "اره"),
        # a story, not a bare answer; what happened is no choice
        ("What colour for the box?", "my wife saw a lovely one at her sister's wedding"),
        ("چه اتفاقی افتاد؟", "پیک اومد"),
        ("เกิดอะไรขึ้นคะ", "ไรเดอร์ไม่ขึ้นมาครับ"),
        ("جعبه رو چه رنگی میخواید؟", "اره"),
        ("หมายถึงอะไรคะ", "ที่จอดรถครับ"),
        ("สีอะไรดีครับ", "มีสีอะไรบ้างครับ"),
    ],
)
def test_a_reply_that_names_nothing_is_no_choice(question: str, answer: str) -> None:
    assert _kept(question, answer) == []


def test_the_agent_answering_the_customer_is_no_choice_of_theirs() -> None:
    assert _kept("ธุรกิจหลักทำอะไรได้บ้างคะ", "รับออกแบบกราฟิกค่ะ", replier="Assistant") == []
    assert _kept("What should we bring?", "Swimsuit, cap and towel", replier="Assistant") == []


@pytest.mark.parametrize(
    ("asking", "answer", "question", "value"),
    [
        (
            "باشه. جعبه رو چه رنگی میخواید؟ مخمل زرشکی داریم، سرمه‌ای، سفید",
            "زرشکی",
            "جعبه رو چه رنگی میخواید؟",
            "زرشکی",
        ),
        (
            "Lovely. Which colour for the sash? We do white, gold and navy.",
            "gold",
            "Which colour for the sash?",
            "gold",
        ),
        (
            "ได้ครับ ขอชื่อร้านหรือบริษัท ที่อยู่ และเลขประจำตัวผู้เสียภาษีครับ",
            "ร้านเจ๊ะหลงการเกษตร",
            "ขอชื่อร้านหรือบริษัท",
            "ร้านเจ๊ะหลงการเกษตร",
        ),
    ],
)
def test_a_reply_to_a_question_the_options_follow_is_kept_with_it(
    asking: str, answer: str, question: str, value: str
) -> None:
    details = details_of(_lines(("assistant", asking), ("user", answer)))
    kept = [d for d in details if value in d.values]
    assert len(kept) == 1
    assert kept[0].text == f"Assistant: {question}\nUser: {answer}"
    assert kept[0].first_position == 1


def test_options_with_prices_after_the_question_open_no_answer() -> None:
    """What follows the question states values: the reply is not taken as its answer."""
    details = details_of(
        _lines(
            ("assistant", "Which package? Gold is £120 and Silver £90."),
            ("user", "hmm let me think"),
        )
    )
    assert all("hmm" not in detail.text for detail in details)


def test_an_answer_a_later_turn_changes_is_superseded() -> None:
    """The change names the question's subject with a word of change, not the answer."""
    details = kept_details(
        [],
        details_of(
            _lines(
                ("assistant", "Which pharmacy should it go to?"),
                ("user", "walgreens downtown"),
                ("user", "is the one downstairs any good"),
                ("assistant", "Done, I've changed the pharmacy to the CVS at 2250 N Halsted."),
            )
        ),
    )
    answer = next(d for d in details if "walgreens" in d.text)
    assert answer.superseded


@pytest.mark.parametrize(
    "later",
    [
        "The pharmacy opens at 9am on Saturdays.",  # the subject, no change
        "Done, I've changed your phone number to 0412 555 019.",  # a change, another subject
    ],
)
def test_an_answer_stands_when_no_later_turn_changes_its_subject(later: str) -> None:
    details = kept_details(
        [],
        details_of(
            _lines(
                ("assistant", "Which pharmacy should it go to?"),
                ("user", "walgreens downtown"),
                ("assistant", later),
            )
        ),
    )
    answer = next(d for d in details if "walgreens" in d.text)
    assert not answer.superseded


def _superseded(question: str, answer: str, *later: tuple[str, str]) -> bool:
    details = kept_details(
        [], details_of(_lines(("assistant", question), ("user", answer), *later))
    )
    return next(d for d in details if answer in d.text).superseded


@pytest.mark.parametrize(
    ("question", "answer", "later"),
    [
        (
            "What colour would you like for the gift box?",
            "burgundy",
            [("user", "Can you change the box colour to navy please? Deliver on 3 May.")],
        ),
        (
            "What colour would you like for the gift box?",
            "burgundy",
            [("user", "hmm make it navy instead please, deliver on 3 May")],
        ),
        (
            "Which pharmacy should it go to?",
            "walgreens on clark",
            [
                (
                    "assistant",
                    "Done, I've switched the pharmacy to the CVS on Halsted, ready 14 May.",
                )
            ],
        ),
        (
            "جعبه رو چه رنگی میخواید؟",
            "زرشکی",
            [("user", "ببخشید رنگ جعبه رو عوض کنید، سرمه‌ای باشه. ۱۴ آبان بفرستید")],
        ),
        (
            "جعبه رو چه رنگی میخواید؟",
            "زرشکی",
            [("user", "به جای زرشکی سرمه‌ای بذارید. ۱۴ آبان بفرستید")],
        ),
        (
            "ต้องการกล่องสีอะไรคะ",
            "สีแดงค่ะ",
            [("user", "ขอเปลี่ยนสีกล่องเป็นสีน้ำเงินค่ะ ส่งวันที่ 14 มีนาคม")],
        ),
    ],
)
def test_a_change_of_the_thing_asked_to_a_new_answer_supersedes_it(
    question: str, answer: str, later: list[tuple[str, str]]
) -> None:
    assert _superseded(question, answer, ("assistant", "Noted."), *later)


@pytest.mark.parametrize(
    ("question", "answer", "later"),
    [
        # a word of change, the question's word, but not a change of that thing
        (
            "Which pharmacy should it go to?",
            "walgreens on clark",
            ("user", "can you update me when the pharmacy has it? My number is 0412 555 019"),
        ),
        (
            "Which pharmacy should it go to?",
            "walgreens on clark",
            (
                "assistant",
                "Great, I've updated the pharmacy on order ORD-48213; "
                "it will be ready on 14 March.",
            ),
        ),
        (
            "What colour would you like for the gift box?",
            "burgundy",
            ("user", "actually, could you also put a card in the gift box? Deliver on 3 May."),
        ),
        (
            "جعبه رو چه رنگی میخواید؟",
            "زرشکی",
            ("user", "راستی میشه روی جعبه یه کارت تبریک هم بذارید به جای برچسب؟ ۱۴ آبان بفرستید"),
        ),
        # the same answer read back, a change refused, an offer the agent makes
        (
            "Which pharmacy should it go to?",
            "walgreens on clark",
            ("assistant", "I've updated the pharmacy to Walgreens on Clark, ready on 14 March."),
        ),
        (
            "جعبه رو چه رنگی میخواید؟",
            "زرشکی",
            ("user", "رنگ جعبه رو عوض نکنید لطفا. ۱۴ آبان بفرستید"),
        ),
        (
            "What colour would you like for the gift box?",
            "burgundy",
            ("assistant", "Would you like to change the box colour to navy? It ships 3 May."),
        ),
        (
            "ต้องการกล่องสีอะไรคะ",
            "สีแดงค่ะ",
            ("user", "ไม่ต้องเปลี่ยนสีกล่องเป็นสีน้ำเงินนะคะ ส่งวันที่ 14 มีนาคม"),
        ),
    ],
)
def test_a_turn_that_does_not_change_the_thing_asked_leaves_the_answer_current(
    question: str, answer: str, later: tuple[str, str]
) -> None:
    assert not _superseded(question, answer, ("assistant", "Noted."), later)
