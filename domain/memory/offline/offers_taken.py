"""A change the assistant offers in a question, taken by the customer's bare yes: "Want me
to switch you to the 2 kg bag?" → "yes go ahead"; "I can move you to another one
instead? L-087 is free" → "yeah go on"; «به جاش شنبه ثبت‌نامتون کنم؟» → «بله لطفا»;
«ให้เปลี่ยนเป็นวันเสาร์แทนไหมคะ» → «ได้ค่ะ เปลี่ยนเลยค่ะ». The value offered is the one
held now, in the held one's place (not a second one beside it).

The offer is a question of the assistant with a word of change ("instead", "switch",
«به جاش», «เปลี่ยน») and one value, in it or in the sentence after it (the offer may name
its value next: "… instead? L-087 is free"). The reply takes it only when it says yes and
nothing but a go-ahead ("yes please do that", "sure, do that", "ok go ahead"): not "yes,
but not that one", "yes I saw that" (a yes to something else), nor a reply with a "but" or
a "no" after its yes.
"""

from __future__ import annotations

import re

from domain.memory.offline.asking_words import ASKS_CHANGE
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.offline.sentences import whole_sentences
from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan, find_values

_FA = FA_LETTERS

#: A reply that opens with a yes or an ok: "yes", "sure", "ok", «بله», «باشه», «ได้ค่ะ».
_YES = taking_opening(praise=False)
#: Words that only tell the assistant to go ahead: "please", "go ahead", "go on", "do that",
#: "thanks"; «لطفا», «انجامش بدید», «ممنون»; «เลย», «รบกวนด้วย», «ขอบคุณ», a polite particle.
_GO_AHEAD = re.compile(
    r"(?:please(?:\s+do(?:\s+(?:that|it|so))?)?|pls|go\s+ahead|go\s+on|go\s+for\s+it"
    r"|do\s+(?:that|it|so)|let'?s\s+do\s+(?:that|it)|that\s+(?:would|'d)\s+be\s+(?:great|good"
    r"|perfect|ideal)|thanks|thank\s+you|ta|cheers)(?![A-Za-z])"
    rf"|(?:لطفا|لطفاً|بی\s*زحمت|انجامش\s+بد(?:ید|ین)|عوضش\s+کن(?:ید|ین)|ممنون|مرسی)(?![{_FA}])"
    r"|เลย|รบกวนด้วย|ขอบคุณ|เปลี่ยนเลย|ค่ะ|ครับ|คะ|นะ",
    re.IGNORECASE,
)
#: What may stand between the go-ahead words of a reply.
_BETWEEN = re.compile(r"[\s,،!.]*")
#: A reply that takes back its yes: "but", "no", "not", «ولی», «نه», «แต่», «ไม่».
_BUT_OR_NO = re.compile(
    r"(?<![A-Za-z])(?:but|no|not|don'?t|instead|rather|actually)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:ولی|اما|نه|نمی)|แต่|ไม่",
    re.IGNORECASE,
)


def offered_change(offer: str) -> ValueSpan | None:
    """The one value the assistant's ``offer`` offers as a change: in a question with a
    word of change, or in the sentence right after it; else None."""
    sentences = whole_sentences(offer)
    for at, sentence in enumerate(sentences):
        if not is_question(sentence) or ASKS_CHANGE.search(sentence) is None:
            continue
        values = _values(sentence) or (
            _values(sentences[at + 1]) if at + 1 < len(sentences) else []
        )
        if len(values) > 1:  # «ปิดรอบวันศุกร์แล้ว ให้เปลี่ยนเป็นวันเสาร์…»: the one after the change
            change = ASKS_CHANGE.search(sentence)
            values = [value for value in values if change and value.start >= change.start()]
        return values[0] if len(values) == 1 else None
    return None


def _values(sentence: str) -> list[ValueSpan]:
    # a bare number is no value offered ("another 2?"): what it is of is not said
    return [value for value in find_values(sentence) if value.kind is not Kind.NUMBER]


def takes_offer(reply: str) -> bool:
    """Whether the customer's ``reply`` says yes and only tells to go ahead, in its first
    sentence, with no "but" or "no" after it."""
    sentences = whole_sentences(reply)
    if not sentences:
        return False
    first = sentences[0]
    taken = _YES.match(first)
    if taken is None or _BUT_OR_NO.search(reply, taken.end()):
        return False
    at = _BETWEEN.match(first, taken.end())
    end = at.end() if at else taken.end()
    while end < len(first):
        go = _GO_AHEAD.match(first, end)
        if go is None or go.end() == end:
            return False
        between = _BETWEEN.match(first, go.end())
        end = between.end() if between else go.end()
    return True
