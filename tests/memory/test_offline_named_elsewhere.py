"""Places, teachers and people the offline engine used to store nowhere: a club named with
"as your home club", a teacher or coach by title («Teacher Olivia», «ครู Olivia»), a club
kept by its name alone ("yeah keep Deansgate"), a name given to a Persian agent who said what
they need rather than asked («یه اسم و شماره تماس لازم دارم»)."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept
from tests.memory.test_offline_facts_dialogue import facts_of


def _details(*turns: tuple[str, str]) -> list[str]:
    lines = [
        TranscriptLine(index + 1, f"m{index + 1}", role, text)
        for index, (role, text) in enumerate(turns)
    ]
    return [detail.text for detail in details_of(lines)]


def test_a_club_named_as_the_home_club_is_the_club() -> None:
    said = "I can see you're on our Off-Peak membership with Deansgate as your home club."
    assert facts_of(("assistant", said))["club"] == "Deansgate"


@pytest.mark.parametrize(
    ("role", "text", "name"),
    [
        ("assistant", "แต่ที่กังสดาลสอนโดย Teacher Olivia นะคะ", "Olivia"),
        ("assistant", "ครู Olivia เป็นหัวหน้าหลักสูตรค่ะ", "Olivia"),
        ("user", "my daughter's teacher, Emma Hart, said she's ready", "Emma Hart"),
    ],
)
def test_a_teacher_named_by_title_is_kept(role: str, text: str, name: str) -> None:
    assert facts_of((role, text))["trainer_name"] == name


def test_a_thai_word_after_the_word_for_teacher_names_no_one() -> None:
    assert "trainer_name" not in facts_of(("assistant", "เป็นครูชาวออสเตรเลียค่ะ"))


@pytest.mark.parametrize(
    "text",
    [
        "I spoke to her teacher Friday and she agreed",
        "Her tutor Tuesday said it's fine",
        "อยากเรียนกับครู Native ค่ะ",
        "มีคลาสครู English Program ไหมคะ",
    ],
)
def test_a_day_or_a_kind_of_class_after_the_word_for_teacher_names_no_one(text: str) -> None:
    assert "trainer_name" not in facts_of(("user", text))


def test_an_option_kept_by_its_name_is_an_instruction() -> None:
    kept = clauses_kept(
        [Candidate("yeah keep Deansgate. and tbh i dont need flex", "User", (0, 0))]
    )
    assert ("keep Deansgate", "instruction") in [(c.text, c.kind) for c in kept]


@pytest.mark.parametrize(
    "asked",
    ["ممنون. برای پذیرش یه اسم و شماره تماس هم لازم دارم", "برای ثبت، نام کامل نیاز داریم"],
)
def test_a_name_given_to_a_persian_agent_who_needs_one_is_kept(asked: str) -> None:
    details = _details(("assistant", asked), ("user", "امیرحسین دهقان"))
    assert any("امیرحسین دهقان" in text for text in details)
