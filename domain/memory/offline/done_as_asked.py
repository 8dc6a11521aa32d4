"""An instruction told back as done the way it was asked ("the courier called first as I
asked", «คนส่งโทรมาก่อนตามที่บอกเลย เยี่ยม», «همونطور که گفته بودم زنگ زد»): a report of
what happened, not an instruction to keep. Its own module: it reads only the clause."""

import re

_AS_ASKED = re.compile(
    r"(?<![A-Za-z])(?:as|like)\s+(?:I|we)\s+(?:asked|said|requested|told\s+(?:you|them))(?![A-Za-z])"
    r"|(?:همون|همین)\s*طور(?:ی)?\s+که\s+(?:گفته\s+بودم|گفتم|خواسته\s+بودم|خواستم)"
    r"|ตามที่(?:บอก|แจ้ง|ขอ|สั่ง)(?:ไว้)?",
    re.IGNORECASE,
)


#: A clause that still asks ("please call first, as I said", «โทรมาก่อนนะคะ ตามที่แจ้งไว้»):
#: an instruction said again, kept.
_STILL_ASKS = re.compile(
    r"(?<![A-Za-z])(?:please|can\s+you|could\s+you|make\s+sure|remember|don'?t|do\s+not)(?![A-Za-z])"
    r"|لطفا|لطفاً|حتما|حتماً|بزنید|بگیرید|نزنید|بدید"
    r"|ให้|ช่วย|ขอ|นะ|ด้วย|อย่า|ไม่ต้อง",
    re.IGNORECASE,
)


def done_as_asked(clause: str) -> bool:
    """Whether ``clause`` tells an instruction back as carried out the way it was asked."""
    return _AS_ASKED.search(clause) is not None and _STILL_ASKS.search(clause) is None
