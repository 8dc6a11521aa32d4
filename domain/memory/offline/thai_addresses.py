"""Thai addresses that open with a building, condo or village instead of a house number.

Thai customers in condos and office towers give the building first and the house
number often not at all: «อาคาร C ห้อง 1705», «อาคารจามจุรีสแควร์ ชั้น 18 ถนนพญาไท …»,
«หมู่บ้านเพอร์เฟคเพลส ซอยรามคำแหง 164». Such a run is an address when it reaches a room
or a street-level part; "อาคาร A" alone, or "อาคารจอดรถ C ชั้น 4" (a floor of a car park),
is a place in a building, not somewhere to deliver to.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import THAI_PARTICLES

#: What a building-led address opens with.
_BUILDING = r"(?:อาคาร|ตึก|คอนโด(?:มิเนียม)?|หมู่บ้าน|โครงการ)"
#: The building's name or letter: «C», «จามจุรีสแควร์», «เพอร์เฟคเพลส», with the tower's
#: number some names carry («สาทรธานี 2»), else the address starts at that number.
_NAME = r"\s?(?:[A-Z](?![A-Za-z])|[\u0e01-\u0e4eA-Za-z]+)(?:\s\d{1,2}(?![\d/.:-]))?"


def building_led_address(parts: str) -> re.Pattern[str]:
    """The pattern of a building-led address whose further parts are ``parts`` (one
    alternation of the parts a numbered Thai address is made of)."""
    return re.compile(rf"{_BUILDING}{_NAME}(?:\s*(?:{parts})){{1,9}}")


#: A room number or a street-level part: what makes a building-led run an address.
_REACHES_ADDRESS = re.compile(
    r"ห้อง\s?\d|ถนน|ถ\.|ซอย|ซ\.|แขวง|เขต|ตำบล|ต\.(?!ค\.)|อำเภอ|อ\.|จังหวัด|จ\.|หมู่(?:ที่)?\s?\d"
)


def reaches_address(text: str) -> bool:
    return _REACHES_ADDRESS.search(text) is not None


#: "The address is" just before a building-led address: the project's name between them
#: belongs to the address («ที่อยู่คือ ลุมพินี เพลส พระราม 9 ตึก A ห้อง 1208»).
_ADDRESS_IS = re.compile(r"ที่อยู่(?:คือ|เป็น|ใหม่คือ)\s?")
#: How far back «ที่อยู่คือ» may stand; the words between are a name, not a clause.
_NAME_REACH = 36
_NAME_WORDS = re.compile(r"^[\u0e01-\u0e4eA-Za-z0-9 ]+$")
#: A polite particle ends a clause: what follows it is no part of a name.
_PARTICLE = re.compile(THAI_PARTICLES)


#: A house number right before a village or building: «55/318 หมู่บ้านพฤกษาวิลล์ ซอย …» is
#: one address from the number on, not a number and then an address.
_HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\d/.,:-])\d{1,4}/\d{1,4}\s?$")


#: Words that make the n/n after them no house number: a day («วันที่ 12/6»), a bill's or
#: another document's number («บิลเลขที่ 2024/118»); a house's own («บ้านเลขที่») stays one.
_NOT_A_HOUSE = re.compile(r"(?:วัน(?:ที่)?|(?<!บ้าน)เลขที่|เลข|บิล|ใบเสร็จ|ครั้งที่|งวด(?:ที่)?)\s?$")


def named_start(text: str, start: int) -> int:
    """Where a building-led address at ``start`` begins: at its house number said right
    before it; at the project's name when «ที่อยู่คือ» introduces it a few words before;
    else ``start``."""
    number = _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 20), start)
    if number is not None and not _NOT_A_HOUSE.search(text[: number.start()]):
        return number.start()
    window = max(0, start - _NAME_REACH)
    said = [m.end() for m in _ADDRESS_IS.finditer(text, window, start)]
    between = text[said[-1] : start] if said else ""
    if not said or not _NAME_WORDS.match(between) or _PARTICLE.search(between):
        return start
    return said[-1]


#: Words that open a reply and name no place: a yes, a verb of sending, living or being,
#: «ที่» (at), «บ้าน…» (my home), a pronoun; a change («เปลี่ยนเป็น», «แก้เป็น», not «แก้ว…»),
#: a request («รบกวนส่ง», «ฝากส่ง», «ช่วยส่ง»), an interjection («อ๋อ», «เอ่อ»). Nor does a
#: place said to be the old one («หอเก่า», «แมนชั่นเดิม»): which it is, not its name.
_NO_PLACE_NAME = re.compile(
    r"^(?:ได้|ใช่|โอเค|ส่ง|อยู่|ที่|เป็น|ขอ|บ้าน|ก็|แล้ว|งั้น|เอา|ยัง|ไม่|ผม|ฉัน|ดิฉัน|หนู|เรา|ตอนนี้|ย้าย"
    r"|เปลี่ยน|แก้(?!ว)|รบกวน|ฝาก|ช่วย|จัดส่ง|ใช้|คือ|ใหม่|เดิม"
    # an interjection is a word of its own: «อ่อนนุช», «เออร์บาน่า» are places
    r"|(?:อ๋อ|อ้อ|อ่อ|เอ่อ|เออ|อืม|อ้าว|โอ้|อุ๊ย|อ่ะ)(?=\s|$))"
    r"|(?:เดิม|เก่า)(?=\s|$)"
)
#: The longest place name a reply may lead with, and its most words.
_REPLY_NAME_REACH = 40
_REPLY_NAME_WORDS = 4


def named_in_reply(text: str, start: int) -> tuple[int, str] | None:
    """Where a reply to a question for an address begins and the place's name it leads with,
    right before the building-led address at ``start``: «ลุมพินี วิลล์ รามอินทรา ตึก B ห้อง
    1508», «คอนโดริเวอร์ พาร์ค พระราม 3 ค่ะ อาคาร B ชั้น 23 ห้อง 2318» (a project or condo is
    named before its tower and room; the particle that may close the name is left out). None
    when a word that names no place opens the reply («ส่งที่ตึก B …», «ได้ค่ะ ตึก B …»)."""
    begin = len(text) - len(text.lstrip())
    words = text[begin:start].split()
    if words and _PARTICLE.fullmatch(words[-1]):
        words = words[:-1]
    name = " ".join(words)
    if (
        not name
        or len(name) > _REPLY_NAME_REACH
        or len(words) > _REPLY_NAME_WORDS
        or not _NAME_WORDS.match(name)
        or any(_PARTICLE.fullmatch(word) for word in words)
        or _NO_PLACE_NAME.search(name)
    ):
        return None
    return begin, name
