"""A detail that says both the old value and the new one, and which is which.

"I've moved the engineer visit from Monday 2 December to Tuesday 3 December", «نوبت رو از
۱۲ آبان به ۱۵ آبان تغییر دادم», «เลื่อนนัดจากวันที่ 5 ม.ค. เป็นวันที่ 8 ม.ค.»: the change is
said in one sentence, the old value after "from" (« از », «จาก») and the new one after "to"
(« به », «เป็น»), with a verb of change. A range reads otherwise ("from 15 June to 14
August", «از ۱۸ تا ۲۱», «ตั้งแต่ 5 ถึง 8»): no verb of change stands before it, and
Persian and Thai say it with «تا», «ถึง».

"User: wait april 14...\\nAssistant: Sure thing, I've penciled you in for April 21 instead":
the old value is quoted by one party in a line with hardly a word of its own, and the other
answers with a new value and a word of change ("instead", «به جای», «แทน»): the answer
changes the value the question quoted. A question that names what its value is of ("my
flight is on the 14th, can you move the hotel?") is not read so: the answer may be of
another thing.

``detail_changes.value_changes`` records such an old value replaced in the detail itself,
and so wherever it is quoted the same (a summary, an older detail).
"""

from __future__ import annotations

import re

from domain.memory.offline.terms import content_terms
from domain.memory.speakers import speaker_of, without_speakers

#: A verb of change before "from": "moved the engineer visit from", "changed it from".
_EN_CHANGE = r"\b(?:moved|changed|switched|rescheduled|updated|pushed|brought|shifted)\b"
#: A Persian verb of change after the new value: «تغییر دادم», «عوض کردیم», «منتقل شد».
_FA_CHANGE = r"(?:تغییر|عوض|منتقل|جابجا|جابه‌جا)"
#: A Thai verb of change before «จาก»: «เลื่อนนัดจาก», «เปลี่ยนจาก», «ย้ายจาก».
_TH_CHANGE = r"(?:เลื่อน|เปลี่ยน|ย้าย)"

#: A word between the verb and "from" that makes the "from … to" a range the change set
#: ("changed the stay to run from 3 May to 7 May").
_NOT_BETWEEN = r"(?:to|run|be|for|cover|last)\b"
#: How many words may stand between the verb and "from" ("moved your engineer visit from").
MAX_WORDS_BETWEEN = 5
#: A quoting line with more words of content than this names what its value is of.
MAX_QUOTE_TERMS = 1


def from_to(text: str, old: str, new: str) -> bool:
    """Whether ``text`` says, in one sentence, that ``old`` was changed to ``new``."""
    a, b = re.escape(old), re.escape(new)
    english = (
        rf"{_EN_CHANGE}(?:\s+(?!{_NOT_BETWEEN})\S+){{0,{MAX_WORDS_BETWEEN}}}?\s+from\s+(?:the\s+)?{a}"
        rf"\s+(?:to|into)\s+(?:the\s+)?{b}"
    )
    persian = rf"(?<![\w\u0600-\u06ff])از\s+{a}\s+به\s+{b}[^.!?؟\n]{{0,40}}{_FA_CHANGE}"
    thai = rf"{_TH_CHANGE}[^\s.!?]{{0,30}}?\s*จาก\s*{a}\s*(?:มา)?\s*เป็น\s*{b}"
    return any(re.search(p, text, re.IGNORECASE) for p in (english, persian, thai))


def quoted_then_changed(text: str, old: str, new: str, changed: bool) -> bool:
    """Whether ``old`` stands in a line of one speaker with at most ``MAX_QUOTE_TERMS``
    words of its own, and ``new`` in a later line of the other speaker, ``changed`` (a word
    of change said of it, read by the caller), and not ``old`` there."""
    if not changed:
        return False
    lines = text.split("\n")
    at_old = next((i for i, line in enumerate(lines) if old in line), None)
    at_new = next((i for i, line in enumerate(lines) if new in line), None)
    if at_old is None or at_new is None or at_new <= at_old or old in lines[at_new]:
        return False
    if speaker_of(lines[at_old]) == speaker_of(lines[at_new]):
        return False
    # words, not content terms: a Thai word counts as many as its letters make trigrams
    own = without_speakers(lines[at_old]).replace(old, " ").split()
    return sum(1 for word in own if content_terms(word)) <= MAX_QUOTE_TERMS
