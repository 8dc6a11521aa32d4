"""A sum held against damage, in English, Persian and Thai, is no deposit paid on the price,
nor the rent named after it; a pet's deposit is a sum of its own."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _facts(role: str, message: str, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = [TranscriptLine(1, "m1", role, message)]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


@pytest.mark.parametrize(
    ("message", "known", "amount"),
    [
        (
            "The hall also asks for a damage deposit of $200, refunded after the party.",
            [("deposit", "$50")],
            "$200",
        ),
        (
            "برای سالن یه ودیعه خسارت ۲ میلیون تومان هم می‌گیرن که بعد مراسم برمی‌گرده.",
            [("deposit", "۵۰۰ هزار تومان")],
            "۲ میلیون تومان",
        ),
        (
            "ทางหอประชุมต้องวางมัดจำความเสียหาย 2,000 บาท ได้คืนหลังงานค่ะ",
            [("deposit", "500 บาท")],
            "2,000 บาท",
        ),
    ],
)
def test_a_damage_deposit_does_not_replace_the_deposit(
    message: str, known: list[tuple[str, str]], amount: str
) -> None:
    facts = _facts("assistant", message, known)
    assert ("security_deposit", amount) in facts
    assert not [key for key, _ in facts if key == "deposit"]


@pytest.mark.parametrize(
    ("message", "known", "key", "amount"),
    [
        (
            "The security deposit is two months, £1,900, plus the first month's rent.",
            [("rental_rate", "£950")],
            "security_deposit",
            "£1,900",
        ),
        (
            "เงินประกัน 2 เดือน 19,000 บาท + ค่าเช่าเดือนแรกค่ะ",
            [("rental_rate", "9,500 บาท")],
            "security_deposit",
            "19,000 บาท",
        ),
        ("For the dog there is a pet deposit of £250.", [], "pet_deposit", "£250"),
        ("برای سگتون سپرده حیوان ۳ میلیون تومان جداست.", [], "pet_deposit", "۳ میلیون تومان"),
        (
            "เลี้ยงหมาต้องวางเงินประกันสัตว์เลี้ยงเพิ่ม 3,000 บาทครับ",
            [("security_deposit", "20,000 บาท")],
            "pet_deposit",
            "3,000 บาท",
        ),
    ],
)
def test_a_held_sum_is_neither_the_rent_nor_another_held_sum(
    message: str, known: list[tuple[str, str]], key: str, amount: str
) -> None:
    facts = _facts("assistant", message, known)
    assert (key, amount) in facts
    others = ("rental_rate", "warranty_period", "security_deposit", "deposit")
    assert not [k for k, _ in facts if k in others and k != key]
