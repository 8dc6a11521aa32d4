"""Whether a sentence is about a fact's subject.

Two facts may hold one value ("Monday 3 June" the old fitting date and the payment date):
a summary's sentence that quotes it is about one of them, and only a sentence about the
fact whose value was replaced quotes a replaced value. A sentence names a fact's subject
by a word of its key ("fitting" of ``fitting_date``, a Thai key «สาขาคืนรถ» itself).

Not by a topic's cues («اعتبار» of the credit topic for ``credit_balance``, "land" of the
flight's): where two facts hold one value the history is often itself a false
replacement (an arrival time replaced by the departure's), and the broader cues marked
those quotes as replaced on /work/seen.
"""

from __future__ import annotations

import re
from functools import cache

from domain.memory.offline.fact_keys import base_key

#: Words of a key that name the value's shape, not whose value it is: "date" of
#: ``fitting_date`` and of ``payment_date`` alike.
_SHAPE_WORDS = frozenset(
    {"date", "time", "day", "amount", "number", "id", "code", "value", "reference"}
)


@cache
def _subject_pattern(key: str) -> re.Pattern[str] | None:
    words = [w for w in base_key(key).split("_") if len(w) >= 3 and w not in _SHAPE_WORDS]
    if not words:
        return None
    alternatives = (rf"(?<![A-Za-z]){re.escape(w)}(?:s|es|d|ed|ing)?(?![A-Za-z])" for w in words)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def about(sentence: str, key: str) -> bool:
    """Whether ``sentence`` names the subject of the fact keyed ``key``."""
    pattern = _subject_pattern(key)
    return pattern is not None and pattern.search(sentence) is not None
