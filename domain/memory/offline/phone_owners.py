"""Whose a phone is when the customer names their own and another person in one message.

- A person named only to say the number is not theirs ("call me, not my husband", "ring
  me rather than my wife", «با خودم تماس بگیرید، نه با شوهرم», «به جای همسرم», «ไม่ต้องโทรหา
  สามี», «แทนเบอร์แฟน») owns no number: their cue is ruled out.
- A number the customer calls theirs right after it ("07700 900481 is mine", «۰۹۱۲… شماره
  خودمه», «089… เบอร์ดิฉันเองค่ะ») is theirs, whoever a question or a cue before it named.

Its own module: it reads only the words right before a cue or right after a value.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan, find_values

_FA = FA_LETTERS

#: A negation right before another person's cue: "not", "rather than", "instead of",
#: "don't call"; «به جای», «نه با/به/شماره» (after a clause, not the reply's opening no:
#: «نه، با شوهرم تماس بگیرید» asks for the husband); «ไม่ใช่», «ไม่ต้องโทรหา», «แทน».
_RULED_OUT_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:not|rather\s+than|instead\s+of|(?:don'?t|do\s+not|never)\s+"
    r"(?:call|ring|text|phone|contact))\s+(?:(?:call|ring|text)(?:ing)?\s+)?$"
    rf"|(?<![{_FA}])(?:به\s*جا(?:ی)?|بجای)\s*(?:شماره\s*(?:ی\s*)?)?$"
    rf"|(?P<fa_no>(?<![{_FA}])نه\s+(?:(?:به|با)\s+)?(?:شماره\s*(?:ی\s*)?)?)$"
    r"|(?:ไม่ใช่|ไม่ต้อง(?:โทร)?(?:หา|ติดต่อ)?|แทน)(?:เบอร์)?(?:โทร)?(?:ของ)?\s?$",
    re.IGNORECASE,
)
#: How far before a person's cue its negation may stand.
_NEGATION_REACH = 24
#: Where a clause of its own begins: a Persian «نه» after one rules out, at one's start it
#: answers no.
_OPENING = re.compile(r"(?:^|[.!?؟\n])\s*[،,]?\s*$")

_ME_TH = r"(?:ผม|กระผม|ดิฉัน|ฉัน|หนู)"
#: The customer calling the number just said theirs: "is mine", "(my mobile)"; «شماره
#: خودمه», «مال منه», «خودمه»; «เบอร์ผมเอง», «เบอร์ของดิฉัน», «ของหนูเอง».
_MINE_AFTER = re.compile(
    r"\s*[-–—:,(]?\s*(?:(?:is|that'?s|that\s+is|it'?s|which\s+is)\s+)?"
    r"(?:mine|my\s+(?:own\s+)?(?:mobile|number|cell|phone))(?![A-Za-z])"
    rf"|\s*[-–:،,(]?\s*(?:(?:شماره|موبایل|تلفن)\s*(?:ی\s*)?(?:من|خودم)|مال\s*(?:من|خودم)|خودم)"
    rf"(?:ه|ە|هست|است)?(?![{_FA}])"
    rf"|\s*(?:{THAI_PARTICLES}\s*)?(?:เป็น|คือ)?\s?(?:(?:เบอร์(?:โทร)?(?:มือถือ)?|มือถือ)(?:ของ)?{_ME_TH}|ของ{_ME_TH}เอง"
    rf"|{_ME_TH}เอง)",
    re.IGNORECASE,
)
#: How near after a "mine" another number may stand before the "mine" is that one's.
_NEXT_VALUE_GAP = 12


def ruled_out(text: str, cue_start: int) -> bool:
    """Whether the person's cue at ``cue_start`` is named only as whose the number is not
    ("call me, not my husband")."""
    before = text[max(0, cue_start - _NEGATION_REACH) : cue_start]
    found = _RULED_OUT_BEFORE.search(before)
    if found is None:
        return False
    if found.group("fa_no") is None:
        return True
    said_at = max(0, cue_start - _NEGATION_REACH) + found.start()
    return _OPENING.search(text[:said_at]) is None


def owned_after(text: str, value: ValueSpan) -> bool:
    """Whether the customer calls the phone ``value`` theirs right after it, and the words
    are not the label of a number that follows ("07700 900111, mine 07700 900481")."""
    if value.kind is not Kind.PHONE:
        return False
    found = _MINE_AFTER.match(text, value.end)
    if found is None:
        return False
    following = find_values(text[found.end() : found.end() + _NEXT_VALUE_GAP + 20])
    return not any(v.kind is Kind.PHONE and v.start <= _NEXT_VALUE_GAP for v in following)
