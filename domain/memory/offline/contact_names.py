"""The name a booking or an order gives as its contact, said by that label: "my contact name
is Jane Holt", "Contact name: Jane Holt", "the contact person will be Mr Obi", «اسم رابط
خانم سارا کریمی», «ชื่อผู้ติดต่อคือ คุณสมชาย ใจดี». The label says whose name it is, so it is
read before a name said in passing takes the words («ผู้ติดต่อคือ คุณสมชาย» is no name).
A title before the name is no part of it. A later contact replaces the earlier one. An
emergency contact («تماس اضطراری», «ผู้ติดต่อฉุกเฉิน») is someone else: no contact's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.holder_names import FA_NAME_WORD
from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
CONTACT_NAME = "contact_name"

_EN_NAME_WORD = r"[A-Z][a-z'’-]+"
_EN_CONTACT = re.compile(
    # an emergency contact is someone to call if things go wrong, not the booking's contact
    r"(?<![A-Za-z])(?<!(?i:emergency)\s)(?i:contact(?:\s+person)?(?:['’]s)?\s+name|name\s+of\s+the\s+contact"
    r"|contact\s+person|point\s+of\s+contact|name\s+for\s+the\s+contact)"
    r"\s*(?:(?i:is|will\s+be|should\s+be|to)\s+|[:-]\s*)(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"
    rf"(?P<name>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}})"
)
_FA_CONTACT = re.compile(
    rf"(?<![{_FA}])(?:اسم|نام)\s+(?:فرد\s+|شخص\s+)?(?:رابط|تماس[\u200c\s]?گیرنده)"
    rf"(?!\s*(?:اضطراری|در\s+مواقع\s+اضطراری))(?:\s+(?:هم|رو|را))?\s*[:،]?\s*(?:(?:خانم|آقای|آقا|دکتر)\s+)?"
    rf"(?P<name>{FA_NAME_WORD}(?:\s+{FA_NAME_WORD})?)"
)
#: A Thai name: a given name, perhaps a family name after one space; no particle at its end.
_TH_CONTACT = re.compile(
    r"ชื่อ(?:ของ)?ผู้ติดต่อ(?!\s?(?:กรณี)?ฉุกเฉิน)(?:คือ|เป็น)?\s?(?:คุณ|นาย|นางสาว|นาง)?"
    r"(?P<name>[\u0e01-\u0e4e]{2,20}?(?:\s[\u0e01-\u0e4e]{2,20}?)?)"
    rf"(?={THAI_PARTICLES}|\s|$|[.,!?])"
)
#: Thai words a request for the name ends in, no name: «ขอทราบชื่อผู้ติดต่อด้วยนะคะ» (may I have
#: the contact's name, please).
_TH_NOT_A_NAME = frozenset(
    {"ด้วย", "หน่อย", "ได้", "ได้ไหม", "ได้มั้ย", "ได้มั๊ย", "ไหม", "มั้ย", "อะไร", "ไหน"}
)
#: Persian words after a name that say something of it, no family name.
_FA_NOT_SURNAME = re.compile(r"\s+(?:هست|هستن|است|ه|شماره|با|و|که)$")


def contact_names(text: str, claimed: ClaimedSpans) -> Iterator[FactMatch]:
    """Names ``text`` gives as a contact's by the label; each claims its words."""
    for shape in (_EN_CONTACT, _FA_CONTACT, _TH_CONTACT):
        for match in shape.finditer(text):
            start, end = match.span("name")
            name = _FA_NOT_SURNAME.sub("", match["name"])
            if name in _TH_NOT_A_NAME:
                continue
            end = start + len(name)
            if claimed.is_free(match.start(), end):
                claimed.claim(match.start(), end)
                yield FactMatch(CONTACT_NAME, name, start, end)
