"""Thai dates written in more than one way, read as one: «วันพุธที่ 18 ธันวาคม», «พุธที่ 18 ธ.ค.»
and «18 ธันวา» are the same day.

Thai months have a full name, an abbreviation with dots and a spoken short form; a weekday
may come with or without «วัน» ("day"). A value that says the same date another way
restates it, it does not replace it.
"""

from __future__ import annotations

import re

_MONTHS = (
    ("มกราคม", "ม.ค.", "มกรา", "มค"),
    ("กุมภาพันธ์", "ก.พ.", "กุมภา", "กพ"),
    ("มีนาคม", "มี.ค.", "มีนา", "มีค"),
    ("เมษายน", "เม.ย.", "เมษา", "เมย"),
    ("พฤษภาคม", "พ.ค.", "พฤษภา", "พค"),
    ("มิถุนายน", "มิ.ย.", "มิถุนา", "มิย"),
    ("กรกฎาคม", "ก.ค.", "กรกฎา", "กค"),
    ("สิงหาคม", "ส.ค.", "สิงหา", "สค"),
    ("กันยายน", "ก.ย.", "กันยา", "กย"),
    ("ตุลาคม", "ต.ค.", "ตุลา", "ตค"),
    ("พฤศจิกายน", "พ.ย.", "พฤศจิกา", "พย"),
    ("ธันวาคม", "ธ.ค.", "ธันวา", "ธค"),
)
_MONTH_OF = {form: f"month{number}" for number, forms in enumerate(_MONTHS, 1) for form in forms}
#: Longest first, so "ธันวาคม" is not read as "ธันวา" + "คม"; a month stands after a digit
#: or a space, never inside a word («มค» of «ห้ามคน»).
_MONTH = re.compile(
    r"(?:(?<=\d)|(?<=\s)|^)\s?("
    + "|".join(re.escape(f) for f in sorted(_MONTH_OF, key=len, reverse=True))
    + r")(?![\u0e01-\u0e4e])"
)
_WEEKDAY_DAY = re.compile(r"วัน(?=จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)")
_THURSDAY = re.compile(r"พฤหัสบดี")


def same_date_words(text: str) -> str:
    """``text`` with Thai months as one token each and weekdays without «วัน»."""
    text = _MONTH.sub(lambda m: " " + _MONTH_OF[m.group(1)] + " ", text)
    return _THURSDAY.sub("พฤหัส", _WEEKDAY_DAY.sub("", text))
