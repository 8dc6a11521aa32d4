"""What a message of change says it moves: "I've had to move your survey", "we're changing
the survey". A day given then belongs to that thing: when the one date held is another
thing's (the installation), the survey's day does not move it; nor does a day said right
after the words of change move another event ("I'll move the sign-off to Wednesday").
English only: Persian needs no rule («جلسه‌ام افتاد به دوشنبه» already moves no held day)."""

import re

from domain.memory.offline.lexicon import word_set
from domain.memory.offline.sentence_bounds import sentence_bounds

_EN = re.compile(
    r"(?<![A-Za-z])(?:move[sd]?|moving|chang(?:e|es|ed|ing)|reschedul(?:e|es|ed|ing)"
    r"|push(?:es|ed|ing)?|postpon(?:e|es|ed|ing)|rebook(?:s|ed|ing)?)"
    r"\s+(?:your|the|my|our|their|his|her)\s+(?P<thing>[a-z]{3,})(?:\s+(?P<head>[a-z]{3,}))?",
    re.IGNORECASE,
)
#: Things moved that name no subject of their own: the one held day is theirs.
_ANY_BOOKING = word_set(
    """
    appointment booking visit slot date day time reservation session it plans plan order
    """
)


def thing_moved(text: str) -> str | None:
    """The noun a word of change in ``text`` moves, unless it names any booking at all."""
    match = _EN.search(text)
    if match is None:
        return None
    thing = match.group("thing").casefold()
    # "move the engineer visit": the noun after may be the head, and name a booking
    head = (match.group("head") or "").casefold()
    return None if thing in _ANY_BOOKING or head in _ANY_BOOKING else thing


def another_things(thing: str, held_keys: list[str]) -> bool:
    """Whether ``thing`` names none of the held keys ("survey" of "installation_date")."""
    stem = thing[: max(4, len(thing) - 3)]
    return not any(stem in key for key in held_keys)


#: Events with a day of their own, never a thing a booking brings ("move the car to 11am"
#: moves the car's delivery).
_EVENTS = word_set(
    """
    sign survey inspection surgery operation meeting exam interview viewing consultation
    wedding party hearing
    """
)


def moves_another_event(text: str, start: int, keys: list[str]) -> bool:
    """Whether the words of change before the day at ``start``, in its sentence, move an
    event that none of ``keys`` names ("I'll move the sign-off to Wednesday" of a held
    delivery day)."""
    if any(key.split("_")[0] in _ANY_BOOKING for key in keys):
        return False  # a held appointment is any event's day: "move the viewing" moves it
    begin, _ = sentence_bounds(text, start, start)
    moved = thing_moved(text[begin:start])
    return moved is not None and moved in _EVENTS and another_things(moved, keys)
