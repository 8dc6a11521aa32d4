"""The words a noted value is shown with: those that say what it is, never chatter.

A value nothing names as a known subject (a reference, another phone) is kept with the
words that lead to it in its sentence. Those words help only when they name the thing:
"reference ENW-G98-448120", "quote reference is BS-Q-20417", «درخواست تعمیر ثبت کردم با
شماره WS-77120», «เลขที่ใบงาน RP-55821». So the lead-in

- is only the last clause before the value: it starts after a comma, colon or "but"
  ("to Electricity North West, reference …" → "reference …"), and in Thai after a
  polite particle, which ends a phrase («รับเรื่องครับ เลขที่แจ้งซ่อม …»);
- starts at its first word that is not a stop word nor filler ("yeah", "the", «یه»);
- is kept only when it names something: a subject word, or a word for an id or a
  number ("reference", «شماره», «เลขที่»). Otherwise ("right its wR7TkP3m", "yeah i was
  reading about ECO4") the value stands alone.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import (
    ENGLISH_FILLER,
    ENGLISH_STOP_WORDS,
    PERSIAN_FILLER,
    PERSIAN_STOP_WORDS,
    THAI_PARTICLES,
)
from domain.memory.offline.subjects import cues_in

#: How far before a noted value its lead-in reaches (characters, cut at a space).
LEAD_IN_REACH = 48

#: Where a clause ends before the value: punctuation, "but"/"so", a Thai particle.
_CLAUSE_END = re.compile(
    rf"[,;:،؛–—()]|\s(?:but|so|ولی|اما)\s|(?<=[^\W\d_]){THAI_PARTICLES}(?=\s)",
    re.IGNORECASE,
)

#: Words that say a value is an id or a number of something.
_ID_WORDS = re.compile(
    r"(?<![A-Za-z])(?:ref(?:erence)?s?|numbers?|no\.|codes?|ids?|pins?|serial)(?![A-Za-z])"
    r"|شماره|کد|پیگیری|เลข|รหัส|เบอร์",
    re.IGNORECASE,
)

_WORD = re.compile(r"\S+")
_EDGE_MARKS = "\"'“”‘’.,!?()"
_SKIPPED = ENGLISH_STOP_WORDS | ENGLISH_FILLER | PERSIAN_STOP_WORDS | PERSIAN_FILLER


def lead_in_start(text: str, begin: int, value_start: int) -> int:
    """Where the words naming the value that starts at ``value_start`` start, ``begin``
    being the start of its sentence; ``value_start`` when no words name it."""
    start = max(begin, value_start - LEAD_IN_REACH)
    if start > begin:  # cut at a space: no half word
        space = text.find(" ", start, value_start)
        start = space + 1 if space != -1 else value_start
    ends = list(_CLAUSE_END.finditer(text, start, value_start))
    if ends:
        start = ends[-1].end()
    for word in _WORD.finditer(text, start, value_start):
        if word.group().strip(_EDGE_MARKS).casefold() not in _SKIPPED:
            start = word.start()
            break
    else:
        return value_start
    words = text[start:value_start]
    if not (cues_in(words) or _ID_WORDS.search(words)):
        return value_start
    while start < value_start and not text[start].isalnum():
        start += 1
    return start
