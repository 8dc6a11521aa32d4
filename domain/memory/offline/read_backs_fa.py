"""A Persian agent reading back what it understood, and the customer saying yes.

«یعنی سیب زمینی و دوغ نیومده، نوشابه رسیده؟» ("so the fries and the ayran didn't come,
the soda did?") answered «اره»: the customer's whole answer is a yes, and what they said
yes to is the read-back. It names no value ``values`` reads, and the bare «اره» states
nothing, so without it the unit keeps no detail and the thing agreed is nowhere once the
summaries drop it. The read-back opens with «یعنی» / «پس» / «منظورتون» («so», «you
mean»), or closes with «درسته؟» / «آره؟» («right?»); «پس‌فردا» (the day after tomorrow)
is no «پس».
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: «یعنی …؟», «پس …؟», «منظورتون …؟», «منظورتون اینه که …؟».
_OPENS = re.compile(
    rf"^\s*(?:یعنی|پس(?![\u200c\s]?فردا)|منظور(?:تون|تان|ت)(?:\s+اینه(?:\s+که)?)?)"
    rf"(?![{_FA}])[\s،,:]*(?P<said>.+?)[\s،,]*[؟?]+\s*$"
)
#: «…، درسته؟», «… آره؟», «… دیگه؟».
_CLOSES = re.compile(
    r"^\s*(?P<said>.+?)[\s،,]+(?:درسته|درست\s+(?:است|هست)|آره|اره|بله|دیگه)[\s،,]*[؟?]+\s*$"
)
#: A whole answer that is a yes and nothing more: «اره», «آره همین», «بله درسته», «دقیقا».
_YES = re.compile(
    rf"^\s*(?:(?:آره|اره|آری|بله|درسته|دقیقا|دقیقاً|همینه|همین|همون|دیگه|کاملا|کاملاً)"
    rf"(?![{_FA}])[\s،,.!]*)+$"
)
#: Fewer words than this in a read-back say nothing to keep («یعنی چی؟»).
MIN_WORDS = 2


def read_back_of(asked: str) -> str | None:
    """What the agent's question ``asked`` reads back («یعنی …؟», «… درسته؟»), else None."""
    match = _OPENS.match(asked) or _CLOSES.match(asked)
    return match.group("said") if match is not None else None


def confirmed_read_back(asked: str, answer: str) -> str | None:
    """What the agent's question ``asked`` read back, when the customer's ``answer`` is a
    bare yes to it (module doc); else None."""
    if _YES.match(answer) is None:
        return None
    said = read_back_of(asked)
    return said if said is not None and len(said.split()) >= MIN_WORDS else None
