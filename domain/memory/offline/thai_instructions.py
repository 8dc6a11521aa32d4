"""How a Thai instruction is bounded: where it starts, and when it is only asked.

Thai ends a question with a particle, not a mark («ฝากไว้กับนิติได้ไหมคะ», "can I leave it
with the office?"): a request the other side may still refuse is not an instruction yet.
An instruction passed on with "that" («ฝากบอกช่างว่าบ้านมีหมา กดกริ่งรอก่อน …», «นิติบอกว่า
ช่างต้องแลกบัตร …») starts right after «ว่า», so the reason and the person it is for stay
with it.
"""

from __future__ import annotations

import re

#: A clause that ends in a question particle, its polite particle after it.
_QUESTION_END = re.compile(
    r"(?:ไหม|มั้ย|หรือเปล่า|หรือยัง|ปะ|เปล่า|เหรอ|หรอ|ได้ป่าว)\s*(?:ครับ|คับ|ค่ะ|คะ|คับผม|จ๊ะ)?\s*$"
)
#: "that" introducing what someone said or should be told.
_THAT = re.compile(r"ว่า\s?")
#: How far back «ว่า» may stand before the instruction's own words.
_THAT_REACH = 40


def asked_in_thai(clause: str) -> bool:
    """Whether a Thai clause is a question («…ได้ไหมคะ», «…ได้ปะ»)."""
    return _QUESTION_END.search(clause) is not None


def thai_instruction_start(text: str, start: int, floor: int = 0) -> int:
    """Where an instruction found at ``start`` begins: after a «ว่า» shortly before it."""
    window_start = max(floor, start - _THAT_REACH)
    found = [m.end() for m in _THAT.finditer(text, window_start, start)]
    return found[-1] if found else start
