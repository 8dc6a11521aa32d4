"""A sum said as what a percentage comes to ("the deposit is 30%, which comes to $6,288",
«بیعانه ۳۰ درصده، یعنی ۶ میلیون», «มัดจำ 30% เป็นเงิน 6,288 บาท»): a share of something,
never the whole the verb "comes to" otherwise names. The percentage must be what the verb
speaks of, right before it: "the total with 20% VAT comes to $1,200" is the whole, and so
is a sum after a percentage taken off («ยอดรวมหลังลด 10% เป็นเงิน …», "after 10% off,
that's …") or after a tax named in its clause ("including VAT at 20%, that's …")."""

import re

from domain.memory.offline.lexicon import FA_BLOCK
from domain.memory.offline.values import ValueSpan

_PERCENT = rf"\d+(?:[.,]\d+)?\s?(?:%|per\s?cent(?![A-Za-z])|درصد[{FA_BLOCK}]{{0,3}}|เปอร์เซ็นต์)"
_SAYS_ITS_SUM = (
    r"(?:,\s*)?(?:(?:which|that)\s+(?:comes?\s+to|is|makes|works\s+out\s+(?:at|to))"
    r"|(?:that's|i\.e\.)(?![A-Za-z])"
    r"|(?:،\s*)?(?:میشه|می[\u200c\s]?شود|یعنی)"
    r"|เป็นเงิน|คิดเป็นเงิน|=)"
)
_SHARE_BEFORE = re.compile(rf"(?P<percent>{_PERCENT})\s*{_SAYS_ITS_SUM}\s*$", re.IGNORECASE)
#: A percentage taken off or added ("after 10% off", «หลังลด 10%», «با ۱۰ درصد»): what
#: follows is the sum left, the whole.
_TAKEN_OFF = re.compile(
    r"(?:(?<![A-Za-z])(?:after|with|less|minus|plus|off)\s+(?:a\s+|the\s+|an\s+extra\s+)?"
    r"|(?:หลัง|หัก|รวม)\s*(?:ลด|ส่วนลด|VAT|ภาษี)?\s*|(?:با|بعد\s+از|منهای|بعلاوه)\s+)$",
    re.IGNORECASE,
)
#: A tax or an inclusion named earlier in the clause ("including VAT at 20%", «با مالیات ۹
#: درصد», «ยอดรวมภาษีมูลค่าเพิ่ม 7%»): the percentage is added to the whole, so the sum is it.
_TAX_OR_INCLUDED = re.compile(
    r"(?<![A-Za-z])(?:tax(?:es)?|VAT|GST|HST|including|inclusive)(?![A-Za-z])"
    r"|مالیات|ارزش[\s\u200c]*افزوده|ภาษี|รวม",
    re.IGNORECASE,
)
#: Where the clause holding the percentage begins: after a stop, a comma, a number said
#: (the total before "deposit 30%" is another clause) or, in Thai, a space between words.
_CLAUSE_START = re.compile(
    r".*(?:[.!?؟;:,،\n\d۰-۹๐-๙]|(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f]))", re.DOTALL
)
_REACH = 60


def share_of_percent(text: str, value: ValueSpan) -> bool:
    """Whether the sum at ``value`` is what a percentage just before it comes to."""
    start = max(0, value.start - _REACH)
    found = _SHARE_BEFORE.search(text[start : value.start])
    if found is None:
        return False
    before = text[: start + found.start("percent")]
    if _TAKEN_OFF.search(before) is not None:
        return False
    clause_start = _CLAUSE_START.match(before.rstrip())
    clause = before[clause_start.end() if clause_start else 0 :]
    return _TAX_OR_INCLUDED.search(clause) is None
