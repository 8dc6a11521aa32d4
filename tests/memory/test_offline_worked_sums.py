"""Sums of different things never chain into one history, in English, Persian and Thai
(issue 18, false replacements in fact histories).

- A sum worked out in figures ("1,150 + cover 600 + delivery 80 = 1,830"): what follows
  "=" after an adding is the total, not the charge named last; a figure added is a part,
  never the total a word before it names ("new total 4 days 1,800 + …").
- A price per day ("down to 230 a day") is a rate, not the total «เหลือ» names.
- A temperature ("down to 10 degrees") and a year something was bought in («۱۴۰۱
  خریدمش») are no sums.
- A sum said with no name after a word of change is the price, never a held discount,
  deposit or minimum spend put right.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_date_slots import values_by_key


@pytest.mark.parametrize(
    ("message", "total"),
    [
        ("Rental $1,150 + cover $600 + delivery $80 = $1,830.", "$1,830"),
        ("کرایه ۱,۱۵۰,۰۰۰ + بیمه ۶۰۰,۰۰۰ + هزینه ارسال ۸۰,۰۰۰ = ۱,۸۳۰,۰۰۰ تومان", "۱,۸۳۰,۰۰۰"),
        ("ค่าเช่า 5 วัน 1,150 + Full Cover 600 + ค่าส่ง 80 = 1,830 บาท ค่ะ", "1,830"),
    ],
)
def test_what_an_adding_comes_to_is_the_total(message: str, total: str) -> None:
    facts = values_by_key([("shipping_cost", "80")], ("assistant", message))
    assert total in facts.get("order_total", "")
    assert total not in facts.get("shipping_cost", "")


@pytest.mark.parametrize(
    ("message", "part"),
    [
        ("New total for 4 days: $1,800 + insurance $240 + delivery $80 = $2,120", "$1,800"),
        ("جمع کل جدید ۴ روز ۱,۸۰۰,۰۰۰ + بیمه ۲۴۰,۰۰۰ = ۲,۰۴۰,۰۰۰ تومان", "۱,۸۰۰,۰۰۰"),
        ("ยอดรวมใหม่ 4 วัน 1,800 + ประกัน 240 + ค่าส่ง 80 = 2,120 บาท ค่ะ", "1,800"),
    ],
)
def test_a_figure_added_is_no_total(message: str, part: str) -> None:
    facts = values_by_key([], ("assistant", message))
    assert part not in facts.get("order_total", "")


def test_a_bare_thai_sum_word_before_a_figure_names_the_total() -> None:
    message = "ค่าเช่า 1,000 บาท ประกัน 240 บาท ค่าส่ง 80 บาท รวม 1,320 บาท ค่ะ"
    facts = values_by_key([], ("assistant", message))
    assert facts.get("order_total") == "1,320 บาท"
    assert "1,320" not in facts.get("shipping_cost", "")


@pytest.mark.parametrize(
    "message",
    [
        "For 5 days or more it comes down to 230 a day.",
        "برای ۵ روز به بالا میرسه به روزی ۲۳۰",
        "ถ้าเช่าตั้งแต่ 5 วันขึ้นไป Click จะลดเหลือวันละ 230 ค่ะ",
        "Some mornings it goes down to 10 degrees, bring a jacket.",
        "بعضی صبح‌ها هوا میرسه به ۱۰ درجه، کاپشن بیارید",
        "เช้ามืดบางวันเหลือ 10 องศาเลยค่ะ",
    ],
)
def test_a_rate_per_day_or_a_temperature_is_no_total(message: str) -> None:
    facts = values_by_key([("order_total", "1,830")], ("assistant", message))
    assert "order_total" not in facts


@pytest.mark.parametrize(
    ("before", "asked", "message"),
    [
        (
            "Diagnosis is $15, taken off the final amount if we do the repair.",
            "ok. anything I should bring?",
            "The warranty ran out, I bought it in 2021",
        ),
        (
            "عالیه. هزینه عیب‌یابی ۱۵۰ هزار تومانه که اگه تعمیر رو انجام بدید از مبلغ نهایی کم میشه",
            "اوکی. چیزی لازمه با خودم بیارم؟",
            "گارانتیش تموم شده. ۱۴۰۱ خریدمش",
        ),
        (
            "ค่าตรวจเช็ค 150 บาท ถ้าซ่อมจะหักจากยอดชำระค่ะ",
            "โอเคค่ะ ต้องเอาอะไรไปไหมคะ",
            "หมดประกันแล้วค่ะ 2564 ซื้อมา",
        ),
    ],
)
def test_the_year_something_was_bought_is_no_sum(before: str, asked: str, message: str) -> None:
    facts = values_by_key(
        [],
        ("assistant", before),
        ("user", asked),
        ("assistant", "Bring the adapter, and the receipt or warranty card if you have them."),
        ("user", message),
    )
    assert not any(year in value for value in facts.values() for year in ("2021", "۱۴۰۱", "2564"))


@pytest.mark.parametrize(
    ("known", "message"),
    [
        (
            [("shipping_cost", "$2,140"), ("minimum_spend", "$50")],
            "If you change to Economy it will be $1,380.",
        ),
        (
            [("shipping_cost", "۲,۱۴۰,۰۰۰ تومان"), ("minimum_spend", "۵۰,۰۰۰ تومان")],
            "اگه عوض کنید به اکونومی میشه ۱,۳۸۰,۰۰۰ تومان",
        ),
        (
            [("shipping_cost", "2,140 บาท"), ("minimum_spend", "50 บาท")],
            "ถ้าเปลี่ยนเป็น Economy จะอยู่ที่ 1,380 บาทครับ",
        ),
    ],
)
def test_a_sum_with_no_name_puts_right_no_minimum(
    known: list[tuple[str, str]], message: str
) -> None:
    facts = values_by_key(known, ("assistant", message))
    assert "minimum_spend" not in facts
