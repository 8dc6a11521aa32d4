"""Whether a reply opens by taking what was offered, agreeing to what was asked, or granting
it: "yes", "sure", "of course", «بله», «باشه», «ได้ค่ะ». One home for the words of the
rules that read such a reply (``domain.memory.agreed_changes``, ``domain.memory.turned_down``,
``party_sizes``, ``granted_requests``); each names the groups its job needs.

Every reader takes the words of yes; the rest are groups a reader may leave out:
acknowledgements ("ok", «باشه», «โอเค»), which open an agent's check as often as a grant
("Okay, let me look"); praise ("perfect", «عالیه», «ดีค่ะ»), which takes an offer but
answers no request; a day said to be free («ว่างค่ะ»), which takes only a day or hour.
A reader's guards against what follows the opening ("yes, but …", "sorry") stay its own.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import ENGLISH_YES, PERSIAN_YES, THAI_YES, alternation
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: Thai closes a yes with a polite particle: «ได้ค่ะ», «ได้เลยครับ», «ได้แน่นอนค่ะ».
_TH_PARTICLE = r"(?:ค่ะ|ครับ|คะ|ค่า|จ้า|นะ)"

#: Words that say yes to what was asked or offered (every reader takes them).
_EN_YES = (
    rf"{alternation(ENGLISH_YES)}|sure|certainly|absolutely|of\s+course|no\s+problem|done"
    r"|that\s+works|that(?:['’]s|\s+is)\s+fine"
)
_FA_YES = rf"{alternation(PERSIAN_YES)}|بلی|حتما|حتماً|چشم|مشکلی\s+نیست|امکانش\s+هست"
_TH_YES = rf"{alternation(THAI_YES)}|ได้(?:เลย|แน่นอน)?{_TH_PARTICLE}|ได้เลย"
#: Words that acknowledge or agree: "ok", "no worries", «باشه», «قبوله», «โอเค», «ตกลง».
_EN_ACKNOWLEDGEMENTS = r"ok(?:ay)?|alright|all\s+right|no\s+worries|can\s+do"
_FA_ACKNOWLEDGEMENTS = r"باشه|اوکی(?:ه)?|قبوله"
_TH_ACKNOWLEDGEMENTS = r"โอเค|ตกลง"
#: Words that praise what was offered: "perfect", "sounds good", «عالیه», «ดีค่ะ».
_EN_PRAISE = r"great|perfect|lovely|fine|sounds\s+good"
_FA_PRAISE = r"عالیه|خوبه"
_TH_PRAISE = r"ดี(?:ค่ะ|ครับ)"
#: A day or hour said to be free: «ว่างค่ะ», «ยังว่างอยู่».
_TH_FREE = r"(?:ยัง)?ว่าง(?:ครับ|ค่ะ|คะ|อยู่)"


def taking_opening(
    *, acknowledgements: bool = True, praise: bool = True, free: bool = False
) -> re.Pattern[str]:
    """A pattern that matches a reply opening by taking it: the words of yes, and the
    groups named (``acknowledgements``, ``praise``, ``free``); use with ``match``."""
    english, persian, thai = [_EN_YES], [_FA_YES], [_TH_YES]
    if acknowledgements:
        english.append(_EN_ACKNOWLEDGEMENTS)
        persian.append(_FA_ACKNOWLEDGEMENTS)
        thai.append(_TH_ACKNOWLEDGEMENTS)
    if praise:
        english.append(_EN_PRAISE)
        persian.append(_FA_PRAISE)
        thai.append(_TH_PRAISE)
    if free:
        thai.append(_TH_FREE)
    return re.compile(
        rf"^\s*(?:(?:{'|'.join(english)})(?![A-Za-z])"
        rf"|(?:{'|'.join(persian)})(?![{_FA}])"
        rf"|(?:{'|'.join(thai)}))",
        re.IGNORECASE,
    )
