"""A charge named after «با» (with) in a Persian sum says what the sum includes, not what the
sum is: «جمع کل با اجرت میشه ۱,۲۰۰,۰۰۰» (the total with labour comes to …), «قیمت جدید با
کد تخفیف میشه ۱۲۷ میلیون» (the new price with the discount code …), «جمع با تخفیف ۴
میلیون» (the total after the discount). The sum is the whole (or the price) named before
«با», or nothing named; never the labour fee or the discount.

Only when a whole or a price is named right before «با» («جمع», «جمع کل», «قیمت جدید»): that is
what the sum is. With none, the charge after «با» stays the only name the sum has («با تخفیف
شهریه میشه …», «با ۱۰ درصد تخفیف میشه …» are both the discounted fee, kept alike), and
«ارسال با هزینه ۵۰ هزار» is the shipping's cost. Its own module: it reads only the words
before the cue.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import PERSIAN_WHOLLY, alternation
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
#: «با» and at most two words before the cue: «با اجرت», «با کد تخفیف», «با ۱۰ درصد تخفیف».
#: A comma ends the «با» phrase: «با احتساب پله، هزینه میشه …» names the cost itself.
_WITH_BEFORE = re.compile(rf"(?<![{_FA}])با\s+(?:[^\s،,.;؛]+\s+){{0,2}}$")
#: A whole named before «با»: «جمع», «جمعش», «جمع کل», «کلا», «مجموع», «قیمت».
_WHOLE_BEFORE = re.compile(
    rf"(?<![{_FA}])(?:جمع(?:ش|\s*کل)?|کل|{alternation(PERSIAN_WHOLLY)}|مجموع"
    rf"|قیمت(?:\s*جدید|\s*نهایی)?)\s*$"
)
_REACH = 30


def included_with(text: str, cue_start: int) -> bool:
    """Whether the Persian cue at ``cue_start`` follows «با» after a whole named, and so
    names what the sum includes."""
    before = text[max(0, cue_start - _REACH) : cue_start]
    found = _WITH_BEFORE.search(before)
    if found is None:
        return False
    return _WHOLE_BEFORE.search(before[: found.start()]) is not None
