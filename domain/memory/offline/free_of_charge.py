"""A subject said to be free ("free delivery", "installation is free", «ارسال رایگانه»,
«ส่งฟรี»): it costs nothing, so no sum near it is its price ("the total is $1,240, shipping
is free": the $1,240 is the total, no shipping cost)."""

import re

_FREE_BEFORE = re.compile(r"(?<![A-Za-z])(?:free|complimentary)\s+$", re.IGNORECASE)
#: Said not to be free: «رایگان نیست», «مجانی نمیشه», «ฟรีไม่ได้», «ฟรีหมดแล้ว» (English
#: "isn't free", "is no longer free" never read as free).
_FA_NOT = r"نیست|نبود|نمی[\u200c\s]?(?:شه|شود|باشه|باشد)|نمیشه|نمیشود"
_TH_NOT = r"ไม่ได้|หมด|ไม่แล้ว"
_FREE_AFTER = re.compile(
    r"(?:\s+(?:is|are|will\s+be|comes?)(?:\s+(?:also|totally|completely))?)?\s+(?:free|complimentary)"
    rf"(?![A-Za-z])|\s*(?:ی\s*)?(?:رایگان|مجانی)(?!\s*(?:{_FA_NOT}))|\s*ฟรี(?!\s*(?:{_TH_NOT}))",
    re.IGNORECASE,
)
#: How far before a cue "free" may stand ("free next-day delivery").
_REACH = 24


def said_free(text: str, start: int, end: int) -> bool:
    """Whether the cue at ``text[start:end]`` is said to be free."""
    return bool(
        _FREE_AFTER.match(text, end) or _FREE_BEFORE.search(text[max(0, start - _REACH) : start])
    )
