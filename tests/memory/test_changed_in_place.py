"""A detail that says both the old value and the new one records the old one replaced, in
itself and where it was said before (``detail_changes._changes_within``,
``changed_in_place``): "moved … from A to B", "B instead of A", a value quoted then changed
in the answer. A range, or a value the answer keeps, is no change."""

from __future__ import annotations

import pytest

from domain.memory.detail_changes import value_changes
from domain.memory.details import kept_details
from schemas.memory_model import Detail
from tests.context.factories import detail


def _replaced(*details: Detail) -> set[tuple[str, str, int]]:
    """(old, new, position of the detail recording it) of every change a fold stores."""
    return {(r.old, r.new, d.first_position) for d in kept_details([], details) for r in d.replaced}


@pytest.mark.parametrize(
    ("offered", "moved", "old", "new"),
    [
        (
            "Assistant: The first available appointment is Monday 2 December.",
            "Assistant: I've moved the engineer visit from Monday 2 December to Tuesday 3 "
            "December.",
            "Monday 2 December",
            "Tuesday 3 December",
        ),
        (
            "Assistant: نوبت نصب ۱۲ آبان هست.",
            "Assistant: نوبت نصب رو از ۱۲ آبان به ۱۵ آبان تغییر دادم.",
            "۱۲ آبان",
            "۱۵ آبان",
        ),
        (
            "Assistant: นัดช่างวันที่ 5 ม.ค. ค่ะ",
            "Assistant: เลื่อนนัดช่างจากวันที่ 5 ม.ค. เป็นวันที่ 8 ม.ค. แล้วค่ะ",
            "วันที่ 5 ม.ค.",
            "วันที่ 8 ม.ค.",
        ),
    ],
)
def test_moved_from_one_value_to_another_in_every_language(
    offered: str, moved: str, old: str, new: str
) -> None:
    first = detail(36, offered, [old], "date")
    change = detail(92, moved, [old, new], "date")
    assert _replaced(first, change) == {(old, new, 36), (old, new, 92)}


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (
            "Assistant: With CarePlus the hinge repair costs the $49.00 deductible instead of "
            "$189.00.",
            "$189.00",
            "$49.00",
        ),
        (
            "Assistant: هزینه میشه ۴۹۰ هزار تومان به جای ۱۸۹۰ هزار تومان.",
            "۱۸۹۰ هزار تومان",
            "۴۹۰ هزار تومان",
        ),
        ("Assistant: ค่าซ่อมเป็น 490 บาท ไม่ใช่ 1890 บาท ค่ะ", "1890 บาท", "490 บาท"),
    ],
)
def test_a_value_named_wrong_beside_the_new_one_in_every_language(
    text: str, old: str, new: str
) -> None:
    values = [new, old] if text.find(new) < text.find(old) else [old, new]
    assert (old, new, 58, 58) in {
        (c.old, c.new, 58 + c.older, 58 + c.newer)
        for c in value_changes([detail(58, text, values, "amount")])
    }


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (
            "User: wait april 14...\nAssistant: Sure thing, I've penciled you in for April 21 "
            "instead.",
            "april 14",
            "April 21",
        ),
        ("User: ۱۴ آبان؟\nAssistant: بله، به جای اون ۲۱ آبان رو ثبت کردم.", "۱۴ آبان", "۲۱ آبان"),
        (
            "User: วันที่ 14 เม.ย. เหรอคะ\nAssistant: ได้ค่ะ เลื่อนเป็นวันที่ 21 เม.ย. แทนค่ะ",
            "วันที่ 14 เม.ย.",
            "วันที่ 21 เม.ย.",
        ),
    ],
)
def test_a_value_quoted_then_changed_in_the_answer_in_every_language(
    text: str, old: str, new: str
) -> None:
    start = detail(69, f"Assistant: We could start on {old}.", [old], "date")
    answer = detail(70, text, [old, new], "date", last=71)
    assert (old, new, 70) in _replaced(start, answer)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a range the change set, not a value changed
        ("Assistant: I've changed the stay to run from 3 May to 7 May.", ["3 May", "7 May"]),
        ("Assistant: اقامت از ۱۸ اسفند تا ۲۱ اسفند تغییر کرد.", ["۱۸ اسفند", "۲۱ اسفند"]),
        ("Assistant: เปลี่ยนเป็นพักตั้งแต่วันที่ 5 ม.ค. ถึงวันที่ 8 ม.ค. ค่ะ", ["วันที่ 5 ม.ค.", "วันที่ 8 ม.ค."]),
        # the question names what its value is of: the answer's change may be another thing's
        (
            "User: my flight is on the 14th, can you move the hotel?\nAssistant: Done, I've "
            "moved the hotel check-in to the 15th instead.",
            ["the 14th", "the 15th"],
        ),
        # one more, not instead
        ("User: 14 آبان؟\nAssistant: بله، ۲۱ آبان هم اضافه شد.", ["14 آبان", "۲۱ آبان"]),
    ],
)
def test_a_range_or_another_things_value_is_no_change(text: str, values: list[str]) -> None:
    assert value_changes([detail(9, text, values, "date", last=10)]) == []
