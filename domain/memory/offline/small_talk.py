"""Small talk: laughter and asides a summary gives its room to last.

A sentence that laughs ("555", "haha", "lol", «خخخ», 😂) or says it is beside the point
("random one but", "off topic", «ถามนอกเรื่อง», «یه سوال بی‌ربط») is chat around the
business of the conversation. Only a sentence that carries no value is judged so (the
caller checks): "ok the 21st then haha" still holds the 21st.
"""

import re

from domain.memory.offline.lexicon import THAI_NUMBER_LABELS
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: Thai laughter: "555" ("ha" is "ห้า", five); in English "room 555" is a room.
_THAI_LAUGH = re.compile(r"(?<!\d)5{3,}(?![\d,.])")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
#: A word before "555" that makes it a number («ห้อง 555», «บ้านเลขที่ 555», «เบอร์ 555»).
_NUMBERED_BEFORE = re.compile(rf"(?:{THAI_NUMBER_LABELS}|ตึก|อาคาร|สาย)\s*$")
#: A unit after "555" that makes it an amount or a count («555 บาท», «555 คน»).
_UNIT_AFTER = re.compile(r"^\s*(?:บาท|฿|คน|ชิ้น|ห้อง|ที่|กม|กิโล|เมตร|ซม|วัน|ครั้ง)")

_SMALL_TALK = re.compile(
    # laughter: «ฮ่า», «อิอิ»; "haha", "lol"; «خخخ»
    r"ฮ่า|อิอิ"
    r"|(?<![A-Za-z])(?:(?:ha){2,}h?|(?:he){2,}|lol|lmao|rofl)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:خخخ+|هه+ه)(?![{_FA}])"
    r"|[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f601]"
    # asides: "random one but", "off topic", «ถามนอกเรื่อง», «سوال بی‌ربط»
    r"|(?<![A-Za-z])(?:random\s+(?:one|question)|off[\s-]topic|unrelated\s+but)(?![A-Za-z])"
    r"|นอกเรื่อง"
    rf"|(?<![{_FA}])(?:بی[\u200c\s]?ربط|خارج\s+از\s+بحث)(?![{_FA}])",
    re.IGNORECASE,
)


def thai_laughs(sentence: str) -> int:
    """How many times a Thai ``sentence`` laughs "555" (a number elsewhere)."""
    if not _THAI_LETTER.search(sentence):
        return 0
    return sum(
        1
        for match in _THAI_LAUGH.finditer(sentence)
        if not _NUMBERED_BEFORE.search(sentence[: match.start()])
        and not _UNIT_AFTER.match(sentence[match.end() :])
    )


def is_small_talk(sentence: str) -> bool:
    """Whether ``sentence`` laughs or says it is an aside (module doc)."""
    return thai_laughs(sentence) > 0 or _SMALL_TALK.search(sentence) is not None
