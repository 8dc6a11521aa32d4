"""A later value that only says an earlier one again in fewer words ("31 May", then "the
31st") replaced nothing: the earlier value is not marked. One that names another month, a
sum of its own or another hour is still a replacement."""

from __future__ import annotations

from domain.context.echoed_values import echoes
from domain.context.replaced import mark_replaced
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact


def moved(key: str, old: str, new: str) -> Fact:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


def test_a_short_echo_of_the_earlier_value_marks_nothing_in_every_language() -> None:
    text = "Assistant: The agreement ends on 31 May."
    assert mark_replaced(text, [moved("contract_end_date", "31 May", "the 31st")]) == text
    text = "Assistant: ودیعه کلاس شاسی بلند ۳۰ میلیون تومان هست"
    assert mark_replaced(text, [moved("deposit_amount", "۳۰ میلیون تومان", "۳۰ تومن")]) == text
    text = "Assistant: มีช่างว่างช่วง 9.00-12.00 น."
    assert mark_replaced(text, [moved("visit_time", "9.00-12.00 น.", "9 โมง")]) == text


def test_a_value_with_another_month_amount_or_hour_is_still_marked() -> None:
    assert mark_replaced("It ends on 7 April.", [moved("end_date", "7 April", "7 May")]) == (
        "It ends on 7 April (replaced by 7 May)."
    )
    assert mark_replaced(
        "ودیعه ۳۰ میلیون تومان هست", [moved("deposit_amount", "۳۰ میلیون تومان", "۴۰ میلیون تومان")]
    ) == ("ودیعه ۳۰ میلیون تومان (replaced by ۴۰ میلیون تومان) هست")
    assert mark_replaced("ช่าง 9.00-12.00 น.", [moved("visit_time", "9.00-12.00 น.", "13 โมง")]) == (
        "ช่าง 9.00-12.00 น. (replaced by 13 โมง)"
    )


def test_an_echo_adds_no_word_of_its_own() -> None:
    assert echoes("wednesday 15th", "wed 15th")
    assert echoes("14:00 น.", "ประมาณ 14 โมง")
    assert not echoes("15 Oct", "15 Nov")
    assert not echoes("۲ شب", "۲ روز")
    assert not echoes("London", "London")  # no number: nothing to echo
