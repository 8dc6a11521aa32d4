"""A value said after "from" that another value of its kind follows is where a span starts
("I need the car from 12 June and back on 15 June", "we're moving from 12 Oak Lane to
4 Elm Street", «از ۱۲ خرداد … ۱۵ خرداد برمی‌گردونم», «ย้ายจาก … ไป …»), not the old value
of a change: only a word of change in the sentence ("can you change it from 12 June to
15 June") makes it one."""

import re
from collections.abc import Sequence

from domain.memory.offline.dialogue import is_correction, is_update
from domain.memory.offline.values import FA_LETTERS, ValueSpan

_FROM_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])from|(?<![{FA_LETTERS}])از|จาก|ตั้งแต่)\s*(?:the\s+|on\s+|at\s+)?$",
    re.IGNORECASE,
)
#: How far before a value its "from" may stand.
_REACH = 12


def starts_span(
    text: str, value: ValueSpan, values: Sequence[ValueSpan], sentence: tuple[int, int]
) -> bool:
    """Whether ``value`` follows "from" and a value of its kind follows it in its
    ``sentence`` (begin, end in ``text``), which holds no word of change."""
    begin, stop = sentence
    if not _FROM_BEFORE.search(text[max(0, value.start - _REACH) : value.start]):
        return False
    if not any(other.kind is value.kind and value.end <= other.start < stop for other in values):
        return False
    said = text[begin:stop]
    return not (is_update(said) or is_correction(said))
