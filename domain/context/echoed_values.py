"""Whether a later value only echoes an earlier one in fewer words.

A conversation often names a value in full and later in short: "31 May", then "the 31st";
«9.00-12.00 น.», then «9 โมง»; «۳۰ میلیون تومان», then «۳۰ تومن». The extractor may
record the short echo as the newer value of the same fact, and a context marking the full
value "(replaced by the 31st)" tells the reader a current value has gone. An echo repeats
some of the earlier value's numbers and adds no word of its own: a month, a weekday or a
unit the earlier value lacks makes it another value ("7 April", then "7 May").
"""

from __future__ import annotations

import re
from collections import Counter

_NUMBER = re.compile(r"\d+")
#: Letters, with the Thai vowel and tone marks that ``\w`` leaves out.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])+")

#: Words an echo may add that change nothing: an article, ordinal endings ("31st"), the
#: hour word («โมง», «ساعت»), "around" («ประมาณ», «حدود»).
_FILLER = frozenset(
    {"the", "st", "nd", "rd", "th", "at", "on", "around", "about"}
    | {"โมง", "ตอน", "ประมาณ", "ราว", "ๆ", "น"}
    | {"ساعت", "حدود", "حدودا", "حدوداً"}
)

#: Letters two words must share at their start to be one word shortened ("wed" and
#: "wednesday", «تومن» and «تومان»).
_SHARED_START = 3


def echoes(old: str, newer: str) -> bool:
    """Whether ``newer`` says ``old`` again in fewer words: its numbers (at least one) are
    among ``old``'s, and each of its words is a filler or starts like a word of ``old``."""
    numbers = Counter(int(n) for n in _NUMBER.findall(newer))
    if not numbers or numbers - Counter(int(n) for n in _NUMBER.findall(old)):
        return False
    old_words = [word.casefold() for word in _WORD.findall(old)]
    return all(
        word in _FILLER or _starts_like(word, old_words)
        for word in (w.casefold() for w in _WORD.findall(newer))
    )


def _starts_like(word: str, old_words: list[str]) -> bool:
    if len(word) < _SHARED_START:
        return word in old_words
    return any(old.startswith(word[:_SHARED_START]) for old in old_words)
