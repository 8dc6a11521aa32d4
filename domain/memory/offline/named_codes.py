"""Whose code a code is, from the words around it. The words right before a code name
its subject ("your move reference is MV-66021" → ``move_reference``; "my gym locker code
is 4471" → ``gym_locker_code``, by ``code_labels``), and a bare "code" after what it opens
("a side gate with a keypad, code is 4471") is the access code, not a coupon; a code spent
on an order ("use code 4471") stays a coupon. Its own module: these rules read only the
words of the sentence, never the facts held."""

import re
from collections.abc import Sequence

from domain.memory.offline.code_labels import named_code_key
from domain.memory.offline.fact_keys import canonical_key
from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.subjects import Topic
from domain.memory.offline.subjects import topic as topic_by_name
from domain.memory.offline.values import Kind, ValueSpan


def code_named(text: str, value: ValueSpan) -> str | None:
    """The key the English words right before a code name for it ("your move reference
    is MV-66021" → ``move_reference``), when they name one (``code_labels``)."""
    if value.kind is not Kind.IDENTIFIER:
        return None
    return _code_key(_said_before_in_sentence(text, value))


def _said_before_in_sentence(text: str, value: ValueSpan) -> str:
    begin, _ = sentence_bounds(text, value.start, value.end)
    return text[begin : value.start]


def _code_key(lead: str) -> str | None:
    """The key ``lead``, the words before a code, name for it (``code_labels``)."""
    key = named_code_key(lead)
    return canonical_key(key) if key is not None else None


#: A code word alone, no coupon's name ("code", «โค้ด»; not "promo code", «โค้ดส่วนลด»).
_BARE_CODE = re.compile(r"code(?![A-Za-z])|โค้ด(?!ส่วนลด)", re.IGNORECASE)
#: What a code opens: "a side gate with a keypad, code is 4471", «ประตูหลังบ้าน โค้ด 1234».
_DOOR = re.compile(
    r"(?<![A-Za-z])(?:gates?|doors?|keypad|entrance|lobby|intercom|lock\s?box|key\s?safe)"
    r"(?![A-Za-z])|ประตู|ทางเข้า|คีย์การ์ด",
    re.IGNORECASE,
)
#: How far before the code word what it opens may stand.
_DOOR_REACH = 24
#: A code used on an order is a coupon, wherever the customer stands ("I'm at the gate,
#: can I use code WELCOME5?", «ใช้โค้ด»).
_SPENT = re.compile(
    r"(?<![A-Za-z])(?:use|used|using|apply|applied|redeem(?:ed)?|checkout|discount|off"
    r"|order)(?![A-Za-z])|ใช้โค้ด|ส่วนลด",
    re.IGNORECASE,
)


def door_code(cue: Topic, text: str, cue_start: int) -> Topic:
    """The access code, when a bare "code" follows what it opens in the same sentence
    ("theres a side gate with a keypad, code is 4471"): no coupon."""
    if cue.name != "coupon" or not _BARE_CODE.match(text, cue_start):
        return cue
    begin, stop = sentence_bounds(text, cue_start, cue_start)
    if _SPENT.search(text, begin, stop):
        return cue
    opens = _DOOR.search(text, max(begin, cue_start - _DOOR_REACH), cue_start)
    return topic_by_name("access") if opens else cue


#: A bare "code" said to be the value: "locker code is 4471", "alarm code: 2580".
_CODE_SAID = re.compile(r"(?i:code)\s*(?:(?i:is|was|will\s+be)|:)\s*$")


def code_of_named_thing(
    cues: Sequence[tuple[Topic, int]], text: str, value: ValueSpan
) -> str | None:
    """The key of a code a bare "code" gives for a thing named right before it ("my gym
    locker code is 4471" → ``gym_locker_code``, ``code_labels``): a locker's or an
    alarm's code is no coupon; one spent on an order ("use code 4471") stays a coupon."""
    if not any(t.name == "coupon" and _BARE_CODE.match(text, start) for t, start in cues):
        return None
    lead = _said_before_in_sentence(text, value)
    if not _CODE_SAID.search(lead) or _SPENT.search(lead):
        return None
    return _code_key(lead)
