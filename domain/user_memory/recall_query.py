"""What recall ranks earlier conversations and details by: the message's content words.

A returning user's first message is mostly a greeting ("Hello, it's me again.",
«سلام، دوباره من هستم.», «สวัสดีค่ะ ดิฉันเคยสั่ง…»). Its greeting, thanks and polite
words, and its function words, are in every conversation of the user: they matched
each of them by chance and outranked the one the message is about. Thai has no spaces,
so its polite particles («ค่ะ», «ครับ», «นะคะ») made search bigrams («คะ», «นะ», «ะค»)
that every Thai summary holds somewhere. ``topic`` leaves the message without them:
what is left ranks (``recall.rank_best``, ``recall_details.ranked``); a message with
nothing left ranks by recency alone, as an empty one always did.
"""

from __future__ import annotations

import functools
import re

from domain.memory.offline.lexicon import (
    ENGLISH_ACKNOWLEDGEMENTS,
    ENGLISH_GREETINGS,
    ENGLISH_STOP_WORDS,
    ENGLISH_THANKS,
    ENGLISH_YES,
    FA_LETTERS,
    PERSIAN_ACKNOWLEDGEMENTS,
    PERSIAN_GREETINGS,
    PERSIAN_STOP_WORDS,
    PERSIAN_THANKS,
    PERSIAN_YES,
    REPLY_NOUNS,
    THAI_GREETINGS,
    THAI_PARTICLES,
    THAI_THANKS,
    alternation,
    word_set,
)
from domain.search.tokenize import normalize

#: Words of courtesy, yes and the like, and function words: nothing a conversation is
#: about. Reply nouns stay («چشم پزشکی», "fine ref PCN-8812" name a thing).
_COURTESY_WORDS = (
    ENGLISH_GREETINGS
    | ENGLISH_THANKS
    | ENGLISH_YES
    | ENGLISH_ACKNOWLEDGEMENTS
    | ENGLISH_STOP_WORDS
    | word_set("please pls plz thx ty bye goodbye")
    | PERSIAN_GREETINGS
    | PERSIAN_THANKS
    | PERSIAN_YES
    | PERSIAN_ACKNOWLEDGEMENTS
    | PERSIAN_STOP_WORDS
    # «دوباره»: "again", as the English stop words have it ("it's me again")
    | word_set("ممنونم متشکرم سپاس سپاسگزارم لطفا لطفاً خداحافظ دوباره")
) - REPLY_NOUNS
#: Compared as the search terms compare words: casefolded, Arabic letters unified.
_DROPPED = frozenset(normalize(word) for word in _COURTESY_WORDS)

#: A Latin word (with its "'s", "'m"), or a Persian one: what is looked up in ``_DROPPED``.
_WORD = re.compile(rf"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?|[{FA_LETTERS}]+")
_THAI_LETTER = "\u0e01-\u0e4f"
#: Thai courtesy, written inside a run of letters: a greeting or thanks with the
#: particles after it («สวัสดีค่ะ», «ขอบคุณมากครับ» keeps «มาก»), particles closing a
#: clause («ฉันเองนะคะ»), and the particles no Thai word holds («ค่ะ», «ครับ») wherever
#: they are («ได้ค่ะดิฉัน»). «คะ» and «นะ» only at a clause's end: «คะแนน» is a score.
_THAI_COURTESY = re.compile(
    rf"(?:{alternation(THAI_GREETINGS | THAI_THANKS)}){THAI_PARTICLES}*"
    rf"|{THAI_PARTICLES}+(?![{_THAI_LETTER}])"
    rf"|นะครับ|นะคะ|ครับ|ค่ะ|ค้าบ"
    # Thai function words: who speaks («ผม», «ดิฉัน», «ฉัน»: "I", the stop words "I" and
    # «من» are) and «เอง» ("it's me": «ฉันเองนะคะ»). Not «หนู», «เรา», «ชั้น»: they name
    # things too (a rat, «เราเตอร์» a router, a floor).
    r"|ดิฉัน|ฉัน|ผม|เอง"
)


@functools.lru_cache(maxsize=1024)
def topic(query: str) -> str:
    """``query`` without its courtesy and function words (module doc); memoized: a
    context recalls for the same message more than once."""
    text = _THAI_COURTESY.sub(" ", query)
    return _WORD.sub(lambda word: " " if _dropped(word.group()) else word.group(), text)


def _dropped(word: str) -> bool:
    return normalize(word).replace("’", "'") in _DROPPED
