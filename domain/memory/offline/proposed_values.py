"""A value the assistant only proposes in a question waits for the customer's yes.

"Shall I move it to Thursday 6 June instead?" changes nothing yet: a question proposes, it
does not change. The held value (Wednesday 5 June) stays current until the customer takes
the proposal ("Yes please", "yes, that works") or the assistant states it as settled within
the next few messages, naming it again in part ("I'll put you first in the queue on
Thursday"); it stays when the customer turns it down ("No, keep it") or nobody takes it
up. So too «به جاش پنجشنبه ۱۶ خرداد بفرستیم؟», «ให้เลื่อนเป็นวันที่ 13 มีนาคมแทนไหมคะ». A day
or hour the message presents with the question is the proposal's too ("… Tuesday 3
December? A technician is free 9.00-12.00"). Thai marks no sentence's end: a clause
runs to a polite particle and the space after it («เลื่อนเป็นวันที่ 13 มีนาคมเรียบร้อยแล้ว
ค่ะ มีอะไรให้ช่วยอีกไหมคะ» states the move, then asks something else).

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
from dataclasses import dataclass, field

from domain.memory.offline.dialogue import is_question, says_no
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.offers_taken import BUT_OR_NO
from domain.memory.offline.proposal_yeses import says_yes_to
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.offline.thai_cues import is_thai
from domain.memory.offline.values import FA_LETTERS, Kind, find_values

_FA = FA_LETTERS

#: A sentence and the marks that end it; a line break, a semicolon or a dash ends one too
#: ("It's now Thursday 6 June — anything else?" states, then asks).
_SENTENCE = re.compile(r"(?:[^.!?؟\n;—–-]|-(?!\s)|(?<!\s)-)+(?:[.!?؟;—–]+|\s-\s|$)")
#: A Thai clause: up to a polite particle and the space after it, or the end.
_THAI_CLAUSE = re.compile(r"\S.*?(?:(?:ค่ะ|ครับ|คะ|ค่า|จ้ะ|จ้า)(?=\s)|$)", re.DOTALL)
#: A Thai question word: «ไหม», «มั้ย», «หรือเปล่า», «หรือไม่», «ได้ไหม».
_THAI_ASKS = re.compile(r"ไหม|มั้ย|มั๊ย|หรือเปล่า|รึเปล่า|หรือไม่")
#: A change said done: "I've moved it", "had to reschedule", «منتقل کردم», «เลื่อน…แล้ว».
_FA_TH_DONE = (
    rf"(?<![{_FA}])(?:(?:منتقل|عوض|جابجا|جابه\u200cجا)\s*(?:کردم|کردیم|شد)|تغییر\s*(?:دادم|دادیم|کرد))"
    r"|(?:เลื่อน|เปลี่ยน)\S*แล้ว"
)
_STATES_CHANGE = re.compile(
    r"(?<![A-Za-z])(?:moved|changed|rescheduled|rebooked|switched|updated"
    rf"|had\s+to\s+(?:move|change|reschedule))(?![A-Za-z])|{_FA_TH_DONE}",
    re.IGNORECASE,
)
#: A change said done inside the question itself: "the courier has moved your delivery to
#: Thursday 6 June, is that OK?", «به شنبه منتقل شد، مشکلی نیست؟», «เลื่อนเป็น…แล้ว สะดวกไหมคะ».
#: English needs the auxiliary: "would you like it moved to Thursday?" still proposes.
_DONE_IN_QUESTION = re.compile(
    r"(?<![A-Za-z])(?:has|have|['’]ve|had|was|were|been)\s+(?:(?:now|just|already)\s+)?"
    r"(?:moved|changed|rescheduled|rebooked|switched|updated|pushed)(?![A-Za-z])"
    rf"|{_FA_TH_DONE}"
    # the Thai move and its «แล้ว» with the day between, spaced: «เลื่อนเป็นวันที่ 13 มีนาคมแล้ว»
    r"|(?:เลื่อน|เปลี่ยน)(?:(?!ไหม|มั้ย)[^\n]){0,40}?แล้ว(?!หรือยัง)",
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
    changing = [
        match
        for match in matches
        if (held := current(match.key)) is not None
        and not restates(match.value, held)
        and not restates(held, match.value)
    ]
    # a question that says the change done ("… has moved your delivery to …, is that OK?")
    # asks about it, proposes nothing
    proposing = [
        (start, end) for start, end in asked if not _DONE_IN_QUESTION.search(text, start, end)
    ]
    in_question = [m for m in changing if any(start <= m.start < end for start, end in proposing)]
    if not in_question:
        return []
    # the day or hour the message presents with it is the proposal's too ("… Tuesday 3
    # December? A technician is free 9.00-12.00")
    return [m for m in changing if m in in_question or _day_or_hour(m.value)]


def _day_or_hour(value: str) -> bool:
    return any(span.kind in _NAMED_AGAIN for span in find_values(value))


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


def takes_proposal(reply: str, offered: Sequence[FactMatch] = ()) -> bool:
    """Whether the customer's ``reply`` takes what the question before it proposed
    (``offered``): it opens with a yes ("Yes please", "Go ahead", "Correct", "Thursday is
    fine": ``proposal_yeses``) and takes nothing back in its first sentence."""
    reply = reply.strip()
    opening = _YES.match(reply)
    if opening is None and not says_yes_to(reply, [match.value for match in offered]):
        return False
    first = _SENTENCE.match(reply)
    end = first.end() if first is not None else len(reply)
    start = opening.end() if opening is not None else 0
    return BUT_OR_NO.search(reply, start, end) is None


#: How many messages a proposal stays open for the assistant to state it as settled.
_OPEN_FOR = 3
#: The kinds of value a statement names a proposal again by: a day or an hour.
_NAMED_AGAIN = frozenset({Kind.DATE, Kind.TIME})


@dataclass
class OpenProposals:
    """The values the assistant's questions proposed that no message has taken or turned
    down yet (module doc), each with how many messages have passed since."""

    _open: list[tuple[FactMatch, int]] = field(default_factory=list)
    #: Proposals a bare yes does not take: asked before another question of the same
    #: message, or with another way offered ("… instead? Or keep Wednesday?"): the yes
    #: may answer the other. The reply must name them ("Thursday is fine").
    _unsure: list[FactMatch] = field(default_factory=list)

    def taken_by(self, role: str, text: str) -> list[FactMatch]:
        """The open proposals the message ``text`` takes, closed: those of the question just
        before when it is the customer's yes to it, and any the assistant states again in
        part, not asking. A customer's no to the question closes what it proposed."""
        last = [match for match, age in self._open if age == 0]
        taken: list[FactMatch] = []
        if role == "user" and takes_proposal(text, last):
            taken = [match for match in last if match not in self._unsure or _names(text, match)]
        elif role == "user" and says_no(text):
            self._close(last)
        elif role == "assistant":  # the day named again, and all its message proposed
            ages = {age for match, age in self._open if _stated_again(text, match)}
            taken = [match for match, age in self._open if age in ages]
        self._close(taken)
        return taken

    def after(self, held_back: Sequence[FactMatch], text: str = "") -> None:
        """One more message read, ``text``, which proposed ``held_back``."""
        aged = [(match, age + 1) for match, age in self._open if age + 1 < _OPEN_FOR]
        self._open = aged + [(match, 0) for match in held_back]
        asked = _asked_spans(text)
        self._unsure = [
            match
            for match in held_back
            if not any(start <= match.start < end for start, end in asked[-1:])
            or _OTHER_WAY.search(text, match.start, _next_span_end(text, match.start))
        ]

    def _close(self, matches: Sequence[FactMatch]) -> None:
        self._open = [(match, age) for match, age in self._open if match not in matches]


#: Another way offered beside a proposal: "… instead? Or keep Wednesday?", «یا», «หรือ»;
#: not "or not", «หรือเปล่า», «หรือไม่», which only ask.
_OTHER_WAY = re.compile(
    r"(?<![A-Za-z])or(?![A-Za-z])(?!\s+not\b)|(?<![\u0600-\u06ff])یا(?![\u0600-\u06ff])"
    r"|หรือ(?!เปล่า|ไม่)",
    re.IGNORECASE,
)


def _next_span_end(text: str, at: int) -> int:
    """The end of the sentence (Thai: clause) after the one holding ``at``, where another
    way offered beside a proposal is said ("… instead? Or keep Wednesday?")."""
    spans = _THAI_CLAUSE if is_thai(text) else _SENTENCE
    ends = [span.end() for span in spans.finditer(text) if span.end() > at]
    return ends[1] if len(ends) > 1 else len(text)


def _names(reply: str, proposal: FactMatch) -> bool:
    """Whether ``reply`` names the ``proposal``'s day or hour ("Thursday is fine")."""
    return any(
        value.kind in _NAMED_AGAIN and value.text in proposal.value for value in find_values(reply)
    )


def _stated_again(text: str, proposal: FactMatch) -> bool:
    """Whether the assistant's ``text`` names the ``proposal`` again in part (its day or
    hour: "Thursday" of "Thursday 6 June", «วันอังคาร» of «วันอังคารที่ 3 ธันวาคม») outside
    any question."""
    asked = _asked_spans(text)
    return any(
        value.kind in _NAMED_AGAIN
        and value.text in proposal.value
        and not any(start <= value.start < end for start, end in asked)
        for value in find_values(text)
    )
