"""A subject named as what is taken off ("the balance after deducting the deposit is …",
«مانده بعد از کسر بیعانه …», «ยอดคงเหลือหลังหักมัดจำ …»): the sum beside it is what
remains, not that subject's."""

import re

#: Just before a cue: the cue names what is subtracted.
_TAKEN_OFF_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:after\s+(?:deducting|subtracting|taking\s+off)|minus|less|net\s+of"
    r"|excluding|deducting)\s+(?:the\s+|your\s+)?"
    r"|(?:بعد\s+از\s+)?(?:کسر|منهای|کم\s+کردن)\s+|หลังหัก\s?|หัก\s?)$",
    re.IGNORECASE,
)
_REACH = 30


def taken_off(text: str, cue_start: int) -> bool:
    """Whether the cue at ``cue_start`` names what is deducted from the sum."""
    return _TAKEN_OFF_BEFORE.search(text[max(0, cue_start - _REACH) : cue_start]) is not None
