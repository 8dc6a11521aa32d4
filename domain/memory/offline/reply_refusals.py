"""Whether a reply's opening refuses what was asked or offered, shared by the rules that
read a request granted (``granted_requests``) and a value turned down and another taken
(``domain.memory.turned_down``).
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: A reply's first sentence (Thai has no full stops: its callers take the whole reply).
FIRST_SENTENCE = re.compile(r"^[^.!?؟\n]*")
#: Words of refusal that grant: "no problem", «مشکلی نیست», «ไม่มีปัญหา».
NO_PROBLEM = re.compile(
    rf"(?<![A-Za-z])no\s+problem(?![A-Za-z])|مشکلی\s+نیست(?![{_FA}])|ไม่มีปัญหา", re.IGNORECASE
)
#: Words of a refusal: "fully booked", "sorry", «متاسفانه», «پره», «ไม่ว่าง», «เต็ม». «نه» and
#: «پر(ه)» are whole words: as beginnings they start «نهار», «پرواز», «پرداخت».
_REFUSES = re.compile(
    r"(?<![A-Za-z])(?:no|not|sorry|unfortunately|full(?:y)?|can'?t|cannot|isn'?t|won'?t)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:(?:نه|پره?)(?![{_FA}])|متاسف|متأسف|نمی|نیست|ندار)"
    r"|ไม่|เต็ม|ขออภัย|ขอโทษ|เสียใจ",
    re.IGNORECASE,
)


def refuses(opening: str) -> bool:
    """Whether ``opening`` says no ("Yes, no problem" does not: its "no" grants)."""
    return _REFUSES.search(NO_PROBLEM.sub(" ", opening)) is not None
