"""A day or hour turned down, and another of its kind asked for or offered in its place and
taken: "he can't do the 12th. Is the 19th free?" → "yes, the 19th is fine"; "the 3pm
slot has gone, I can do 4:30" → "4:30 is fine"; «پنجشنبه نمی‌تونم، شنبه چطوره؟» →
«بله خالیه»; «วันพฤหัสไม่สะดวกแล้วค่ะ ขอเป็นวันศุกร์ได้ไหมคะ» → «ได้ครับ». The value taken
replaces the one turned down, though no word of change is said.

Precision first: the value turned down stands before the new one, in its line (or the
same speaker's message just before), with words of refusal in its own clause; the new
one is taken by the other speaker's next message (a yes, or the value said again as
fine), not refused ("sorry, the 19th is full too") nor left unanswered (an offer alone
replaces nothing).
"""

from __future__ import annotations

import re

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.reply_refusals import FIRST_SENTENCE, refuses
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.offline.thai_cues import is_thai
from domain.memory.offline.values import FA_LETTERS, find_values
from domain.memory.speakers import speaker_of, without_speakers

_FA = FA_LETTERS

#: Words that say a day or hour cannot be had or is not wanted: "can't make", "doesn't
#: work", "no longer", "has gone", "fully booked"; «نمی‌تونم», «نمیشه», «نمی‌رسم», «پر شده»;
#: «ไม่สะดวก», «ไม่ได้», «ไม่ว่าง», «เต็ม», «ติดธุระ».
_REFUSED = re.compile(
    r"(?<![A-Za-z])(?:can'?t|cannot|can\s+not|couldn'?t|won'?t\s+work|doesn'?t\s+work"
    r"|does\s+not\s+work|don'?t\s+work|no\s+longer|not\s+any\s*more|unable|(?:has|have|is|are)"
    r"\s+(?:gone|taken|full)|fully\s+booked|not\s+(?:possible|available|free)"
    r"|isn'?t\s+(?:possible|available|free))(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:نمی\u200c?\s?تون|نمیتون|نمی\u200c?\s?شه|نمیشه|نمی\u200c?\s?رسم|نمیرسم"
    rf"|پر\s*شده|پره|خالی\s+نیست|مقدور\s+نیست)"
    r"|ไม่สะดวก|ไม่ได้|ไม่ว่าง|เต็ม|ติดธุระ|ติดงาน",
    re.IGNORECASE,
)
#: Where a clause ends (a value's words of refusal are in its own clause).
_CLAUSE_END = re.compile(r"[.!?؟,،;]\s|[.!?؟]$|\n")
#: A reply that opens by taking it: "yes", "sure", "fine", «باشه», «بله», «ได้ครับ», and a
#: day or hour said to be free, «ว่างครับ» (the values turned down are days and hours).
_TAKES = taking_opening(free=True)
#: Words that take a value said again: "4:30 is fine", «۶:۳۰ خوبه», «9 โมงว่างครับ».
_FINE = re.compile(
    r"(?<![A-Za-z])(?:fine|works|good|great|perfect|ok(?:ay)?|please|free|available)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:خوبه|باشه|عالیه|بذارید|خالیه)|ได้|โอเค|ว่าง",
    re.IGNORECASE,
)


def turned_down_for(text: str, value: str, kind: str, reply: str = "") -> list[str]:
    """The values of ``kind`` that ``text`` (lines with speakers) turns down just before
    ``value``, when ``value`` is taken by the other speaker's next line (of ``text``, or
    ``reply``, the message after it); else none."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if value in line), None)
    if at is None:
        return []
    answer = lines[at + 1] if at + 1 < len(lines) else reply
    if not _taken(value, lines[at], answer):
        return []
    line = without_speakers(lines[at])
    before = line[: line.find(value)]
    return [
        found.text
        for found in find_values(before)
        if found.kind.value == kind and _refused(before, found.start, found.end)
    ]


def _refused(text: str, start: int, end: int) -> bool:
    """Whether words of refusal stand in the clause of the value at ``start:end``."""
    opens = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    closing = _CLAUSE_END.search(text, end)
    clause = text[opens : closing.start() if closing else len(text)]
    return _REFUSED.search(clause) is not None


def _taken(value: str, line: str, answer: str) -> bool:
    """Whether ``answer``, the other speaker's, takes ``value`` asked for or offered in
    ``line``: it opens by taking it, or says it again as fine; not if it refuses."""
    if not answer or not speaker_of(answer) or speaker_of(answer) == speaker_of(line):
        return False
    said = without_speakers(answer)
    first = FIRST_SENTENCE.match(said.strip())
    # Thai has no full stops between sentences (a stop is an abbreviation's: «10:00 น.»)
    opening = said if is_thai(said) or not first else first.group(0)
    if refuses(opening):
        return False
    if _TAKES.match(opening):
        return True
    number = re.search(r"\d+", value)
    return (
        number is not None
        and re.search(rf"(?<!\d){number.group(0)}(?!\d)", opening) is not None
        and _FINE.search(opening) is not None
        and not is_question(said)
    )
