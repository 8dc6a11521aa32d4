"""A sentence that names a value's old and new value together marks the old one.

"We moved the delivery from Thursday 14 March to Friday 15 March", «เดิมนัดวันเสาร์ที่
22 ก.พ. เลื่อนเป็นวันเสาร์ที่ 8 มี.ค.», «قیمت از ۱۲۰۰ به ۱۴۰۰ هزار تومان تغییر کرد»: a
summary that quotes such a sentence shows the old value beside the new one, and a
reader (or a model) may take either as current. Both values are of one shape and one
sentence, and the sentence says one took the other's place, so they share a subject
by construction: the old one is marked with the new one, no fact needed.
"""

from __future__ import annotations

import re

from domain.context.replaced import replaced_note
from domain.memory.offline.dialogue import is_negated, is_update
from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan, find_values

#: Words that move a value to another: the sentence is a change, not a range or a list.
_MOVED = re.compile(
    r"(?<![A-Za-z])(?:mov(?:e|ed|es|ing)|chang(?:e|ed|es|ing)|reschedul(?:e|ed|ing)"
    r"|postpon(?:e|ed|ing)|push(?:ed)?\s+back|brought\s+forward|bring\s+forward"
    r"|switch(?:ed)?|replac(?:e|ed|es|ing)|swap(?:ped)?|updated?|correct(?:ed)?)(?![A-Za-z])"
    rf"|(?<![{FA_LETTERS}])(?:تغییر|عوض|جابه[\u200c\s]?جا|منتقل|موکول|جایگزین|اصلاح)"
    r"|เลื่อน|เปลี่ยน|ย้าย|แก้เป็น|แก้ไข",
    re.IGNORECASE,
)

#: A word that says the value after it in the sentence was the earlier one, even with its
#: subject between («เดิมการแสดงวันเสาร์ที่ 22 ก.พ.», "originally the visit was Monday").
_EARLIER = re.compile(
    r"(?<![A-Za-z])(?:originally|previously|at\s+first)(?![A-Za-z])"
    rf"|(?<![{FA_LETTERS}])(?:قبلاً|قبلا|اولش)(?![{FA_LETTERS}])"
    r"|(?<!เวลา)เดิม|ก่อนหน้านี้|ตอนแรก",
    re.IGNORECASE,
)

#: The end of a sentence: values either side of it are not one change.
_SENTENCE_END = re.compile(r"[.!?؟。]\s|\n")

#: A bare number says too little of what it counts to pair it with another.
_UNPAIRED = {Kind.NUMBER}


def mark_moved_in_sentence(text: str) -> str:
    """``text`` with each old value that a sentence moves to a new one marked
    "old (replaced: new)"."""
    values = [v for v in find_values(text) if v.kind not in _UNPAIRED]
    marks: list[tuple[int, str]] = []
    for index, first in enumerate(values):
        for second in values[index + 1 :]:
            between = text[first.end : second.start]
            if _SENTENCE_END.search(between):
                break
            if second.kind is not first.kind or _same(first, second):
                continue
            pair = _old_and_new(text, first, second)
            if pair is not None:
                old, new = pair
                marks.append((old.end, replaced_note(new.text)))
            break
    for position, note in sorted(set(marks), reverse=True):
        if not text.startswith(" (replaced", position):
            text = text[:position] + note + text[position:]
    return text


def _same(first: ValueSpan, second: ValueSpan) -> bool:
    return " ".join(first.text.split()).casefold() == " ".join(second.text.split()).casefold()


def _old_and_new(
    text: str, first: ValueSpan, second: ValueSpan
) -> tuple[ValueSpan, ValueSpan] | None:
    """(old, new) when the sentence around the two values moves one to the other."""
    start = _sentence_start(text, first.start)
    end = _sentence_end(text, second.end)
    sentence = text[start:end]
    if not (_MOVED.search(sentence) or is_update(sentence)):
        return None
    first_old = is_negated(text, first.start, first.end)
    second_old = is_negated(text, second.start, second.end)
    if first_old != second_old:
        return (first, second) if first_old else (second, first)
    if not first_old and _EARLIER.search(text, start, first.start):
        between = text[first.end : second.start]
        if _MOVED.search(between) or is_update(between):
            return first, second
    return None


def _sentence_start(text: str, position: int) -> int:
    ends = [match.end() for match in _SENTENCE_END.finditer(text, 0, position)]
    return ends[-1] if ends else 0


def _sentence_end(text: str, position: int) -> int:
    match = _SENTENCE_END.search(text, position)
    return match.start() + 1 if match else len(text)
