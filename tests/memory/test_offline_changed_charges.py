"""An amount said as the new one of a charge the question before names, by a word that names
no thing ("the service charge", «ค่าบริการ», «هزینه خدمات»), replaces that charge in English,
Persian and Thai; a charge named for a thing of its own stays apart."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of

_REPLACED = [
    (
        "The car is $40 a day, and there's a $500 collision deductible.",
        "Can I lower the collision deductible somehow?",
        "Yes, with premium cover it is now just a service charge of $250.",
        "$500",
        "$250",
    ),
    (
        "هزینه نصب ۱ میلیون و ۵۰۰ هزار تومانه.",
        "میز رو خودم نصب می‌کنم، فقط تخت. هزینه نصب کمتر میشه؟",
        "بله، فقط تخت باشه هزینه خدمات میشه ۹۰۰ هزار تومان.",
        "۵۰۰ هزار",
        "۹۰۰ هزار",
    ),
    (
        "เตียงกับโต๊ะต้องประกอบหน้างาน ค่าบริการประกอบติดตั้ง 1,500 บาทครับ",
        "โต๊ะประกอบเองได้ค่ะ ให้ช่างประกอบแค่เตียงพอ ค่าติดตั้งจะลดลงไหมคะ",
        "ลดครับ ถ้าประกอบเฉพาะเตียง ค่าบริการเหลือ 900 บาทครับ",
        "1,500",
        "900",
    ),
]


@pytest.mark.parametrize(("first", "question", "answer", "old", "new"), _REPLACED)
def test_a_charge_asked_about_and_said_as_changed_is_replaced(
    first: str, question: str, answer: str, old: str, new: str
) -> None:
    facts = facts_of(("assistant", first), ("user", question), ("assistant", answer))
    assert len([key for key, value in facts.items() if new in value]) == 1
    assert [key for key, value in facts.items() if old in value] == []


@pytest.mark.parametrize(
    ("first", "question", "answer", "old", "new"),
    [
        (
            "The car is $40 a day, and there's a $500 collision deductible.",
            "Can I lower the collision deductible somehow?",
            "The deductible stays. The service charge of $25 is for the second driver.",
            "$500",
            "$25",
        ),
        (
            "هزینه ارسال ۲۰۰ هزار تومانه.",
            "اگه خودم بیام ببرم هزینه ارسال چی میشه؟",
            "اون موقع هزینه بسته‌بندی میشه ۵۰ هزار تومان.",
            "۲۰۰ هزار",
            "۵۰ هزار",
        ),
        (
            "ค่าบริการประกอบติดตั้ง 1,500 บาทครับ",
            "ประกอบแค่เตียงพอ ค่าติดตั้งจะลดลงไหมคะ",
            "ไม่ลดครับ แต่ค่าขนย้ายเหลือ 300 บาทครับ",
            "1,500",
            "300",
        ),
    ],
)
def test_a_charge_of_its_own_or_not_said_as_changed_stays_apart(
    first: str, question: str, answer: str, old: str, new: str
) -> None:
    # the packing fee, the removal fee, a second driver's charge: no new size of the one asked
    facts = facts_of(("assistant", first), ("user", question), ("assistant", answer))
    assert len([key for key, value in facts.items() if old in value]) == 1
    assert len([key for key, value in facts.items() if new in value]) == 1
