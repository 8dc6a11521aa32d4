"""Names a record is held under ("the booking is under the name of Kamran Farhadi",
«فاکتور به نام آقای حمید کعبی ثبت شده», "จองในชื่อคุณสมชาย ใจดี").

Whoever says it, the name is the holder of an order, booking, invoice or
warranty: the customer's own name in full when it extends the name they gave,
someone else's otherwise (a spouse's booking, a father's warranty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
#: Words that end a Persian name on record: the verb and what follows it.
#: Pronouns too: «به نام شما پیدا کردم» ("found it under your name") names no one.
_FA_STOP = (
    r"(?:ثبت|شده|هست|است|هستش|بود|رزرو|درسته|می|که|و|با|رو|را|شما|من|خودم|خودتون|خودتان|ایشون"
    r"|ایشان|ما|اون|او|چی|کی|کسی|چه"
    # a verb that ends the request is no family name («به نام حاج علی باشه», «… بنویسید»)
    r"|باشه|باشد|بشه|بنویسید|بنویسین|بنویس|بزنید|بزنین|بزن|کنید|کنین|بکنید|بکنین)(?![" + _FA + "])"
)
FA_NAME_WORD = rf"(?:(?!{_FA_STOP})[{_FA}]{{2,}})"
#: An honorific that goes before a given name and is part of how the person is named:
#: «به نام حاج علی میرحسینی» is Haj Ali Mirhosseini, given and family name after it.
_FA_HONORIFIC = r"(?:حاج|حاجی|حاجیه|سید|سیده|مشهدی|کربلایی)(?![" + _FA + "])"
_EN_NAME_WORD = r"[A-Z][a-z'’-]+"

_ON_RECORD = re.compile(
    r"\b(?i:under\s+the\s+name(?:\s+of)?|in\s+the\s+name\s+of|registered\s+to|booked\s+under)\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"
    rf"(?P<en>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}})"
    # the assistant reading back whom a record it found belongs to: "a policy … under
    # Daniel Okafor", "I've got Alicia Moreno, Premium plan": a full name, given and family
    rf"|(?:\bunder|\b(?i:i(?:'ve|\s+have)\s+(?:got|found|pulled\s+up)))\s+"
    rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?P<en_read>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{1,2}})"
    r"(?=[,.!?]|\s+(?:here|on\s+(?:file|record|the\s+account))\b|$)"
    # "I have Sam Whitaker here" (not "I have Visa Debit."): where the record is, said
    rf"|\b(?i:i\s+have)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"
    rf"(?P<en_here>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{1,2}})"
    r"(?=\s+(?:here|on\s+(?:file|record|the\s+account))\b)"
    rf"|(?<![{_FA}])به\s+نام\s+(?:(?:آقای|خانم|جناب)\s+)?"
    rf"(?P<fa>(?:{_FA_HONORIFIC}\s+)?{FA_NAME_WORD}(?:\s+{FA_NAME_WORD})?)"
    # «ในชื่อของคุณค่ะ» ("in your name"): a pronoun alone is no name.
    # «ในนามบุคคล คุณ…» (in the name of a person, not a company): the person is the name
    rf"|ใน(?:ชื่อ|นาม)(?!(?:ของ)?\s*(?:คุณ|ผม|ดิฉัน|ฉัน|หนู|เรา)?\s*(?:{THAI_PARTICLES}|$|[.,!?]))"
    r"(?:ของ)?\s*(?:บุคคล(?:ธรรมดา)?\s*)?(?:คุณ|นาย|นาง|นางสาว)?\s*(?!บริษัท|ห้าง|นิติบุคคล|องค์กร)"
    # «ในนามอะไรครับ» (in what name?), «ในนามบุคคลค่ะ ชื่อตัวเอง»: a question word, a
    # particle or «ชื่อ» opens no name
    rf"(?!{THAI_PARTICLES}|อะไร|ใคร|ไหน|ชื่อ|บุคคล)"
    rf"(?P<th>[\u0e01-\u0e4e]{{2,}}?(?:\s[\u0e01-\u0e4e]{{2,}}?)?)(?={THAI_PARTICLES}|\s|$|[.,!?])"
)


@dataclass(frozen=True)
class NameOnRecord:
    start: int
    end: int
    name: str


def names_on_record(text: str) -> list[NameOnRecord]:
    found = []
    for match in _ON_RECORD.finditer(text):
        group = next(g for g in ("en", "en_read", "en_here", "fa", "th") if match.group(g))
        found.append(NameOnRecord(match.start(group), match.end(group), match.group(group)))
    return found


def holder_key(name: str, customer_name: str | None) -> str:
    """``customer_name`` when ``name`` is the customer's own in full ("Hamid" → "Hamid
    Kaabi"), ``holder_name`` for anyone else's."""
    if customer_name is not None:
        given = customer_name.split()[0].casefold()
        if name.casefold().split()[0] == given:
            return "customer_name"
    return "holder_name"
