"""Whether two values are of one sort, so that one can have replaced the other.

A fact's history may join values about different things: a count of rooms followed by
a count of guests, a price per night by a total, a length of time by a time of day. A
context that marks "We have 14 rooms (replaced by 130 guests)" tells the LLM a true
value is gone. Two values are of different sorts when both say what they count or
measure and it differs ("14 rooms" and "130 guests", «۲ اتاق» and «۴ نفر», «2 ห้อง» and
«3 คน»; "2 hours" and "2pm"), or when one is a price per unit and the other is not
("£289 per night" and "$45", «เดือนละ 12,500 บาท» and «23,000 บาท», «هر شب ۲ میلیون» and
«۶ میلیون»), or when they are values of two shapes (a date and an address; a quantity in
units, "10.8 volts", and a price). A value that says none of those ("120", "£352.80") is of
any sort; quoted in a text, it says what it is by the words around it (``quoted_sort``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from domain.memory.offline.values import (
    Kind,
    counted,
    counted_unit,
    find_values,
    measured,
    what_is_counted,
)

#: A trailing plural "s" says nothing of what is counted ("room", "rooms").
_PLURAL = re.compile(r"(?<=[a-z])s$")

#: A price per unit: "per night", "a month", "each", "nightly", "£289pn", "/night"; «هر»,
#: «ماهانه», «شبی»; «คืนละ», «ใบละ», «ต่อเดือน», «/เดือน» (not the «และ» of "and": a
#: leading vowel stands before its «ล»).
_PER_UNIT = re.compile(
    r"\bper\b|\beach\b|\bapiece\b|\b(?:nightly|daily|weekly|monthly|yearly|hourly)\b"
    r"|\ba\s+(?:night|day|week|month|year|head|person|piece|hour)\b|(?<=\d)\s*(?:pn|pcm|pw)\b"
    r"|/\s*(?:night|day|week|month|mo|year|yr|head|person|pp|hr|hour|item|unit)\b|\bpp\b"
    r"|(?<![\u0600-\u06ff])هر(?![\u0600-\u06ff])|ماهانه|ماهی(?![\u0600-\u06ff])"
    r"|شبی(?![\u0600-\u06ff])|نفری(?![\u0600-\u06ff])|روزی(?![\u0600-\u06ff])"
    r"|[\u0e01-\u0e3a\u0e45-\u0e4e]ละ|ต่อ(?:คืน|เดือน|วัน|คน|ท่าน|ชิ้น|ปี|ชั่วโมง)|/\s*(?:คืน|เดือน|วัน|คน)",
    re.IGNORECASE,
)


#: Shapes of value no value of another shape replaces: a date by an address ("Thursday
#: 13:00-15:00" and "17 Harrow Lane"), an email by a phone number, a quantity measured in
#: units by a price ("10.8 volts" and "4,470 บาท").
_FAMILIES = {
    Kind.MEASURE: "quantity",
    Kind.WEIGHT: "quantity",
    Kind.LENGTH: "quantity",
    Kind.DATE: "when",
    Kind.TIME: "when",
    Kind.ADDRESS: "address",
    Kind.EMAIL: "email",
    Kind.PHONE: "phone",
    Kind.AMOUNT: "amount",
}


def same_sort(one: str, other: str) -> bool:
    """Whether ``one`` and ``other`` may be one thing's values (module doc)."""
    a, b = _sort(one), _sort(other)
    return same_shape(one, other) and not (a.amount and b.amount and a.per_unit != b.per_unit)


def same_shape(one: str, other: str) -> bool:
    """``same_sort`` but for a price per unit: a text quotes "£142" of a monthly debit
    without its "a month", yet it is the value "£118 a month" replaced."""
    a, b = _sort(one), _sort(other)
    if a.family and b.family and a.family != b.family:
        return False
    return not (a.measure and b.measure and a.measure != b.measure)


#: How far around a quoted value its unit or currency may stand ("£", " โวลต์").
_AROUND = 16


def quoted_sort(text: str, start: int, end: int) -> str:
    """The value ``text[start:end]`` is where it is quoted, with the unit or currency the
    text says with it: "10.8" quoted as "ไฟเหลือ 10.8 โวลต์" is "10.8 โวลต์", a voltage;
    the quote alone where the text says no more of it."""
    lead = max(0, start - _AROUND)
    for span in find_values(text[lead : end + _AROUND]):
        if span.start <= start - lead and end - lead <= span.end:
            return span.text
    return text[start:end]


def time_of_day(value: str) -> bool:
    """Whether ``value`` is a time of day alone ("2pm", «ساعت ۱۰ صبح», «บ่ายโมง»), no date's."""
    return _sort(value).measure == Kind.TIME.value


class _Sort:
    __slots__ = ("amount", "family", "measure", "per_unit")

    def __init__(self, family: str, measure: str, amount: bool, per_unit: bool) -> None:
        #: What shape of value it is ("when", "address", "email", "phone", "amount"), or
        #: "" when it has none of those, or more than one.
        self.family = family
        #: What the value counts or measures ("guest_count", "room", "duration", "time"),
        #: or "" when it says not.
        self.measure = measure
        self.amount = amount
        self.per_unit = per_unit


@lru_cache(maxsize=4096)  # a context compares each old value with the values after it
def _sort(value: str) -> _Sort:
    spans = find_values(value)
    kinds = {span.kind for span in spans}
    measure = ""
    for span in spans:
        if span.kind is Kind.COUNT:
            unit = what_is_counted(span.text).casefold()
            # people under any name ("guests", «نفر», «คน») are one sort: ``counted``
            measure = counted(span) or counted_unit(unit) or _PLURAL.sub("", unit)
        elif span.kind in (Kind.DURATION, Kind.WEIGHT, Kind.LENGTH):
            measure = span.kind.value
        elif span.kind is Kind.MEASURE:
            measure = measured(span) or span.kind.value  # "capacity", "voltage"
        elif span.kind is Kind.TIME and Kind.DATE not in kinds:
            measure = span.kind.value  # a time of day alone, not a date's
        if measure:
            break
    families = {_FAMILIES[kind] for kind in kinds if kind in _FAMILIES}
    family = families.pop() if len(families) == 1 else ""
    amount = Kind.AMOUNT in kinds
    return _Sort(family, measure, amount, amount and _PER_UNIT.search(value) is not None)
