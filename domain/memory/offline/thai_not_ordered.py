"""Whether a thing a Thai message names is left out of the order: the words right before it
refuse it or say it was had before («ไม่เอาสี …» not that colour, «ไม่อยากผ่อน …» not by
instalments, «เคยซื้อ …» bought once before), or the words right after it say it is gone or
weigh it against another («… หมดแล้ว» sold out, «… ดีกว่า …» better than).

Thai writes the words of a clause without spaces and puts a space between clauses, so the
words "right before" are the run from the last space to the thing, "right after" the next
run of text.
"""

from __future__ import annotations

import re

_REFUSED_OR_HAD_BEFORE = re.compile(r"ไม่|เคย")
#: «หมด» as sold out, not inside «ทั้งหมด» (in total); «ไม่มี» as there is none, not «ไม่มี
#: ดอก(เบี้ย)» (interest-free); «กว่า» only against another named thing (``_ANOTHER``).
_GONE_OR_COMPARED = re.compile(r"(?<!ทั้ง)หมด|ไม่มี|เทียบ")
#: Words with «ไม่» that refuse nothing: «ไม่เป็นไร» (never mind), «ไม่มีปัญหา» (no problem),
#: «ไม่มีดอก(เบี้ย)» (with no interest).
_NOT_A_REFUSAL = re.compile(r"ไม่เป็นไร|ไม่มีปัญหา|ไม่มีดอก(?:เบี้ย)?")
_COMPARED = re.compile(r"กว่า")
#: Another named thing a «กว่า» weighs against: a Latin name, or a colour, model or card.
_ANOTHER = re.compile(r"[A-Z]|สี|รุ่น|บัตร|แบบ")
#: How a card is said to pay: «ผ่านบัตร …» (through), «ชำระด้วยบัตร …», «ใช้บัตร …», «เปลี่ยนเป็น
#: บัตร …» (change to); a card only named («บัตร SIM», «บัตร ATM», «บัตร Rabbit») pays nothing.
_PAYING = re.compile(r"(?:ผ่าน|ชำระ|จ่าย|ใช้|รูด|ตัด|เป็น|ด้วย)$")
#: «กับ» (with) pays after a plan or a payment: «ขอผ่อน 10 เดือนกับบัตร KTC».
_PAYING_WITH = re.compile(r"(?:ผ่อน|จ่าย|ชำระ|เดือน|งวด)\S*กับ$")
_NEXT_RUN = re.compile(r"\s*(\S*)")


def run_before(text: str, start: int) -> str:
    """The text from the last space before ``start`` to ``start``."""
    space = max(text.rfind(c, 0, start) for c in " \n\t")
    return text[space + 1 : start]


def run_after(text: str, end: int) -> str:
    """The run of text after ``end``, past the space that may come first."""
    match = _NEXT_RUN.match(text, end)
    return match.group(1) if match else ""


def not_ordered(text: str, start: int, end: int) -> bool:
    """Whether the thing said from ``start`` (its cue word) to ``end`` is refused, had before,
    gone or compared."""
    before = _NOT_A_REFUSAL.sub("", run_before(text, start))
    after = _NOT_A_REFUSAL.sub("", run_after(text, end))
    compared = _COMPARED.search(after)
    return bool(
        _REFUSED_OR_HAD_BEFORE.search(before)
        or _GONE_OR_COMPARED.search(after)
        or (compared is not None and _ANOTHER.search(text, text.find("กว่า", end)) is not None)
    )


def pays_with(text: str, start: int) -> bool:
    """Whether the card named at ``start`` is said to pay."""
    before = run_before(text, start)
    return _PAYING.search(before) is not None or _PAYING_WITH.search(before) is not None
