"""What a Persian count counts: the noun after «تا» («۲ تا بچه», «۳ تا اتاق»).

Persian counts with «تا» (pieces) and puts the thing counted after it: «۲ تا بچه هم داریم»
(we have two children too), «۳ تا اتاق میخوایم». «۲ تا» alone says how many of nothing:
another «۲ تا» anywhere in a conversation (two tickets, two rooms) reads as saying it
again. With its noun the value says what is counted, as "2 children" does. Not a word
that names no thing (``PERSIAN_STOP_WORDS``: «۲ تا هم میخوام»), nor a verb («۳ تا میخوام»,
«۲ تا بود»).
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import (
    FA_LETTERS,
    PERSIAN_STOP_WORDS,
    PERSIAN_SUMMED,
    PERSIAN_WHOLLY,
    word_set,
)

_FA = FA_LETTERS

#: The count unit the noun follows: «تا», «تایی» is no count of a noun («۲ تایی رفتیم»).
_COUNTED_BY_TA = re.compile(rf"(?<![{_FA}])تا$")
_NEXT_WORD = re.compile(rf"\s+(?P<word>[{_FA}]{{2,}})(?![{_FA}])")
#: A verb after the count: «میخوایم», «نمیشه», «بود», «شد», «داریم», «بدید», «بذارید». Only
#: by its prefix and ending: «نمی…», «می…» with a personal ending («میخوام», not «میز»,
#: «میوه»), «ب…» with one («بیارید», not «بچه», «بادام»), and a few known stems. A noun may
#: end like a verb («ماشین», «فرزند», «کلید»): an ending alone is no verb.
_VERB = re.compile(
    rf"^(?:نمی[{_FA}]+|می\u200c[{_FA}]+"
    rf"|می(?!(?:وه|دان|دون|مون|همان|همون|نا|لیون|لیارد)$)[{_FA}]+(?:م|ی|ه|د|ن)"
    rf"|ب(?!ا(?!ش))[{_FA}]+(?:ید|ین|یم|ند|م)"
    rf"|ن?(?:بود|شد|داشت|گرفت|خرید|اومد|رفت|خواست|کرد)[{_FA}]*"
    rf"|ن?دار(?:م|ی|ه|یم|ید|ین|ن|ند)|(?:هست|نیست)[{_FA}]*"
    rf"|باش[{_FA}]*|بشه|بشن|لازم[{_FA}]*|کافی[{_FA}]*|بس|بسه|میشه|میشن)$"
)
#: Words after a count that name no thing counted: «۲ تا دیگه», «۲ تا بیشتر», «۲ تا کمتر».
_NOT_COUNTED = (
    PERSIAN_STOP_WORDS
    | PERSIAN_SUMMED
    | PERSIAN_WHOLLY
    | word_set("دیگه دیگر بیشتر کمتر اضافه فقط حداقل حداکثر تقریبا تقریباً الان")
)


def counted_noun_end(text: str, unit_end: int, unit: str) -> int:
    """Where the noun a «N تا» count ending at ``unit_end`` counts ends in ``text``, or
    ``unit_end`` when no noun follows (module doc)."""
    if not _COUNTED_BY_TA.search(unit):
        return unit_end
    found = _NEXT_WORD.match(text, unit_end)
    if found is None:
        return unit_end
    word = found.group("word")
    if word in _NOT_COUNTED or _VERB.match(word):
        return unit_end
    return found.end("word")
