"""Details of an earlier conversation that say only what was going on at that moment.

A detail keeps clauses that state no value (``kept_clauses``: a request, a choice, a
fault): "I'd rather you email me", «آره با پیک بفرستید». Some of them were chat of the
moment and mean nothing to the user's next conversation, yet each took a line of a
returning user's section: a laugh or an aside (``small_talk``: "the app that doesnt work
you mean 😂", «کولر ماشینمم خراب شده، یه بدبختی دیگه 😂»), a thanks ("thanks, I'll pass it
on", «مرسی، میدم بهش سیو کنه», «ขอบคุณค่ะ»), or what is happening just then ("please hold on
a moment, someone is at the door", «الان پرداخت میکنم», «แป๊บนะคะ»). A detail whose every
value is such a clause is not handed to the user memory; one stating a value (a date, a
sum) keeps it however it laughs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.kept_clauses import CLAUSE_KINDS
from domain.memory.offline.small_talk import is_small_talk
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: A clause opening with thanks.
_THANKS = re.compile(
    r"^\W*(?:(?i:thanks|thank\s+you|cheers|ta)(?![A-Za-z])"
    rf"|(?:مرسی|ممنون|ممنونم|متشکرم|سپاس)(?![{_FA}])|ขอบคุณ)"
)
#: A clause saying what happens just then: waiting a moment, doing it now.
_THIS_MOMENT = re.compile(
    r"(?<![A-Za-z])(?i:hold\s+on|one\s+sec(?:ond)?|just\s+a\s+(?:sec|second|moment|minute|min)"
    r"|a\s+moment|right\s+now|brb)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:الان|یه\s+لحظه|یک\s+لحظه|صبر\s+کنید)(?![{_FA}])"
    r"|แป๊บ|สักครู่|เดี๋ยวนะ"
)


def of_the_moment(clause: str) -> bool:
    """Whether ``clause`` laughs, thanks or says what happens just then (module doc)."""
    return (
        is_small_talk(clause)
        or _THANKS.search(clause) is not None
        or _THIS_MOMENT.search(clause) is not None
    )


def only_of_the_moment(values: Sequence[str], kinds: Sequence[str]) -> bool:
    """Whether every one of a detail's ``values`` is a clause of the moment (module doc)."""
    return (
        bool(values)
        and len(kinds) == len(values)
        and all(kind in CLAUSE_KINDS for kind in kinds)
        and all(of_the_moment(value) for value in values)
    )
