"""Thai addresses that open with a building, condo or village instead of a house number.

Thai customers in condos and office towers give the building first and the house
number often not at all: «อาคาร C ห้อง 1705», «อาคารจามจุรีสแควร์ ชั้น 18 ถนนพญาไท …»,
«หมู่บ้านเพอร์เฟคเพลส ซอยรามคำแหง 164». Such a run is an address when it reaches a room
or a street-level part; "อาคาร A" alone, or "อาคารจอดรถ C ชั้น 4" (a floor of a car park),
is a place in a building, not somewhere to deliver to.
"""

from __future__ import annotations

import re

#: What a building-led address opens with.
_BUILDING = r"(?:อาคาร|ตึก|คอนโด(?:มิเนียม)?|หมู่บ้าน|โครงการ)"
#: The building's name or letter: «C», «จามจุรีสแควร์», «เพอร์เฟคเพลส».
_NAME = r"\s?(?:[A-Z](?![A-Za-z])|[\u0e01-\u0e4eA-Za-z]+)"


def building_led_address(parts: str) -> re.Pattern[str]:
    """The pattern of a building-led address whose further parts are ``parts`` (one
    alternation of the parts a numbered Thai address is made of)."""
    return re.compile(rf"{_BUILDING}{_NAME}(?:\s*(?:{parts})){{1,9}}")


#: A room number or a street-level part: what makes a building-led run an address.
_REACHES_ADDRESS = re.compile(
    r"ห้อง\s?\d|ถนน|ถ\.|ซอย|ซ\.|แขวง|เขต|ตำบล|ต\.|อำเภอ|อ\.|จังหวัด|จ\.|หมู่(?:ที่)?\s?\d"
)


def reaches_address(text: str) -> bool:
    return _REACHES_ADDRESS.search(text) is not None
