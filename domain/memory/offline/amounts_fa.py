"""What a Persian sentence says a sum is for, where its verb says it and a cue word does not.

Persian puts the verb last: «جمعاً ۱۵۰ هزار تومان به کیف پولتون برمی‌گرده» is a refund
("a total of 150 thousand goes back to your wallet"), whatever «جمعاً» (in all) or «مبلغ»
(the sum) before it says. Those words say only that an amount is a sum, not of what: the
verb that gives it back names its subject.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: A verb that gives money back, closing the sentence: «برمی‌گرده», «برگشت داده میشه»,
#: «به کارتتون واریز میشه», «مسترد می‌شود», «عودت داده میشه», «پس داده میشه».
_GIVEN_BACK = re.compile(
    rf"(?<![{_FA}])(?:برمی[\u200c\s]?گرد(?:ه|د|ونیم|انیم)|برگشت\s*(?:داده\s*)?(?:میشه|می[\u200c\s]?شود|می[\u200c\s]?خوره)"
    rf"|(?:واریز|مسترد|عودت(?:\s*داده)?|پس\s*داده|برگردونده)\s*(?:میشه|می[\u200c\s]?شود|شد|شده|می[\u200c\s]?کنیم))"
    r"\s*[.!،,]?\s*$"
)
#: Sentence ends: the verb closes the sentence the amount stands in.
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def given_back(text: str, end: int) -> bool:
    """Whether the Persian sentence going on after ``text[:end]`` closes with a verb
    that gives money back."""
    stop = _SENTENCE_END.search(text, end)
    rest = text[end : stop.start() if stop else len(text)]
    return _GIVEN_BACK.search(rest) is not None
