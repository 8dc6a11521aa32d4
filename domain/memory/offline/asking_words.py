"""Words a speaker asks with for something to be the one, shared by the rules that read a
value, an option or a count taken: English "make it", "go for"/"go with", "let's";
Persian «بذارید», «بندازیمش» (put it on), «بکنیدش» (make it so); Thai «ขอเป็น» (may it be). Each is a
regex fragment with no bounds: each rule puts its own around it. ``ASKS_CHANGE`` alone is a
compiled pattern with its bounds: a request or an offer of a change is read the same by
every rule that asks it.
"""

from __future__ import annotations

import re

#: "make it Tuesday", "make it 6"; not "make it to", "make it by", "make it in time" (arrive).
EN_MAKE_IT = r"make\s+it(?!\s+(?:to|by|in\s+time|on\s+time)\b)"
#: "go for the full service", "let's go with 9am".
EN_GO_FOR = r"go\s+(?:for|with)"
EN_LETS = r"let'?s"
#: «بذارید برای سه‌شنبه», «بذاریمش شنبه», «بندازیدش دوشنبه»: put it (let us put it) on;
#: «انداختن» (to drop it on a day) is said as often as «گذاشتن» of moving a booking, but
#: also of dropping a thing somewhere («بندازیدش تو صندوق»): it asks only with a day or an
#: hour right after it as its object («بندازیمش ۱۴ آبان», «بندازید برای شنبه»).
_FA_WHEN_NEXT = (
    r"(?=\s+(?:(?:برای|به|واسه)\s+)?(?:[0-9\u06f0-\u06f9]|ساعت|فردا|پس[\u200c\s]?فردا|هفته"
    r"|روز|صبح|ظهر|عصر|شب|اول|آخر|(?:یک|یه|دو|سه|چهار|پنج)?[\u200c\s]?شنبه|جمعه))"
)
FA_PUT_IT = rf"(?:ب(?:ذار|زار|گذار)(?:ید|ین|یم)ش?|بنداز(?:ید|ین|یم)ش?{_FA_WHEN_NEXT})"
#: «بکنیدش ۴ نفر»: make it so.
FA_MAKE_IT = r"(?:بکنیدش|بکنینش)"
#: «ขอเป็นวันอังคาร», «ขอย้ายไปวันพุธ»: may it be, may it go to.
TH_MAY_IT_BE = r"ขอ(?:เป็น|ย้ายไป|ไปเป็น)"

#: A request or an offer of another value than the one said: a word of change or of a
#: different one ("another" asks for one more as often: "could we add another number?").
ASKS_CHANGE = re.compile(
    r"\b(?:instead|change|move|switch|swap|reschedule|different|rather|make\s+it)\b"
    r"|به\s*جا|بجا|جاش|عوض|تغییر|جابجا|جابه\u200cجا|یه\s+(?:روز|وقت|ساعت)\s+دیگه"
    r"|ขอเป็น|เปลี่ยน|เลื่อน|แทน|ย้าย",
    re.IGNORECASE,
)
