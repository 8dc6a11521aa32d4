"""A value the assistant only proposes in a question ("Shall I move it to Thursday 6 June
instead?") moves the held one only when the customer's next message says yes; a no, a yes
taken back ("yes, but …") or no answer leaves it. A change the assistant states ("I've moved
it to …") moves it at once, as before."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history

#: (the customer's first message, the assistant's question, the held value, the proposed one)
PROPOSALS = [
    (
        "The delivery is on Wednesday 5 June.",
        "Shall I move it to Thursday 6 June instead?",
        "Wednesday 5 June",
        "Thursday 6 June",
    ),
    (
        "The delivery is on Wednesday 5 June.",
        "Sorry, Wednesday is full. Would you like delivery on Thursday 6 June?",
        "Wednesday 5 June",
        "Thursday 6 June",
    ),
    (
        "تحویل سفارش پنجشنبه ۱۵ خرداده",
        "به جاش شنبه ۱۷ خرداد بفرستیم؟",
        "پنجشنبه ۱۵ خرداد",
        "شنبه ۱۷ خرداد",
    ),
    (
        "ส่งของวันที่ 12 มีนาคมค่ะ",
        "สะดวกให้ส่งวันที่ 13 มีนาคมแทนไหมคะ",
        "วันที่ 12 มีนาคม",
        "วันที่ 13 มีนาคม",
    ),
]
#: a yes in each language of ``PROPOSALS``
_YES = {0: "Yes please.", 1: "Yes, that works. Can you text me the slot?", 2: "بله لطفا", 3: "ได้ค่ะ"}
#: a no, or a yes taken back, in each language
_NO = {0: "No, keep it.", 1: "Yes, but not Thursday.", 2: "نه، همون پنجشنبه", 3: "ไม่ค่ะ"}


@pytest.mark.parametrize(("first", "question", "held", "offered"), PROPOSALS)
def test_a_question_alone_moves_nothing(first: str, question: str, held: str, offered: str) -> None:
    facts = conversation(("user", first), ("assistant", question))
    assert current(facts)["delivery_date"] == held
    assert offered not in current(facts).values()


@pytest.mark.parametrize("batch", [5, 2])
@pytest.mark.parametrize("case", range(len(PROPOSALS)))
def test_the_customers_yes_takes_the_proposal(case: int, batch: int) -> None:
    """Also when the yes comes in the next batch, the question read as context."""
    first, question, held, offered = PROPOSALS[case]
    facts = conversation(
        ("user", first), ("assistant", question), ("user", _YES[case]), batch=batch
    )
    assert current(facts)["delivery_date"] == offered
    assert history(facts, "delivery_date") == [held]


@pytest.mark.parametrize("case", range(len(PROPOSALS)))
def test_a_no_keeps_the_held_value(case: int) -> None:
    first, question, held, _ = PROPOSALS[case]
    facts = conversation(("user", first), ("assistant", question), ("user", _NO[case]))
    assert current(facts)["delivery_date"] == held
    assert history(facts, "delivery_date") == []


@pytest.mark.parametrize(
    ("first", "said", "held", "new"),
    [
        # a change stated, before a question or with none
        (
            "The delivery is on Wednesday 5 June.",
            "I've moved it to Thursday 6 June. Anything else?",
            "Wednesday 5 June",
            "Thursday 6 June",
        ),
        (
            "The delivery is on Wednesday 5 June.",
            "Your delivery is now Thursday 6 June — anything else I can help with?",
            "Wednesday 5 June",
            "Thursday 6 June",
        ),
        (
            "ส่งของวันที่ 12 มีนาคมค่ะ",
            "เลื่อนเป็นวันที่ 13 มีนาคมเรียบร้อยแล้วค่ะ มีอะไรให้ช่วยอีกไหมคะ",
            "วันที่ 12 มีนาคม",
            "วันที่ 13 มีนาคม",
        ),
        (
            "تحویل سفارش پنجشنبه ۱۵ خرداده",
            "تحویل رو به شنبه ۱۷ خرداد منتقل کردم.",
            "پنجشنبه ۱۵ خرداد",
            "شنبه ۱۷ خرداد",
        ),
    ],
)
def test_a_change_the_assistant_states_moves_at_once(
    first: str, said: str, held: str, new: str
) -> None:
    facts = conversation(("user", first), ("assistant", said))
    assert current(facts)["delivery_date"] == new
    assert history(facts, "delivery_date") == [held]


def test_a_read_back_of_the_customers_own_correction_is_no_proposal() -> None:
    facts = conversation(
        ("user", "The delivery is on Wednesday 5 June."),
        ("user", "Sorry, I meant the delivery should be on Thursday 6 June."),
        ("assistant", "So Thursday 6 June, is that right?"),
    )
    assert current(facts)["delivery_date"] == "Thursday 6 June"


@pytest.mark.parametrize(
    ("said", "held", "new"),
    [
        (
            [
                ("user", "The delivery is on Wednesday 5 June."),
                ("assistant", "Can I move it to Thursday 6 June instead?"),
                ("user", "Ugh, that's the second time this week."),
                ("assistant", "I'm so sorry. I'll put you first in the queue on Thursday."),
            ],
            "Wednesday 5 June",
            "Thursday 6 June",
        ),
        (
            [
                ("user", "ช่างจะเข้าวันจันทร์ที่ 2 ธันวาคมใช่ไหมครับ"),
                ("assistant", "ขอเลื่อนเป็นวันอังคารที่ 3 ธันวาคมได้ไหมครับ มีช่างว่างช่วงเช้าครับ"),
                ("user", "เลื่อนมาสองรอบแล้วนะครับ"),
                ("assistant", "ต้องขออภัยจริงๆ ครับ ผมจะจัดให้เป็นคิวแรกของวันอังคารครับ"),
            ],
            "วันจันทร์ที่ 2 ธันวาคม",
            "วันอังคารที่ 3 ธันวาคม",
        ),
    ],
)
def test_the_assistant_stating_the_proposal_again_settles_it(
    said: list[tuple[str, str]], held: str, new: str
) -> None:
    values = current(conversation(*said))
    assert new in values.values()
    assert held not in values.values()


def test_a_proposal_turned_down_is_not_settled_by_its_day_named_later() -> None:
    facts = conversation(
        ("user", "The delivery is on Wednesday 5 June."),
        ("assistant", "Can I move it to Thursday 6 June instead?"),
        ("user", "No, I'm away on Thursday."),
        ("assistant", "No problem, it stays on Wednesday. The Thursday van is full anyway."),
    )
    assert current(facts)["delivery_date"] == "Wednesday 5 June"


#: other ways to say go ahead, by the language of ``PROPOSALS`` (case)
_GO_AHEADS = [
    (0, "Please do."),
    (0, "Go ahead"),
    (0, "Do it"),
    (0, "👍"),
    (0, "Thursday is fine"),
    (0, "Thanks, that's better."),
    (2, "حله"),
    (2, "موافقم"),
    (2, "بفرستید"),
    (2, "ممنون، همین خوبه"),
    (3, "ค่ะ"),
    (3, "สะดวกค่ะ"),
    (3, "ตามนั้นค่ะ"),
    (3, "เอาตามนั้นเลยค่ะ"),
]


@pytest.mark.parametrize(("case", "reply"), _GO_AHEADS)
def test_a_go_ahead_takes_the_proposal(case: int, reply: str) -> None:
    first, question, held, offered = PROPOSALS[case]
    facts = conversation(("user", first), ("assistant", question), ("user", reply))
    assert current(facts)["delivery_date"] == offered
    assert history(facts, "delivery_date") == [held]


#: replies that open like a go-ahead but do not give one
_NOT_GO_AHEADS = [
    (0, "Right, let me think about it."),
    (0, "Correct me if I'm wrong, but Wednesday was agreed?"),
    (0, "Thursday is too late for me."),
    (0, "Thursday doesn't work."),
    (0, "Wednesday is fine."),
    (2, "همون پنجشنبه خوبه"),
    (3, "ค่ะ แต่ขอเป็นวันที่ 12 เหมือนเดิมนะคะ"),
    (3, "ไม่สะดวกค่ะ"),
]


@pytest.mark.parametrize(("case", "reply"), _NOT_GO_AHEADS)
def test_a_reply_that_gives_no_go_ahead_keeps_the_held_value(case: int, reply: str) -> None:
    first, question, _, offered = PROPOSALS[case]
    facts = conversation(("user", first), ("assistant", question), ("user", reply))
    assert current(facts)["delivery_date"] != offered
    assert offered not in history(facts, "delivery_date")


@pytest.mark.parametrize(
    ("said", "new"),
    [
        *[
            (
                [
                    ("user", "The delivery is on Wednesday 5 June."),
                    ("assistant", "Noted."),
                    ("user", "Could you deliver it one day later?"),
                    ("assistant", "So Thursday 6 June, is that right?"),
                    ("user", reply),
                ],
                "Thursday 6 June",
            )
            for reply in ["Correct.", "That's right", "Exactly", "Right", "spot on thanks"]
        ],
        (
            [
                ("user", "تحویل سفارش پنجشنبه ۱۵ خرداده"),
                ("assistant", "باشه"),
                ("user", "میشه یه روز دیرتر بفرستید؟"),
                ("assistant", "یعنی جمعه ۱۶ خرداد، درسته؟"),
                ("user", "درسته"),
            ],
            "جمعه ۱۶ خرداد",
        ),
    ],
)
def test_a_confirmed_read_back_of_a_change_asked_for_takes_it(
    said: list[tuple[str, str]], new: str
) -> None:
    assert current(conversation(*said))["delivery_date"] == new


@pytest.mark.parametrize(
    ("first", "said", "new"),
    [
        (
            "The delivery is on Wednesday 5 June.",
            "Unfortunately the courier has moved your delivery to Thursday 6 June, is that OK?",
            "Thursday 6 June",
        ),
        (
            "تحویل سفارش پنجشنبه ۱۵ خرداده",
            "متاسفانه تحویل به شنبه ۱۷ خرداد منتقل شد، مشکلی نیست؟",
            "شنبه ۱۷ خرداد",
        ),
        (
            "ส่งของวันที่ 12 มีนาคมค่ะ",
            "ขนส่งเลื่อนเป็นวันที่ 13 มีนาคมแล้ว สะดวกไหมคะ",
            "วันที่ 13 มีนาคม",
        ),
    ],
)
def test_a_change_said_done_inside_a_question_moves_at_once(
    first: str, said: str, new: str
) -> None:
    """The question asks about a change made, whatever the reply ("Hmm, not ideal.")."""
    facts = conversation(("user", first), ("assistant", said), ("user", "Hmm."))
    assert current(facts)["delivery_date"] == new


def test_a_question_with_the_change_in_a_participle_still_proposes() -> None:
    facts = conversation(
        ("user", "The delivery is on Wednesday 5 June."),
        ("assistant", "Would you like it moved to Thursday 6 June instead?"),
        ("user", "Hmm, let me check my diary."),
    )
    assert current(facts)["delivery_date"] == "Wednesday 5 June"


#: (first, the assistant's message: a proposal and then another question or way, a bare
#: confirmation that may answer the other, the held value)
_UNSURE_YESES = [
    (
        "The delivery is on Wednesday 5 June.",
        "Shall I move it to Thursday 6 June instead? And 07700 900481 is still the best"
        " number to reach you, correct?",
        "Correct.",
        "Wednesday 5 June",
    ),
    (
        "ส่งของวันที่ 12 มีนาคมค่ะ",
        "สะดวกให้ส่งวันที่ 13 มีนาคมแทนไหมคะ หรือจะรอรับวันที่ 12 มีนาคมเหมือนเดิมคะ",
        "ค่ะ",
        "วันที่ 12 มีนาคม",
    ),
    (
        "ส่งของวันที่ 12 มีนาคมค่ะ",
        "สะดวกให้ส่งวันที่ 13 มีนาคมแทนไหมคะ แล้วเบอร์ 081-234-5678 ยังติดต่อได้อยู่ใช่ไหมคะ",
        "ถูกต้องค่ะ",
        "วันที่ 12 มีนาคม",
    ),
    (
        "تحویل سفارش پنجشنبه ۱۵ خرداده",
        "به جاش شنبه ۱۷ خرداد بفرستیم؟ آدرس هم همون خیابان ولیعصر پلاک ۱۲ هست، درسته؟",
        "درسته",
        "پنجشنبه ۱۵ خرداد",
    ),
    (
        "The delivery is on Wednesday 5 June.",
        "Shall I move it to Thursday 6 June instead?",
        "Exactly what time would the driver come on Thursday?",
        "Wednesday 5 June",
    ),
]


@pytest.mark.parametrize(("first", "asked", "reply", "held"), _UNSURE_YESES)
def test_a_yes_that_may_answer_another_question_takes_no_proposal(
    first: str, asked: str, reply: str, held: str
) -> None:
    facts = conversation(("user", first), ("assistant", asked), ("user", reply))
    assert current(facts)["delivery_date"] == held


def test_a_reply_naming_the_proposal_takes_it_beside_another_question() -> None:
    facts = conversation(
        ("user", "The delivery is on Wednesday 5 June."),
        ("assistant", "Shall I move it to Thursday 6 June instead? Or keep Wednesday?"),
        ("user", "Thursday 6 June is fine."),
    )
    assert current(facts)["delivery_date"] == "Thursday 6 June"
