"""A kept clause is a value only when it names something: a fault feared is no fault
found, an answer of the question's own words and fillers answers nothing, and a Persian
choice that only points («همون») is the thing the question names, or nothing."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _kept(*turns: tuple[str, str]) -> list[tuple[str, str]]:
    unit = [Candidate(text, speaker, (index, 0)) for index, (speaker, text) in enumerate(turns)]
    return [(clause.text, clause.kind) for clause in clauses_kept(unit)]


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm afraid the mirror might get broken on the way",
        "worried the tiles could arrive cracked, can you pad them",
        "میترسم گلدون تو راه خراب بشه",
        "نگرانم شیشه‌ها شکسته برسن",
        "ห่อดีๆนะคะ แก้วกลัวแตก",
        "จานเซรามิกกลัวร้าวค่ะ",
    ],
)
def test_a_fault_feared_is_no_problem_found(sentence: str) -> None:
    assert [kind for _, kind in _kept(("User", sentence))] == []


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        ("the mirror arrived broken", "the mirror arrived broken"),
        ("گلدون شکسته رسید", "گلدون شکسته رسید"),
        ("จานเซรามิกร้าวค่ะ", "จานเซรามิกร้าวค่ะ"),
    ],
)
def test_a_fault_found_is_still_kept(sentence: str, clause: str) -> None:
    assert (clause, "problem") in _kept(("User", sentence))


def test_a_thai_answer_of_the_questions_words_and_fillers_answers_nothing() -> None:
    asked = ("Assistant", "ยอดที่เหลือตอนรับของจะจ่ายแบบไหนคะ")
    assert _kept(asked, ("User", "ยอดที่เหลือก็")) == []
    assert _kept(asked, ("User", "ยอดที่เหลือนะครับ")) == []
    assert _kept(asked, ("User", "จ่ายเงินสดค่ะ")) == [("จ่ายเงินสด", "choice")]


def test_an_answer_with_its_own_words_still_answers_in_english_and_persian() -> None:
    assert _kept(("Assistant", "What's your name?"), ("User", "Dana Whitfield")) == [
        ("Dana Whitfield", "person")
    ]
    assert _kept(("Assistant", "کجا تحویل بدیم؟"), ("User", "دفتر شرکت")) == [
        ("دفتر شرکت", "place")
    ]


def test_a_persian_choice_that_only_points_names_nothing_alone() -> None:
    assert _kept(("Assistant", "چه مدلی براتون بفرستیم؟"), ("User", "همون")) == []
    assert _kept(("User", "آره همین")) == []


def test_a_persian_choice_that_only_points_takes_what_the_question_names() -> None:
    asked = ("Assistant", "به همون آدرس قبلی بفرستیم؟")
    assert _kept(asked, ("User", "آره همون")) == [("به همون آدرس قبلی بفرستیم", "choice")]


def test_a_choice_that_names_its_thing_is_kept_in_every_language() -> None:
    assert _kept(("User", "باشه همون مدل مشکی رو بفرستید")) == [
        ("همون مدل مشکی رو بفرستید", "choice")
    ]
    assert ("let's go with the oak finish", "choice") in _kept(
        ("User", "let's go with the oak finish")
    )
    assert ("เอาแบบสีขาวค่ะ", "choice") in _kept(("User", "เอาแบบสีขาวค่ะ"))
