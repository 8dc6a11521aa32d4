"""What a message of change says it moves: "I've had to move your survey", "we're changing
the survey". A day given then belongs to that thing: when the one date held is another
thing's (the installation), the survey's day does not move it. English only: no Persian or
Thai dialogue read so far names the thing moved in a message whose day is stored."""

import re

from domain.memory.offline.lexicon import word_set

_EN = re.compile(
    r"(?<![A-Za-z])(?:move[sd]?|moving|chang(?:e|es|ed|ing)|reschedul(?:e|es|ed|ing)"
    r"|push(?:es|ed|ing)?|postpon(?:e|es|ed|ing)|rebook(?:s|ed|ing)?)"
    r"\s+(?:your|the|my|our|their|his|her)\s+(?P<thing>[a-z]{3,})",
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
    return None if thing in _ANY_BOOKING else thing


def another_things(thing: str, held_keys: list[str]) -> bool:
    """Whether ``thing`` names none of the held keys ("survey" of "installation_date")."""
    stem = thing[: max(4, len(thing) - 3)]
    return not any(stem in key for key in held_keys)
