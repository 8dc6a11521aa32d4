"""Which of a past conversation's open items a returning user's context shows.

The offline open items are the sentences of a conversation's end in a future or
pending form (``domain.memory.offline.open_items``): they also catch the small talk
of a goodbye, which says nothing to do in another conversation and takes the room
of the values the user gave. So an open item is shown only when it is something
still to be done, and left out when it states no value (no digit, no code, no
address) and is:

- a bare acknowledgement: at most ``MAX_BARE_WORDS`` word once the reply words,
  laughter and emoji are taken away ("👍 Will do.", "ok will do.", «منتظرم», «จะรอนะคะ»);
  two words may be all a to-do says ("Send invoice.", "Refund pending");
- a reaction: laughter, a wish or a feeling ("You'll love charging it…", "Ha, he
  will be delighted.", «پسرم تو راه فقط با آهنگ آروم میشه 😂», «หวังว่าพี่จะชอบนะ
  555»): general vocabulary of English, Persian and Thai chat, never the nouns of
  one conversation. Thanks open an acknowledgement, they make no reaction of a
  promise ("Thanks, I'll pay tomorrow").

An emoji beside a statement marks it ("ثبت شد ✅ …"): only the faces that laugh count
as laughter, and "555" (Thai laughter) is no value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.lexicon import (
    ENGLISH_REPLIES,
    PERSIAN_REPLIES,
    THAI_POLITE_WORDS,
    THAI_REPLIES,
    THAI_YES,
    alternation,
)
from domain.tokens import token_weight

#: A digit in any of the three scripts, or the "@" of an address: the item states a value.
_VALUE = re.compile(r"[0-9@\u06f0-\u06f9\u0660-\u0669\u0e50-\u0e59]")
#: Laughter: its words and the faces that laugh (a smile beside a statement is no joke).
_LAUGH = re.compile(
    r"(?<![a-z])(?:lol|lmao|haha+|hehe+|ha|hah)(?![a-z])|(?<![\u0600-\u06ff])خخ+|[5๕]{3,}"
    r"|[\U0001f602\U0001f923\U0001f606]",
    re.IGNORECASE,
)
#: Words of a reaction: a wish, a feeling, a wonder, a goodbye to see each other.
_REACTION = re.compile(
    r"(?<![a-z])(?:hope|hopefully|love|enjoy|delighted|wow|yay|in good hands)(?![a-z])"
    r"|امیدوار|خوشحال|لذت|قربون"
    r"|หวังว่า|ชอบ|ดีใจ|ว้าว|สนุก|รอพบ|เจอกัน",
    re.IGNORECASE,
)
#: Reply words that open an acknowledgement (thanks too: "Thanks, I'll pay tomorrow"
#: still promises), and the Thai and Persian politeness particles: what is left is
#: what the item says.
#: Not a bare "thank": it is the verb of a to-do ("Thank Sara"); "thank you" is the reply,
#: stretched or short too ("Thank youuu", "thank u").
_ENGLISH_REPLY = (ENGLISH_REPLIES - {"thank"}) | {"noted", "will do", "i will", "i'll"}
_THANK_YOU = r"thank\s*(?:yo+u+|u)"
#: Thai is written without spaces, so these are taken out where they stand in a word:
#: not «ใช่» (yes), which «ไม่ใช่» (is not) holds. «นะ» softens a promise («จะรอนะ»).
_THAI_REPLY = (THAI_REPLIES - THAI_YES) | THAI_POLITE_WORDS | {"นะ"}
_REPLY = re.compile(
    rf"(?<![a-z])(?:{_THANK_YOU}|{alternation(_ENGLISH_REPLY)})(?![a-z])"
    rf"|(?<![\u0600-\u06ff])(?:{alternation(PERSIAN_REPLIES)})(?![\u0600-\u06ff])"
    rf"|{alternation(_THAI_REPLY)}",
    re.IGNORECASE,
)
#: Words an acknowledgement has at most, besides reply words, laughter and emoji.
MAX_BARE_WORDS = 1
#: The same for Thai, which writes a clause as one word: its tokens.
MAX_BARE_TOKENS = 3


def states_value(item: str) -> bool:
    """Whether ``item`` holds a digit or an address ("555" is Thai laughter: not one)."""
    return _VALUE.search(_LAUGH.sub(" ", item)) is not None


def is_bare(item: str) -> bool:
    """Whether ``item`` is an acknowledgement with nothing to do in it (module doc)."""
    # emoji go with the other marks: none is a word
    rest = _REPLY.sub(" ", _LAUGH.sub(" ", item))
    rest = " ".join(re.sub(r"[^\w\s\u200c]", " ", rest).split())
    return len(rest.split()) <= MAX_BARE_WORDS and token_weight(rest) <= MAX_BARE_TOKENS


def is_reaction(item: str) -> bool:
    """Whether ``item`` laughs, wishes or feels (module doc)."""
    return _LAUGH.search(item) is not None or _REACTION.search(item) is not None


def still_to_do(item: str) -> bool:
    """Whether ``item`` is something still to be done, worth a returning user's room."""
    if states_value(item):
        return True
    return not (is_bare(item) or is_reaction(item))


def open_items_to_show(items: Sequence[str]) -> list[str]:
    return [item for item in items if still_to_do(item)]
