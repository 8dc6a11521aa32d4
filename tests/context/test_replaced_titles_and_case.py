"""An old value is marked however it is written: after a person's title ("Teacher Daniel",
"Dr Shah"), which is no part of a longer name, and, when it holds a digit, in the small
letters a customer types it in ("april 14" of "April 14", "ab12 cde" of "AB12 CDE")."""

from __future__ import annotations

import pytest

from domain.context.replaced import ReplacedMarks
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact


def _changed(key: str, old: str, new: str) -> Fact:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        (
            "Assistant: Your lessons are with Teacher Marcus on Tuesdays.",
            "Teacher Marcus (replaced by Priya) on Tuesdays",
        ),
        (
            "Assistant: The check-up is booked with Doctor Marcus next week.",
            "Doctor Marcus (replaced by Priya) next week",
        ),
        (
            "Assistant: รอบเย็นวันพุธสอนโดย Coach Marcus นะคะ",
            "Coach Marcus (replaced by Priya) นะคะ",
        ),
        (
            "Assistant: جلسه‌های تمرین با Coach Marcus هست.",
            "Coach Marcus (replaced by Priya) هست",
        ),
    ],
)
def test_a_name_after_a_title_is_marked(text: str, marked: str) -> None:
    marks = ReplacedMarks([_changed("trainer_name", "Marcus", "Priya")])
    assert marked in marks.mark(text)


def test_a_name_after_another_name_stays_unmarked() -> None:
    """A capitalised word that is no title still makes the value part of a longer name."""
    marks = ReplacedMarks([_changed("service_tier", "Express", "Standard")])
    text = "Assistant: It goes with SwiftPost Express tomorrow."
    assert marks.mark(text) == text


@pytest.mark.parametrize(
    ("key", "old", "new", "text", "marked"),
    [
        (
            "install_date",
            "April 14",
            "April 22",
            "User: hmm i thought april 14 was the install day",
            "april 14 (replaced by April 22)",
        ),
        (
            "vehicle_registration",
            "KT19 BXR",
            "KT19 BRX",
            "User: the reg is kt19 bxr if that helps",
            "kt19 bxr (replaced by KT19 BRX)",
        ),
        (
            "order_number",
            "AB-4471",
            "AB-4417",
            "User: شماره سفارشم ab-4471 بود",
            "ab-4471 (replaced by AB-4417)",
        ),
        (
            "tracking_number",
            "HK-5520",
            "HK-5502",
            "User: เลขพัสดุ hk-5520 ค่ะ",
            "hk-5520 (replaced by HK-5502)",
        ),
    ],
)
def test_a_value_with_a_digit_is_marked_in_small_letters(
    key: str, old: str, new: str, text: str, marked: str
) -> None:
    marks = ReplacedMarks([_changed(key, old, new)])
    assert marked in marks.mark(text)


def test_a_name_without_a_digit_in_small_letters_stays_unmarked() -> None:
    """In small letters "rose" is the flower, not the replaced colour name "Rose"."""
    marks = ReplacedMarks([_changed("colour_name", "Rose", "Sage")])
    text = "User: we planted a rose bush by the door"
    assert marks.mark(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "User: parking b2 level is closed on weekends",
        "User: ที่จอดรถชั้น b2 ปิดวันอาทิตย์ค่ะ",
        "User: پارکینگ طبقه b2 بسته‌ست",
    ],
)
def test_a_short_code_in_small_letters_stays_unmarked(text: str) -> None:
    """In small letters "b2" is any level, seat or sheet size, not the replaced bay "B2"."""
    marks = ReplacedMarks([_changed("parking_bay", "B2", "B3")])
    assert marks.mark(text) == text


def test_a_short_code_as_written_is_still_marked() -> None:
    marks = ReplacedMarks([_changed("parking_bay", "B2", "B3")])
    assert "B2 (replaced by B3)" in marks.mark("Assistant: Your bay is B2 from Monday.")


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("User: my old iphone 13 goes back then?", "iphone 13 (replaced by iPhone 15)"),
        ("User: the iPhone 13 was too small", "iPhone 13 (replaced by iPhone 15)"),
        ("User: ok. IPhone 13 is out then", "IPhone 13 (replaced by iPhone 15)"),
        ("User: เครื่อง iphone 13 ส่งคืนได้ไหมคะ", "iphone 13 (replaced by iPhone 15)"),
    ],
)
def test_a_value_opening_in_small_letters_is_looked_for_in_each_spelling_it_marks(
    text: str, marked: str
) -> None:
    """The small letters its mark pattern matches are looked for too: "iphone 13"."""
    marks = ReplacedMarks([_changed("phone_model", "iPhone 13", "iPhone 15")])
    assert marked in marks.mark(text)
