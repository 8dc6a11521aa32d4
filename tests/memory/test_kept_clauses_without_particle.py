"""A bare answer a detail keeps holds what it says, not the polite particle closing it («ป.3
ค่ะ» answers «ป.3», «จ่ายเงินสดค่ะ» «จ่ายเงินสด»): the compact form then drops the particle as
it drops it after any value (``domain.context.thai_trims``), and the same answer said with
and without it is one value (``domain.memory.offline.kept_clauses``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _kept(*turns: tuple[str, str]) -> list[tuple[str, str]]:
    unit = [Candidate(text, speaker, (index, 0)) for index, (speaker, text) in enumerate(turns)]
    return [(clause.text, clause.kind) for clause in clauses_kept(unit)]


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            [("Assistant", "ตอนนี้น้องเรียนชั้นไหนคะ"), ("User", "ป.3 ค่ะ")],
            [("ป.3", "choice")],
        ),
        (
            [("Assistant", "แล้วชื่อผู้ปกครองคะ"), ("User", "กมลชนก วงศ์ใหญ่ ค่ะ")],
            [("กมลชนก วงศ์ใหญ่", "person")],
        ),
        (
            [("Assistant", "สะดวกชำระแบบไหนคะ"), ("User", "โอนพร้อมเพย์ค่ะๆ")],
            [("โอนพร้อมเพย์", "choice")],
        ),
    ],
)
def test_a_thai_answer_is_kept_without_its_closing_particle(
    turns: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _kept(*turns) == expected


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        # a word that ends like a particle keeps its letters: «คุ้มค่า», worth it
        (
            [("Assistant", "สนใจแพ็กเกจไหนคะ"), ("User", "แพ็กเกจที่คุ้มค่า")],
            [("แพ็กเกจที่คุ้มค่า", "choice")],
        ),
        # a clause that is no bare answer is kept as said
        ([("User", "งั้นโอนพร้อมเพย์ค่ะ")], [("งั้นโอนพร้อมเพย์ค่ะ", "choice")]),
        # English and Persian answers are kept as before
        (
            [("Assistant", "What's your name?"), ("User", "Sarah Jones, thanks.")],
            [("Sarah Jones, thanks", "person")],
        ),
        (
            [("Assistant", "اسمتون چیه؟"), ("User", "سارا احمدی هستم.")],
            [("سارا احمدی هستم", "person")],
        ),
    ],
)
def test_other_endings_stay(turns: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    assert _kept(*turns) == expected
