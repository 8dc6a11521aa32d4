"""A reply's opening refuses only with a word of refusal, whole where a word of refusal
begins other words (``domain.memory.offline.reply_refusals``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.reply_refusals import refuses


@pytest.mark.parametrize(
    "opening",
    [
        "پرواز همسرم ساعت ۱۶ میرسه",
        "پرداخت رو کارت به کارت انجام بدید",
        "پرستار ساعت ۹ میاد",
        "نهار هم سرو میشه",
        "نهایتاً جمعه ساعت ۶ ثبت شد",
        "Sure, Friday at 6 is booked",
        "ได้ค่ะ วันศุกร์ 6 โมง",
    ],
)
def test_an_opening_that_only_begins_like_a_refusal_refuses_nothing(opening: str) -> None:
    assert not refuses(opening)


@pytest.mark.parametrize(
    "opening",
    [
        "نه، جمعه پره",
        "جمعه پر شده",
        "متاسفانه اون روز نوبت نداریم",
        "Sorry, Friday is fully booked",
        "ขออภัยค่ะ วันศุกร์เต็มแล้ว",
    ],
)
def test_an_opening_with_a_word_of_refusal_refuses(opening: str) -> None:
    assert refuses(opening)
