"""A whole said per month is what is paid each month, not an order's total: "with 6 months
initial rental comes to £429.99 per month", «جمعش میشه ۲ میلیون تومان در ماه», «รวมเป็น
1,290 บาทต่อเดือน». Kept under the total's key, that first monthly price stayed a current
key fact beside the monthly fee when the monthly fee was later said again at another price.

Per month is what ``RATE_AFTER`` reads as a rate by the month, and only that: its guards
keep "£120 a month ago" and «۳ میلیون در ماه آینده» (which month, not each) a total.
"""

from domain.memory.offline.rates import RATE_AFTER, unit_of_rate
from domain.memory.offline.subjects import Topic
from domain.memory.offline.subjects import topic as topic_by_name
from domain.memory.offline.values import Kind, ValueSpan

#: Topics that say only that a sum is a whole ("total", "comes to", «میشه», «รวมเป็น»).
_WHOLES = frozenset({"total", "amount"})
#: The month as ``unit_of_rate`` names it in English, Persian and Thai.
_MONTH = frozenset({"month", "ماه", "เดือน"})


def monthly_sum(cue: Topic, text: str, value: ValueSpan) -> Topic:
    """The monthly topic for a whole said per month; ``cue`` otherwise."""
    if cue.name not in _WHOLES or value.kind is not Kind.AMOUNT:
        return cue
    rate = RATE_AFTER.match(text, value.end)
    return topic_by_name("monthly") if rate and unit_of_rate(rate) in _MONTH else cue
