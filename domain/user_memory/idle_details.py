"""Details of an earlier conversation that say only what was going on at that moment.

A detail keeps clauses that state no value (``kept_clauses``: a request, a choice, a
fault): "I'd rather you email me", «آره با پیک بفرستید». Some of them were chat of the
moment and mean nothing to the user's next conversation, yet each took a line of a
returning user's section: a laugh or an aside (``small_talk``: "the app that doesnt work
you mean 😂", «کولر ماشینمم خراب شده، یه بدبختی دیگه 😂»), or a clause that only thanks
("thanks so much!", «مرسی 🙏», «ขอบคุณค่ะ»), only asks to wait ("please hold on a moment",
«یه لحظه صبر کنید», «แป๊บนะคะ») or only says it is paying now ("paying now", «الان پرداخت
میکنم», «กำลังโอนค่ะ»). Only: with the phrase, the particles around it ("please", «لطفا»,
«ค่ะ»), punctuation and emoji taken away, nothing is left. A clause that says more keeps
it ("The heating is broken right now and the boiler makes noise", "Thanks! Behind the
blue gate please", «ขอบคุณค่ะ เอาสีดำค่ะ»), and a fault, a place or a choice (kinds
``problem``, ``place``, ``choice``) is never chat of the moment for its words of thanks
or of now («الان کولر کار نمیکنه»). A detail whose every value is such a clause is not
handed to the user memory; one stating a value (a date, a sum) keeps it however it laughs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.kept_clauses import CLAUSE_KINDS
from domain.memory.offline.lexicon import THAI_POLITE_WORDS, alternation, word_set
from domain.memory.offline.small_talk import is_small_talk
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: Kinds of clause that state what the next conversation needs, whatever words of
#: thanks or of now they hold.
NEVER_IDLE_KINDS = frozenset({"problem", "place", "choice", "answer"})

_EN_PHRASES = (
    r"thanks|thank\s+you|thx|ty|cheers|ta|much\s+appreciated|appreciate\s+it"
    r"|hold\s+on|hang\s+on|one\s+sec(?:ond)?|just\s+a\s+(?:sec|second|moment|minute|min)"
    r"|a\s+moment|one\s+moment|wait|brb"
    r"|(?:i'?m\s+|i\s+am\s+)?paying\s+(?:it\s+)?(?:right\s+)?now"
    r"|(?:i'?ll\s+|i\s+will\s+)pay\s+(?:it\s+)?(?:right\s+)?now"
)
_FA_PHRASES = (
    r"مرسی|ممنون|ممنونم|متشکرم|سپاس|سپاسگزارم|دستتون\s+درد\s+نکنه"
    r"|یه\s+لحظه|یک\s+لحظه|صبر\s+کنید|صبر\s+کن"
    r"|(?:الان|همین\s+الان)\s+(?:پرداخت|واریز)\s+(?:میکنم|می‌کنم|میکنیم)"
)
_TH_PHRASES = r"ขอบคุณ|แป๊บ|สักครู่|เดี๋ยวนะ|รอสักครู่|กำลังโอน|กำลังจ่าย|จ่ายเลย|โอนเลย"
#: A phrase that thanks, asks to wait or says it is paying now.
_PHRASE = re.compile(
    rf"(?<![A-Za-z'])(?i:{_EN_PHRASES})(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:{_FA_PHRASES})(?![{_FA}])"
    rf"|(?:{_TH_PHRASES})"
)
#: Thai politeness (``THAI_POLITE_WORDS``) and its spoken forms, and degree ("very").
_THAI_PARTICLES = alternation(THAI_POLITE_WORDS | word_set("คับ นะ ฮะ มากๆ มาก เลย ด้วย"))
#: Words that only go with such a phrase: politeness, degree, the one addressed.
_PARTICLES = re.compile(
    r"(?<![A-Za-z'])(?i:please|pls|plz|so|very|much|a\s+lot|lots|again|ok|okay|sure|just"
    r"|you|guys|mate|all|for\s+(?:that|this|your\s+help|the\s+help)|a|one|ill|i'll)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:لطفا|لطفاً|خیلی|زیاد|باشه|حتما|واقعا|ازتون|ازت|از\s+شما|دیگه|ها)(?![{_FA}])"
    rf"|{_THAI_PARTICLES}"
)
#: What is left of a clause that says nothing: punctuation, emoji, marks, spaces.
_NOTHING = re.compile(r"[\W_]*")


def of_the_moment(clause: str, kind: str = "") -> bool:
    """Whether ``clause`` (of ``kind``) laughs, or only thanks, asks to wait or says it is
    paying now (module doc)."""
    if is_small_talk(clause):
        return True
    if kind in NEVER_IDLE_KINDS or _PHRASE.search(clause) is None:
        return False
    rest = _PARTICLES.sub(" ", _PHRASE.sub(" ", clause))
    return _NOTHING.fullmatch(rest) is not None


def only_of_the_moment(values: Sequence[str], kinds: Sequence[str]) -> bool:
    """Whether every one of a detail's ``values`` is a clause of the moment (module doc)."""
    return (
        bool(values)
        and len(kinds) == len(values)
        and all(kind in CLAUSE_KINDS for kind in kinds)
        and all(of_the_moment(value, kind) for value, kind in zip(values, kinds, strict=True))
    )
