"""A held day the other party asked to move, moved in the reply.

«หมอแพรวนัดติดตามอาการวันที่ 29 ธ.ค. ใช่ไหมคะ» «ใช่ค่ะ 29 ธ.ค. … ขอเลื่อนเป็นหลังปีใหม่ได้ไหมคะ»
«ได้ค่ะ หมอแพรวเข้าวันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น.»: the reply names the doctor, a
cue of any appointment, yet the day it gives is the follow-up's, the one the request named
to move. So when a request to move a day names the held day of exactly one subject other
than the appointment, a reply's day and hour the general appointment cue keyed are that
subject's. A reply to a request that names no held day, or the appointment's own, keeps
its keys; so does one that gives the day the request named: «کولر رو هم بندازید چهارشنبه»
names the day wanted, not the one to move.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.lexicon import FA_BLOCK
from domain.memory.offline.values import Kind, find_values

#: Words that ask to move a day: "move", "reschedule", "push back", «جابجا», «عقب»,
#: «بندازید», «เลื่อน», «ย้ายวัน», «เปลี่ยนวัน».
_MOVE_ASKED = re.compile(
    r"(?<![A-Za-z])(?:move|moving|reschedul(?:e|ing)|postpone|push\s+(?:it\s+)?back"
    r"|bring\s+(?:it\s+)?forward)(?![A-Za-z])"
    rf"|(?<![{FA_BLOCK}])(?:جابجا|جابه[\u200c\s]?جا|عقب|جلو|بنداز|منتقل)"
    r"|เลื่อน|ย้ายวัน|เปลี่ยนวัน",
    re.IGNORECASE,
)
#: The key of a day whose subject was never said: no subject to move.
_UNNAMED = "other_"
#: The general keys a visit's cue gives ("doctor", «หมอ»), and the part of a day or hour.
_GENERAL = {"appointment_date": "_date", "appointment_time": "_time"}


def moved_on_request(
    request: str, matches: Sequence[FactMatch], held: Mapping[str, str]
) -> list[FactMatch]:
    """``matches`` of a reply to ``request`` with the appointment's day and hour given to
    the one subject whose held day the request asked to move (module doc)."""
    if not any(m.key in _GENERAL for m in matches) or not _MOVE_ASKED.search(request):
        return list(matches)
    days = [v.text for v in find_values(request) if v.kind is Kind.DATE]
    if any(_same_day(day, m.value) for day in days for m in matches if m.key in _GENERAL):
        return list(matches)  # «بندازید چهارشنبه» «… چهارشنبه ۱۳ تیر»: the day asked for
    named = {
        key
        for key, value in held.items()
        if key.endswith("_date")
        and not key.startswith(_UNNAMED)
        and any(_same_day(day, value) for day in days)
    }
    if len(named) != 1 or "appointment_date" in named:
        return list(matches)
    subject = next(iter(named)).removesuffix("_date")
    return [
        FactMatch(subject + _GENERAL[m.key], m.value, m.start, m.end) if m.key in _GENERAL else m
        for m in matches
    ]


def _same_day(said: str, held: str) -> bool:
    return said in held or held in said
