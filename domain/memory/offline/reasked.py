"""A value asked for again: the assistant cannot find it or asks to check it, and the
customer's next value of the same shape is that value put right, under the same key.

"I can't find SP 4471 9026 GB, could you double check it?" "sorry, it's SP 4471 9062 08
GB"; «این شماره پیدا نشد، دوباره چک می‌کنید؟»; «ไม่พบหมายเลขนี้ รบกวนตรวจสอบอีกครั้งค่ะ».
What is doubted is the known value the assistant quotes, or else, when the doubt quotes
no value, the latest fact if it has the reply's shape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.values import Kind, ValueSpan, digits_of, find_values

#: The assistant cannot find, match or accept a value, or asks to check or say it again.
_DOUBT = re.compile(
    r"(?<![A-Za-z])(?:(?:can(?:no|')t|could(?:n't| not)|unable to|not able to)\s+"
    r"(?:seem to\s+)?(?:find|locate|match|verify|see|pull up|trace)"
    r"|not\s+(?:been\s+)?(?:found|recogni[sz]ed|valid)|no\s+(?:record|match|results?)"
    r"|does(?:n't| not)\s+(?:match|exist|look right|seem right)|invalid|incorrect"
    r"|double[- ]?check|re-?check|check\s+(?:\w+\s+){0,2}again"
    r"|(?:confirm|send|give|type|read|say|repeat)\s+(?:\w+\s+){0,3}(?:again|once more))(?![A-Za-z])"
    r"|پیدا\s?(?:نشد|نکردم|نمی[\u200c\s]?کنم|نمیشه)|یافت\s?نشد|(?:وجود|مطابقت|همخوانی)\s?ندار"
    r"|معتبر\s?نیست|(?:دوباره|مجدد(?:اً|ا)?|یه\s?بار\s?دیگه)\s?(?:\S+\s){0,2}?"
    r"(?:چک|بررسی|کنترل|بفرمایید|بگید|بگویید|بنویسید|وارد|بخونید|ارسال)"
    r"|ไม่พบ|หาไม่เจอ|ค้นหาไม่|ไม่ตรงกับ|ไม่ถูกต้อง"
    r"|(?:ตรวจสอบ|เช็[คก]|ยืนยัน|แจ้ง|บอก|พิมพ์|ส่ง)\S{0,12}อีกครั้ง",
    re.IGNORECASE,
)

#: Shapes that may stand for one another: an id re-read may come back as bare digits.
_CODES = frozenset({Kind.IDENTIFIER, Kind.NUMBER, Kind.PHONE})
#: How much of its digits a code in another shape shares with the doubted one.
_SHARED_DIGITS = 0.5


#: "I'll double check the slot", "let me check again": the assistant checking its own
#: side doubts nothing the customer said.
_OWN_CHECK = re.compile(
    r"(?:\bI(?:'ll|\s+will|'m\s+going\s+to|\s+can)|\blet\s+me|\bwe(?:'ll|\s+will))\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_OWN_CHECK_REACH = 40


def doubts(text: str) -> bool:
    """Whether an assistant's message cannot find a value or asks to check it again."""
    return any(
        _OWN_CHECK.search(text[max(0, match.start() - _OWN_CHECK_REACH) : match.start()]) is None
        for match in _DOUBT.finditer(text)
    )


def corrected_key(doubt: str, reply: ValueSpan, recent: Sequence[tuple[str, str]]) -> str | None:
    """The key whose value ``reply`` puts right after the assistant's ``doubt``: a known
    value of the same shape that the doubt quotes, or else the latest fact when it has the
    reply's shape.
    ``recent`` is (key, value), the most recently stated first. None when the doubt quotes
    a value that no fact holds: that value was never kept, and neither its correction nor a
    number said beside it is another fact's new value (a re-read meter reading, or the "2"
    of "I swapped the 2 and the 8", is not the bank account or postcode stated before)."""
    fitting = [(key, value) for key, value in recent if _same_shape(reply, value)]
    quoted = [key for key, value in fitting if quotes(doubt, value)]
    if quoted:
        return quoted[0]
    if find_values(doubt) or not fitting or not recent:
        return None
    # "Could you check it again?" quoting nothing asks about the value just given: the
    # latest fact of all, and only when the reply has its shape.
    return fitting[0][0] if fitting[0] == recent[0] else None


def quotes(doubt: str, value: str) -> bool:
    """Whether ``doubt`` quotes ``value`` (spacing and case aside)."""
    return _spaced(value) in _spaced(doubt)


def _same_shape(reply: ValueSpan, known: str) -> bool:
    spans = find_values(known)
    if len(spans) != 1 or reply.text == known:
        return False
    kind = spans[0].kind
    if kind is reply.kind:
        return kind is not Kind.NUMBER or _shares_digits(reply.text, known)
    return kind in _CODES and reply.kind in _CODES and _shares_digits(reply.text, known)


def _shares_digits(new: str, old: str) -> bool:
    a, b = digits_of(new), digits_of(old)
    common = sum(min(a.count(d), b.count(d)) for d in set(a))
    return bool(a) and common >= _SHARED_DIGITS * max(len(a), len(b))


def _spaced(text: str) -> str:
    return " ".join(text.split()).casefold()
