"""Cue words that only suggest a subject: they give its key only where it is named.

Some cue words of a topic name the subject itself ("flight", "delivery", "coupon");
others only suggest it, being words any conversation uses: "lands", "drop-off", a
bare "code" («رفت», «میاد», «บิน», «โค้ด»). Battery stock that "lands on
9 April" is no flight, a car booked for "8am drop-off" at a garage is no delivery, a
gate's "code is 4471" no coupon. So a value cued only by such a word gets the topic's
key only when the conversation names the subject: in the same message, in the
question it answers, or by a fact already held under that subject. Otherwise the
value gets a neutral key saying only what the word says (a drop-off date, a code), or
none, never the subject's.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from domain.memory.offline.subjects import Topic, cues_in
from domain.memory.offline.values import Kind

#: Per topic: the words that only suggest it (matched at the cue), and words beyond the
#: topic's own firm cues that name the subject (a parcel is delivered, a plane flies).
_LOOSE = {
    "flight": re.compile(
        r"(?:fly(?:ing)?|depart(?:s|ing|ure)?|outbound|land(?:s|ing|ed)?)(?![A-Za-z])"
        r"|رفت(?![\u0620-\u06ff])|บิน|ขาไป|เที่ยวไป",
        re.IGNORECASE,
    ),
    "delivery": re.compile(
        # a thing that arrives or reaches you is delivered; a person comes or drops off
        r"drop[\s-]?off|میاد|می[\u200c\s]?آید",
        re.IGNORECASE,
    ),
    "coupon": re.compile(r"code(?![A-Za-z])|โค้ด(?!ส่วนลด)", re.IGNORECASE),
}
_NAMED_BY = {
    "flight": re.compile(
        r"(?<![A-Za-z])(?:plane|airport|airline|boarding|terminal)|هواپیما|فرودگاه|بلیت|بلیط"
        r"|เครื่องบิน|สนามบิน",
        re.IGNORECASE,
    ),
    "delivery": re.compile(
        r"(?<![A-Za-z])(?:parcel|package|shipment|shipping|order|courier)|بسته|مرسوله|سفارش"
        r"|พัสดุ|ออเดอร์|คำสั่งซื้อ",
        re.IGNORECASE,
    ),
    "coupon": re.compile(
        # a code used or applied at checkout («ใช้โค้ด …») is a coupon's
        r"(?<![A-Za-z])(?:discount|voucher|promo|offer"
        r"|(?:use[ds]?|using|appl(?:y|ied|ying))\s+(?:the\s+|a\s+|my\s+|this\s+)?code)"
        r"|تخفیف|ส่วนลด|โปรโมชั่น|(?:ใช้|ใส่|กรอก)โค้ด",
        re.IGNORECASE,
    ),
}


#: What a value cued only by such a word is: a neutral key naming what the word says,
#: never the subject's ("Drop off date: Thursday 16th, 8am" at a garage, "Visit time"
#: for a vet who «میاد», "Code: 4471" for a gate). A new date or time under it replaces
#: the old, as the topic's own key would; a second code is a second thing (the gate's and
#: the alarm's), kept beside the first. A verb like "lands" has none: the value gets no key.
_NEUTRAL_KEYS = (
    (
        re.compile(r"drop[\s-]?off", re.IGNORECASE),
        {Kind.DATE: "drop_off_date", Kind.TIME: "drop_off_time"},
    ),
    (re.compile(r"میاد|می[\u200c\s]?آید"), {Kind.DATE: "visit_date", Kind.TIME: "visit_time"}),
    (re.compile(r"code|โค้ด", re.IGNORECASE), {Kind.IDENTIFIER: "code", Kind.NUMBER: "code"}),
)


def neutral_key(text: str, start: int, kind: Kind) -> str | None:
    """The neutral key of a ``kind`` of value cued only by the word at ``start``."""
    for word, keys in _NEUTRAL_KEYS:
        if word.match(text, start):
            return keys.get(kind)
    return None


def only_suggested(topic: Topic, text: str, start: int) -> bool:
    """Whether the cue of ``topic`` at ``start`` is a word that only suggests it."""
    loose = _LOOSE.get(topic.name)
    return loose is not None and loose.match(text, start) is not None


def subject_named(
    topic: Topic, text: str, asked: Sequence[Topic], held_keys: Collection[str]
) -> bool:
    """Whether the conversation names ``topic``'s subject: a firm cue of it in ``text``
    (the message), a word naming it, a question about it, or a fact held under it."""
    if topic in asked or any(key in held_keys for key in topic.keys.values()):
        return True
    named_by = _NAMED_BY.get(topic.name)
    if named_by is not None and named_by.search(text):
        return True
    return any(
        cue.topic is topic and not only_suggested(topic, text, cue.start) for cue in cues_in(text)
    )
