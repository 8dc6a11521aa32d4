"""A Thai customer switching how they pay («ขอเป็นจ่ายเต็ม», «เปลี่ยนเป็นโอนเข้าบัญชี»): the
instalment plan held is replaced by the way taken; a condition, a question, an offer the
assistant makes or a refusal takes nothing.

Sentences written for these tests, about no one dialogue's subject.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.fact_match import ClaimedSpans
from domain.memory.offline.thai_paid_in_full import paid_in_full
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("said", "way"),
    [
        ("งั้นขอเป็นจ่ายเต็มค่ะ ประหยัดกว่า", "จ่ายเต็ม"),
        ("งั้นเปลี่ยนเป็นโอนเข้าบัญชีค่ะ", "โอนเข้าบัญชี"),
        ("เอาชำระเต็มจำนวนดีกว่าครับ", "ชำระเต็มจำนวน"),
        ("คิดไปคิดมา เอาเงินสดละกันครับ", "เงินสด"),
    ],
)
def test_a_way_of_paying_taken_replaces_the_instalment_plan(said: str, way: str) -> None:
    facts = facts_of(
        ("assistant", "ผ่อนได้สูงสุด 10 เดือนค่ะ"),
        ("user", "ผ่อน 0% 10 เดือนค่ะ"),
        ("assistant", "ถ้าชำระเต็มจำนวนจะได้ส่วนลดเพิ่มค่ะ"),
        ("user", said),
    )
    assert facts.get("instalment_plan") == way


def test_a_way_of_paying_taken_with_no_plan_held_is_the_payment_method() -> None:
    facts = facts_of(("assistant", "ชำระแบบไหนดีคะ"), ("user", "ขอเป็นโอนเข้าบัญชีค่ะ"))
    assert facts.get("payment_method") == "โอนเข้าบัญชี"
    assert "instalment_plan" not in facts


@pytest.mark.parametrize(
    "said",
    [
        "ถ้าจ่ายเต็มค่ะ จะได้ส่วนลดเท่าไหร่",  # a condition
        "ขอเป็นจ่ายเต็มได้ไหมคะ",  # a question: the clause does not close
        "จ่ายเต็มได้ส่วนลดเท่าไหร่คะ",  # no verb of choice
        "ไม่เอาเงินสดนะคะ",  # a refusal
        "เอาโอนเข้าบัญชีก่อนแล้วค่อยส่งสลิปใช่ไหม",  # a step asked about
    ],
)
def test_no_way_of_paying_is_taken_without_a_choice(said: str) -> None:
    assert list(paid_in_full(said, ClaimedSpans(), plan_held=True)) == []


def test_the_assistants_offer_takes_nothing() -> None:
    facts = facts_of(
        ("user", "ผ่อน 0% 10 เดือนค่ะ"),
        ("assistant", "หรือจะเปลี่ยนเป็นโอนเข้าบัญชีก็ได้ค่ะ"),
    )
    assert facts.get("instalment_plan") == "ผ่อน 0% 10 เดือน"
