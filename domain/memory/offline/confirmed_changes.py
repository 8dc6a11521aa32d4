"""The agent confirming, by the subject's name, that it changed a held value the customer
has just given anew: "the address is updated for both the delivery and the collection",
"I've updated the billing address", «آدرس جمع‌آوری رو تغییر دادم», «เปลี่ยนวันส่งให้แล้วค่ะ».

The customer's words often file the new value under another key ("at my work instead?
… Unit 4, Kirkstall Forge" is a work address); the agent's confirmation says which held
fact it replaces, though it does not repeat the value.
"""

from __future__ import annotations

import re

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.subjects import STRONG, topics_named
from domain.memory.offline.values import FA_LETTERS, Kind, find_values

_FA = FA_LETTERS

#: Said of something changed (done, not offered: "I can update it" is no change yet).
_CHANGED = re.compile(
    r"(?<![A-Za-z])(?:updated|changed|amended|switched|swapped)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:تغییر|عوض|اصلاح|به[\u200c\s]?روز)\s*"
    rf"(?:دادم|دادیم|داده\s*شد|شد|کردم|کردیم|کرد)(?![{_FA}])"
    r"|(?:เปลี่ยน|แก้|อัปเดต|อัพเดต)\S{0,40}?แล้ว",
    re.IGNORECASE,
)


def changed_keys(text: str, kind: Kind) -> list[str]:
    """Keys of values of ``kind`` that a sentence of ``text`` says were changed, named by
    their subject and stating no value ("I've updated your arrival time to after 11pm"
    says what it changed to itself); a subject named in passing ("address" beside
    "billing address") only when no subject names the kind firmly."""
    keys: list[str] = []
    for sentence in split_sentences(text):
        if is_question(sentence) or not _CHANGED.search(sentence) or find_values(sentence):
            continue
        named = [(t.key_for(kind), t.strength_for(kind)) for t in topics_named(sentence)]
        firm = [key for key, strength in named if key and strength == STRONG]
        loose = [key for key, _ in named if key]
        keys.extend(key for key in (firm or loose) if key not in keys)
    return keys
