"""Thai answers to an agent's questions: a request that asks leave first («ขออนุญาตทราบ…»),
a LINE ID given alone, the on-site contact, a polite count, a sum by the question's words,
and a house number before a village.

Sentences written for these tests, about no one dialogue's subject.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history

# -- a request that asks leave first still asks ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "ขออนุญาตทราบชื่อ-นามสกุลผู้จองก่อนนะคะ",
        "ขออนุญาตขอเบอร์ติดต่อกลับนะครับ",
        "ขออนุญาตทราบที่อยู่จัดส่งนะคะ",
    ],
)
def test_a_request_asking_leave_first_is_a_question(sentence: str) -> None:
    assert is_question(sentence)


def test_the_name_given_to_a_request_asking_leave_first_is_the_customers() -> None:
    facts = facts_of(
        ("assistant", "ขออนุญาตทราบชื่อ-นามสกุลผู้จองก่อนนะคะ"),
        ("user", "วรรณา ทองดี ค่ะ เรียกวรรณก็ได้"),
    )
    assert facts.get("customer_name") == "วรรณา ทองดี"


# -- a LINE ID given alone to a question for it -------------------------------------------


@pytest.mark.parametrize(
    ("question", "reply", "handle"),
    [
        ("มีไลน์ไอดีไหมคะ จะส่งรูปให้ดู", "somsri.k ค่ะ", "somsri.k"),
        ("ขอไอดีไลน์ด้วยนะครับ", "tonkla_88 ครับ", "tonkla_88"),
        ("แอดไลน์ได้ไหมคะ ไลน์ไอดีอะไรคะ", "@pim2024", "@pim2024"),
    ],
)
def test_a_handle_given_alone_to_a_line_question_is_the_line_id(
    question: str, reply: str, handle: str
) -> None:
    facts = facts_of(("assistant", question), ("user", reply))
    assert facts.get("line_id") == handle


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("ขออีเมลด้วยนะคะ", "somsri.k ค่ะ"),  # not asked for LINE
        ("มีไลน์ไอดีไหมคะ", "ok ค่ะ ไว้แอดไปนะคะ"),  # a word, then more: no handle
        ("มีไลน์ไอดีไหมคะ", "somsri@gmail.com ค่ะ"),  # an email
        ("มีไลน์ไอดีไหมคะ", "0812345678 ค่ะ"),  # a phone
    ],
)
def test_no_line_id_from_a_reply_that_gives_none(question: str, reply: str) -> None:
    assert "line_id" not in facts_of(("assistant", question), ("user", reply))


# -- «ท่าน» counts people as «คน» does --------------------------------------------------------


def test_a_party_said_again_politely_keeps_its_first_words() -> None:
    facts = conversation(
        ("assistant", "ผู้เข้าร่วมสัมมนากี่คนคะ"),
        ("user", "ประมาณ 12 คนค่ะ"),
        ("assistant", "รับทราบค่ะ จัดห้องสำหรับ 12 ท่านนะคะ"),
        ("user", "ขอบคุณค่ะ"),
    )
    assert current(facts).get("guest_count") == "12 คน"
    assert history(facts, "guest_count") == []


def test_a_polite_count_of_another_size_is_still_a_new_count() -> None:
    assert not restates("15 ท่าน", "12 คน")
    assert restates("12 ท่าน", "12 คน")


# -- the on-site contact asked for is someone else -------------------------------------------


def test_the_on_site_contact_asked_for_is_not_the_customers_phone() -> None:
    facts = facts_of(
        ("assistant", "ขอคนติดต่อหน้างานด้วยนะคะ เผื่อช่างหาบ้านไม่เจอ"),
        ("user", "พี่ดำ 086-555-1234 ค่ะ อยู่บ้านทั้งวัน"),
        known=[("customer_phone", "081-234-5678")],
    )
    assert facts.get("customer_phone", "081-234-5678") == "081-234-5678"
    assert "086-555-1234" in facts.values()


# -- a reply that leads with a value answers the question's words ----------------------------


@pytest.mark.parametrize(
    ("question", "reply", "value"),
    [
        ("ค่าชุดครุยเท่าไหร่คะ", "1,200 บาทค่ะ รวมหมวกแล้ว", "ค่าชุดครุย 1,200 บาท"),
        ("ไม่ทราบว่าค่าดอกไม้หน้าเวทีเท่าไหร่คะ", "ประมาณ 2,000 บาทค่ะ", "ค่าดอกไม้หน้าเวที 2,000 บาท"),
    ],
)
def test_a_value_leading_a_reply_is_kept_with_what_was_asked(
    question: str, reply: str, value: str
) -> None:
    facts = facts_of(("assistant", question), ("user", reply))
    assert value in facts.values()


def test_an_answer_to_the_same_words_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("user", "ค่าชุดครุยเท่าไหร่คะ"),
        ("assistant", "1,200 บาทค่ะ"),
        ("user", "ขอโทษค่ะ ถามใหม่นะคะ ค่าชุดครุยเท่าไหร่คะ ถ้าเช่าสองวัน"),
        ("assistant", "1,800 บาทค่ะ"),
        batch=4,
    )
    assert "ค่าชุดครุย 1,800 บาท" in current(facts).values()
    assert "ค่าชุดครุย 1,200 บาท" not in current(facts).values()


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        # the value comes after other words: not the reply's answer
        ("ค่าชุดครุยเท่าไหร่คะ", "ยังไม่แน่ใจค่ะ เดี๋ยวถามเพื่อนที่จ่ายไป 1,200 บาทก่อน"),
        # a question for a time is not answered by a sum
        ("พิธีเริ่มกี่โมงคะ", "500 บาทค่ะ"),
        # a day or an hour asked for is read by the rules for days and hours
        ("พิธีรดน้ำเริ่มกี่โมงคะ", "บ่ายสองโมงค่ะ"),
        ("จะมารับของวันไหนคะ", "วันเสาร์ที่ 14 ค่ะ"),
        # no question
        ("ค่าชุดครุย 1,000 บาทนะคะ", "1,200 บาทค่ะ"),
    ],
)
def test_no_answer_where_the_reply_answers_nothing_asked(question: str, reply: str) -> None:
    facts = facts_of(("assistant", question), ("user", reply))
    assert not any(key.startswith("answer") for key in facts)


# -- a house number before a village or a building is the address's first part -------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "ส่งมาที่ 77/214 หมู่บ้านชัยพฤกษ์ ซอยรามอินทรา 40 แขวงนวลจันทร์ ค่ะ",
            "77/214 หมู่บ้านชัยพฤกษ์ ซอยรามอินทรา 40 แขวงนวลจันทร์",
        ),
        ("บ้านเลขที่ 9/41 คอนโดริมน้ำ ชั้น 6 ห้อง 604 ครับ", "9/41 คอนโดริมน้ำ ชั้น 6 ห้อง 604"),
    ],
)
def test_a_house_number_before_a_village_opens_the_address(text: str, address: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text) if v.kind is Kind.ADDRESS] == [
        (Kind.ADDRESS, address)
    ]


def test_a_number_that_is_no_house_number_stays_out_of_the_address() -> None:
    found = find_values("ลดเหลือ 1,500 หมู่บ้านสวนทอง ซอยวัดเกาะ 12 ค่ะ")
    assert [v.text for v in found if v.kind is Kind.ADDRESS] == ["หมู่บ้านสวนทอง ซอยวัดเกาะ 12"]


# -- review fixes: no answer beside the charge, no reply word as a handle, "it's me" ---------


def test_a_fee_answered_then_put_right_leaves_one_fee() -> None:
    facts = conversation(
        ("user", "ค่าตัดชุดเท่าไหร่คะ"),
        ("assistant", "1,500 บาทค่ะ"),
        ("user", "โอเคค่ะ"),
        ("assistant", "ขออภัยค่ะ เมื่อกี้ผิด ค่าตัดชุด 1,800 บาทค่ะ"),
        batch=4,
    )
    held = current(facts)
    assert "ค่าตัดชุด 1,800 บาท" in held.values()
    assert "ค่าตัดชุด 1,500 บาท" not in held.values()
    assert not any(key.startswith("answer") for key in held)


def test_a_fee_answered_and_read_back_is_held_once() -> None:
    facts = facts_of(
        ("assistant", "ค่าล้างแอร์เท่าไหร่ครับ"),
        ("user", "900 บาทครับ"),
        ("assistant", "ยืนยันค่าล้างแอร์ 900 บาทนะครับ"),
    )
    assert [value for value in facts.values() if "900" in value] == ["ค่าล้างแอร์ 900 บาท"]
    assert not any(key.startswith("answer") for key in facts)


def test_a_long_label_is_cut_at_a_words_start() -> None:
    facts = facts_of(
        ("assistant", "รบกวนสอบถามค่าที่พักของวิทยากรสองคืนที่โรงแรมเท่าไหร่คะ"),
        ("user", "4,500 บาทค่ะ"),
    )
    assert "ค่าที่พักของวิทยากรสองคืนที่โรงแรม 4,500 บาท" in facts.values()


def test_a_short_label_keeps_its_first_words() -> None:
    facts = facts_of(("assistant", "บริษัทตั้งงบไว้เท่าไหร่คะ"), ("user", "80,000 บาทค่ะ"))
    assert "บริษัทตั้งงบ 80,000 บาท" in facts.values()


@pytest.mark.parametrize("reply", ["yes ค่ะ", "Okay ครับ", "sure ค่ะ", "yeah ครับ"])
def test_a_reply_word_to_a_line_question_is_no_handle(reply: str) -> None:
    assert "line_id" not in facts_of(("assistant", "มีไลน์ไอดีไหมครับ"), ("user", reply))


def test_the_on_site_contact_who_is_the_customer_gives_the_customers_phone() -> None:
    facts = facts_of(
        ("assistant", "ขอคนติดต่อหน้างานด้วยนะครับ"),
        ("user", "ดิฉันเองค่ะ 089-111-2233"),
    )
    assert facts.get("customer_phone") == "089-111-2233"
    assert "second_contact_phone" not in facts


def test_the_on_site_contacts_number_asked_for_is_theirs() -> None:
    facts = facts_of(
        ("assistant", "ขอเบอร์คนติดต่อหน้างานด้วยค่ะ"),
        ("user", "คุณวิชัย 086-444-7788 ครับ"),
    )
    assert facts.get("second_contact_phone") == "086-444-7788"
    assert "customer_phone" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "นัดวันที่ 15/8 หมู่บ้านเพอร์เฟคเพลส ซอย 3 ค่ะ",
        "ใบเสร็จเลขที่ 2023/77 หมู่บ้านเพอร์เฟคเพลส ซอย 3 ค่ะ",
    ],
)
def test_a_day_or_a_bill_number_before_a_village_is_no_house_number(text: str) -> None:
    found = find_values(text)
    assert [v.text for v in found if v.kind is Kind.ADDRESS] == ["หมู่บ้านเพอร์เฟคเพลส ซอย 3"]
