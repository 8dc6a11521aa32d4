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
_GONE_OR_COMPARED = re.compile(r"หมด|ไม่มี|กว่า|เทียบ")
#: How a card is said to pay: «ผ่านบัตร …» (through), «ชำระด้วยบัตร …», «ใช้บัตร …», «เปลี่ยนเป็น
#: บัตร …» (change to); a card only named («บัตร SIM», «บัตร ATM», «บัตร Rabbit») pays nothing.
_PAYING = re.compile(r"(?:ผ่าน|ชำระ|จ่าย|ใช้|รูด|ตัด|เป็น|ด้วย)$")
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
    return bool(
        _REFUSED_OR_HAD_BEFORE.search(run_before(text, start))
        or _GONE_OR_COMPARED.search(run_after(text, end))
    )


def pays_with(text: str, start: int) -> bool:
    """Whether the card named at ``start`` is said to pay."""
    return _PAYING.search(run_before(text, start)) is not None
