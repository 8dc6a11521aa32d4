"""A whole said per month, in English, Persian and Thai ("comes to £429.99 per month",
«مبلغ کل ۲ میلیون تومان در ماه», «รวมเป็น 1,290 บาทต่อเดือน»), is the monthly fee, so a
monthly fee said later at another price replaces it; a whole said once, or a month ago,
stays the order's total."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from tests.memory.test_offline_facts_dialogue import conversation, current, history

#: (message, the monthly fee it states)
_MONTHLY_WHOLES = [
    ("With 6 months initial rental it comes to £429.99 per month.", "£429.99 per month"),
    ("The total is £45 a month for the broadband.", "£45 a month"),
    ("مبلغ کل ۲ میلیون تومان در ماه میشه", "۲ میلیون تومان در ماه"),
    ("รวมเป็น 1,290 บาทต่อเดือนค่ะ", "1,290 บาทต่อเดือน"),
]


@pytest.mark.parametrize(("message", "fee"), _MONTHLY_WHOLES)
def test_a_whole_said_per_month_is_the_monthly_fee(message: str, fee: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = dict((f.key, f.value) for f in extract_facts(lines, []))
    assert facts == {"monthly_fee": fee}


#: (message, the order total it states): no month after the whole
_WHOLES = [
    ("Your total comes to £429.99.", "£429.99"),
    ("The total came to £120 a month ago, when you ordered.", "£120"),
    ("مبلغ کل ۲ میلیون تومان میشه", "۲ میلیون تومان"),
    ("ยอดรวม 1,290 บาทค่ะ", "1,290 บาท"),
]


@pytest.mark.parametrize(("message", "total"), _WHOLES)
def test_a_whole_said_once_stays_the_order_total(message: str, total: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = dict((f.key, f.value) for f in extract_facts(lines, []))
    assert facts.get("order_total") == total and "monthly_fee" not in facts


def test_a_monthly_price_said_later_replaces_the_whole_said_per_month() -> None:
    facts = conversation(
        ("assistant", "With 6 months initial rental it comes to £429.99 per month."),
        ("user", "what about the EV3?"),
        ("assistant", "EV3 Long Range GT-Line, same terms: £399.50 per month."),
    )
    assert current(facts) == {"monthly_fee": "£399.50 per month"}
    assert history(facts, "monthly_fee") == ["£429.99 per month"]


def test_a_total_and_its_monthly_share_are_kept_apart() -> None:
    facts = conversation(
        ("assistant", "The total comes to £1,200, which is £100 a month over a year."),
        ("user", "ok"),
    )
    assert current(facts) == {"order_total": "£1,200", "monthly_fee": "£100 a month"}
