"""A phone-shaped number given as a correction that is a held id with a digit or two
changed is that id put right, not the customer's phone; a code put right under one key
is put right where it was noted too."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_persian_a_national_id_put_right_is_not_the_customers_phone() -> None:
    facts = conversation(
        ("user", "آرین شریفی"),
        ("assistant", "کد ملی و تاریخ تولد آرین جان رو هم لطفا بفرمایید"),
        ("user", "کد ملی ۰۰۲۳۴۵۶۷۸۱"),
        ("user", "تولدش ۱۳۸۸/۰۵/۲۲"),
        ("assistant", "ممنون. شماره تماس ولی؟"),
        ("user", "وای ببخشید gmail رو غلط نوشتم. nargesnowrozi88@gmail.com درستشه"),
        ("assistant", "اصلاح شد 👍"),
        ("user", "کد ملیشم فک کنم اشتباه دادم، آخرش ۸۱ نیست ۱۸ ـه. ۰۰۲۳۴۵۶۷۱۸"),
        ("assistant", "ممنون که گفتین، اصلاح شد ✅"),
        ("user", "مرسی. فعلا خدافظ"),
    )
    values = current(facts)
    assert values.get("national_id") == "۰۰۲۳۴۵۶۷۱۸"
    assert history(facts, "national_id") == ["۰۰۲۳۴۵۶۷۸۱"]
    assert "customer_phone" not in values


def test_english_a_national_id_put_right_is_not_the_customers_phone() -> None:
    facts = conversation(
        ("user", "Aryan Sharifi"),
        ("assistant", "Could I have his national ID number and date of birth?"),
        ("user", "National ID 0023456781"),
        ("user", "Born 14 March 2009"),
        ("assistant", "Thanks. And a phone number for you?"),
        ("user", "Oh sorry, I typed my email wrong, it's nargesn88@gmail.com"),
        ("assistant", "Fixed."),
        ("user", "And I got his ID wrong too, the last two digits the other way round: 0023456718"),
        ("assistant", "Thanks, corrected."),
        ("user", "Thanks, bye."),
    )
    values = current(facts)
    assert values.get("national_id") == "0023456718"
    assert history(facts, "national_id") == ["0023456781"]
    assert "customer_phone" not in values


def _said_by_user(message: str, known: list[tuple[str, str]]) -> dict[str, str]:
    lines = [TranscriptLine(1, "m1", "user", message)]
    return {f.key: f.value for f in extract_facts(lines, known) if not f.replaced}


@pytest.mark.parametrize(
    ("noted", "message", "noted_after"),
    [
        (
            "finance have given me the PO, it's PO-558213",
            "sorry, the PO I sent had two digits swapped. the correct one is PO-558231",
            "finance have given me the PO, it's PO-558231",
        ),
        (
            "واحد مالی شماره سفارش خرید رو داد: PO-558213",
            "ببخشید، شماره‌ای که فرستادم اشتباه بود. درستش PO-558231 هست",
            "واحد مالی شماره سفارش خرید رو داد: PO-558231",
        ),
        (
            "ฝ่ายบัญชีให้เลข PO มาแล้วค่ะ PO-558213",
            "ขอโทษค่ะ เลขที่ส่งไปพิมพ์ผิด ที่ถูกคือ PO-558231 ค่ะ",
            "ฝ่ายบัญชีให้เลข PO มาแล้วค่ะ PO-558231",
        ),
    ],
)
def test_a_code_put_right_under_one_key_is_put_right_where_it_was_noted(
    noted: str, message: str, noted_after: str
) -> None:
    facts = _said_by_user(message, [("booking_reference", "PO-558213"), ("reference", noted)])
    assert facts == {"booking_reference": "PO-558231", "reference": noted_after}


@pytest.mark.parametrize(
    ("noted", "message", "noted_after"),
    [
        (
            "Tom Ellery, agreement is NVL-7730418",
            "sorry typo, its NVL-7730481",
            "Tom Ellery, agreement is NVL-7730481",
        ),
        (
            "قرارداد به نام تام الری، شماره NVL-7730418",
            "ببخشید اشتباه تایپی بود، NVL-7730481 درسته",
            "قرارداد به نام تام الری، شماره NVL-7730481",
        ),
        (
            "สัญญาชื่อทอม เลขที่ NVL-7730418",
            "ขอโทษค่ะ พิมพ์ผิด ที่ถูกคือ NVL-7730481",
            "สัญญาชื่อทอม เลขที่ NVL-7730481",
        ),
    ],
)
def test_a_noted_code_put_right_keeps_its_key_and_its_lead_in(
    noted: str, message: str, noted_after: str
) -> None:
    assert _said_by_user(message, [("reference", noted)]) == {"reference": noted_after}


# -- the one held phone a corrected number is a typo of is that phone put right ---------------

_WHOSE_NUMBER = {
    "en": "Who is receiving it, and what's their number?",
    "fa": "گیرنده کیه؟ شماره‌شون رو بفرمایید",
}


@pytest.mark.parametrize(
    ("lang", "held", "dead", "reply", "new"),
    [
        (
            "en",
            "07700 900418",
            "The courier tried 07700 900418 but it didn't connect.",
            "sorry, typo, the right one is 07700 900481",
            "07700 900481",
        ),
        (
            "fa",
            "09123458716",
            "پیک به 09123458716 زنگ زد ولی خاموش بود",
            "ببخشید اشتباه نوشتم، درستش 09123458761 هست",
            "09123458761",
        ),
    ],
)
def test_a_phone_put_right_stays_the_customers_whatever_party_was_asked_about(
    lang: str, held: str, dead: str, reply: str, new: str
) -> None:
    lines = [
        TranscriptLine(n, f"m{n}", role, text)
        for n, (role, text) in enumerate(
            [
                ("assistant", _WHOSE_NUMBER[lang]),
                ("user", "me"),
                ("assistant", dead),
                ("user", reply),
            ],
            start=1,
        )
    ]
    facts = {f.key: f.value for f in extract_facts(lines, [("customer_phone", held)])}
    assert facts == {"customer_phone": new}


def test_a_corrected_number_unlike_the_held_phone_is_no_typo_of_it() -> None:
    lines = [
        TranscriptLine(1, "m1", "assistant", _WHOSE_NUMBER["en"]),
        TranscriptLine(2, "m2", "user", "sorry, typo, the right one is 07911 238607"),
    ]
    facts = {f.key: f.value for f in extract_facts(lines, [("customer_phone", "07700 900418")])}
    assert "customer_phone" not in facts
