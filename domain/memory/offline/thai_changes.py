"""A Thai change said with its subject: «เลื่อนสอบเป็นเสาร์ที่ 25 มกราคม เวลา 13:00 น.»
(the exam moved to …), «เปลี่ยนสาขาคืนรถเป็นสนามบินเชียงราย» (the return branch changed to …).

"เปลี่ยน/เลื่อน/ย้าย/แก้ <subject> เป็น <value>" names what changed in so many words, so the
value is keyed by that subject word whatever the domain, even when it has no shape
(a branch, a place) or no cue the topic list knows. A question («เลื่อนนัดเป็นวันจันทร์ได้ไหม»)
asks for a change, it makes none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.memory.offline.lexicon import THAI_PARTICLES

#: The verb, then the subject (Thai letters, no space), then «เป็น». «แก้ไข» is one verb
#: (to edit); «กลับ» (back) and «ยังคง» (still) say how, not what.
_CHANGE = re.compile(
    r"(?:เปลี่ยน|เลื่อน|ย้าย|แก้(?:ไข)?)(?!ไข)(?:กลับ)?"
    r"(?P<subject>(?!ยังคง|กลับ)[\u0e01-\u0e4e]{2,20}?)(?:ให้)?เป็น\s?"
)
#: Where the value ends: a particle, "done", "already", a request, a new line.
_VALUE_END = re.compile(
    rf"\s?(?:เรียบร้อย|แล้ว(?:{THAI_PARTICLES}|\s|$)|ให้(?:ตรง|นะ|ด้วย)|ได้(?:ไหม|มั้ย|เลย)"
    rf"|{THAI_PARTICLES}(?:\s|$)|[\n?]|$)"
)
_ASKS = re.compile(r"ไหม|มั้ย|หรือเปล่า|หรือยัง|[?]")
_MAX_VALUE_CHARS = 100
_MIN_VALUE_CHARS = 2


@dataclass(frozen=True)
class ChangedTo:
    subject: str
    value: str
    start: int
    end: int


def changes_named(text: str) -> list[ChangedTo]:
    """Every "<subject> changed to <value>" of a Thai message that states it."""
    found = []
    for match in _CHANGE.finditer(text):
        end = _VALUE_END.search(text, match.end())
        stop = end.start() if end else len(text)
        value = text[match.end() : stop].strip()
        after = text[stop : stop + 12]
        if not _MIN_VALUE_CHARS <= len(value) <= _MAX_VALUE_CHARS or _ASKS.search(after):
            continue
        start = match.end() + text[match.end() : stop].find(value)
        found.append(ChangedTo(match.group("subject"), value, start, start + len(value)))
    return found
