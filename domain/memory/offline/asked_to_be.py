"""A customer asking for a value to be the one: "make it Tuesday 17 June", «بذارید برای
سه‌شنبه ۲۷ خرداد», «ขอเป็นวันอังคารที่ 17 มิ.ย. ค่ะ». No word of change is said, yet the
day, hour or place asked for takes the held one's place, as "instead" would: people
moving a booking name only the new value once the move is under way.
"""

from __future__ import annotations

import re

from domain.memory.offline.asking_words import (
    EN_GO_FOR,
    EN_LETS,
    EN_MAKE_IT,
    FA_MAKE_IT,
    FA_PUT_IT,
    TH_MAY_IT_BE,
)
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: Words that ask for something to be made so. English "make it", "can we do", "let's
#: go for" ("do you deliver on …" asks nothing); Persian «بذارید (برای)» (put it on),
#: «بکنیدش»; Thai «ขอเป็น» (may it be), «ขอย้ายไป» (may it go to). Not "make it to",
#: "make it by", "make it in time" (arrive). Only a day, an hour, a place or a sum that
#: follows within a few words.
_ASKS_TO_BE = re.compile(
    rf"(?<![A-Za-z])(?:(?:can|could)\s+(?:we|you)\s+|{EN_LETS}\s+)(?:do|{EN_GO_FOR})"
    rf"(?![A-Za-z])|(?<![A-Za-z]){EN_MAKE_IT}(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:{FA_PUT_IT}|{FA_MAKE_IT})(?![{_FA}])"
    rf"|{TH_MAY_IT_BE}",
    re.IGNORECASE,
)
#: How far before the value the asking words may stand (a few words).
_REACH = 24


def asks_to_be(text: str, start: int) -> bool:
    """Whether the words just before the value at ``start`` ask for it to be the one."""
    lo = max(0, start - _REACH)
    before = text[lo:start]
    # read on past ``start``: «بندازیدش» asks only with a day or an hour after it
    return any(
        _leads_up(before, match)
        for match in _ASKS_TO_BE.finditer(text[lo:])
        if match.end() <= len(before)
    )


def _leads_up(before: str, match: re.Match[str]) -> bool:
    """Only asking words with no clause break between them and the value ask for it."""
    between = before[match.end() :]
    return not re.search(r"[.!?؟,،;]", between)
