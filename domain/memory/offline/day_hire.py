"""A room priced by the day or by the hour is hired (a meeting room, a hall), not slept in:
its price is a hire fee, no nightly room rate ("the Cedar Room at £400 per day", «اتاق
جلسه روزی ۳ میلیون», «ห้องประชุมวันละ 5,000 บาท»)."""

import re

from domain.memory.offline.subjects import Topic
from domain.memory.offline.subjects import topic as topic_by_name
from domain.memory.offline.values import Kind, ValueSpan

_FA = "\u0600-\u06ff"

#: The day or the hour a price is counted per, said after it.
_PER_DAY_AFTER = re.compile(
    r"\s*(?:per|a|an|each|/)\s*(?:day|hour|half[\s-]day)(?![A-Za-z])"
    r"|\s?(?:ต่อ|/)\s?(?:วัน|ชั่วโมง|ชม\.?)"
    rf"|\s*(?:تومان|تومن|ریال)?\s*(?:در|برای\s+هر|هر)\s+(?:روز|ساعت)(?![{_FA}])",
    re.IGNORECASE,
)
#: The same said before it: «วันละ», «ชั่วโมงละ», «روزی», «ساعتی».
_PER_DAY_BEFORE = re.compile(rf"(?:วันละ|ชั่วโมงละ|ชม\.ละ|(?<![{_FA}])(?:روزی|ساعتی))\s*$")
_PER_DAY_INSIDE = re.compile(r"^(?:วันละ|ชั่วโมงละ|ชม\.ละ)")


def hired_by_the_day(cue: Topic, text: str, value: ValueSpan) -> Topic:
    """The hire topic for a room's price counted per day or hour; ``cue`` otherwise."""
    if cue.name != "room" or value.kind is not Kind.AMOUNT:
        return cue
    by_day = (
        _PER_DAY_AFTER.match(text, value.end)
        or _PER_DAY_BEFORE.search(text[: value.start])
        or _PER_DAY_INSIDE.match(value.text)
    )
    return topic_by_name("hire") if by_day else cue


def priced_per_period(text: str, value: ValueSpan) -> bool:
    """Whether the sum at ``value`` is a price per day or per hour ("£40 a day", «روزی ۳
    میلیون», «ลดเหลือวันละ 230»): a rate, never what the whole comes to."""
    return bool(
        _PER_DAY_AFTER.match(text, value.end)
        or _PER_DAY_BEFORE.search(text[: value.start])
        or _PER_DAY_INSIDE.match(value.text)
    )
