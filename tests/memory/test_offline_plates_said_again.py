"""A Thai plate put right by its letters and new digits («แก้เป็น บจ 6281» after «บจ 6218») is
the held plate's, no sum (issue 18: it had replaced the deposit in its history); a number
after other letters, or with no plate held, is not a plate."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of

_PLATE = ("vehicle_plate", "ทะเบียน บจ 6218")
_DEPOSIT = ("deposit", "3,000 บาท")


def test_a_plate_put_right_by_its_letters_stays_the_plate() -> None:
    facts = facts_of(
        ("user", "ผมให้ทะเบียนผิดครับ"),
        ("assistant", "555 แก้เป็น บจ 6281 สงขลา ครับ ✅"),
        known=[_PLATE, _DEPOSIT],
    )
    assert facts == {"vehicle_plate": "6281"}


@pytest.mark.parametrize(
    ("said", "known"),
    [
        ("แก้เป็น ลด 500 ครับ", [_PLATE]),
        ("555 แก้เป็น บจ 6281 สงขลา ครับ ✅", [_DEPOSIT]),
    ],
    ids=["other-letters", "no-plate-held"],
)
def test_a_number_not_after_a_held_plates_letters_is_no_plate(
    said: str, known: list[tuple[str, str]]
) -> None:
    assert "vehicle_plate" not in facts_of(("assistant", said), known=known)


@pytest.mark.parametrize(
    ("said", "known"),
    [
        ("เริ่มงาน ชม 9 ครับ", [("vehicle_plate", "ชม 2234")]),
        ("น้ำหนักรวม กก 350 ครับ", [("vehicle_plate", "กก 4521"), _DEPOSIT]),
    ],
    ids=["hours", "kilograms"],
)
def test_a_number_of_other_length_after_the_plates_letters_is_no_plate(
    said: str, known: list[tuple[str, str]]
) -> None:
    """«ชม» (hours) and «กก» (kilograms) are also plate letters: a number of another length
    than the held plate's digits after them is no plate put right."""
    facts = facts_of(("user", said), known=known)
    assert "vehicle_plate" not in facts
