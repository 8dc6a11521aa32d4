"""Values that are only a part of what a fact already holds, and bare numbers said as a
correction.

A value found in a message may be a piece of a fuller one the session holds: the flat
of a neighbour («خانم نوروزی، واحد ۳») after the customer's whole address, the room
("ตึก B ห้อง 1508") after a street. Such a piece names a place inside a building and
nothing else; it never replaces the fuller address (unless the message corrects it, or
says it is the new place: "now", «الان», «ตอนนี้ย้ายไป»), and is kept under a key of its own
instead, so that nothing said is lost.

A bare number (no currency, no unit) corrects a held sum only when the correction leads
it, in its sentence or the one before ("should be 130", «درستش ۸۴», "ต้องเป็น 130",
"Sorry, wrong amount. I transferred 450") or names the old value right after it
("84, not 96"); a number a clause away from the word of change ("I can move all 24
across", "accounts moved … 88 Deansgate") counts something else.
"""

import re

from domain.memory.offline.dialogue import CORRECTION, is_update
from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan

#: Words naming a part inside a building: the flat, floor, room, block, tower.
_BUILDING_PART = re.compile(
    r"^(?:flat|apt|apartment|unit|floor|fl|suite|room|rm|block|building|bldg|tower|level"
    r"|واحد|طبقه|بلوک|برج|ساختمان|ساختمون|اتاق|ورودی|همکف|زیرزمین"
    r"|ห้อง|ชั้น|ตึก|อาคาร)$",
    re.IGNORECASE,
)
#: A word of a fragment that is its number or letter ("3", "۱۱", "B", "4B", "2nd").
_PART_NUMBER = re.compile(r"^(?:\w{0,2}\d+\w{0,2}|[^\W\d_])$")
_TOKEN = re.compile(rf"[\w{FA_LETTERS}\u0e01-\u0e4e]+")


def building_part_only(address: str) -> bool:
    """Whether ``address`` names only a part inside a building ("Flat 3", «واحد ۳»,
    "ตึก B ห้อง 1508"): no street, no town."""
    words = _TOKEN.findall(address)
    named = [w for w in words if _BUILDING_PART.match(w)]
    return bool(named) and all(_BUILDING_PART.match(w) or _PART_NUMBER.match(w) for w in words)


#: Words that say the customer moved («ย้ายไป», «اسباب‌کشی», "moved upstairs"), beside the
#: words of correction and update of ``is_update`` ("now", «الان», «ตอนนี้», "new").
_MOVED = re.compile(
    r"(?<![A-Za-z])(?:moved|moving|relocated)(?![A-Za-z])"
    rf"|(?<![{FA_LETTERS}])(?:اسباب[\u200c\s]?کشی|نقل[\u200c\s]مکان)|ย้าย",
    re.IGNORECASE,
)


def moved_to(text: str) -> bool:
    """Whether ``text`` corrects, updates or says a move: a building part said in it is
    the new place, not a part beside the held address ("ตอนนี้ย้ายไปอยู่ตึก C ห้อง 808")."""
    return is_update(text) or _MOVED.search(text) is not None


def part_of_fuller_address(new: ValueSpan, held: str | None) -> bool:
    """Whether ``new`` is only a building part said after ``held``, a fuller address."""
    if new.kind is not Kind.ADDRESS or held is None:
        return False
    return building_part_only(new.text) and not building_part_only(held)


#: Sentence ends: the word of correction leads a number in its sentence or the next one
#: ("Sorry, wrong amount. I transferred 450"), not further on.
_SENTENCE_END = re.compile(r"[.!?؟\n](?:\s|$)")
#: Words a correcting number may be followed by: its old value named, or the sentence's end.
_AFTER_CORRECTING_NUMBER = re.compile(
    r"^\s*(?:$|[^\w\s]|(?:not|instead|now|then|please|thanks|in\s+total|total"
    r"|(?:is|'s)\s+(?:correct|right))\b"
    rf"|(?:نه|هست|است|ـه|درسته|میشه|بود|باشه)(?![{FA_LETTERS}])"
    r"|[\u0e01-\u0e4e])",
    re.IGNORECASE,
)

#: The old value named after a correcting number in its sentence ("84 with the coupon,
#: not 96", «۸۴ نه ۹۶»).
_OLD_NEXT = re.compile(
    r"^[^.!?؟\n]*?(?<![A-Za-z])(?:not|rather\s+than|instead\s+of)\s+\S*\d"
    rf"|^[^.!?؟\n]*?(?<![{FA_LETTERS}])نه\s+\S*\d",
    re.IGNORECASE,
)


def number_said_as_correction(text: str, value: ValueSpan) -> bool:
    """Whether a bare number is the value a correction gives: the word of correction
    leads it, with no other number between, and nothing it counts follows it; or its
    sentence names the old value after it ("84 with the coupon, not 96")."""
    after = text[value.end :]
    if _OLD_NEXT.match(after):
        return True
    leads = list(CORRECTION.finditer(text, 0, value.start))
    if not leads:
        return False
    gap = text[leads[-1].end() : value.start]
    if len(_SENTENCE_END.findall(gap)) > 1 or any(c.isdigit() for c in gap):
        return False
    return _AFTER_CORRECTING_NUMBER.match(after) is not None
