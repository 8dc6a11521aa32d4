"""The price said after a switch of option with no unit, and the held price its difference
says it replaces: «ส่วนต่างราคา 640 บาท» → «งั้นเปลี่ยนเป็น Michelin» → «เปลี่ยนเป็น Michelin
ราคา 1,890 บาท»; "the price difference is $30" → "switch me to the Deluxe" → "price $140";
«اختلاف قیمت ۵۰۰ هزار» → «عوضش کنید به طلایی» → «قیمت ۲ میلیون و ۵۰۰ هزار».

A price per unit («เส้นละ», "per night") says which held price it replaces by its unit
(``switched_prices``); a bare «ราคา 1,890» does not, and with several prices held (the
tyre's, the battery's, the oil's) the newest is no better a guess than any other. The
difference said before the switch is: the held price the new one is that much above or
below is the old option's. Only a sum said as the price («ราคา», "price", «قیمت» just
before it); with no held difference that fits exactly, nothing is replaced by this rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.values import ASCII_DIGITS, FA_LETTERS

#: The key a difference between two prices is held under (the ``difference`` topic's).
PRICE_DIFFERENCE = "price_difference"
#: Words just before a sum that say it is the price: «ราคา», «ราคาอยู่ที่», "price", "the
#: price is", "priced at", «قیمت», «قیمتش» (a currency sign may stand between).
_PRICE_BEFORE = re.compile(
    r"(?:ราคา(?:อยู่ที่|เป็น|คือ)?|\bprice(?:\s+is|\s+now|:)?|\bpriced\s+at"
    rf"|(?<![{FA_LETTERS}])قیمت(?:ش)?)\s*(?:[$£€]\s?)?$",
    re.IGNORECASE,
)
#: How many characters before its sum a price word is read in («ราคาอยู่ที่ » and a sign).
_REACH = 16
#: A number and the scale word after it: «۲ میلیون», «۵۰۰ هزار», "1.5 million", «1,890».
_PART = re.compile(
    rf"(?P<number>\d[\d,]*(?:[.٫]\d+)?)\s*(?P<scale>(?<![{FA_LETTERS}])(?:میلیون|هزار)"
    r"|\b(?:million|thousand)\b|ล้าน|พัน)?",
    re.IGNORECASE,
)
_SCALES = {"میلیون": 1_000_000, "million": 1_000_000, "ล้าน": 1_000_000}
_SCALES |= {"هزار": 1_000, "thousand": 1_000, "พัน": 1_000}
#: Parts of one sum joined by «و» («۲ میلیون و ۵۰۰ هزار»): nothing else between them.
_JOINED = re.compile(r"^\s*و\s*$")


def said_as_price(text: str, start: int) -> bool:
    """Whether the sum at ``start`` of ``text`` is said as the price («ราคา 1,890 บาท»)."""
    return _PRICE_BEFORE.search(text[max(0, start - _REACH) : start]) is not None


def sum_said(text: str) -> float | None:
    """The sum ``text`` says, its scale words counted: «۲ میلیون و ۵۰۰ هزار تومان» is
    2,500,000, «1,890 บาท» 1,890; ``None`` when it says no number."""
    total, last_end = 0.0, None
    for part in _PART.finditer(text):
        if last_end is not None and not _JOINED.match(text[last_end : part.start()]):
            break  # «ขวดละ 180 บาท 2 ขวด»: the first sum only
        digits = part.group("number").translate(ASCII_DIGITS)
        number = float(digits.replace(",", "").replace("٫", "."))
        scale = (part.group("scale") or "").casefold()
        total += number * _SCALES.get(scale, 1)
        last_end = part.end()
    return total if last_end is not None else None


def replaced_by_difference(
    new: str, held: Iterable[tuple[str, str]], prices: frozenset[str]
) -> tuple[str, ...]:
    """The keys (of ``held``: (key, value), the most recently stated first, whose base key
    is one of ``prices``) of the old price the sum ``new`` replaces: the one a held price
    difference is the gap between; none when no difference, or more than one old price,
    fits."""
    pairs = list(held)
    amount = sum_said(new)
    differences = {
        gap
        for key, value in pairs
        if base_key(key) == PRICE_DIFFERENCE and (gap := sum_said(value))
    }
    if amount is None or not differences:
        return ()
    fitting = [
        (key, old)
        for key, value in pairs
        if base_key(key) in prices
        and (old := sum_said(value)) is not None
        and any(abs(abs(amount - old) - gap) < 0.005 for gap in differences)
    ]
    if len({old for _, old in fitting}) != 1:
        return ()
    return tuple(key for key, _ in fitting)
