"""A start asked for after "from" is the new value, not the old one of a change.

"from" / «از» / «จาก» usually name the old value ("moved from 1 March to 8 March"), but a
start the customer asks for ("the freeze needs to be from 8 March now", "let's start from
Monday", «از ۸ اسفند شروع بشه», «ขอเริ่มจาก 8 มี.ค.») is the new value. Only words that ask
for the start count: an offer of when things are free ("we have slots from Saturday on",
«از شنبه به بعد نوبت خالی داریم», "dinner can start from 7pm") is no value chosen, and
keying it chained the customer's later choice after it (one false history on the unseen
sets when "onwards" and "can start from" counted).

A Persian day or hour told as the start, «از» and the value right before «شروع میشه»
(«ترم از ۸ دی شروع میشه»: the term starts on 8 Dey), is the start too, not a change from
it; a start that is no day («از ۷ سال شروع میشه», from age seven) stays a threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan

_FA = FA_LETTERS

#: A start asked for, then "from", ending right before the value.
_ASKED_FROM = re.compile(
    r"(?<![A-Za-z])(?:(?:needs?|has|have|ought)\s+to\s+be|should\s+be|must\s+be"
    r"|(?:let[’']s|we[’']ll|I[’']d\s+like\s+to|I\s+want\s+to|I[’']ll)\s+start)"
    r"\s+from\s+(?:the\s+|on\s+)?$"
    r"|ขอ\S{0,8}?เริ่ม(?:ตั้งแต่|จาก)\s?$",
    re.IGNORECASE,
)
#: Right after the value, a start asked for in Persian: «شروع بشه», «شروع کنیم», «شروع کنید».
_ASKED_START_AFTER = re.compile(rf"^\s?شروع\s*(?:بشه|بشود|شود|کنیم|کنید|کنه)(?![{_FA}])")
#: How far before the value "from" and its starting word may reach.
_REACH = 30


def start_asked_for(text: str, start: int, end: int) -> bool:
    """Whether the value at ``text[start:end]`` is a start asked for."""
    before = text[max(0, start - _REACH) : start]
    return bool(_ASKED_FROM.search(before) or _ASKED_START_AFTER.match(text[end : end + 20]))


#: "from" right before a value.
_FROM_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])from|(?<![{_FA}])از|จาก|ตั้งแต่)\s?(?:the\s+|on\s+)?$", re.IGNORECASE
)


def start_given(text: str, start: int, asked: Iterable[str]) -> bool:
    """Whether the value at ``text[start:]`` follows "from" in a reply to a question for
    when something starts ("When can you start?" "from 10 December", «کی میتونید شروع
    کنید؟» «از ۱۰ آذر میتونیم», «เริ่มได้วันไหน» «ตั้งแต่ 10 ธ.ค.»): the start given, no
    old value."""
    return "start" in asked and bool(_FROM_BEFORE.search(text[max(0, start - _REACH) : start]))


#: Right after the value, a start told in Persian: «شروع میشه», «شروع می‌شود», «شروع میکنیم».
_TOLD_START_AFTER = re.compile(
    r"^\s?شروع\s*(?:می\u200c?شه|می\u200c?شود|می\u200c?شن|می\u200c?کنیم|می\u200c?کنن|می\u200c?کنه)"
    rf"(?![{_FA}])"
)
_DAY_KINDS = frozenset({Kind.DATE, Kind.TIME})


def start_told(text: str, value: ValueSpan) -> bool:
    """Whether ``value`` is a day or hour told as when something starts: «از ۸ دی شروع
    میشه», «از ساعت ۵ شروع می‌کنیم»."""
    return (
        value.kind in _DAY_KINDS
        and bool(_FROM_BEFORE.search(text[max(0, value.start - _REACH) : value.start]))
        and _TOLD_START_AFTER.match(text[value.end : value.end + 20]) is not None
    )
