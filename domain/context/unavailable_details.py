"""Which details a context leaves out because they only say a value is not to be had.

"Unfortunately 14A and 14B are already taken", «متاسفانه دوشنبه ساعت ۵ پر شده»,
«เสาร์ที่ 30 คิวเต็มแล้ว»: the value such a sentence names was asked for and never
became current (the one chosen instead is said in a later message). Shown among the
details it reads as the value itself, so a detail every line of which is a question or
such a sentence, and nothing else, says nothing current and is left out.

A line that says something more past a contrast ("Thursday morning is full, but the
afternoon is free", «…پره، ولی عصر خالی داره», «…เต็ม แต่…») is kept: it names the value
that is to be had. So is a question ("is 14A taken?"): it asks, it does not say.
"""

from __future__ import annotations

import re

from domain.memory.offline.dialogue import is_question
from domain.memory.speakers import without_speakers
from schemas.memory_model import Detail

#: Words that say a value cannot be had: taken, full, sold out, not available. Whole
#: phrases only: "booked" alone confirms a booking, «เต็ม» alone is "full" as in "the full
#: amount" («เต็มจำนวน», «ใบกำกับภาษีเต็มรูป»), «تمام» alone is "all".
_UNAVAILABLE = re.compile(
    r"\balready\s+(?:taken|booked|reserved|gone)\b"
    r"|\b(?:fully|all)\s+booked\b|\bbooked\s+up\b|\bsold\s+out\b|\bout\s+of\s+stock\b"
    r"|\b(?:not|no\s+longer)\s+available\b|\bunavailable\b|\bno\s+(?:slots?|seats?|rooms?|"
    r"availability|spaces?|places?)\s+(?:left|available)\b"
    r"|(?<![\w\u0600-\u06ff])(?:پره|پر\s*(?:شده|است|هست)|ظرفیت\S*\s+(?:پر|تکمیل)\S*"
    r"|تکمیل\s*(?:شده|است)|موجود\s*نیست|ناموجود|تموم\s*شده|تمام\s*شده)(?![\w\u0600-\u06ff])"
    r"|เต็มแล้ว|คิวเต็ม|เต็มทุก|จองเต็ม|หมดแล้ว|ไม่ว่าง|มีคนจองแล้ว|ถูกจองแล้ว",
    re.IGNORECASE,
)
#: A contrast after which a line names what is to be had.
_CONTRAST = re.compile(
    r"\b(?:but|however|though|instead)\b"
    r"|(?<![\w\u0600-\u06ff])(?:ولی|اما|ولیکن|بجاش|به\s*جاش)(?![\w\u0600-\u06ff])"
    r"|แต่|ส่วน|แทน",
    re.IGNORECASE,
)


def says_only_unavailable(detail: Detail) -> bool:
    """Whether ``detail`` states values and every line of it is a question or says its
    value cannot be had, with no contrast (module doc), one line at least saying so."""
    if not detail.values:
        return False
    lines = [line.strip() for line in without_speakers(detail.text).split("\n") if line.strip()]
    unavailable = [_says_unavailable(line) for line in lines]
    return any(unavailable) and all(
        said or is_question(line) for line, said in zip(lines, unavailable, strict=True)
    )


def _says_unavailable(line: str) -> bool:
    return (
        _UNAVAILABLE.search(line) is not None
        and not _CONTRAST.search(line)
        and not is_question(line)
    )
