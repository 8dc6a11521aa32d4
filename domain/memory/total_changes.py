"""A total said anew: a newer total of an order replaces the total an older detail worked out.

An agent works a total out ("Subtotal €1,264, less 10% = €1,137.60", «28,900 + 1,500 =
30,400 บาท») and, after the order changes, says the new one ("Done ✅ Total is now €1,152.60",
«ยอดรวม 52,250 บาท», «مجموع ۴۶۵ میلیون تومن»). Nothing next to the new total names a change
of the old one, and the words around the two share nothing ("subtotal", "less" against
"done", "express"): the old total would be shown unmarked. A newer amount said as *the*
total (a word of a total right before it, no other words between: not "the total for the
hoodies is $260", not "subtotal") replaces an older amount said as a total, or worked out
as one: the result of a sum ("= X" after a "+", "less", «หัก» …). Not in other money, nor
of another code ("Invoice INV-1002 total is £180" is not INV-1001's: ``detail_changes``).
"""

from __future__ import annotations

import re

#: Right before a total, in its line: "total", "grand total", "total is now", "comes to",
#: «ยอดรวม», «รวมทั้งหมด», «مجموع», «جمع کل»; then at most a verb, "now", ":" or "=". Not
#: "subtotal" (part of a total) nor «รวม» alone (a sum of some items).
_TOTAL_BEFORE = re.compile(
    r"(?:(?<![A-Za-z-])(?:grand\s+)?total(?:\s+(?:is|was|will\s+be|would\s+be|comes?\s+to|now))*"
    r"|\bcomes?\s+to|\bin\s+all"
    r"|(?:ยอดรวม|รวมทั้งหมด|รวมเป็นเงิน|รวมเป็น|ยอดสุทธิ|ยอดใหม่)(?:ทั้งหมด)?(?:\s*(?:เป็น|คือ|ตอนนี้))?"
    r"|(?<![\u0600-\u06ff])(?:مجموع|جمع\s*کل|جمعش)(?:\s+(?:جدید|با\s+اجرا|میشه|می\u200cشه|شد))*)"
    r"\s*[:=]?\s*$",
    re.IGNORECASE,
)
#: Words in brackets: an aside, no part of the sum.
_ASIDE = re.compile(r"\([^()]*\)")
#: A result of a sum: "=" right before the value, and a sign of adding or taking off
#: earlier in its line. Not a product alone: "24 × €18 = €432" is one line of an order.
_RESULT = re.compile(r"=\s*$")
_SUMMED = re.compile(
    r"\+|\bless\b|\bminus\b|\bplus\b|หัก|บวก|منهای|به\s+اضافه",
    re.IGNORECASE,
)


def said_as_total(line: str, value: str) -> bool:
    """Whether ``line`` says ``value`` as the total: a word of a total right before it."""
    at = line.find(value)
    return at >= 0 and _total_before(line[:at])


def worked_out_total(line: str, value: str) -> bool:
    """Whether ``line`` says ``value`` as a total or works it out as one: the result of a
    sum ("€984 + €396 = €1,380", «28,900 + 1,500 = 30,400 บาท»)."""
    at = line.find(value)
    if at < 0:
        return False
    return _total_before(line[:at]) or _summed_to(line, value)


def _summed_to(line: str, value: str) -> bool:
    """Whether ``line`` works ``value`` out as the result of a sum."""
    at = line.find(value)
    before = line[:at] if at >= 0 else ""
    if _RESULT.search(before) is None:
        return False
    # the sum the result closes: since the "=" before it, asides left out ("24 jerseys
    # (22 + 2 goalie) @ €32 = €768" adds players, not money)
    body = before.rstrip()[:-1]
    summed = _ASIDE.sub(" ", body[body.rfind("=") + 1 :])
    return _SUMMED.search(summed) is not None


def _total_before(before: str) -> bool:
    return _TOTAL_BEFORE.search(before) is not None
