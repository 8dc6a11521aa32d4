"""The second day of a span is where it ends: "starts 15 Nov 2024 until 14 Nov 2025",
«از ۱ مهر تا ۳۱ شهریور», «เริ่ม 15 พ.ย. 2567 ถึง 14 พ.ย. 2568». A day right after "until"
/ «تا» / «ถึง» that follows a start named in the same message is that span's end, never a
second start replacing the first."""

import re
from collections.abc import Sequence

from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.fact_match import FactMatch

#: What ends a span, per key of where it starts.
_END_OF = {
    "start_date": "end_date",
    "move_in_date": "move_out_date",
    "check_in_date": "check_out_date",
    "pickup_date": "return_date",
}
#: Keys of the ends of a span: moved only by name, never by a day said alone.
SPAN_DAYS = frozenset({*_END_OF, *_END_OF.values()} - {"pickup_date", "return_date"})
#: Between the start and the end: "until", "to", a dash; «تا»; «ถึง», «จนถึง».
_UNTIL = re.compile(
    r"^\s*[,،]?\s*(?:(?:until|till|to|through|thru|-|–|—)\s*(?:the\s+)?|تا\s*|(?:จน)?ถึง\s*(?:วันที่\s*)?)$",
    re.IGNORECASE,
)


def span_end(text: str, start: int, said: Sequence[FactMatch]) -> str | None:
    """The key of the end of the span whose start ``said`` (this message's facts so far)
    holds right before ``text[start:]``, "until" between them; none otherwise."""
    before = [fact for fact in said if fact.end <= start]
    if not before:
        return None
    last = max(before, key=lambda fact: fact.end)
    end = _END_OF.get(base_key(last.key))
    if end is None or not _UNTIL.match(text[last.end : start]):
        return None
    return end
