"""A time that bounds eating or drinking is the limit of an instruction, no appointment time.

"No food after 10pm the night before", «بعد از ساعت ۲۲ چیزی نخوره», «งดอาหารหลัง 22:00 น.»,
«มื้อเช้าก่อน 6:00 น.»: the hour says until when the patient may eat, said beside the
appointment it prepares for. It neither is nor moves the appointment's time; the
instruction itself is kept by ``instructions.preparations``.
"""

import re

from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan

#: The keys such a time is not (``base_key``): an appointment's, a follow-up's. A check-out
#: "before 11am" beside "no breakfast on Sundays" keeps its key.
VISIT_TIMES = frozenset({"appointment_time", "follow_up_time"})

#: A word that makes a time a bound: "after 10pm", «بعد از ساعت ۲۲», «หลัง 22:00».
#: Not «ถึง» alone («ไปถึง 9:00»: arrives at 9), nor «تا» inside a word («ناشتا», fasting).
_BOUND = re.compile(
    r"\b(?:after|before|until|till|no\s+later\s+than)\b"
    rf"|(?<![{FA_LETTERS}])(?:(?:بعد|قبل)\s+از|تا)(?![{FA_LETTERS}])"
    r"|หลัง|ก่อน|ไม่เกิน|จนถึง",
    re.IGNORECASE,
)
#: Going without food or drink: what such a bound is the limit of ("no food after 10pm",
#: «چیزی نخوره», «งดอาหาร»). Hours of a meal served ("breakfast until 10am") are no limit.
_FASTING = re.compile(
    r"\b(?:no\s+(?:food|eating|drinks?|breakfast|dinner)|nothing\s+to\s+(?:eat|drink)"
    r"|(?:not|n't)\s+(?:eat|drink)|fasting|fast\s+(?:from|after|before|until|for)"
    r"|nil\s+by\s+mouth)\b"
    r"|نخور|ننوش|ناشتا|چیزی\s+(?:نخوره|نخورد|نخورید|نخورن)"
    # «งด» names what is gone without: not «งดใช้น้ำ» (no water use), «งดจอด» (no parking)
    r"|งด(?:น้ำ|อาหาร|ดื่ม|ทาน|กิน)|ห้าม(?:กิน|ทาน|ดื่ม)|อย่า(?:กิน|ทาน|ให้กิน)",
    re.IGNORECASE,
)
#: How far before the time its bound word may stand («ก่อน 6:00», "before 6am").
_BOUND_REACH = 8
#: How far either side of the time the fasting may be named (about a clause).
_FAST_REACH = 30


def limits_a_meal(text: str, value: ValueSpan) -> bool:
    """Whether the time ``value`` bounds going without food or drink, as ``text`` says."""
    if value.kind is not Kind.TIME:
        return False
    lead = text[max(0, value.start - _BOUND_REACH) : value.start]
    bounded = _BOUND.match(value.text) or re.search(rf"(?:{_BOUND.pattern})\s*$", lead, re.I)
    if not bounded:
        return False
    around = text[max(0, value.start - _FAST_REACH) : value.end + _FAST_REACH]
    return _FASTING.search(around) is not None
