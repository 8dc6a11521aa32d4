"""A change the assistant offers in a question, taken by the customer's bare yes: "Want me
to switch you to the 2 kg bag?" → "yes go ahead"; "I can move you to another one
instead? L-087 is free" → "yeah go on"; «به جاش شنبه ثبت‌نامتون کنم؟» → «بله لطفا»;
«ให้เปลี่ยนเป็นวันเสาร์แทนไหมคะ» → «ได้ค่ะ เปลี่ยนเลยค่ะ». The value offered is the one
held now, in the held one's place (not a second one beside it).

The offer is the assistant's last question (what a bare yes answers), with a word of
change ("instead", "switch", «به جاش», «เปลี่ยน») and one value, in it or in the first clause
of the sentence after it when that says the value is free or names the change ("… instead?
L-087 is free"; "… instead? The engineer can come on 14 March instead of 12 March"), not
a value the offer only applies to ("a refund instead? I can issue it against ORD-50011").
No offer is a question to keep what is held ("keep L-112 rather than move to L-087?"), nor a
second choice ("… instead? Or …?"); a value after "rather than", "instead of" is turned
down. The reply takes it only when it says yes and nothing but a go-ahead ("yes please do
that", "sure, do that", "ok go ahead"): not "yes, but not that one", "yes I saw that" (a
yes to something else), nor a reply with a "but" or a "no" after its yes.
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

#: A question that offers a second choice after one before it: "… instead? Or …?",
#: «یا …؟», «หรือ…».
_OR = re.compile(rf"\s*(?:or(?![A-Za-z])|یا(?![{_FA}])|หรือ)", re.IGNORECASE)
#: A question to keep what is held rather than change it: "keep L-112", "stay on",
#: "leave it as it is", "no change"; «همون … بمونه», «نگه داریم», «تغییر ندیم»;
#: «คงไว้», «เหมือนเดิม», «ไม่เปลี่ยน».
_KEEP = re.compile(
    r"(?<![A-Za-z])(?:keep|stay|remain|stick\s+with|leave\s+it|no\s+change|not\s+change)"
    r"(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:بمون|نگه\s*دار|تغییر\s*ند|عوض\s*نک)"
    r"|คงไว้|เหมือนเดิม|ไม่เปลี่ยน|ไม่ย้าย|ไม่เลื่อน",
    re.IGNORECASE,
)
#: Words after which a value is the one turned down: "rather than", "instead of", «به جای»,
#: «แทนที่จะ».
_TURNED_DOWN = re.compile(
    r"(?<![A-Za-z])(?:rather\s+than|instead\s+of|in\s+place\s+of)(?![A-Za-z])"
    rf"|(?<![{_FA}])به\s*جای(?![{_FA}])|แทนที่",
    re.IGNORECASE,
)
#: Where a clause ends: a comma, a semicolon, a dash, or "but"; «ولی», «اما»; «แต่».
_CLAUSE_BREAK = re.compile(
    r"[,،;]|\s[-–—]\s|(?<![A-Za-z])but(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:ولی|اما)(?![{_FA}])|แต่",
    re.IGNORECASE,
)
#: A value said to be free to take: "free", "available", "open"; «خالی», «آزاد»; «ว่าง».
_FREE = re.compile(
    r"(?<![A-Za-z])(?:free|available|open|vacant|spare)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:خالی|آزاد|موجود)|ว่าง|เหลือ",
    re.IGNORECASE,
)


def offered_change(offer: str) -> ValueSpan | None:
    """The one value the assistant's ``offer`` offers as a change: in its last question,
    when that has a word of change, or in the sentence right after it; else None. A bare
    yes answers the last question only ("… L-087 instead? … Would you like a text?" offers
    nothing); a last question that opens with "or" offers a second choice (which one the yes
    takes is not said); a question to keep ("keep L-112 rather than move to L-087?") offers none."""
    sentences = whole_sentences(offer)
    asked = [at for at, sentence in enumerate(sentences) if is_question(sentence)]
    if not asked:
        return None
    at = asked[-1]
    question = sentences[at]
    change = ASKS_CHANGE.search(question)
    if change is None or _OR.match(question) or _KEEP.search(_offering_part(question)):
        return None
    values = _offered_in(question)  # "the Saturday session instead?": before it too
    if len(values) > 1:  # «ปิดรอบวันศุกร์แล้ว ให้เปลี่ยนเป็นวันเสาร์…»: the one after the change
        values = [value for value in values if value.start >= change.start()]
    if not values and at + 1 < len(sentences) and not is_question(sentences[at + 1]):
        values = _presented(sentences[at + 1])
    return values[0] if len(values) == 1 else None


def _offered_in(sentence: str) -> list[ValueSpan]:
    """The values of ``sentence`` but those it turns down: one after "rather than",
    "instead of", «به جای», «แทนที่จะ» in the same clause ("move to L-087 instead of
    L-112"; "instead of L-112, L-087?" offers L-087)."""
    values = _values(sentence)
    kept: list[ValueSpan] = []
    for value in values:
        clause = _CLAUSE_BREAK.split(sentence[: value.start])[-1]
        if _TURNED_DOWN.search(clause) is None:
            kept.append(value)
    return kept


def _offering_part(sentence: str) -> str:
    """``sentence`` without the clauses it turns down: "keep L-112 rather than move to
    L-087" offers to keep, "move to L-087 rather than keep L-112" to move."""
    parts = _CLAUSE_BREAK.split(sentence)
    return " ".join(_TURNED_DOWN.split(part, maxsplit=1)[0] for part in parts)


def _presented(sentence: str) -> list[ValueSpan]:
    """The values the sentence after an offer presents as the one to change to, in its
    first clause, when it says it is free or names the change: "L-087 is free but it's on
    the 3rd floor" (L-087); "The engineer can come on 14 March instead of 12 March"; not a
    value the offer only applies to ("I can issue it against ORD-50011")."""
    first = _CLAUSE_BREAK.split(sentence)[0]
    if _FREE.search(first) is None and ASKS_CHANGE.search(first) is None:
        return []
    return _offered_in(first)


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
