"""Persian words that change what a value stated beside them is about.

- «جدا» (separately): a sum paid or given back on its own, beside the one known
  («مبلغش ۸۵ هزار تومانه که جدا … برگشت داده میشه»);
- «اون سفارش», «سفارش قبلی»: the order just talked about, not the first;
- «بذارم؟», «ثبت کنم؟», «تنظیم شد»: the assistant putting a visit in a slot;
- the words that open a short reply before its value: a brand before a model code
  («بوش SMS46NI01»), a town and district before the street («اهواز کیانپارس خیابان …»).
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import PERSIAN_STOP_WORDS
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

SEPARATELY = re.compile(
    rf"(?<![{_FA}])(?:جدا|جداگانه|جداگونه|به[\u200c\s]?طور\s*جداگانه)(?![{_FA}])"
)
THAT_ORDER = re.compile(
    rf"(?<![{_FA}])(?:(?:اون|آن)\s*(?:یکی\s*)?سفارش|سفارش\s*(?:قبلی|دیگه|دیگر|دوم))(?![{_FA}])"
)
SCHEDULING = re.compile(
    rf"(?<![{_FA}])(?:بذارم|بگذارم|بذاریم|ثبت\s*(?:کنم|شد|کردم)|تنظیم\s*(?:کنم|شد|کردم)"
    rf"|جابه[\u200c\s]?جا\s*(?:کنم|شد|کردم)|منتقل\s*(?:کنم|شد|کردم))(?![{_FA}])"
)

_BRAND = re.compile(rf"^\s*(?P<words>[{_FA}]{{2,}})\s+$")
_TOWN = re.compile(rf"^\s*(?P<words>(?:[{_FA}]{{2,}}\s+){{1,2}})$")
#: Words that open a reply and are no town: «آدرس», «بله», «منزل».
_NOT_A_TOWN = PERSIAN_STOP_WORDS | {
    "آدرس",
    "آدرسم",
    "نشانی",
    "بله",
    "آره",
    "منزل",
    "خونه",
    "محل",
    "کارم",
}


def brand_opening(before: str) -> int | None:
    """Where a lone Persian word opening ``before`` (the reply up to a model code) starts."""
    found = _BRAND.match(before)
    return found.start("words") if found else None


def town_opening(before: str) -> int | None:
    """Where one or two Persian place words opening ``before`` (the reply up to the
    street) start; none when a word of them is a function word or «آدرس»."""
    found = _TOWN.match(before)
    if found is None or set(found.group("words").split()) & _NOT_A_TOWN:
        return None
    return found.start("words")
