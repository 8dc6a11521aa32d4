"""Clauses a detail keeps that state no value: requests, choices, people, places, faults
(``domain.memory.offline.kept_clauses``), value by value in English, Persian and Thai."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _unit(*turns: tuple[str, str]) -> list[Candidate]:
    return [Candidate(text, speaker, (index, 0)) for index, (speaker, text) in enumerate(turns)]


def _kept(*turns: tuple[str, str]) -> list[tuple[str, str]]:
    return [(clause.text, clause.kind) for clause in clauses_kept(_unit(*turns))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # English: a request, an imperative, a way that suits, a wish
        (
            "also can you keep the old discs, want to show my brother",
            ("can you keep the old discs", "instruction"),
        ),
        (
            "yeh fine just plug it back in after pls",
            ("just plug it back in after pls", "instruction"),
        ),
        ("ringing is fine", ("ringing is fine", "instruction")),
        (
            "I'd like the invoice sent to my office",
            ("I'd like the invoice sent to my office", "instruction"),
        ),
        # Persian: a decision, an imperative, «لطفا»
        ("کارت به کارت میکنم موقع تحویل", ("کارت به کارت میکنم موقع تحویل", "instruction")),
        (
            "بیمه بدنه رو هم بزنید، ریسک نمیکنم",
            ("بیمه بدنه رو هم بزنید، ریسک نمیکنم", "instruction"),
        ),
        ("لطفا کیسه‌ها رو جدا بسته‌بندی کنید", ("لطفا کیسه‌ها رو جدا بسته‌بندی کنید", "instruction")),
        # Thai: «ช่วย», «ขอ», «ไม่ต้อง»
        ("ช่วยซ่อมก่อนเข้าอยู่ได้มั้ยคะ", ("ช่วยซ่อมก่อนเข้าอยู่ได้มั้ยคะ", "instruction")),
        ("ขอเปลี่ยนเป็นบัตรเครดิตครับ", ("ขอเปลี่ยนเป็นบัตรเครดิตครับ", "instruction")),
        ("ไม่ต้องเซ็นรับนะคะ", ("ไม่ต้องเซ็นรับนะคะ", "instruction")),
        # an option agreed to
        ("yes let's do the Mintex ones", ("let's do the Mintex ones", "choice")),
        ("باشه همون بیمه کامل", ("همون بیمه کامل", "choice")),
        ("งั้นเอาสีฟ้าครับ", ("งั้นเอาสีฟ้าครับ", "choice")),
        # a person by relation and name
        (
            "my partner Sarah will pick it up, shes on the insurance.",
            ("my partner Sarah will pick it up", "person"),
        ),
        ("آره دخترم آوا، کلاس بچه ها بود", ("دخترم آوا، کلاس بچه ها بود", "person")),
        ("คุณพ่อชื่อสมชาย ใจดีครับ", ("คุณพ่อชื่อสมชาย ใจดีครับ", "person")),
        # where something is
        (
            "oh and the locking wheel nut key is in the glovebox, the lads couldnt find it",
            ("the locking wheel nut key is in the glovebox", "place"),
        ),
    ],
)
def test_a_customer_sentence_keeps_its_clause(sentence: str, expected: tuple[str, str]) -> None:
    assert _kept(("User", sentence)) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Also the rear nearside shock absorber is leaking, it's misting oil down the body.",
            "the rear nearside shock absorber is leaking",
        ),
        ("کمک فنر عقب چپ نشتی داره", "کمک فنر عقب چپ نشتی داره"),
        ("ช่างบอกท่อน้ำทิ้งตัน", "ช่างบอกท่อน้ำทิ้งตัน"),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_fault_either_side_states_is_kept(sentence: str, expected: str) -> None:
    assert _kept(("Assistant", sentence)) == [(expected, "problem")]


@pytest.mark.parametrize(
    ("question", "answer", "kind"),
    [
        ("Where will you be driving to?", "Up to the Lake District", "place"),
        ("یه سوال دیگه، مسیرتون کجاست؟", "میخوایم بریم شمال، رامسر", "place"),
        ("จะย้ายไปอยู่ที่ไหนครับ", "เชียงใหม่ค่ะ", "place"),
        ("And the student's full name?", "Arian Sharifi", "person"),
        ("نام و نام خانوادگی زبان آموز؟", "آرین شریفی", "person"),
        ("ขอชื่อผู้เช่าด้วยครับ", "ภูมิ ใจดี", "person"),
    ],
)
def test_a_short_answer_to_a_where_or_name_question_is_kept(
    question: str, answer: str, kind: str
) -> None:
    assert _kept(("Assistant", question), ("User", answer)) == [(answer, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "thanks so much!",
        "ok great",
        "sounds good",
        "that is fine",
        "can you help?",
        "can you tell me the price?",
        "my mum says hi",
        "خواهش میکنم",
        "صبر کنید",
        "ممنون، روز خوبی داشته باشید",
        "مامانم میگه سلام برسونم",
        "قیمتش چنده؟",
        "ขอบคุณมากค่ะ",
        "โอเคค่ะ",
        "ช่วงนี้ที่ล็อบบี้ของหายบ่อย",
        "ราคาเท่าไหร่คะ ขอทราบหน่อย",
        # a cue inside another word or phrase: «ขอนแก่น» (a city), «همین الان» (right now)
        "อำเภอเมืองขอนแก่น",
        "همین الان پیامکش آمد",
    ],
)
def test_small_talk_and_questions_for_information_keep_nothing(sentence: str) -> None:
    assert _kept(("User", sentence)) == []


def test_only_the_customer_gives_instructions() -> None:
    assert _kept(("Assistant", "Please keep the receipt for your records.")) == []
