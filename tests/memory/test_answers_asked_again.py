"""A what-question asked again and answered anew: the later answer replaces the earlier
(``domain.memory.answers_asked_again``, ``asked_topics``), in English, Persian and Thai."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of, kept_details
from domain.memory.engine import TranscriptLine
from domain.memory.offline.asked_topics import asked_topic, asks_again
from schemas.memory_model import Detail


def _details(*turns: tuple[str, str]) -> list[Detail]:
    lines = [
        TranscriptLine(index + 1, str(index), role, content)
        for index, (role, content) in enumerate(turns)
    ]
    return kept_details([], details_of(lines))


def _answer(details: list[Detail], answer: str) -> Detail:
    return next(d for d in details if d.values == [answer])


_SMALL_TALK = [
    ("assistant", "Noted."),
    ("user", "thanks, the weather is awful here"),
    ("assistant", "Oh no, stay dry!"),
]


@pytest.mark.parametrize(
    ("first", "old", "again", "new"),
    [
        (
            "What colour would you like for the gift box?",
            "Burgundy",
            "Which colour in the end?",
            "Navy",
        ),
        (
            "Which pharmacy should it go to?",
            "walgreens downtown",
            "So which pharmacy did you settle on?",
            "the CVS on Halsted",
        ),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی", "آخرش چه رنگی؟", "سرمه‌ای"),
        ("کدوم مدل رو میپسندید؟", "مدل ونیزی", "نهایتا کدوم مدل؟", "مدل رومی"),
        ("สีอะไรดีครับ", "สีแดง", "สุดท้ายเอาสีอะไรคะ", "สีน้ำเงิน"),
        ("ต้องการกล่องสีอะไรคะ", "สีดำ", "ตกลงกล่องสีอะไรคะ", "สีขาว"),
    ],
)
def test_the_later_answer_to_the_same_question_replaces_the_earlier(
    first: str, old: str, again: str, new: str
) -> None:
    details = _details(
        ("assistant", first), ("user", old), *_SMALL_TALK, ("assistant", again), ("user", new)
    )
    earlier = _answer(details, old)
    assert earlier.superseded
    assert [(r.old, r.new) for r in earlier.replaced] == [(old, new)]
    assert not _answer(details, new).superseded


@pytest.mark.parametrize(
    ("first", "old", "again", "new"),
    [
        # two different questions
        ("What colour would you like?", "Burgundy", "What size would you like?", "Large"),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی", "کدوم مدل رو میپسندید؟", "مدل ونیزی"),
        ("สีอะไรดีครับ", "สีแดง", "จะชำระเงินยังไงคะ", "โอนเข้าบัญชี"),
        # the same question about two items
        (
            "What colour for the first ring?",
            "gold",
            "What colour for the second ring?",
            "rose gold",
        ),
        ("What colour for the first ring?", "gold", "and the second?", "silver"),
        ("สีอะไรสำหรับแหวนวงแรกคะ", "สีทอง", "แล้ววงที่สองคะ", "สีเงิน"),
        ("สีอะไรสำหรับแหวนวงแรกคะ", "สีทอง", "สีอะไรสำหรับแหวนวงที่สองคะ", "สีเงิน"),
        ("حلقه اول رو چه رنگی میخواید؟", "طلایی", "حلقه دوم رو چه رنگی میخواید؟", "نقره‌ای"),
        (
            "What colour for the outfield jerseys?",
            "navy",
            "And the goalie jerseys — what colour?",
            "green",
        ),
        # a later question naming an item the earlier did not
        ("What colour would you like?", "Navy", "Great. Now the cap: what colour?", "Black"),
        ("What colour would you like?", "Navy", "Now the cap. What colour?", "Black"),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی", "روبان چه رنگی باشه؟", "طلایی"),
        ("انگشتر اول چه رنگی باشه؟", "طلایی", "انگشتر دوم چه رنگی؟", "نقره‌ای"),
        ("چه رنگی میخواید؟", "زرشکی", "خب، حالا روبان. چه رنگی باشه؟", "طلایی"),
        ("เสื้อเอาสีอะไรคะ", "สีแดง", "แล้วหมวกล่ะคะ สีอะไรคะ", "สีดำ"),
        ("สีอะไรดีครับ", "สีแดง", "แล้วหมวกล่ะคะ สีอะไรคะ", "สีดำ"),
        # the same answer given again
        ("What colour would you like?", "Burgundy", "Which colour in the end?", "burgundy"),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی", "آخرش چه رنگی؟", "زرشکی"),
    ],
)
def test_another_question_or_the_same_answer_replaces_nothing(
    first: str, old: str, again: str, new: str
) -> None:
    details = _details(
        ("assistant", first), ("user", old), *_SMALL_TALK, ("assistant", again), ("user", new)
    )
    earlier = _answer(details, old)
    assert not earlier.superseded
    assert earlier.replaced == []


@pytest.mark.parametrize(
    ("first", "old", "other", "again", "new"),
    [
        (
            "What colour for the gift box?",
            "Burgundy",
            "What colour should the ribbon be?",
            "Which colour in the end?",
            "Navy",
        ),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی", "روبان چه رنگی باشه؟", "آخرش چه رنگی؟", "سرمه‌ای"),
        ("ต้องการกล่องสีอะไรคะ", "สีดำ", "แล้วโบล่ะคะ สีอะไรคะ", "สุดท้ายเอาสีอะไรคะ", "สีขาว"),
    ],
)
def test_a_bare_question_after_another_item_replaces_neither_earlier(
    first: str, old: str, other: str, again: str, new: str
) -> None:
    details = _details(
        ("assistant", first),
        ("user", old),
        *_SMALL_TALK,
        ("assistant", other),
        ("user", "Gold"),
        *_SMALL_TALK,
        ("assistant", again),
        ("user", new),
    )
    assert not _answer(details, old).superseded


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What colour would you like for the gift box?", "colour for gift box"),
        ("Which colour in the end?", "colour"),
        ("For the second ring, which colour?", "colour for second ring"),
        ("What name should go on the card?", "name on card"),
        ("Which one would you like?", None),
        ("جعبه رو چه رنگی میخواید؟", "رنگ جعبه"),
        ("آخرش چه رنگی؟", "رنگ"),
        ("چه رنگی برای حلقه اول میخواید؟", "رنگ برای حلقه اول"),
        ("And the goalie jerseys — what colour?", "colour for goalie jerseys"),
        ("Thanks Dan, what colour?", "colour"),
        ("สีอะไรสำหรับแหวนวงแรกคะ", "สี สำหรับแหวนวงแรก"),
        ("มีอะไรทักมาได้ตลอดครับ", None),  # an offer of help names nothing
        ("اسمتون چیه؟", "اسم"),
        ("چی بنویسم؟", None),
        ("ต้องการกล่องสีอะไรคะ", "กล่องสี"),
        ("จะชำระเงินยังไงคะ", "ชำระเงิน"),
        ("Is that the navy one?", None),  # a yes/no question
        # the item, named before the noun asked or in the sentence before
        ("روبان چه رنگی باشه؟", "رنگ روبان"),
        ("انگشتر دوم چه رنگی؟", "رنگ انگشتر دوم"),
        ("خب، حالا روبان. چه رنگی باشه؟", "رنگ روبان"),
        ("Now the cap. What colour?", "colour for cap"),
        ("แล้วหมวกล่ะคะ สีอะไรคะ", "สี หมวก"),
        ("Great, the hoodie is added. What colour?", "colour"),  # not a lead-in
        # Thai words stripped whole: «ของ» is not «ขอ», «คุณภาพ» not «คุณ»
        ("ของคุณพ่อไซส์อะไรคะ", "ของคุณพ่อไซส์"),
        ("สะดวกรับของที่สาขาไหนคะ", "ของที่สาขา"),
        ("คุณภาพแบบไหนคะ", "คุณภาพ"),
    ],
)
def test_the_topic_is_the_thing_asked_for_in_the_question_s_words(
    question: str, topic: str | None
) -> None:
    assert asked_topic(question) == topic


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("colour", "colour for gift box", True),
        ("colours", "colour", True),
        ("colour for first ring", "colour for second ring", False),
        ("colour", "size", False),
        ("สี", "กล่องสี", True),
        ("สี", "ชำระเงิน", False),
    ],
)
def test_two_topics_are_one_when_one_names_nothing_the_other_does_not(
    one: str, other: str, same: bool
) -> None:
    assert (asks_again(one, other) or asks_again(other, one)) is same
