"""Thai replies and rates, value by value: a name question closed once a name is given
(in this fold or the one before), «นะคะ» that softens a statement and asks nothing, and
an amount counted per thing by its classifier («ใบละ», «ต่อชิ้น»).

Sentences written for these tests, about no one dialogue's subject.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import facts_of

# -- a name question is answered once a name is given ----------------------------------------


def test_an_acknowledgement_after_the_name_was_given_is_no_name() -> None:
    facts = facts_of(
        ("assistant", "ขอชื่อผู้ติดต่ออีกท่านด้วยค่ะ"),
        ("user", "ชื่อสมศรี มีสุข ค่ะ"),
        ("assistant", "บันทึกคุณสมศรีไว้แล้วค่ะ"),
        ("user", "โอเคค่ะ"),
    )
    assert "customer_name" not in facts
    assert "สมศรี มีสุข" in facts.values()


def test_a_name_stated_closes_the_question_for_the_next_reply() -> None:
    facts = facts_of(
        ("assistant", "แล้วคุณพ่อชื่ออะไรครับ"),
        ("user", "ผมชื่อวิชัย ดวงดี ครับ"),
        ("assistant", "ขอบคุณครับ มีแพ็กเกจรายเดือนกับรายปีครับ"),
        ("user", "อยากได้แบบรายปีมากกว่าครับ"),
    )
    assert facts.get("customer_name") == "วิชัย ดวงดี"
    assert not any("รายปี" in value for value in facts.values())


def test_a_name_given_in_the_fold_before_closes_the_question() -> None:
    facts = facts_of(
        ("user", "ไปรับที่บ้านได้ไหมคะ"),
        context=[
            ("assistant", "ขอทราบชื่อผู้จองด้วยค่ะ"),
            ("user", "ชื่อมาลี ศรีสุข ค่ะ"),
        ],
    )
    assert "customer_name" not in facts


# -- «นะคะ» softens a statement ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("เจ้าหน้าที่ชื่อฝนนะคะ", False),
        ("รอสักครู่นะคะ", False),
        ("สะดวกวันไหนคะ", True),
        ("ได้รับของแล้วใช่ไหมคะ", True),
        ("ขอเบอร์ติดต่อหน่อยคะ", True),
    ],
)
def test_na_kha_asks_nothing_but_kha_asks(sentence: str, asks: bool) -> None:
    assert is_question(sentence) is asks


def test_the_agent_giving_her_own_name_asks_the_customer_for_none() -> None:
    facts = facts_of(
        ("assistant", "สวัสดีค่ะ ร้านดอกไม้บ้านสวน เจ้าหน้าที่ชื่อฝนนะคะ"),
        ("user", "อยากสั่งช่อดอกไม้ค่ะ"),
    )
    assert "customer_name" not in facts


# -- a rate counted per thing by its classifier -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ราคาใบละ 1,250 บาท ค่ะ", "ใบละ 1,250 บาท"),
        ("ค่าเช่าชุดละ 800 บาท", "ชุดละ 800 บาท"),
        ("รวม 3,000 บาท ค่ะ", "3,000 บาท"),
    ],
)
def test_a_thai_rate_keeps_what_it_is_counted_per(text: str, value: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.AMOUNT, value)]


def test_a_price_per_ticket_is_kept_with_its_classifier() -> None:
    facts = facts_of(("assistant", "ที่นั่งโซน A ราคาใบละ 2,200 บาทค่ะ"))
    assert "ใบละ 2,200 บาท" in facts.values()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ค่าจัดส่ง 40 บาทต่อกล่อง ค่ะ", "40 บาทต่อกล่อง"),
        ("ค่าห้องพัก 1,500 บาท/คืน ค่ะ", "1,500 บาท/คืน"),
    ],
)
def test_a_rate_after_the_amount_stays_with_the_fact(text: str, value: str) -> None:
    assert value in facts_of(("assistant", text)).values()


def test_a_rate_after_the_amount_still_names_a_monthly_sum() -> None:
    facts = facts_of(("assistant", "ค่าบริการรายเดือน 599 บาทต่อเดือนค่ะ"))
    assert facts.get("monthly_fee") == "599 บาทต่อเดือน"
    assert facts.get("order_total") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ตอนนี้รายได้เหลือประมาณ 18,000 บาทต่อเดือนค่ะ", "18,000 บาทต่อเดือน"),
        ("My monthly income is about £2,400 after tax.", "£2,400"),
        ("درآمد ماهانه من حدود ۲۰ میلیون تومانه", "۲۰ میلیون تومان"),
    ],
)
def test_what_the_customer_earns_a_month_is_income_not_a_fee(text: str, value: str) -> None:
    facts = facts_of(("user", text))
    assert facts.get("monthly_income") == value
    assert "monthly_fee" not in facts


# -- a name on record «ในนาม», a total «รวมแล้ว» ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ใบกำกับภาษีออกในนามคุณวิไล แสงทอง ใช่ไหมคะ", "วิไล แสงทอง"),
        ("ได้ค่ะ ออกในนามบุคคล คุณวิไล แสงทอง แทนนะคะ", "วิไล แสงทอง"),
    ],
)
def test_a_name_on_record_in_thai_is_kept(text: str, name: str) -> None:
    assert name in facts_of(("assistant", text)).values()


def test_a_company_named_on_record_is_no_persons_name() -> None:
    assert facts_of(("user", "ออกใบเสร็จในนามบริษัทได้ไหมครับ")) == {}


def test_an_amount_after_ruam_laeo_is_the_total() -> None:
    facts = facts_of(("assistant", "ค่าติดตั้ง 500 บาท รวมแล้ว 4,300 บาทค่ะ"))
    assert facts.get("order_total") == "4,300 บาท"


def test_a_monthly_rate_known_is_the_sum_a_new_offer_updates_not_the_bill() -> None:
    facts = facts_of(
        ("assistant", "บิลเดือนนี้ยอด 1,240.50 บาทค่ะ"),
        ("assistant", "แพ็กเกจใหม่ราคา 899 บาทต่อเดือนค่ะ"),
        ("assistant", "ตอนนี้ลดเหลือ 799 บาทค่ะ"),
    )
    assert "1,240.50 บาท" in facts.values()


@pytest.mark.parametrize("reply", ["สมปองคับ", "สมปองค้าบ", "สมปองงับ", "สมปองครับ"])
def test_a_name_reply_sheds_the_particle_however_it_is_spelled(reply: str) -> None:
    facts = facts_of(("assistant", "ขอทราบชื่อผู้สั่งด้วยนะคะ"), ("user", reply))
    assert facts.get("customer_name") == "สมปอง"
