"""A detail whose every value a newer detail says anew, a different value of the same kind
among the same words on the same side of it, with no word of change
(``detail_changes.said_anew``): the context shows it after the others."""

from __future__ import annotations

import pytest

from domain.memory.detail_changes import said_anew
from schemas.memory_model import Detail
from tests.context.factories import detail


@pytest.mark.parametrize(
    "details",
    [
        [
            detail(
                6,
                "Assistant: Yes, Saturday 12 September is currently available for the wedding.",
                ["Saturday 12 September"],
                "date",
            ),
            detail(
                53,
                "Assistant: Saturday 19 September is available, I've put the hold on it.",
                ["Saturday 19 September"],
                "date",
            ),
        ],
        [
            detail(10, "Assistant: تحویل مبل ساعت ۱۷ انجام میشه.", ["ساعت ۱۷"], "time"),
            detail(40, "Assistant: تحویل مبل ساعت ۱۸:۳۰ انجام میشه.", ["ساعت ۱۸:۳۰"], "time"),
        ],
        [
            detail(26, "Assistant: لوله هم ۳ متر کافیه که رایگانه.", ["۳ متر"], "length"),
            detail(
                76, "Assistant: لوله از محل نصب تا پشت‌بام حدود ۵ متر میشه.", ["۵ متر"], "length"
            ),
        ],
        [
            detail(66, "Assistant: น่าจะเสร็จประมาณ 17:00 ค่ะ", ["17:00"], "time"),
            detail(
                90,
                "Assistant: ยางหมดสต็อก ใส่เสร็จน่าจะราว 18:30 ค่ะ สะดวกไหมคะ",
                ["18:30"],
                "time",
            ),
        ],
    ],
)
def test_a_value_said_anew_among_the_same_words_in_every_language(details: list[Detail]) -> None:
    assert said_anew(details) == {0}


def test_a_value_said_again_since_is_current_again() -> None:
    first = detail(
        6,
        "Assistant: Saturday 12 September is available for the wedding.",
        ["Saturday 12 September"],
        "date",
    )
    other = detail(
        53,
        "Assistant: Saturday 19 September is available, on hold now.",
        ["Saturday 19 September"],
        "date",
    )
    again = detail(61, "Assistant: Yes, we can confirm 12 September.", ["12 September"], "date")
    assert said_anew([first, other, again]) == set()
    # a part of it that names no number says nothing of which Saturday
    weekday = detail(61, "Assistant: The venue is open every Saturday.", ["Saturday"], "date")
    assert said_anew([first, other, weekday]) == {0}
    # «۵ میلیون» is «۵ میلیون تومان» said shorter: the deposit is still paid
    assert not said_anew(
        [
            detail(
                24,
                "Assistant: بله، ۵ میلیون تومان بیعانه پرداخت شده.",
                ["۵ میلیون تومان"],
                "amount",
            ),
            detail(
                84,
                "Assistant: با کسر ۵ میلیون بیعانه، ۱۵٬۴۰۰٬۰۰۰ تومان موقع پذیرش پرداخت می‌کنید.",
                ["۵ میلیون", "۱۵٬۴۰۰٬۰۰۰ تومان"],
                "amount",
            ),
        ]
    )


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        # another thing of the same name
        (
            detail(
                10, "User: My son's appointment is on Monday 3 March.", ["Monday 3 March"], "date"
            ),
            detail(
                20,
                "User: My daughter's appointment is on Tuesday 4 March.",
                ["Tuesday 4 March"],
                "date",
            ),
        ),
        (
            detail(10, "Assistant: نوبت پسرتون دوشنبه ۱۲ آذر هست.", ["دوشنبه ۱۲ آذر"], "date"),
            detail(20, "Assistant: نوبت دخترتون سه‌شنبه ۱۳ آذر هست.", ["سه‌شنبه ۱۳ آذر"], "date"),
        ),
        (
            detail(10, "Assistant: ค่าส่งไปเชียงใหม่ 120 บาทค่ะ", ["120 บาท"], "amount"),
            detail(20, "Assistant: ค่าส่งไปภูเก็ต 150 บาทค่ะ", ["150 บาท"], "amount"),
        ),
        # a shared word on the other side: the fee taken from the deposit is no deposit
        (
            detail(
                20,
                "Assistant: The cleaning fee is £40 and is taken from the deposit.",
                ["£40"],
                "amount",
            ),
            detail(30, "Assistant: Your deposit is £400.", ["£400"], "amount"),
        ),
        (
            detail(93, "Assistant: ผู้จัดแจ้งว่าค่าธรรมเนียม 60 บาทหักจากยอดคืน", ["60 บาท"], "amount"),
            detail(
                99, "Assistant: สรุปคำขอคืนบัตร ยอดคืน 4,440 บาท เข้าบัตรเครดิต", ["4,440 บาท"], "amount"
            ),
        ),
        # one more of its kind, not instead: "too", "additional", «هم», «อีก»
        (
            detail(
                82,
                "Assistant: You each have one checked bag of up to 23 kg included.",
                ["23 kg"],
                "weight",
            ),
            detail(
                84, "Assistant: An additional checked bag of 32 kg is $70.", ["32 kg"], "weight"
            ),
        ),
        (
            detail(
                6,
                "Assistant: Saturday 12 September is available for the wedding.",
                ["Saturday 12 September"],
                "date",
            ),
            detail(
                53,
                "Assistant: Saturday 19 September is available too.",
                ["Saturday 19 September"],
                "date",
            ),
        ),
        (
            detail(10, "Assistant: هزینه ارسال ۵۰ هزار تومانه.", ["۵۰ هزار تومان"], "amount"),
            detail(
                20, "Assistant: هزینه ارسال بیمه هم ۲۰ هزار تومانه.", ["۲۰ هزار تومان"], "amount"
            ),
        ),
        (
            detail(10, "Assistant: ค่าบริการ 500 บาทค่ะ", ["500 บาท"], "amount"),
            detail(20, "Assistant: ค่าบริการอีก 300 บาทค่ะ", ["300 บาท"], "amount"),
        ),
        # a deadline says by when, not of what
        (
            detail(57, "Assistant: รบกวนส่งหลักฐานทางอีเมลภายใน 7 วันนะคะ", ["7 วัน"], "duration"),
            detail(99, "Assistant: คืนเงินเข้าบัตรภายใน 45 วันค่ะ", ["45 วัน"], "duration"),
        ),
        (
            detail(57, "Assistant: Please send the proof within 7 days.", ["7 days"], "duration"),
            detail(
                99,
                "Assistant: The refund reaches your card within 45 days.",
                ["45 days"],
                "duration",
            ),
        ),
        # another choice offered beside the one taken
        (
            detail(70, "Assistant: The family suite costs £680 a night.", ["£680"], "amount"),
            detail(
                72,
                "Assistant: Another option is a single room, it costs £290 a night.",
                ["£290"],
                "amount",
            ),
        ),
        (
            detail(
                70,
                "Assistant: سوئیت خانوادگی شبی ۶٬۸۰۰٬۰۰۰ تومانه.",
                ["۶٬۸۰۰٬۰۰۰ تومان"],
                "amount",
            ),
            detail(
                72,
                "Assistant: یه گزینه دیگه اینه که یه اتاق یک‌تخته جدا بگیرید، شبی ۲٬۹۰۰٬۰۰۰ تومان.",
                ["۲٬۹۰۰٬۰۰۰ تومان"],
                "amount",
            ),
        ),
        (
            detail(70, "Assistant: ราคาคืนละ 6,800 บาทค่ะ", ["6,800 บาท"], "amount"),
            detail(
                72,
                "Assistant: ตัวเลือกอื่นคือห้องเดี่ยวแยก ราคาคืนละ 2,900 บาทค่ะ",
                ["2,900 บาท"],
                "amount",
            ),
        ),
        # no word in common
        (
            detail(20, "Assistant: A room is £129 per night.", ["£129"], "amount"),
            detail(60, "Assistant: You're on the Harvest menu at £74 per head.", ["£74"], "amount"),
        ),
    ],
)
def test_another_things_value_says_nothing_anew(older: Detail, newer: Detail) -> None:
    assert said_anew([older, newer]) == set()


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        (
            detail(
                6,
                "Assistant: Saturday 12 September is available for the wedding.",
                ["Saturday 12 September"],
                "date",
            ),
            detail(
                9,
                "User: Is Saturday 19 September available for the wedding?",
                ["Saturday 19 September"],
                "date",
            ),
        ),
        (
            detail(
                6,
                "Assistant: Saturday 12 September is available for the wedding.",
                ["Saturday 12 September"],
                "date",
            ),
            detail(
                9,
                "Assistant: Unfortunately Saturday 19 September is not available for the wedding.",
                ["Saturday 19 September"],
                "date",
            ),
        ),
        (
            detail(5, "Assistant: تحویل ساعت ۱۷ انجام میشه.", ["ساعت ۱۷"], "time"),
            detail(9, "User: تحویل ساعت ۱۵ انجام میشه؟", ["ساعت ۱۵"], "time"),
        ),
        (
            detail(5, "Assistant: تحویل ساعت ۱۷ انجام میشه.", ["ساعت ۱۷"], "time"),
            detail(9, "Assistant: تحویل ساعت ۱۵ انجام نمیشه.", ["ساعت ۱۵"], "time"),
        ),
        (
            detail(5, "Assistant: ส่งของได้ 17:00 น. ค่ะ", ["17:00 น."], "time"),
            detail(9, "Assistant: ส่งของ 15:00 น. ไม่ได้นะคะ", ["15:00 น."], "time"),
        ),
    ],
    ids=["en-asked", "en-refused", "fa-asked", "fa-refused", "th-refused"],
)
def test_a_value_only_asked_about_or_refused_says_nothing_anew(
    older: Detail, newer: Detail
) -> None:
    # the older value is still the one that holds: the newer one was asked or turned down
    assert said_anew([older, newer]) == set()


def test_a_value_said_twice_before_it_is_said_anew_is_old_in_both() -> None:
    said = "Saturday 12 September is available for the wedding"
    details = [
        detail(6, f"Assistant: {said}.", ["Saturday 12 September"], "date"),
        detail(20, f"User: So {said}, great.", ["Saturday 12 September"], "date"),
        detail(
            53,
            "Assistant: Saturday 19 September is available for the wedding, I've put the hold"
            " on it.",
            ["Saturday 19 September"],
            "date",
        ),
    ]
    # the repeat came before the change, not since: neither older detail is current
    assert said_anew(details) == {0, 1}
