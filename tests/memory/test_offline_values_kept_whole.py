"""Values a chat states that the offline engine used to lose whole: a Persian date with the
spoken «is» written onto its month («۱۲ خرداده»), a line's speed down and up in any language
(«۱۰۰/۲۰ مگابیت», "100/20 Mbps", «300/100 เมกะบิต»), an option taken by its name with its kind
before it in Thai («เอาแพ็กเกจ Gold ค่ะ») and by its name alone in Persian («Gold رو می‌خوام»)."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values, measured
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("تاریخ ورود ۱۲ خرداده", "۱۲ خرداد"),
        ("پروازم ۳ آبانه، درسته؟", "۳ آبان"),
        ("قرارداد از ۲۰ تا ۲۳ اسفنده.", "۲۰ تا ۲۳ اسفند"),
        ("تحویل ۵ دی‌ه", "۵ دی"),
    ],
)
def test_a_persian_month_with_is_written_onto_it_is_a_date(text: str, date: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.DATE, date)]


@pytest.mark.parametrize(
    "text",
    [
        "۵ مهره دارم",  # five beads: the «ه» is no «is» when the clause goes on
        "۳ تیره کم داریم",
    ],
)
def test_a_word_that_only_begins_with_a_month_is_no_date(text: str) -> None:
    assert Kind.DATE not in {v.kind for v in find_values(text)}


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("سرعت ۱۰۰/۲۰ مگابیت باشه", "۱۰۰/۲۰ مگابیت"),
        ("اینترنت ۵۰ مگابیت بر ثانیه دارم", "۵۰ مگابیت"),
        ("the line is 100/20 Mbps now", "100/20 Mbps"),
        ("we get about 35 Mbit/s", "35 Mbit/s"),
        ("ความเร็ว 300/100 เมกะบิต ค่ะ", "300/100 เมกะบิต"),
        ("แพ็กเกจ 1000/500 Mbps ครับ", "1000/500 Mbps"),
    ],
)
def test_a_speed_down_and_up_is_one_measure(text: str, speed: str) -> None:
    values = [v for v in find_values(text) if v.kind is Kind.MEASURE]
    assert [(v.text, measured(v)) for v in values] == [(speed, "speed")]


@pytest.mark.parametrize("text", ["page 10/20 of the form", "ตอบถูก 8/10 ข้อ"])
def test_a_fraction_without_a_speed_is_no_measure(text: str) -> None:
    assert Kind.MEASURE not in {v.kind for v in find_values(text)}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("سرعت ۱۰۰/۲۰ مگابیت باشه", "speed", "۱۰۰/۲۰ مگابیت"),
        ("ความเร็ว 300/100 เมกะบิต ค่ะ", "speed", "300/100 เมกะบิต"),
        ("تاریخ ورود ۱۲ خرداده", "check_in_date", "۱۲ خرداد"),
    ],
)
def test_the_value_is_a_fact(text: str, key: str, value: str) -> None:
    assert facts_of(("user", text))[key] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("เอาแพ็กเกจ Gold ค่ะ", "Gold"),
        ("เลือกแผน Family ครับ", "Family"),
        ("งั้นเปลี่ยนเป็นคอร์ส Advanced เลยค่ะ", "Advanced"),
    ],
)
def test_a_thai_option_taken_with_its_kind_before_its_name(text: str, value: str) -> None:
    assert facts_of(("user", text))["chosen_option"] == value


def test_a_thai_room_taken_stays_a_room() -> None:
    found = facts_of(("user", "ขอเปลี่ยนเป็นห้อง Pool Villa ค่ะ"))
    assert found.get("room_type") == "Pool Villa"
    assert "chosen_option" not in found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("خب Gold رو می‌خوام", "Gold"),
        ("همون Express رو بذارید", "Express"),
        ("Silver رو انتخاب می‌کنم", "Silver"),
        ("پس Pro رو فعال کنید", "Pro"),
        ("باشه، Express رو برمی‌دارم", "Express"),
    ],
)
def test_a_persian_option_taken_by_its_name(text: str, value: str) -> None:
    assert facts_of(("user", text))["chosen_option"] == value


@pytest.mark.parametrize(
    ("role", "text"),
    [
        ("user", "Gold رو نمی‌خوام"),  # not wanted
        ("assistant", "Gold رو پیشنهاد می‌کنم"),  # suggested, not taken
        ("user", "اگه Gold رو بگیرم چقدر میشه"),  # only weighed
        ("user", "Gold رو بذارم؟"),  # asked
        ("user", "SMS رو فعال کنید"),  # a feature switched on
        ("user", "دکترم Sara باشه"),  # a person, no option
        ("user", "ถ้าเอาแพ็กเกจ Gold จะแพงไหมคะ"),  # only weighed
    ],
)
def test_no_option_taken(role: str, text: str) -> None:
    assert "chosen_option" not in facts_of((role, text))


@pytest.mark.parametrize(
    ("first", "second", "old", "new"),
    [
        ("خب Gold رو می‌خوام", "نه ببخشید، همون Silver رو بذارید", "Gold", "Silver"),
        ("เอาแพ็กเกจ Gold ค่ะ", "เอ๊ะ ขอเปลี่ยนเป็นแผน Family ดีกว่าค่ะ", "Gold", "Family"),
    ],
)
def test_a_later_pick_replaces_the_earlier(first: str, second: str, old: str, new: str) -> None:
    facts = conversation(("user", first), ("assistant", "ok"), ("user", second))
    assert current(facts)["chosen_option"] == new
    assert history(facts, "chosen_option") == [old]
