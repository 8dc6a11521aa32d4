"""How many a booking is for, said by the thing booked with a bare number: "a table for 6",
"a party of 8", "the kayak tour for 4", «میز ۴ نفره» (a table for four), «โต๊ะ 4 ที่» (a
table of four seats). A count with its unit ("6 people", «۴ نفر», «6 คน») is read by the
value rules; these say the unit in the thing booked instead. The words go with the number
("table for 6"): "6" alone is too short to mark where a summary still quotes it. Only a
size someone sets counts: the customer's, not a question of whether there is one ("Do you
have a table for 8?"); the assistant's, not one it asks about or offers ("Would a table for
4 work?"): that is the customer's to take.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.memory.offline.asking_words import EN_GO_FOR, EN_MAKE_IT, FA_PUT_IT, TH_MAY_IT_BE
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.thai_cues import is_thai, near_words
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

#: A customer's question that asks to have the size, not whether there is one ("do you have
#: a table for 8?"): "can I book", "could we get", "instead", «رزرو کنید», «จอง…ได้ไหม».
_ASKS_TO_HAVE = re.compile(
    r"(?<![A-Za-z])(?:(?:can|could|may)\s+(?:i|we)\s+(?:get|have|book|reserve|make|change"
    r"|switch|move|do)|(?:can|could)\s+you\s+(?:book|reserve|make|change|switch|move|put)"
    rf"|instead|{EN_MAKE_IT}|{EN_GO_FOR})(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:رزرو|بکنید|بکنین|کنید|کنین|{FA_PUT_IT}|بگیرید|بگیرین|بگیرم|میخوام"
    rf"|می[\u200c\s]?خوام|عوض|تغییر)(?![{_FA}])"
    rf"|จอง|{TH_MAY_IT_BE}|เปลี่ยน",
    re.IGNORECASE,
)
#: The assistant offering a size, not booking it: "we have a table for 4 at 9pm", "a table
#: for 4 is available", «میز ۴ نفره داریم», «มีโต๊ะ 4 ที่ว่าง».
_OFFERS = re.compile(
    r"(?<![A-Za-z])(?:we\s+(?:have|could|can)|there(?:['’]s|\s+is|\s+are)|available|free"
    r"|offer|how\s+about|what\s+about|instead|only)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:داریم|خالی|آزاد|میتونم|می[\u200c\s]?تونم|فقط)(?![{_FA}])"
    r"|ว่าง|มีโต๊ะ|เหลือ|เสนอ",
    re.IGNORECASE,
)


def party_sizes(text: str, claimed: ClaimedSpans, from_user: bool) -> Iterator[FactMatch]:
    """Head counts of a booking ``text`` names by the thing booked, set by its speaker
    (``from_user``: the customer's); each claims its words."""
    for shape in _SHAPES:
        for match in shape.finditer(text):
            start, end = match.span()
            if not _set_here(text, start, end, from_user):
                continue
            if claimed.is_free(start, end):
                claimed.claim(start, end)
                yield FactMatch("guest_count", match.group(), start, end)


def _set_here(text: str, start: int, end: int, from_user: bool) -> bool:
    """Whether the size at ``start``…``end`` is set by its sentence: the customer's, unless a
    question that only asks whether there is one ("Do you have a table for 8?"); the
    assistant's, unless it asks or offers ("Would a table for 4 work?", "We have a table
    for 4 at 9pm"): the customer has not taken it."""
    begin, stop = sentence_bounds(text, start, end)
    sentence = text[begin:stop]
    if is_thai(sentence):
        sentence = near_words(text, start, end, begin, stop)
    if from_user:
        return not is_question(sentence) or _ASKS_TO_HAVE.search(sentence) is not None
    return not is_question(sentence) and _OFFERS.search(sentence) is None


#: A reply that takes what was offered: "yes", "perfect", "that works", «بله», «باشه»,
#: «ได้ค่ะ»; not "yes, but …" nor one that says no after it.
_TAKES_IT = taking_opening()
#: "Yes, but …", "ok, not that one": a "but" or "no" later in the opening's line.
_BUT_OR_NO = re.compile(r"[^\n]*\b(?:but|no|not)\b", re.IGNORECASE)


def offered_size_taken(offer: str, reply: str) -> str | None:
    """The one size the assistant's ``offer`` asks about or offers ("Would a table for 4
    work?"), when the customer's ``reply`` takes it ("Yes, perfect") and names no other."""
    offered = [
        match
        for shape in _SHAPES
        for match in shape.finditer(offer)
        if not _set_here(offer, *match.span(), from_user=False)
    ]
    taken = _TAKES_IT.match(reply)
    if len(offered) != 1 or taken is None or _BUT_OR_NO.match(reply, taken.end()):
        return None
    if any(shape.search(reply) for shape in _SHAPES):
        return None
    return offered[0].group()
