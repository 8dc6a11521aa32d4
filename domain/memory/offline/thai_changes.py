"""A Thai change said with its subject: «เลื่อนสอบเป็นเสาร์ที่ 25 มกราคม เวลา 13:00 น.»
(the exam moved to …), «เปลี่ยนสาขาคืนรถเป็นสนามบินเชียงราย» (the return branch changed to …).

"เปลี่ยน/เลื่อน/ย้าย/แก้ <subject> เป็น <value>" names what changed in so many words. Only a
change made counts: a question («เลื่อนนัดเป็นวันจันทร์ได้ไหม»), a condition («ถ้าเลื่อน…»), a
wish or a refusal («ไม่อยากเปลี่ยน…») makes none. The subject keys the value only when it is
one of the few Thai nouns named below, mapped to the English keys the rest of the engine
uses; free Thai words make poor keys (a verb, half a word), so any other subject keys nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.values import Kind

#: The Thai words of a condition, "if" («ถ้า», «หาก»).
THAI_IF = r"ถ้า|หาก"
#: The verb, then the subject (Thai letters, no space), then «เป็น». «แก้ไข» is one verb
#: (to edit); «กลับ» (back) and «ยังคง» (still) say how, not what; «มา»/«ไป» say where
#: to («ย้ายมาอยู่ที่นี่เป็นปี»: moved here a year ago), not what changed.
_CHANGE = re.compile(
    r"(?:เปลี่ยน|เลื่อน|ย้าย|แก้(?:ไข)?)(?!ไข)(?:กลับ)?"
    r"(?P<subject>(?!ยังคง|กลับ|มา|ไป(?!รษณีย์))[\u0e01-\u0e4e]{2,20}?)(?:ให้)?เป็น\s?"
)
#: Words before the verb, in its clause, that say the change was not made: not, if, want,
#: "at first" (a plan given up: «ตอนแรกจะเลื่อน… แต่ไม่เป็นไร»).
_NOT_MADE = re.compile(rf"ไม่|{THAI_IF}|อยาก|ตอนแรก|ทีแรก")
#: Where the clause of the verb starts: a space, a new line, a polite particle that closed
#: the clause before it, or "so" opening this one («ลูกค้าไม่สะดวกรับสายค่ะเลยเลื่อนส่ง…»,
#: «ติดงานไม่ว่างเลยเลื่อนนัด…»: the «ไม่» is the reason's, not the change's).
_CLAUSE_BEFORE = re.compile(r"\s|ครับ|ค่ะ|คับ|นะคะ|เลย|จึง")
#: Words that start with a clause opener but are words of their own: «ส่วนตัว» (private),
#: «ส่วนลด» (a discount), «ส่วนกลาง» (common), «แต่ง» (to dress), «จะนะ» (a district).
_NOT_OPENERS = r"(?!ส่วนตัว|ส่วนลด|ส่วนกลาง|แต่ง|จะนะ)"
#: Where the value ends: a particle, "done", "already", a request, a new line, a word
#: that opens the next clause (and, as for, will, but, because), or a condition
#: («…เป็นวันศุกร์ก็ได้ถ้าคุณหมอว่าง»: "is fine too, if the doctor is free").
_VALUE_END = re.compile(
    rf"\s?(?:เรียบร้อย|แล้ว(?:{THAI_PARTICLES}|\s|$)|ให้(?:ตรง|นะ|ด้วย)|ได้(?:ไหม|มั้ย|เลย)"
    rf"|{THAI_PARTICLES}(?:\s|$)|ครับ|ค่ะ|และ|{_NOT_OPENERS}(?:ส่วน|จะ|แต่)|เพราะ"
    rf"|ก็ได้|{THAI_IF}|[\n?]|$)"
)
#: A condition after the value: the change is offered, not made.
_CONDITION = re.compile(THAI_IF)
#: A question: the particles, and the question words a value cannot be («วันไหน», «กี่โมง»).
_ASKS = re.compile(r"ไหม|มั้ย|หรือเปล่า|หรือยัง|ไหน|อะไร|เมื่อไร|เมื่อไหร่|กี่|[?]")
_SENTENCE_END = re.compile(r"\s|ครับ|ค่ะ|คับ")
_MAX_VALUE_CHARS = 100
_MIN_VALUE_CHARS = 2


@dataclass(frozen=True)
class ChangedTo:
    subject: str
    value: str
    start: int
    end: int


def changes_named(text: str) -> list[ChangedTo]:
    """Every "<subject> changed to <value>" of a Thai message that states it as made."""
    found = []
    for match in _CHANGE.finditer(text):
        if _NOT_MADE.search(text, _clause_start(text, match.start()), match.start()):
            continue
        end = _VALUE_END.search(text, match.end() + 1)
        stop = end.start() if end else len(text)
        value = text[match.end() : stop].strip()
        if not _MIN_VALUE_CHARS <= len(value) <= _MAX_VALUE_CHARS:
            continue
        rest = _rest_of_clause(text, stop)
        if _ASKS.search(value) or _ASKS.search(rest) or _CONDITION.search(rest):
            continue
        start = match.end() + text[match.end() : stop].find(value)
        found.append(ChangedTo(match.group("subject"), value, start, start + len(value)))
    return found


def _clause_start(text: str, verb_at: int) -> int:
    """Where the clause of a change verb at ``verb_at`` begins."""
    ends = [m.end() for m in _CLAUSE_BEFORE.finditer(text, 0, verb_at)]
    return ends[-1] if ends else 0


def _rest_of_clause(text: str, stop: int) -> str:
    """What follows the value to the end of its sentence: «…เป็นวันศุกร์จะเสียค่าปรับไหม».
    A space or a polite particle ends a Thai sentence."""
    end = _SENTENCE_END.search(text, stop + 1)
    return text[stop : end.end() if end else len(text)]


#: The Thai nouns of a change that name its subject, by the English key stem the engine
#: uses; the value's kind (a date, a time) completes the key («เลื่อนนัดเป็น…»:
#: appointment_date or appointment_time).
_EVENTS = {
    "นัด": "appointment",
    "ส่ง": "delivery",
    "จัดส่ง": "delivery",
    "ส่งของ": "delivery",
    "รับ": "pickup",
    "รับรถ": "pickup",
    "รับของ": "pickup",
    "คืนรถ": "return",
    "สอบ": "exam",
    "สัมภาษณ์": "interview",
    "ติดตั้ง": "installation",
    "ซ้อม": "rehearsal",
    "ซ่อม": "repair",
    "ชำระ": "payment",
}
#: A head noun before the event that says what of it changed: its day, its time, its branch.
_HEADS = {
    "วันที่": Kind.DATE,
    "วัน": Kind.DATE,
    "กำหนด": Kind.DATE,
    "เวลา": Kind.TIME,
    "สาขา": "branch",
}
#: Subjects that are whole things, keyed alike whatever the value's kind.
_THINGS = {
    "สี": "colour",
    "ห้อง": "room",
    "โต๊ะ": "table",
    "นามสกุล": "surname",
}
_SUFFIX = {Kind.DATE: "date", Kind.TIME: "time"}


def change_key(subject: str, kind: Kind | None) -> str | None:
    """The English key of a change's Thai subject, or None when the subject is not named."""
    if subject in _THINGS:
        return _THINGS[subject]
    head = next((h for h in _HEADS if subject.startswith(h) and subject[len(h) :] in _EVENTS), "")
    event = _EVENTS.get(subject[len(head) :])
    if event is None:
        return None
    what = _HEADS.get(head) or kind
    suffix = _SUFFIX.get(what) if isinstance(what, Kind) else what
    return f"{event}_{suffix}" if suffix else None
