"""A charge named after «با» (with) in a Persian sum says what the sum includes, not what the
sum is: «جمع کل با اجرت میشه ۱,۲۰۰,۰۰۰» (the total with labour comes to …), «قیمت جدید با
کد تخفیف میشه ۱۲۷ میلیون» (the new price with the discount code …), «جمع با تخفیف ۴
میلیون» (the total after the discount). The sum is the whole (or the price) named before
«با», or nothing named; never the labour fee or the discount.

Only when the sum is said to come to («میشه», «می‌شود», «شد») after the charge, or a word of
a whole stands before «با»: «ارسال با هزینه ۵۰ هزار» (shipping at a cost of 50k) names the
shipping's cost. Its own module: it reads only the words around the cue.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
#: «با» and at most two words before the cue: «با اجرت», «با کد تخفیف», «با ۱۰ درصد تخفیف».
_WITH_BEFORE = re.compile(rf"(?<![{_FA}])با\s+(?:[^\s]+\s+){{0,2}}$")
#: The sum comes to: «میشه», «می‌شه», «می‌شود», «شد», «میشن».
_COMES_TO = re.compile(rf"(?<![{_FA}])(?:می[\u200c\s]?(?:شه|شود|شن)|شد|میشه)(?![{_FA}])")
#: A whole named before «با»: «جمع», «جمعش», «جمع کل», «کلا», «مجموع», «قیمت».
_WHOLE_BEFORE = re.compile(
    rf"(?<![{_FA}])(?:جمع(?:ش|\s*کل)?|کل|کلا|کلاً|مجموع|قیمت(?:\s*جدید|\s*نهایی)?)\s*$"
)
_REACH = 30


def included_with(text: str, cue_start: int, value_start: int) -> bool:
    """Whether the Persian cue at ``cue_start`` follows «با» and names what the sum at
    ``value_start`` includes."""
    before = text[max(0, cue_start - _REACH) : cue_start]
    found = _WITH_BEFORE.search(before)
    if found is None:
        return False
    if _COMES_TO.search(text, cue_start, value_start):
        return True
    return _WHOLE_BEFORE.search(before[: found.start()]) is not None
