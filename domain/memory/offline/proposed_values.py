"""A value the assistant only proposes in a question waits for the customer's yes.

"Shall I move it to Thursday 6 June instead?" changes nothing yet: a question proposes, it
does not change. The held value (Wednesday 5 June) stays current until the customer takes
the proposal ("Yes please", "yes, that works"), and stays when they turn it down ("No, keep
it") or say nothing to it. So too «به جاش پنجشنبه ۱۶ خرداد بفرستیم؟», «ให้เลื่อนเป็นวันที่
13 มีนาคมแทนไหมคะ». Thai marks no sentence's end: a clause runs to a polite particle and
the space after it («เลื่อนเป็นวันที่ 13 มีนาคมเรียบร้อยแล้วค่ะ มีอะไรให้ช่วยอีกไหมคะ» states
the move, then asks something else).

Only a value whose key holds another value is held back: a question that asks for a value
not held yet, reads back the held one, or completes it ("in the name of Hamid Kaabi, is
that right?" after "Hamid") changes nothing either way. No proposal either: the assistant
stating a change before its question ("I've had to move your installation. Are you free
Thursday 13 March?", "I've moved it to Thursday 6 June. Anything else?"), or reading back
a change the customer just made ("sorry, it ends 2217" → "so 0918 345 2217, right?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.offers_taken import BUT_OR_NO
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.offline.thai_cues import is_thai
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: A sentence and the marks that end it; a line break, a semicolon or a dash ends one too
#: ("It's now Thursday 6 June — anything else?" states, then asks).
_SENTENCE = re.compile(r"(?:[^.!?؟\n;—–-]|-(?!\s)|(?<!\s)-)+(?:[.!?؟;—–]+|\s-\s|$)")
#: A Thai clause: up to a polite particle and the space after it, or the end.
_THAI_CLAUSE = re.compile(r"\S.*?(?:(?:ค่ะ|ครับ|คะ|ค่า|จ้ะ|จ้า)(?=\s)|$)", re.DOTALL)
#: A Thai question word: «ไหม», «มั้ย», «หรือเปล่า», «หรือไม่», «ได้ไหม».
_THAI_ASKS = re.compile(r"ไหม|มั้ย|มั๊ย|หรือเปล่า|รึเปล่า|หรือไม่")
#: A change said done: "I've moved it", "had to reschedule", «منتقل کردم», «เลื่อน…แล้ว».
_STATES_CHANGE = re.compile(
    r"(?<![A-Za-z])(?:moved|changed|rescheduled|rebooked|switched|updated"
    r"|had\s+to\s+(?:move|change|reschedule))(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:(?:منتقل|عوض|جابجا|جابه\u200cجا)\s*(?:کردم|کردیم|شد)|تغییر\s*(?:دادم|دادیم|کرد))"
    r"|(?:เลื่อน|เปลี่ยน)\S*แล้ว",
    re.IGNORECASE,
)
#: A reply that opens with a yes or an ok: "yes", "sure", "ok", «بله», «باشه», «ได้ค่ะ».
_YES = taking_opening(praise=True)


def proposed(
    text: str,
    matches: Sequence[FactMatch],
    current: Callable[[str], str | None],
    told_a_change: bool,
) -> list[FactMatch]:
    """The ``matches`` of the assistant's ``text`` that a question only proposes (module
    doc): said in a question, under a key that ``current`` holds with another value.
    ``told_a_change``: the customer's message just before says a correction, which the
    question reads back."""
    asked = _asked_spans(text)
    if told_a_change or not asked or _STATES_CHANGE.search(text[: asked[0][0]]):
        return []
    return [
        match
        for match in matches
        if (held := current(match.key)) is not None
        and not restates(match.value, held)
        and not restates(held, match.value)
        and any(start <= match.start < end for start, end in asked)
    ]


def _asked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each question in ``text``: a sentence that asks, or a Thai clause
    with a question word («ให้เลื่อนเป็นวันที่ 13 มีนาคมแทนไหมคะ»)."""
    if is_thai(text):
        return [
            (clause.start(), clause.end())
            for clause in _THAI_CLAUSE.finditer(text)
            if _THAI_ASKS.search(clause.group())
        ]
    return [
        (sentence.start(), sentence.end())
        for sentence in _SENTENCE.finditer(text)
        if is_question(sentence.group())
    ]


def takes_proposal(reply: str) -> bool:
    """Whether the customer's ``reply`` takes what the question before it proposed: it
    opens with a yes and takes nothing back in its first sentence."""
    reply = reply.strip()
    opening = _YES.match(reply)
    if opening is None:
        return False
    first = _SENTENCE.match(reply)
    end = first.end() if first is not None else len(reply)
    return BUT_OR_NO.search(reply, opening.end(), end) is None
