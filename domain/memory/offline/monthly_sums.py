"""A whole said per month is what is paid each month, not an order's total: "with 6 months
initial rental comes to £429.99 per month", «مبلغ کل ۲ میلیون تومان در ماه», «รวมเป็น 1,290
บาทต่อเดือน». Kept under the total's key, that first monthly price stayed a current key fact
beside the monthly fee when the monthly fee was later said again at another price."""

import re

from domain.memory.offline.subjects import Topic
from domain.memory.offline.subjects import topic as topic_by_name
from domain.memory.offline.values import Kind, ValueSpan

_FA = "\u0600-\u06ff"

#: The month a sum is counted per, said right after it.
_PER_MONTH_AFTER = re.compile(
    # not "a month ago", "a month early": when, not how often
    r"\s*(?:per|a|an|each|every|/)\s*(?:month|mo)(?![A-Za-z])(?!\s+(?:ago|early|late|later|before))"
    r"|\s?(?:ต่อ|/)\s?เดือน"
    rf"|\s*(?:تومان|تومن|ریال)?\s*(?:در|هر|/)\s*ماه(?![{_FA}])",
    re.IGNORECASE,
)
#: Topics that say only that a sum is a whole ("total", "comes to", «ยอดรวม»).
_WHOLES = frozenset({"total", "amount"})


def monthly_sum(cue: Topic, text: str, value: ValueSpan) -> Topic:
    """The monthly topic for a whole said per month; ``cue`` otherwise."""
    if cue.name not in _WHOLES or value.kind is not Kind.AMOUNT:
        return cue
    per_month = _PER_MONTH_AFTER.match(text, value.end)
    return topic_by_name("monthly") if per_month else cue
