"""Items named by their model in Persian: «کاناپه سه‌نفره مدل آرمیتا، رنگ طوسی», «یخچال
ساید مدل X5 رنگ سفید».

A shop reads an item back as its kind, «مدل» and the model's name, its colour after it.
The whole phrase is the item, so the context says what was bought, not only a code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.memory.offline.lexicon import PERSIAN_STOP_WORDS
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
_WORD = rf"[{_FA}]{{2,}}"
_MODEL_WORD = rf"(?:[{_FA}]{{2,}}|[A-Za-z0-9][A-Za-z0-9-]*)"

_ITEM = re.compile(
    rf"(?<![{_FA}])(?P<kind>{_WORD}(?:\s+{_WORD}){{0,2}})\s+مدل\s+"
    rf"(?P<model>{_MODEL_WORD}(?:\s+[A-Za-z0-9][A-Za-z0-9-]*)?)"
    rf"(?:\s*[،,]?\s*رنگ\s+(?P<colour>{_WORD}))?(?![{_FA}A-Za-z0-9])"
)
#: Words that are no part of an item's name: «این مدل», «کدوم مدل», «هر مدل».
_NOT_ITEM = PERSIAN_STOP_WORDS | {"این", "اون", "آن", "کدوم", "کدام", "هر", "همین", "همون", "چه"}


@dataclass(frozen=True)
class ItemNamed:
    start: int
    end: int
    text: str


def items_named(text: str) -> list[ItemNamed]:
    found = []
    for match in _ITEM.finditer(text):
        kind = match.group("kind").split()
        while kind and kind[0] in _NOT_ITEM:
            kind = kind[1:]
        model = match.group("model").split()[0]
        if not kind or any(word in _NOT_ITEM for word in kind) or model in _NOT_ITEM:
            continue
        start = match.start("kind") + match.group("kind").index(kind[0])
        found.append(ItemNamed(start, match.end(), text[start : match.end()]))
    return found
