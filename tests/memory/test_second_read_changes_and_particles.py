"""A held start, end, check-in or move-in day put right by a word of change in a later batch
is moved; a Thai name ending in «นะ» keeps it when its particle is dropped."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept
from tests.memory.test_offline_date_slots import values_by_key


@pytest.mark.parametrize(
    ("known", "message", "key", "new"),
    [
        (
            [("check_in_date", "1 June")],
            "Can I move it to 3 June instead?",
            "check_in_date",
            "3 June",
        ),
        ([("start_date", "1 June")], "Sorry, it's 3 June not 1 June", "start_date", "3 June"),
        ([("end_date", "۳۰ شهریور")], "ببخشید اشتباه گفتم، ۳ مهر", "end_date", "۳ مهر"),
        ([("end_date", "1 ก.ค.")], "ขอเปลี่ยนเป็น 5 ก.ค. แทนได้ไหมคะ", "end_date", "5 ก.ค."),
    ],
    ids=["en-instead", "en-not", "fa", "th"],
)
def test_a_held_span_day_is_moved_by_a_word_of_change(
    known: list[tuple[str, str]], message: str, key: str, new: str
) -> None:
    assert values_by_key(known, ("user", message)).get(key) == new


def test_a_bare_later_day_still_moves_no_held_start() -> None:
    facts = values_by_key([("start_date", "1 June")], ("user", "Sounds good. What about 3 June?"))
    assert "start_date" not in facts


def _kept(*turns: tuple[str, str]) -> list[tuple[str, str]]:
    unit = [Candidate(text, speaker, (index, 0)) for index, (speaker, text) in enumerate(turns)]
    return [(clause.text, clause.kind) for clause in clauses_kept(unit)]


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("วิชัย มานะครับ", "วิชัย มานะ"),
        ("คุณชนะค่ะ", "คุณชนะ"),
        ("กมลชนก วงศ์ใหญ่ นะคะ", "กมลชนก วงศ์ใหญ่"),
    ],
)
def test_a_thai_name_ending_in_na_keeps_it(answer: str, name: str) -> None:
    assert _kept(("Assistant", "แล้วชื่อผู้ปกครองคะ"), ("User", answer)) == [(name, "person")]
