"""A value after "from" that starts a period, not the old value of a change.

"from" / «از» / «จาก» usually name the old value ("moved from 1 March to 8 March"), but
after a word of starting ("the freeze needs to be from 8 March", "starting from Monday",
«เริ่มจาก 8 มี.ค.») or before one of "onwards" («از ۸ اسفند به بعد», «از شنبه شروع»,
«จันทร์เป็นต้นไป») the value is when something begins: the new value, never the old.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: A word of starting, then "from" ending right before the value.
_STARTING_FROM = re.compile(
    r"(?<![A-Za-z])(?:start(?:s|ed|ing)?|begin(?:s|ning)?|be|effective|valid|runs?|running)"
    r"\s+from\s+(?:the\s+|on\s+)?$"
    r"|เริ่ม(?:ตั้งแต่|จาก)\s?$",
    re.IGNORECASE,
)
#: Right after the value: "onwards", «به بعد», «شروع», «เป็นต้นไป».
_ONWARDS_AFTER = re.compile(
    rf"^\s?(?:onwards?(?![A-Za-z])|به\s+بعد|شروع(?:\s|$|[^{_FA}])|เป็นต้นไป)",
    re.IGNORECASE,
)
#: How far before the value "from" and its starting word may reach.
_REACH = 30


def starts_a_period(text: str, start: int, end: int) -> bool:
    """Whether the value at ``text[start:end]`` is when something starts."""
    before = text[max(0, start - _REACH) : start]
    return bool(_STARTING_FROM.search(before) or _ONWARDS_AFTER.match(text[end : end + 20]))
