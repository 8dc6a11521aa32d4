"""Amounts a message names by a charge of their own, when no subject word says what they are:
"ค่าเทอมภาคละ 128,000 บาท" (the tuition), «شهریه ترم ۱۲ میلیون تومان», "a $500 collision
deductible".

Such an amount is a fact of its own, shown with the words that name it, and replaces
only an amount of the same charge ("ค่าเทอม" again), never another one (the bus fee, the
amount just before it in a correction of something else).
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import word_set
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: How far (characters) before an amount the word naming its charge may start.
_REACH = 36
#: Thai has no spaces between words: charges are the same when their names start alike
#: this far ("ค่ารถ" and "ค่ารถรับส่ง"; not "ค่าเทอม" and "ค่าเช่า").
_THAI_SAME = 5
#: Words between a charge's name and its amount that do not name it ("per term", "more").
_THAI_RATE = re.compile(
    r"(?:อีก|เพิ่ม|เหลือ|ภาคละ|เทอมละ|วันละ|เดือนละ|ปีละ|คืนละ|ครั้งละ|คนละ|ต่อ\S{1,6}|ทั้งหมด|รวม)"
)

#: Persian words naming a charge of their own: tuition, rent, fare.
_FA_CHARGE = "شهریه|اجاره|کرایه"
#: Spoken Persian says whose a charge is right after it: «شهریه‌ش» (its tuition), «اجاره‌اش»,
#: «کرایه‌شون»; the charge is the same as the one named without it. Not «هزینه‌ش» ('its
#: cost': of whatever was said before, no charge of its own) nor «حقش» ('his due').
_FA_ITS = "(?:\u200c?(?:اش|ش|شون|شان|تون|تان))?"
_FA_CHARGE_ITS = re.compile(rf"^((?:{_FA_CHARGE})){_FA_ITS}$")

_BEFORE = re.compile(
    # Thai: "ค่า…" (the charge for …) up to the amount, with no clause between ("ค่าชาไทย
    # ที่ต้องคืนคือ 130": what is refunded, said by the clause, not the charge)
    r"ค่า(?:(?!ที่)[\u0e01-\u0e4e])+\s?$"
    # Persian: «شهریه ترم», «اجاره ماهانه», «حق عضویت»; with whose it is, «شهریه‌ش هر بچه»
    rf"|(?<![{_FA}])(?:(?:{_FA_CHARGE}){_FA_ITS}|حق|هزینه)(?:ی)?(?:\s+[{_FA}]+){{0,2}}\s*$"
    # English: "the hold fee is", "rental rate of"
    r"|\b[a-z]+\s+(?:fee|charge|rate|deductible|excess|premium|fare|rent|tuition)"
    r"(?:\s+(?:is|of|was|at|will\s+be))?\s*$",
    re.IGNORECASE,
)
#: English names the charge after its amount: "a $500 collision deductible".
_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:deductible|excess|premium|fee|charge|rent|tuition)\b",
    re.IGNORECASE,
)


def charge_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the amount at ``text[start:end]`` with the words naming its charge,
    or None when no such words stand right beside it."""
    window_start = max(0, start - _REACH)
    # after another number, if any: "ส่วนลด 10% ครับ ค่าเทอม…เหลือ 115,200 บาท"
    digits = [i for i, char in enumerate(text[window_start:start]) if char.isdigit()]
    window_start += digits[-1] + 1 if digits else 0
    found = _BEFORE.search(text[window_start:start])
    if found is not None:
        return window_start + found.start(), end
    after = _AFTER.match(text[end : end + _REACH])
    if after is not None:
        return start, end + after.end()
    return None


def charge_name(value: str) -> str:
    """What a charge value is called, for telling one charge from another: the words
    before its first digit (or after its last), rates and currency signs left out: "$30
    cleaning fee" and "$500 collision deductible" are two charges."""
    first_digit = next((i for i, c in enumerate(value) if c.isdigit()), len(value))
    name = value[:first_digit].strip(" $£€")
    if not name:
        last_digit = max(i for i, c in enumerate(value) if c.isdigit())
        name = value[last_digit + 1 :]
    name = _THAI_RATE.sub("", name)
    words = [_FA_CHARGE_ITS.sub(r"\1", word) for word in name.casefold().split()]
    if name.startswith("ค่า"):
        return name.replace(" ", "")[:_THAI_SAME]
    return " ".join([w for w in words if w not in _NOT_THE_NAME][:2])


#: Words beside a charge's name that do not name it ("your", «شما»).
_NOT_THE_NAME = word_set("the a an your my our is of was will be at شما من ما تون")


def same_charge(one: str, other: str, added: bool = False) -> bool:
    """Whether two charge values name one charge. One said as ``added`` ("also", «هم»,
    "ด้วย") is the same only by its whole name («هزینه اضافه بار» is not «هزینه اضافه
    نظافت», "ค่าปรับ" not "ค่าประกัน"), not by the first words or letters alone."""
    a, b = charge_name(one), charge_name(other)
    if not (added and a and a == b):
        return bool(a) and a == b
    whole, other_whole = _whole_name(one), _whole_name(other)
    if a.startswith("ค่า"):  # "ค่ารถ" said again of "ค่ารถรับส่ง"
        return whole.startswith(other_whole) or other_whole.startswith(whole)
    return whole == other_whole


def _whole_name(value: str) -> str:
    """A charge's name in full, rates left out: "ค่าปรับคืนรถช้า" of "ค่าปรับคืนรถช้าอีก 500
    บาท", «هزینه اضافه نظافت» of «هزینه اضافه نظافت ۳۰۰ هزار تومان»."""
    first_digit = next((i for i, c in enumerate(value) if c.isdigit()), len(value))
    name = _THAI_RATE.sub("", value[:first_digit].strip(" $£€"))
    if not name:  # "$30 cleaning fee": named after its amount
        return charge_name(value)
    if name.startswith("ค่า"):
        return name.replace(" ", "")
    return " ".join(w for w in name.casefold().split() if w not in _NOT_THE_NAME)
