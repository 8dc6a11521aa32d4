"""A day said by its weekday alone after the full date of that weekday is held: "no, Monday
morning I'm at work too" after "Monday 17 March", «نه، دوشنبه صبح هم سرکارم» after «دوشنبه ۱۷
آذر», «วันจันทร์ช่วงเช้าไม่อยู่» after «วันจันทร์ที่ 17 มี.ค.». It names the same day less
fully, whatever "no" opens the reply: never a new date in the full one's place. Its own
module: it reads only the two values.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS, TH_WEEKDAY

_WEEKDAY = re.compile(
    r"(?<![A-Za-z])(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"|(?<![{FA_LETTERS}])(?P<fa>(?:یک|دو|سه|چهار|پنج)?[\u200c\s]?شنبه|جمعه)"
    rf"|(?P<th>{TH_WEEKDAY})",
    re.IGNORECASE,
)


def _weekday(text: str) -> str | None:
    match = _WEEKDAY.search(text)
    if match is None:
        return None
    return re.sub(r"[\u200c\s]|^วัน", "", match.group().casefold())


def same_weekday_said_loosely(new: str, held: str) -> bool:
    """Whether ``new`` names only the weekday ``held`` names with its date (no day of the
    month of its own)."""
    day = _weekday(new)
    return (
        day is not None
        and day == _weekday(held)
        and not any(c.isdigit() for c in new)
        and any(c.isdigit() for c in held)
    )
