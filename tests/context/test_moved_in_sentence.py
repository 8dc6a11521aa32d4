"""A sentence that names a value's old and new value together marks the old one."""

from __future__ import annotations

from domain.context.moved_in_sentence import mark_moved_in_sentence


def test_a_value_moved_from_one_to_another_marks_the_first_in_every_language() -> None:
    cases = [
        (
            "Assistant: I've moved your fitting from Tuesday 8 April to Thursday 10 April.",
            "Tuesday 8 April (replaced: Thursday 10 April)",
        ),
        (
            "Assistant: اجاره از ۸ میلیون تومان به ۹ میلیون تومان تغییر کرد.",
            "۸ میلیون تومان (replaced: ۹ میلیون تومان)",
        ),
        (
            "Assistant: ย้ายรอบตรวจจาก 09:30 น. เป็น 13:15 น. แล้วค่ะ",
            "09:30 น. (replaced: 13:15 น.)",
        ),
    ]
    for sentence, marked in cases:
        assert marked in mark_moved_in_sentence(sentence)


def test_an_earlier_value_with_its_subject_between_is_marked() -> None:
    text = mark_moved_in_sentence(
        "Assistant: เดิมรอบสอบวันศุกร์ที่ 7 มี.ค. ทางโรงเรียนเลื่อนเป็นวันจันทร์ที่ 10 มี.ค. ค่ะ"
    )
    assert "วันศุกร์ที่ 7 มี.ค. (replaced: วันจันทร์ที่ 10 มี.ค.)" in text
    text = mark_moved_in_sentence(
        "Assistant: Originally the audit was on 3 June, we moved it to 17 June."
    )
    assert "3 June (replaced: 17 June)" in text


def test_the_value_said_instead_of_another_is_the_new_one() -> None:
    text = mark_moved_in_sentence(
        "Assistant: I changed the tasting to Friday 6 June instead of Monday 2 June."
    )
    assert "Monday 2 June (replaced: Friday 6 June)" in text
    assert "Friday 6 June (replaced" not in text


def test_ranges_lists_and_unrelated_values_are_not_marked() -> None:
    unchanged = [
        "Assistant: The pool is open from 7am to 9pm.",
        "User: ค่าคอร์สคนละ 3,200 บาท ได้เงินคืน 3,150 บาท",
        "Assistant: دو گزینه داریم: ۱۲ میلیون تومان یا ۱۵ میلیون تومان.",
        "Assistant: The parcel left on 2 May. We changed the courier fee to $12.",
        "Assistant: I changed the booking; breakfast is served from 7am to 10am.",
    ]
    for text in unchanged:
        assert mark_moved_in_sentence(text) == text


def test_a_sentence_marked_already_is_marked_once() -> None:
    once = mark_moved_in_sentence("Assistant: We moved it from 4 May to 9 May.")
    assert mark_moved_in_sentence(once) == once
