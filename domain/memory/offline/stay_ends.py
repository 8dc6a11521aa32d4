"""Which end of a stay a day moves: a day said right after "arriving" or "leaving" moves
the check-in or the check-out on record ("arriving wed 15th, leaving fri 17th"). Kept
apart from the cues of ``subjects`` because in a stay those words name its ends, while
elsewhere "arriving" is a delivery's arrival: only a stay already on record is moved."""

import re
from collections.abc import Callable

from domain.memory.offline.values import Kind, ValueSpan

#: A word right before a day that says which end of a stay it is ("arriving wed 15th",
#: "leaving fri 17th", "departing on the 9th").
_STAY_ENDS = (
    (re.compile(r"(?i:arriv(?:e|ing|al))\s+(?:(?i:on)\s+)?$"), "check_in_date"),
    (re.compile(r"(?i:leav(?:e|ing)|depart(?:ing|ure)?)\s+(?:(?i:on)\s+)?$"), "check_out_date"),
)


def stay_end_moved(text: str, value: ValueSpan, held: Callable[[str], str | None]) -> str | None:
    """The end of a stay on record (``held`` gives a key's current value) a day said after
    "arriving" or "leaving" moves: in a stay, those are the check-in and the check-out, not
    a delivery's arrival."""
    if value.kind is not Kind.DATE:
        return None
    before = text[max(0, value.start - 24) : value.start]
    for said, key in _STAY_ENDS:
        if said.search(before) and held(key) is not None:
            return key
    return None
