"""An English or Thai no puts right the value the assistant just read back ("So that's
12 March, is that right?" "No, 14 March."; «วันที่ 12 มีนาคม ใช่ไหมคะ» «ไม่ค่ะ 14
มีนาคม»): the value it gives, in the reply or the message after a bare no, replaces the
read-back one, which goes to the history. A no that names the value again ("No, 12 March
is fine"), adds to it ("No, and also …"), thanks, names a subject of its own ("No, my
birthday is 14 March"), or turns an offer down ("Shall I book 12 March?") puts nothing
right."""

from __future__ import annotations

import pytest

from domain.memory.offline.read_back_noes import as_read_back_correction
from tests.memory.test_offline_facts_dialogue import conversation, current, history

_EN_FIRST = "Please deliver on 12 March."
_TH_FIRST = "ส่งของวันที่ 12 มีนาคมค่ะ"

#: (the customer's first message, the read-back, the replies, key, old value, new value)
PUT_RIGHT = [
    (_EN_FIRST, "So that's 12 March, is that right?", ["No, 14 March."], "delivery_date"),
    (_EN_FIRST, "So that's 12 March, is that right?", ["No. 14 March"], "delivery_date"),
    (_EN_FIRST, "So 12 March, correct?", ["Nope, it's 14 March."], "delivery_date"),
    (_EN_FIRST, "Thanks. 12 March, right?", ["No 14 March"], "delivery_date"),
    (_EN_FIRST, "Got it: 12 March. Is that right?", ["No, 14 March."], "delivery_date"),
    (_EN_FIRST, "So that's 12 March, is that right?", ["No.", "14 March."], "delivery_date"),
    (_TH_FIRST, "วันที่ 12 มีนาคม ใช่ไหมคะ", ["ไม่ค่ะ 14 มีนาคม"], "delivery_date"),
    (_TH_FIRST, "ขอทวนนะคะ 12 มีนาคม ถูกไหมคะ", ["ไม่ใช่ 14 มีนาคมค่ะ"], "delivery_date"),
    (_TH_FIRST, "วันที่ 12 มีนาคม ใช่ไหมคะ", ["ไม่ค่ะ", "14 มีนาคมค่ะ"], "delivery_date"),
    # words that give the value instead
    (_EN_FIRST, "So that's 12 March, is that right?", ["No, make it 14 March."], "delivery_date"),
    (_EN_FIRST, "So 12 March, correct?", ["No, sorry, it should be 14 March."], "delivery_date"),
    (_TH_FIRST, "วันที่ 12 มีนาคม ใช่ไหมคะ", ["ไม่ค่ะ เป็น 14 มีนาคม"], "delivery_date"),
]
#: the old and the new value of each case above, by language
_VALUES = {"en": ("12 March", "14 March"), "th": ("วันที่ 12 มีนาคม", "14 มีนาคม")}


@pytest.mark.parametrize(("first", "read_back", "replies", "key"), PUT_RIGHT)
def test_a_value_after_a_no_to_a_read_back_replaces_it(
    first: str, read_back: str, replies: list[str], key: str
) -> None:
    old, new = _VALUES["en" if first == _EN_FIRST else "th"]
    facts = conversation(
        ("user", first), ("assistant", read_back), *(("user", reply) for reply in replies)
    )
    assert current(facts)[key] == new
    assert history(facts, key) == [old]


@pytest.mark.parametrize(
    ("first", "read_back", "reply", "key", "old", "new"),
    [
        (
            "I'd like a table for 4 people on Friday.",
            "So that's 4 people, correct?",
            "No, 5 people.",
            "guest_count",
            "table for 4 people",
            "5 people",
        ),
        (
            "Can you book the engineer for 3pm on Tuesday?",
            "So 3pm on Tuesday. Is that right?",
            "Nope. 4pm",
            "appointment_time",
            "3pm",
            "4pm",
        ),
    ],
)
def test_a_time_or_a_count_read_back_is_put_right_too(
    first: str, read_back: str, reply: str, key: str, old: str, new: str
) -> None:
    facts = conversation(("user", first), ("assistant", read_back), ("user", reply))
    assert current(facts)[key] == new
    assert history(facts, key) == [old]


#: (the read-back or offer, the reply): the date held stays, with no history
NEAR_MISSES = [
    (_EN_FIRST, "So that's 12 March, is that right?", "No, 12 March is fine."),
    (_EN_FIRST, "So that's 12 March, is that right?", "No, and also ring me first."),
    (_EN_FIRST, "So that's 12 March, is that right?", "No thanks, that's all."),
    (_EN_FIRST, "So that's 12 March, is that right?", "No, my birthday is 14 March."),
    (_EN_FIRST, "Shall I book 12 March, then?", "No, 14 March."),  # an offer turned down
    (_EN_FIRST, "Would you like me to book 12 March?", "No, 14 March."),
    (_TH_FIRST, "วันที่ 12 มีนาคม ใช่ไหมคะ", "ไม่ใช่ค่ะ 12 มีนาคมถูกแล้ว"),
    (_TH_FIRST, "วันที่ 12 มีนาคม ใช่ไหมคะ", "ไม่เป็นไรค่ะ 12 มีนาคม"),
    # a no that gives the date of something else, or asks about one
    (_EN_FIRST, "So that's 12 March, is that right?", "No, I'm away until 20 March."),
    (_EN_FIRST, "So that's 12 March?", "No, I'm away until 20 March, is that a problem?"),
    (_EN_FIRST, "So that's 12 March, correct?", "No, I'm on holiday from 20 March."),
    (_EN_FIRST, "So that's 12 March, correct?", "No, 20 March?"),
    (_TH_FIRST, "วันที่ 12 มีนาคม ใช่ไหมคะ", "ไม่ค่ะ ไม่อยู่บ้านถึงวันที่ 20 มีนาคม"),
    (_TH_FIRST, "วันที่ 12 มีนาคม ใช่ไหมคะ", "ไม่ค่ะ ไม่ว่างถึงวันที่ 20 มีนาคม"),
]


@pytest.mark.parametrize(("first", "asked", "reply"), NEAR_MISSES)
def test_a_no_that_corrects_no_read_back_replaces_nothing(
    first: str, asked: str, reply: str
) -> None:
    facts = conversation(("user", first), ("assistant", asked), ("user", reply))
    old, _ = _VALUES["en" if first == _EN_FIRST else "th"]
    assert current(facts)["delivery_date"] == old
    assert history(facts, "delivery_date") == []


#: (the reply, the assistant's question, what the memory held): the reply read as it is
READ_AS_IT_IS = [
    ("No, 14 March.", "Shall I move it to 12 March?", ["12 March"]),  # an offer
    ("No, 14 March.", "Do you want 12 March instead?", ["12 March"]),
    ("No worries, 14 March.", "So that's 12 March, is that right?", ["12 March"]),
    ("No, 14 March.", "So that's 12 March, is that right?", ["20 March"]),  # never held
    ("No, 14 March.", "12 March is free. Does that work?", ["12 March"]),  # no read-back
    ("No, 12 March is right.", "So that's 12 March, is that right?", ["12 March"]),
    ("No, and 14 March too.", "So that's 12 March, is that right?", ["12 March"]),
    ("ไม่ค่ะ 14 มีนาคม", "สะดวกให้ส่งวันที่ 12 มีนาคมแทนไหมคะ", ["12 มีนาคม"]),  # an offer
    ("ไม่ต้องค่ะ 14 มีนาคม", "วันที่ 12 มีนาคม ใช่ไหมคะ", ["12 มีนาคม"]),  # no need
    # a time of something else
    ("No, I'm at work until 3pm that day.", "So 10am Friday, is that right?", ["10am"]),
]


@pytest.mark.parametrize(("reply", "asked", "held"), READ_AS_IT_IS)
def test_a_no_to_no_read_back_is_read_as_it_is(reply: str, asked: str, held: list[str]) -> None:
    assert as_read_back_correction(reply, asked, held) == (reply, 0)


#: (the reply, the read-back, what the memory held, the reply as read, characters added)
READ_AS_A_CORRECTION = [
    ("No, 14 March.", "So that's 12 March, is that right?", ["12 March"], "Actually, 14 March.", 6),
    ("No 14 March", "12 March, right?", ["12 March"], "Actually, 14 March", 7),
    ("ไม่ค่ะ 14 มีนาคม", "วันที่ 12 มีนาคม ใช่ไหมคะ", ["12 มีนาคม"], "ที่ถูกคือ 14 มีนาคม", 3),
]


@pytest.mark.parametrize(("reply", "asked", "held", "read", "added"), READ_AS_A_CORRECTION)
def test_a_no_to_a_read_back_is_read_as_a_correction(
    reply: str, asked: str, held: list[str], read: str, added: int
) -> None:
    assert as_read_back_correction(reply, asked, held) == (read, added)
