"""An amount said as the new one of a charge the question before names: "Does the assembly
fee go down?" "Yes, the service charge is now $90"; «ค่าติดตั้งจะลดลงไหมคะ» «ค่าบริการเหลือ
900 บาทครับ»; «هزینه نصب کمتر میشه؟» «هزینه خدمات میشه ۹۰۰ هزار».

The answer names the charge by another word than the one that keyed it ("service" for
"assembly"), so it would open a charge of its own beside the old one. Said as a change
(«เหลือ», "now", «میشه») in answer to a question naming exactly one held amount, it
replaces that amount instead. Without a word of change, or when the question names
several held amounts or none, the answer stays a charge of its own: a wrong replacement
loses a value, a twin key only shows one too many.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from domain.memory.offline.charges import charge_name
from domain.memory.offline.subjects import Topic, topics_named
from domain.memory.offline.values import FA_LETTERS, Kind

_FA = FA_LETTERS

#: Words that say an amount is the charge's new size, between the charge's name and the
#: amount (or, in Persian, right after it): "now", "down to", «เหลือ», «ลดเป็น», «میشه».
_CHANGE_BEFORE = re.compile(
    r"(?:\bnow\b|\b(?:down|up|reduced|lowered|raised|drops?|goes|comes?)\s+to\b)"
    r"|เหลือ|(?:ลด|เพิ่ม|ขึ้น)(?:ลง|มา)?เป็น"
    rf"|(?<![{_FA}])(?:می[\u200c\s]?شه|میشه|شد|می[\u200c\s]?شود|الان)(?![{_FA}])",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    rf"^\s*(?:تومان|تومن|ریال|دلار)?\s*(?:می[\u200c\s]?شه|میشه|شد)(?![{_FA}])"
)
#: Names of a charge that say of nothing what it pays for: "the service charge", «ค่าบริการ»,
#: «هزینه خدمات». Only such a name may stand for the charge the question names.
_NO_THING = re.compile(
    r"(?:the\s+|your\s+)?(?:service\s+)?(?:fee|charge|cost|price)(?:\s+(?:is|of|at|will\s+be))?"
    r"|ค่า(?:บริการ|ใช้จ่าย)?(?:ทั้งหมด)?"
    rf"|(?:هزینه|مبلغ)(?:[\u200c\s]?(?:ش|اش|خدمات|کار))?(?![{_FA}])",
    re.IGNORECASE,
)
#: Keys that hold an amount named by its charge words (``charges``).
_CHARGE_KEY = re.compile(r"^charge(?:_\d+)?$")
#: Topics of any sum ("how much is it now?"), and the discount «ลดลงไหม» names by its word of
#: change: they name no one charge.
_SUMS = frozenset({"total", "amount", "fee", "price", "payment", "balance", "discount"})
#: How far (characters) before a charge's name a word of change may stand ("it's now a
#: service charge of $90").
_LEAD = 16
#: Thai has no spaces: charge names are the same when they start alike this far.
_THAI_SAME = 5


def charge_changed(
    text: str,
    charge: tuple[int, int],
    value_end: int,
    asked: Sequence[Topic],
    question: str,
    held: Callable[[str], str | None],
    held_keys: Sequence[str],
) -> str | None:
    """The held key the amount named by ``text[charge[0]:charge[1]]`` replaces, or None."""
    named = text[max(0, charge[0] - _LEAD) : value_end]
    if not (_CHANGE_BEFORE.search(named) or _CHANGE_AFTER.match(text[value_end:])):
        return None
    if not _says_no_thing(text[charge[0] : value_end]):
        return None  # "the packing fee is now £5": a charge of its own, whatever was asked
    own = _name_of(text[charge[0] : charge[1]])
    if any(_CHARGE_KEY.match(k) and _name_of(held(k) or "") == own for k in held_keys):
        return None  # the same charge said again: ``charges`` replaces it already
    candidates = {
        key
        for topic in [*asked, *topics_named(question)]
        if topic.name not in _SUMS
        and (key := topic.key_for(Kind.AMOUNT)) is not None
        and held(key) is not None
    }
    candidates |= {
        key
        for key in held_keys
        if _CHARGE_KEY.match(key) and _names_charge(question, _name_of(held(key) or ""))
    }
    return next(iter(candidates)) if len(candidates) == 1 else None


def _says_no_thing(named: str) -> bool:
    """Whether the charge words before an amount (``named``, the amount included) are only a
    charge's name for nothing in particular, with words of change and the figure left out."""
    digit = next((i for i, char in enumerate(named) if char.isdigit()), len(named))
    words = _CHANGE_BEFORE.sub(" ", named[:digit]).strip(" $£€")
    return _NO_THING.fullmatch(words.strip()) is not None


def _name_of(charge: str) -> str:
    """A charge's name, its currency sign left out ("$500 collision deductible")."""
    return charge_name(charge.strip(" $£€"))


def _names_charge(question: str, name: str) -> bool:
    """Whether ``question`` names the charge called ``name`` («هزینه نصب», "ค่าติดตั้ง")."""
    if not name:
        return False
    if name.startswith("ค่า"):
        return name[:_THAI_SAME] in question
    return name.casefold() in question.casefold()
