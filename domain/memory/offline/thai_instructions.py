"""How a Thai instruction is bounded: where it starts, and when it is only asked.

Thai ends a question with a particle, not a mark («ฝากไว้กับนิติได้ไหมคะ», "can I leave it
with the office?"): a request the other side may still refuse is not an instruction yet.
An instruction passed on with "that" («ฝากบอกช่างว่าบ้านมีหมา กดกริ่งรอก่อน …», «นิติบอกว่า
ช่างต้องแลกบัตร …») starts right after «ว่า», so the reason and the person it is for stay
with it.
An instruction that says what is no longer wanted («ไม่ต้องฝากล็อบบี้แล้ว ให้คนส่งโทรหาผมก่อน», "no
need to leave it at the lobby any more, have the courier call me first") changes the one given
before: Thai words are not spaced, so the words the two share cannot tell it.
"""

from __future__ import annotations

import re

#: A clause that ends in a question particle, its polite particle after it.
_QUESTION_END = re.compile(
    r"(?:ไหม|มั้ย|หรือเปล่า|หรือยัง|ปะ|เปล่า|เหรอ|หรอ|ได้ป่าว)\s*(?:ครับ|คับ|ค่ะ|คะ|คับผม|จ๊ะ)?\s*$"
)
#: "No longer": «ไม่ต้อง … แล้ว» ("no need to … any more"), the «แล้ว» not opening what comes next
#: («ไม่ต้องโทรแล้วค่อยมา» is "come without calling").
_NO_LONGER = re.compile(r"ไม่ต้อง(?P<what>\S{1,30}?)แล้ว(?!ค่อย|ก็|จึง)")
#: How many letters in a row the earlier instruction must share with what is no longer
#: wanted: «ล็อบบี้» of «ฝากล็อบบี้», «ไลน์» of «ทักไลน์»; a shorter «what» («ฝาก») is shared whole.
_SHARED_RUN = 4
#: "that" introducing what someone said or should be told.
_THAT = re.compile(r"ว่า\s?")
#: How far back «ว่า» may stand before the instruction's own words.
_THAT_REACH = 40


def asked_in_thai(clause: str) -> bool:
    """Whether a Thai clause is a question («…ได้ไหมคะ», «…ได้ปะ»)."""
    return _QUESTION_END.search(clause) is not None


#: A negation right before an instruction's words belongs to it: «ไม่ต้อง|ทักไลน์แล้ว» read
#: from «ทักไลน์» would say the opposite of what the customer asked.
_NEGATION_BEFORE = re.compile(r"(?:ไม่ต้อง|อย่า)\s?$")


def thai_instruction_start(text: str, start: int, floor: int = 0) -> int:
    """Where an instruction found at ``start`` begins: after a «ว่า» shortly before it, and
    with its negation."""
    window_start = max(floor, start - _THAT_REACH)
    found = [m.end() for m in _THAT.finditer(text, window_start, start)]
    if found:
        return found[-1]
    negation = _NEGATION_BEFORE.search(text, floor, start)
    return negation.start() if negation else start


def no_longer_in_thai(instruction: str) -> bool:
    """Whether a Thai instruction says what is no longer wanted: a change of the earlier one."""
    return _NO_LONGER.search(instruction) is not None


def no_longer_wants(instruction: str, earlier: str) -> bool:
    """Whether ``instruction`` says that what ``earlier`` asked for is no longer wanted.

    «แล้ว» is also "already": «ไม่ต้องกดกริ่งลูกหลับแล้ว» ("don't ring, the child is asleep
    already") after «ส่งหลัง 5 โมงเย็น» is a second instruction; «ไม่ต้องฝากแล้ว» after
    «ฝากไว้ที่ป้อมยาม» takes the earlier one back. Only the earlier instruction can tell.
    """
    match = _NO_LONGER.search(instruction)
    if match is None:
        return False
    what = match.group("what")
    run = min(_SHARED_RUN, len(what))
    return any(what[i : i + run] in earlier for i in range(len(what) - run + 1))
