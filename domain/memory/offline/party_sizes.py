"""How many a booking is for, said by the thing booked with a bare number: "a table for 6",
"a party of 8", "the kayak tour for 4", «میز ۴ نفره» (a table for four), «โต๊ะ 4 ที่» (a
table of four seats). A count with its unit ("6 people", «۴ نفر», «6 คน») is read by the
value rules; these say the unit in the thing booked instead. The words go with the number
("table for 6"): "6" alone is too short to mark where a summary still quotes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
_EN_NUMBER = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_EN_PARTY = re.compile(
    r"(?<![A-Za-z])(?:(?:table|booking|reservation|tour|class|lesson|session|trip|tasting"
    r"|cabin|boat|court|lane)\s+for|(?:party|group)\s+of)\s+"
    rf"{_EN_NUMBER}(?:\s+(?:people|persons|guests|adults|diners|of\s+us))?"
    # "for 2 nights", "for 7pm", "for 10:30", "for 3 hours", "for 6 year olds": no head count
    r"(?![\d:.,]?\d|[A-Za-z%]|\s*(?:am|pm|nights?|days?|weeks?|months?|hours?|hrs?|mins?"
    r"|minutes?|o['’]clock|kg|years?|year-olds?)\b"
    # "a reservation for 4 June": a day of a month
    r"|\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    re.IGNORECASE,
)
_FA_DIGITS_OR_WORDS = r"(?:[\d\u06f0-\u06f9]{1,2}|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده)"
#: «میز ۴ نفره»: a table for four («کاناپه سه‌نفره» is a three-seater: no booking).
_FA_TABLE = re.compile(rf"(?<![{_FA}])میز\s+{_FA_DIGITS_OR_WORDS}[\s\u200c]?نفره(?![{_FA}])")
_TH_DIGITS_OR_WORDS = r"(?:\d{1,2}|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ)"
#: «โต๊ะ 4 ที่»: a table of four seats (not «ที่นั่ง», seats on a flight or in a hall).
_TH_TABLE = re.compile(rf"โต๊ะ\s?(?:สำหรับ\s?)?{_TH_DIGITS_OR_WORDS}\s?ที่(?!นั่ง|อยู่)")

_SHAPES = (_EN_PARTY, _FA_TABLE, _TH_TABLE)


def party_sizes(text: str, claimed: ClaimedSpans) -> Iterator[FactMatch]:
    """Head counts of a booking ``text`` names by the thing booked; each claims its words."""
    for shape in _SHAPES:
        for match in shape.finditer(text):
            start, end = match.span()
            if claimed.is_free(start, end):
                claimed.claim(start, end)
                yield FactMatch("guest_count", match.group(), start, end)
