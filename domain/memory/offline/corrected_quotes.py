"""Whether a price word names no thing: "sorry, correction: the price is £52", «ขอแก้ไข
นิดนึงนะคะ … ราคา 520 บาท», «ببخشید اصلاح می‌کنم، قیمتش ۹۵ هزار».

In a correction such a price puts right the sum quoted just before, whatever word keyed
that sum (a delivery charge, «ชุดละ 450 บาท»). A price of a thing named ("the price of the
cable", «สายชาร์จราคา 290», «قیمت کابل») is that thing's own price, and puts nothing right.
"""

from __future__ import annotations

import re

#: A price word with only a copula between it and its sum.
_BARE_PRICE = re.compile(
    r"(?:the\s+)?(?:price|cost)s?\s*(?:is|was|would\s+be|will\s+be|should\s+be|:)?\s*[£$€]?\s*"
    r"|ราคา(?:ที่ถูก(?:ต้อง)?)?\s*(?:คือ|เป็น|อยู่ที่)?\s*"
    r"|قیمت(?:ش|اش)?\s*(?:درستش|درست)?\s*(?:هست|میشه|می\u200cشه|:)?\s*",
    re.IGNORECASE,
)
#: What may stand right before a price word that names no thing.
_OPENS = ",.:;،"


def bare_price(text: str, cue: int, value_start: int) -> bool:
    """Whether the price word at ``text[cue:]`` names no thing before the sum at
    ``value_start``."""
    if cue > 0 and not (text[cue - 1].isspace() or text[cue - 1] in _OPENS):
        return False  # «สายชาร์จราคา»: Thai glues the thing to its price
    return _BARE_PRICE.fullmatch(text[cue:value_start]) is not None
