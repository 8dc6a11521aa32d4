"""A whole said per month, in English, Persian and Thai ("comes to £429.99 per month",
«جمعش میشه ۲ میلیون تومان در ماه», «รวมเป็น 1,290 บาทต่อเดือน»), is the monthly fee, so a
monthly fee said later at another price replaces it. Per month is what ``RATE_AFTER`` reads
as a rate by the month: a whole said once, said for one month ("for the month of March",
«برای ماه آینده», «در ماه اسفند»), or with a month after it that says when ("a month ago",
«เดือนหน้า»), stays the order's total."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.rates import RATE_AFTER, unit_of_rate
from tests.memory.test_offline_facts_dialogue import conversation, current, history


def _facts(message: str) -> dict[str, str]:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    return {fact.key: fact.value for fact in extract_facts(lines, [])}


#: (message, the monthly fee it states)
_MONTHLY_WHOLES = [
    ("With 6 months initial rental it comes to £429.99 per month.", "£429.99 per month"),
    ("The total is £45 a month for the broadband.", "£45 a month"),
    ("Your total comes to £39.99/mo including VAT.", "£39.99/mo"),
    ("جمعش میشه ۲ میلیون تومان در ماه", "۲ میلیون تومان در ماه"),
    ("مبلغ کل ۲ میلیون تومان در ماه میشه", "۲ میلیون تومان در ماه"),
    ("جمعش میشه ۳ میلیون تومان هر ماه", "۳ میلیون تومان هر ماه"),
    ("รวมเป็น 1,290 บาทต่อเดือนค่ะ", "1,290 บาทต่อเดือน"),
    ("ยอดรวม 890 บาท/เดือนครับ", "890 บาท/เดือน"),
]


@pytest.mark.parametrize(("message", "fee"), _MONTHLY_WHOLES)
def test_a_whole_said_per_month_is_the_monthly_fee(message: str, fee: str) -> None:
    assert _facts(message) == {"monthly_fee": fee}


#: (message, the order total it states): no month it is paid by after the whole
_WHOLES = [
    ("Your total comes to £429.99.", "£429.99"),
    ("It comes to £429.99 for the month of March.", "£429.99"),
    ("The total came to £120 a month ago, when you ordered.", "£120"),
    ("Total £300, paid a month ago.", "£300"),
    ("مبلغ کل ۲ میلیون تومان میشه", "۲ میلیون تومان"),
    ("جمعش میشه ۳ میلیون برای ماه آینده", "۳ میلیون"),
    ("جمعش میشه ۳ میلیون در ماه آینده", "۳ میلیون"),
    ("جمعش میشه ۳ میلیون تومان در ماه اسفند", "۳ میلیون تومان"),
    ("ยอดรวม 1,290 บาทค่ะ", "1,290 บาท"),
    ("รวมเป็น 1,290 บาท เดือนหน้าค่ะ", "1,290 บาท"),
    ("ยอดรวม 1,290 บาทในเดือนมีนาคม", "1,290 บาท"),
]


@pytest.mark.parametrize(("message", "total"), _WHOLES)
def test_a_whole_not_said_per_month_stays_the_order_total(message: str, total: str) -> None:
    facts = _facts(message)
    assert facts.get("order_total") == total and "monthly_fee" not in facts


#: (message, the whole it states): a whole by another unit is no monthly fee
_OTHER_RATES = [
    ("The total is £300 a year.", "£300 a year"),
    ("รวมเป็น 1,290 บาทต่อคืน", "1,290 บาทต่อคืน"),
]


@pytest.mark.parametrize(("message", "total"), _OTHER_RATES)
def test_a_whole_by_another_unit_stays_the_order_total(message: str, total: str) -> None:
    assert _facts(message) == {"order_total": total}


@pytest.mark.parametrize(
    ("after", "unit"),
    [(" per month", "month"), ("/mo", "month"), (" در ماه", "ماه"), ("ต่อเดือน", "เดือน")],
)
def test_a_rate_by_the_month_is_named_by_its_unit(after: str, unit: str) -> None:
    rate = RATE_AFTER.match(after)
    assert rate is not None and unit_of_rate(rate) == unit


@pytest.mark.parametrize(
    "messages",
    [
        (
            "With 6 months initial rental it comes to £429.99 per month.",
            "EV3 Long Range GT-Line, same terms: £399.50 per month.",
            "£399.50 per month",
            "£429.99 per month",
        ),
        (
            "جمعش میشه ۲ میلیون تومان در ماه",
            "اشتراک ماهانه الان ۱ میلیون و ۸۰۰ هزار تومان در ماه است",
            "۱ میلیون و ۸۰۰ هزار تومان در ماه",
            "۲ میلیون تومان در ماه",
        ),
        (
            "รวมเป็น 1,290 บาทต่อเดือนค่ะ",
            "ค่าบริการรายเดือนเปลี่ยนเป็น 990 บาทต่อเดือนค่ะ",
            "990 บาทต่อเดือน",
            "1,290 บาทต่อเดือน",
        ),
    ],
)
def test_a_monthly_price_said_later_replaces_the_whole_said_per_month(
    messages: tuple[str, str, str, str],
) -> None:
    first, later, fee, replaced = messages
    facts = conversation(("assistant", first), ("user", "ok?"), ("assistant", later))
    assert current(facts) == {"monthly_fee": fee}
    assert history(facts, "monthly_fee") == [replaced]


def test_a_total_and_its_monthly_share_are_kept_apart() -> None:
    facts = conversation(
        ("assistant", "The total comes to £1,200, which is £100 a month over a year."),
        ("user", "ok"),
    )
    assert current(facts) == {"order_total": "£1,200", "monthly_fee": "£100 a month"}
