"""Places a Persian support chat names by their shape: a route («پرواز اصفهان به کیش»,
«بلیت تهران به مشهد») and a shop's branch («از پیتزا نارون شعبه ستارخان»).

Neither has a shaped value (no digits, no code), so no cue keys it; the phrase itself is
what the conversation is about, kept under a key of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.memory.offline.lexicon import PERSIAN_STOP_WORDS
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
_WORD = rf"[{_FA}]{{2,}}"

#: «پرواز اصفهان به کیش», «مسیر تهران به شیراز»: a trip's origin «به» its destination.
_ROUTE = re.compile(
    rf"(?<![{_FA}])(?:پرواز|مسیر|بلیت|بلیط|سفر|قطار|اتوبوس)(?:های|ها)?\s+"
    rf"(?:(?:رفت|برگشت)\s+)?(?P<value>(?P<origin>{_WORD})\s+به\s+(?P<destination>{_WORD}))"
    rf"(?![{_FA}])"
)
#: «از پیتزا نارون شعبه ستارخان»: a shop (one to three words) and its branch.
_BRANCH = re.compile(
    rf"(?<![{_FA}])(?:از|رستوران|فروشگاه)\s+(?P<value>(?:{_WORD}\s+){{1,3}}شعبه\s+{_WORD})"
    rf"(?![{_FA}])"
)
#: Words no place is named by: «پرواز شما به کیش», «از این شعبه».
_NOT_PLACE = PERSIAN_STOP_WORDS | {"شما", "ما", "من", "این", "اون", "آن", "همین", "همون", "ساعت"}


@dataclass(frozen=True)
class PlaceNamed:
    key: str
    start: int
    end: int
    text: str


def places_named(text: str) -> list[PlaceNamed]:
    found = []
    for match in _ROUTE.finditer(text):
        if {match.group("origin"), match.group("destination")} & _NOT_PLACE:
            continue
        found.append(PlaceNamed("route", match.start("value"), match.end("value"), match["value"]))
    for match in _BRANCH.finditer(text):
        if set(match.group("value").split()) & _NOT_PLACE:
            continue
        found.append(PlaceNamed("branch", match.start("value"), match.end("value"), match["value"]))
    return found
