"""An id said in the past tense is still the record's id: "my booking reference was
BK-55102", "Payment reference was PAY-88120", "my order number was 552013". A code does not
change by being told in the past; only a word that calls it old or wrong makes it the old
one ("the old code was 4471", "the tracking number was JD0140023 originally", "the
reference was wrong"). Dates, times and sums said with "was" stay old ("the price was
$40"): those are the values that change. (Persian and Thai say no past tense before a
value: «کد رزرو BK-55102 بود», «เลขที่จองคือ BK-55102».)
"""

from __future__ import annotations

import re

from domain.memory.offline.values import Kind, ValueSpan

_ID_KINDS = frozenset({Kind.IDENTIFIER, Kind.NUMBER})
#: "was" alone, right before the value.
_WAS = re.compile(r"(?<![A-Za-z])was\s+(?:the\s+)?$", re.IGNORECASE)
#: Words that call an id old or wrong, anywhere in its sentence.
_OLD = re.compile(
    r"(?<![A-Za-z])(?:old|previous(?:ly)?|original(?:ly)?|former|earlier|before|used\s+to"
    r"|wrong|incorrect|typo|mistake|expired|cancell?ed|replaced|not|no\s+longer|isn['’]t"
    r"|wasn['’]t)(?![A-Za-z])",
    re.IGNORECASE,
)
_REACH = 22


def id_in_past_tense(text: str, value: ValueSpan) -> bool:
    """Whether ``value`` is an id told with "was" and nothing in its sentence calling it old."""
    if value.kind not in _ID_KINDS:
        return False
    if not _WAS.search(text[max(0, value.start - _REACH) : value.start]):
        return False
    sentence = re.split(r"[.!?\n]\s", text[: value.start])[-1] + text[value.end :].split(". ")[0]
    return _OLD.search(sentence) is None
