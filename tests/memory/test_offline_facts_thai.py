"""Thai support dialogue, value by value, through the real offline extractor.

Thai writes words without spaces and ends sentences without punctuation, so rules
that read English or Persian by word boundaries need Thai forms of their own:
addresses that open with a building, corrections that are not hidden inside
longer words, questions asked without a question mark, and so on.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history

# -- addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ที่ถูกคืออาคาร C ห้อง 1705ครับ โครงการเดิม", "อาคาร C ห้อง 1705"),
        (
            "อาคารจามจุรีสแควร์ ชั้น 18 ถนนพญาไท แขวงวังใหม่ เขตปทุมวัน กรุงเทพฯ 10330 ค่ะ",
            "อาคารจามจุรีสแควร์ ชั้น 18 ถนนพญาไท แขวงวังใหม่ เขตปทุมวัน กรุงเทพฯ 10330",
        ),
        ("หมู่บ้านเพอร์เฟคเพลส ซอยรามคำแหง 164 ค่ะ", "หมู่บ้านเพอร์เฟคเพลส ซอยรามคำแหง 164"),
    ],
)
def test_an_address_may_open_with_its_building_or_village(text: str, address: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.ADDRESS, address)]


@pytest.mark.parametrize(
    "text", ["แนะนำอาคารจอดรถ C ชั้น 4 ขึ้นไป มีทางเชื่อมไปอาคาร A ค่ะ", "อาคาร C ชั้น 1 ครับ"]
)
def test_a_floor_of_a_building_alone_is_no_address(text: str) -> None:
    assert all(v.kind is not Kind.ADDRESS for v in find_values(text))


def test_the_address_a_service_moves_away_from_is_kept_apart_from_the_new_one() -> None:
    facts = conversation(
        (
            "assistant",
            "ที่อยู่ติดตั้งปัจจุบันคือ 77/3 ซอยลาดพร้าว 101 แขวงคลองจั่น เขตบางกะปิ กรุงเทพฯ 10240 ใช่ไหมคะ",
        ),
        ("user", "ใช่ครับ จะย้ายไปคอนโดใหม่"),
        ("assistant", "รบกวนขอที่อยู่ใหม่ด้วยค่ะ"),
        ("user", "อาคาร B ห้อง 1507 ซอยสุขุมวิท 105 แขวงบางนาใต้ครับ"),
    )
    assert current(facts)["previous_address"].startswith("77/3 ซอยลาดพร้าว 101")
    assert current(facts)["delivery_address"] == "อาคาร B ห้อง 1507 ซอยสุขุมวิท 105 แขวงบางนาใต้"
    assert history(facts, "delivery_address") == []


# -- corrections -----------------------------------------------------------------------------


def test_disowning_a_charge_is_no_correction_of_the_birth_date() -> None:
    facts = conversation(
        ("assistant", "ขอวันเดือนปีเกิดด้วยครับ"),
        ("user", "๑๔ มีนาคม ๒๕๒๘ ค่ะ"),
        ("user", "มีอีกรายการค่ะ 1,490 บาท ร้านสะดวกซื้อ วันอาทิตย์ตอนเช้า อันนี้ก็ไม่ใช่ดิฉัน"),
    )
    assert current(facts)["date_of_birth"] == "๑๔ มีนาคม ๒๕๒๘"
    assert history(facts, "date_of_birth") == []


@pytest.mark.parametrize(
    "words", ["ผิดหวังมากค่ะ", "ใครรับผิดชอบคะ", "ให้ตัวแทนโทรมาค่ะ", "ไม่สามารถให้ผู้อื่นรับแทนได้"]
)
def test_thai_words_that_only_hold_a_correction_word_correct_nothing(words: str) -> None:
    facts = facts_of(("user", f"{words} วันอาทิตย์"), known=[("date_of_birth", "๑๔ มีนาคม ๒๕๒๘")])
    assert "date_of_birth" not in facts
