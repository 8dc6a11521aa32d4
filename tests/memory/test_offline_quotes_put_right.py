"""A correction whose "price" names no thing ("sorry, correction: the price is £7",
«ببخشید اصلاح می‌کنم، قیمتش ۹۵ هزار»، «ขอแก้ไขนิดนึงค่ะ ราคา 80 บาท») puts right the sum
quoted last, whatever key it was named by; a price of a thing named («قیمت کابل»,
«สายชาร์จราคา») or said after another value put right is a price of its own."""

from __future__ import annotations

import pytest

from domain.memory.offline.dialogue import is_correction
from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("quote", "corrected", "old", "new"),
    [
        (
            "Delivery to your postcode is £5, it comes on Thursday.",
            "Sorry, correction: the price is £7 for your area.",
            "£5",
            "£7",
        ),
        ("هزینه ارسال ۸۰ هزار تومانه.", "ببخشید اصلاح می‌کنم، قیمتش ۹۵ هزار تومانه.", "۸۰", "۹۵"),
        ("ค่าส่ง 60 บาทค่ะ", "ขอแก้ไขนิดนึงค่ะ ราคา 80 บาทค่ะ", "60", "80"),
        (
            "ผ้าเบรกหน้าแท้ศูนย์ชุดละ 450 บาทค่ะ ค่าแรงไม่คิดเพิ่ม",
            "ขอแก้ไขนิดนึงนะคะ รุ่นของคุณใช้ผ้าเบรกคนละตัว ราคา 520 บาทค่ะ",
            "450",
            "520",
        ),
    ],
)
def test_a_bare_price_in_a_correction_puts_right_the_sum_quoted_last(
    quote: str, corrected: str, old: str, new: str
) -> None:
    facts = facts_of(("assistant", quote), ("user", "ok"), ("assistant", corrected))
    assert [key for key, value in facts.items() if old in value] == []
    assert len([key for key, value in facts.items() if new in value]) == 1


@pytest.mark.parametrize(
    ("quote", "corrected", "old"),
    [
        (
            "The delivery fee is £5 and it arrives Thursday.",
            "Sorry, I was wrong, it arrives on Friday 9 May. The price of the cable is £10.",
            "£5",
        ),
        ("هزینه ارسال ۸۰ هزار تومانه.", "ببخشید اشتباه شد، قیمت کابل ۲۵۰ هزار تومانه.", "۸۰"),
        ("ค่าส่ง 60 บาท ส่งวันพฤหัสค่ะ", "ขอโทษค่ะ ส่งวันศุกร์นะคะ ส่วนสายชาร์จราคา 290 บาทค่ะ", "60"),
    ],
)
def test_a_price_of_something_else_leaves_the_quote(quote: str, corrected: str, old: str) -> None:
    facts = facts_of(("assistant", quote), ("user", "ok"), ("assistant", corrected))
    assert len([key for key, value in facts.items() if old in value]) == 1


@pytest.mark.parametrize(
    ("text", "corrects"),
    [
        ("ขอแก้ไขนิดนึงนะคะ ราคาเมื่อกี้ผิดรุ่น", True),
        ("ขอแก้ข้อมูลหน่อยครับ", True),
        ("ช่างจะเข้าไปแก้ไขปัญหาให้วันพรุ่งนี้ครับ", False),
        ("ขอแก้ปัญหาให้ก่อนนะคะ", False),
    ],
)
def test_a_thai_let_me_correct_is_a_correction(text: str, corrects: bool) -> None:
    assert is_correction(text) is corrects


@pytest.mark.parametrize(
    ("quote", "corrected", "old"),
    [
        ("Delivery to your postcode is £5.", "Sorry, correction: the price is £7.", "£5"),
        ("هزینه ارسال ۸۰ هزار تومانه.", "ببخشید اصلاح می‌کنم، قیمتش ۹۵ هزار تومانه.", "۸۰"),
        ("ค่าส่ง 60 บาทค่ะ", "ขอแก้ไขนิดนึงค่ะ ราคา 80 บาทค่ะ", "60"),
    ],
)
def test_a_quote_of_long_ago_is_not_put_right(quote: str, corrected: str, old: str) -> None:
    # four messages later the talk is of something else: the price is of that
    chat = [("user", "ok"), ("assistant", "anything else?"), ("user", "one more thing")]
    facts = facts_of(("assistant", quote), *chat, ("user", "hmm"), ("assistant", corrected))
    assert len([key for key, value in facts.items() if old in value]) == 1
