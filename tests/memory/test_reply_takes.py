"""The words of a reply that takes what was offered, agrees to what was asked or grants it
stand once (``domain.memory.offline.reply_takes``); each rule that reads such a reply takes
the words of yes and the groups its job needs, in every language."""

from __future__ import annotations

import pytest

from domain.memory.agreed_changes import agreed_change
from domain.memory.offline.granted_requests import asked_and_granted
from domain.memory.offline.party_sizes import offered_size_taken
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.turned_down import turned_down_for


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "User: could we move it to Saturday 19 September instead?\nAssistant: Yup.",
            "Saturday 19 September",
        ),
        (
            "User: can we switch to Friday 6 March instead?\nAssistant: That works.",
            "Friday 6 March",
        ),
        ("User: به جاش جمعه ساعت ۶ میشه؟\nAssistant: چشم، ثبت شد.", "جمعه ساعت ۶"),
        ("User: به جاش جمعه ساعت ۶ میشه؟\nAssistant: بلی.", "جمعه ساعت ۶"),
        ("User: ขอเป็นวันเสาร์ที่ 7 ธ.ค. ได้มั้ยคะ\nAssistant: ได้แน่นอนครับ", "7 ธ.ค."),
        ("User: ขอเปลี่ยนเป็นวันเสาร์ที่ 7 ธ.ค. ได้มั้ยคะ\nAssistant: ได้นะคะ", "7 ธ.ค."),
    ],
)
def test_a_change_is_agreed_to_by_every_word_of_yes(text: str, value: str) -> None:
    assert agreed_change(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "User: can we do Saturday 19 September instead?\nAssistant: Great question.",
            "Saturday 19 September",
        ),
        ("User: به جاش جمعه ساعت ۶ میشه؟\nAssistant: عالیه که پرسیدید.", "جمعه ساعت ۶"),
        ("User: ขอเป็นวันเสาร์ที่ 7 ธ.ค. ได้มั้ยคะ\nAssistant: ว่างครับ แต่ต้องถามช่างก่อน", "7 ธ.ค."),
    ],
)
def test_praise_or_a_day_said_free_agrees_to_no_change(text: str, value: str) -> None:
    # unchanged: a change may be of any kind, and praise answers no request
    assert not agreed_change(text, value)


@pytest.mark.parametrize(
    ("text", "value", "turned_down"),
    [
        (
            "User: I can't make Thursday 6 March. Could we do Friday 7 March?"
            "\nAssistant: Sounds good, see you then.",
            "Friday 7 March",
            "Thursday 6 March",
        ),
        (
            "User: I can't make Thursday 6 March. Could we do Friday 7 March?"
            "\nAssistant: All right, you're booked.",
            "Friday 7 March",
            "Thursday 6 March",
        ),
        (
            "User: پنجشنبه ۱۶ اسفند نمی‌تونم، شنبه ۱۸ اسفند چطوره؟\nAssistant: چشم، ثبت شد.",
            "شنبه ۱۸ اسفند",
            "پنجشنبه ۱۶ اسفند",
        ),
        (
            "User: پنجشنبه ۱۶ اسفند نمی‌تونم، شنبه ۱۸ اسفند چطوره؟\nAssistant: قبوله.",
            "شنبه ۱۸ اسفند",
            "پنجشنبه ۱۶ اسفند",
        ),
        (
            "User: วันพฤหัสที่ 6 มี.ค. ไม่สะดวกแล้วค่ะ ขอเป็นวันศุกร์ที่ 7 มี.ค. ได้ไหมคะ\nAssistant: ยังว่างอยู่ครับ",
            "วันศุกร์ที่ 7 มี.ค.",
            "วันพฤหัสที่ 6 มี.ค.",
        ),
        (
            "User: วันพฤหัสที่ 6 มี.ค. ไม่สะดวกแล้วค่ะ ขอเป็นวันศุกร์ที่ 7 มี.ค. ได้ไหมคะ\nAssistant: ได้แน่นอนครับ",
            "วันศุกร์ที่ 7 มี.ค.",
            "วันพฤหัสที่ 6 มี.ค.",
        ),
    ],
)
def test_a_day_turned_down_is_replaced_by_one_taken_with_every_word_of_yes(
    text: str, value: str, turned_down: str
) -> None:
    assert turned_down_for(text, value, "date") == [turned_down]


@pytest.mark.parametrize(
    ("offer", "reply", "count"),
    [
        ("Would a table for 4 work at 8pm?", "Of course.", "table for 4"),
        ("Would a table for 4 work at 8pm?", "Certainly, see you at 8.", "table for 4"),
        ("میز ۴ نفره برای ساعت ۹ داریم، خوبه؟", "قبوله", "میز ۴ نفره"),
        ("میز ۴ نفره برای ساعت ۹ داریم، خوبه؟", "مشکلی نیست", "میز ۴ نفره"),
        ("มีโต๊ะ 4 ที่ว่างตอนสามทุ่มค่ะ สะดวกไหมคะ", "ตกลงค่ะ", "โต๊ะ 4 ที่"),
        ("มีโต๊ะ 4 ที่ว่างตอนสามทุ่มค่ะ สะดวกไหมคะ", "ได้แน่นอนค่ะ", "โต๊ะ 4 ที่"),
    ],
)
def test_a_size_offered_is_taken_by_every_word_of_yes(offer: str, reply: str, count: str) -> None:
    assert offered_size_taken(offer, reply) == count


@pytest.mark.parametrize(
    "reply",
    [
        "Right, we'll think about it.",  # newly refused: "right" opens a thought, takes nothing
        "Yes, but we might be 6.",
        "Okay, not that one though.",
    ],
)
def test_a_size_offered_is_not_taken_by_a_reply_that_only_opens_or_says_but(reply: str) -> None:
    assert offered_size_taken("Would a table for 4 work at 8pm?", reply) is None


@pytest.mark.parametrize(
    ("asked", "reply", "granted"),
    [
        (
            "I'm away that weekend. Would Tuesday 17 June work?",
            "Yup, you're booked.",
            "Tuesday 17 June",
        ),
        ("Would Tuesday 17 June work?", "That's fine, see you then.", "Tuesday 17 June"),
        ("سه‌شنبه ۲۷ خرداد امکانش هست؟", "بلی، ثبت شد.", "سه\u200cشنبه ۲۷ خرداد"),
        ("วันอาทิตย์ที่ 15 มิ.ย. ได้ไหมคะ", "ได้ค่า รอบเช้าเหมือนเดิมนะคะ", "วันอาทิตย์ที่ 15 มิ.ย."),
        ("วันอาทิตย์ที่ 15 มิ.ย. ได้ไหมคะ", "ว่างคะ รอบเช้าเหมือนเดิมนะคะ", "วันอาทิตย์ที่ 15 มิ.ย."),
    ],
)
def test_a_day_asked_for_is_granted_by_every_word_of_yes(
    asked: str, reply: str, granted: str
) -> None:
    value = asked_and_granted(asked, reply)
    assert value is not None and value.text == granted


@pytest.mark.parametrize(
    "reply",
    [
        "Okay, let me check the diary.",
        "باشه، بذارید نگاه کنم.",
        "โอเคค่ะ ขอเช็กก่อนนะคะ",
        "Great question.",
    ],
)
def test_an_agents_acknowledgement_or_praise_grants_no_day(reply: str) -> None:
    # unchanged: an agent's "okay" opens a check as often as a grant
    assert asked_and_granted("Would Tuesday 17 June work?", reply) is None


def test_each_reader_names_the_groups_it_takes() -> None:
    every = taking_opening(free=True)
    yes_only = taking_opening(acknowledgements=False, praise=False)
    for reply in ("yes", "sure", "of course", "بله", "حتما", "ได้ค่ะ", "ใช่ค่ะ"):
        assert yes_only.match(reply) and every.match(reply)
    for reply in ("ok", "perfect", "باشه", "عالیه", "โอเค", "ดีค่ะ", "ว่างค่ะ"):
        assert every.match(reply) and not yes_only.match(reply)
    for reply in ("yesterday", "sureness", "right", "no", "بلیط", "ไม่ได้ค่ะ"):
        assert not every.match(reply)
