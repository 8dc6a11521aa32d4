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


@pytest.mark.parametrize(
    ("question", "answer", "name"),
    [
        (
            "For the student discount I'll need your full name and student ID.",
            "Tom Reyes",
            "Tom Reyes",
        ),
        (
            "Are you the roommate on the lease? What's your name?",
            "Yeah, Jake Morris",
            "Jake Morris",
        ),
        ("شما زبان‌آموز جدید هستید؟ اسمتون رو بفرمایید", "بله، نیما فراهانی", "نیما فراهانی"),
        ("น้องเป็นนักเรียนเองใช่ไหมคะ ขอชื่อด้วยค่ะ", "ใช่ค่ะ ชื่อ พิมพ์ชนก แสงทอง", "พิมพ์ชนก แสงทอง"),
    ],
)
def test_the_customer_s_own_name_asked_beside_a_student_is_the_customer_s(
    question: str, answer: str, name: str
) -> None:
    """Only "the student's name" asks for someone else; "your name" beside a student word
    asks the customer's."""
    facts = facts_of(("assistant", question), ("user", answer))
    assert facts.get("customer_name") == name, facts
    assert "recipient_name" not in facts


@pytest.mark.parametrize(
    ("question", "answer", "name"),
    [
        ("ขอชื่อด้วยค่ะ", "ส่งศรี มั่นคง ค่ะ", "ส่งศรี มั่นคง"),
        ("ขอชื่อลูกค้าด้วยครับ", "ส่งเสริม ใจดี ครับ", "ส่งเสริม ใจดี"),
        ("ขอชื่อด้วยค่ะ", "ขอบใจ สุขสันต์ ค่ะ", "ขอบใจ สุขสันต์"),
    ],
)
def test_a_thai_given_name_opening_like_a_verb_stays_a_name(
    question: str, answer: str, name: str
) -> None:
    """«ส่งให้…», «เอามา…» open a request; «ส่งศรี», «ขอบใจ» are given names."""
    facts = facts_of(("assistant", question), ("user", answer))
    assert name in facts.values(), facts


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Can I get your name?", "hold on"),
        ("And your name please?", "I'd prefer not to"),
        ("اسمتون رو بفرمایید", "ترجیح میدم نگم"),
        ("اسمتون رو بفرمایید", "نمیخوام بگم"),
        ("ขอทราบชื่อลูกค้าด้วยค่ะ", "รอแป๊บนะคะ"),
        ("ขอทราบชื่อลูกค้าด้วยค่ะ", "ไม่สะดวกบอกค่ะ"),
        ("ขอทราบชื่อด้วยค่ะ", "เดี๋ยวบอกนะคะ"),
    ],
)
def test_a_reply_that_puts_off_or_refuses_the_name_is_no_name(question: str, answer: str) -> None:
    facts = facts_of(("assistant", question), ("user", answer))
    assert not {key for key in facts if key.endswith("_name")}, facts


@pytest.mark.parametrize(
    ("question", "put_off", "answer"),
    [
        ("Can I get your name?", "wait a moment", "Dana Kim"),
        ("اسمتون رو بفرمایید", "یه لحظه صبر کنید", "سارا کریمی"),
        ("ขอทราบชื่อด้วยค่ะ", "รอแป๊บนะคะ", "สมชาย ใจดี ค่ะ"),
    ],
)
def test_the_name_given_after_putting_it_off_is_the_customers(
    question: str, put_off: str, answer: str
) -> None:
    facts = facts_of(("assistant", question), ("user", put_off), ("user", answer))
    assert facts.get("customer_name") == answer.removesuffix(" ค่ะ"), facts


@pytest.mark.parametrize(
    "name",
    ["รอมฎอน หะยีสาและ", "รอฮานี ดอเลาะ", "รองเมือง ศรีทอง", "รอน", "สะดวกดี มั่นคง"],
)
def test_a_thai_name_opening_like_a_word_of_waiting_is_a_name(name: str) -> None:
    """«รอ» (wait) puts the question off only with a word of waiting after it («รอแป๊บ»,
    «รอสักครู่»): «รอมฎอน», «รอฮานี» are names; so «สะดวก» only as «ไม่สะดวก» (English and
    Persian put-off words are whole words, no part of a name)."""
    facts = facts_of(("assistant", "ขอชื่อ-นามสกุลด้วยค่ะ"), ("user", f"{name} ค่ะ"))
    assert facts.get("customer_name") == name, facts
