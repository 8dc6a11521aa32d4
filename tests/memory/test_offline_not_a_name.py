"""Replies that are no name: "it's me" («آره خودمم», «ผมเองครับ»), a course asked for by
«ثبت‌نام» (registration), who a parcel goes to («ส่งให้พี่ชาย»); and a name given for
someone the customer books for (a student, a roommate) is not the customer's."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("The booking is under the name Sara Karimi, is that you?", "yes myself"),
        ("رزرو به نام خانم سارا کریمی هست درسته؟", "آره خودمم"),
        ("ชื่อผู้จองคือคุณสมชาย ใช่ไหมครับ", "ผมเองครับ"),
    ],
)
def test_it_s_me_is_no_name(question: str, answer: str) -> None:
    facts = facts_of(("assistant", question), ("user", answer))
    assert not {key for key, value in facts.items() if key.endswith("_name") and value in answer}


def test_a_course_asked_for_at_registration_is_no_name() -> None:
    facts = facts_of(
        ("assistant", "ثبت نام برای چه دوره ای مد نظرتونه؟"),
        ("user", "زبان انگلیسی، نوجوانان. پسرم ۱۵ سالشه"),
    )
    assert "customer_name" not in facts


def test_who_a_parcel_goes_to_is_no_name() -> None:
    facts = facts_of(
        ("assistant", "ผู้รับชื่ออะไรครับ"),
        ("user", "ส่งให้พี่ชายค่ะ ชื่อ Somchai Miller"),
    )
    assert "ส่งให้พี่ชาย" not in facts.values()


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("And the student's full name?", "Aryan Sharif"),
        ("نام و نام خانوادگی زبان آموز؟", "آرین شریفی"),
        ("ขอชื่อนักเรียนด้วยครับ", "ภูมิ ตั้งจิตเจริญค่ะ"),
    ],
)
def test_the_name_of_someone_booked_for_is_not_the_customer_s(question: str, answer: str) -> None:
    facts = facts_of(("assistant", question), ("user", answer))
    assert "customer_name" not in facts
    assert set(facts.values()) <= {answer.removesuffix("ค่ะ")}
