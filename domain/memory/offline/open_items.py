"""Open items of a conversation, offline: what was promised or left to do when it stopped.

An open item is a sentence, as it was said (in the conversation's language), that

- promises or announces something still to happen: a future or pending form
  ("will be confirmed by email", «ظرف ۳ روز تأیید می‌شود», «จะแจ้งกลับ»), or
- is the customer's last question, when no one answered it (a question an earlier
  batch left open is not carried past later messages).

A later sentence that reports it done ("has been sent", «ارسال شد», «เรียบร้อยแล้ว»)
and shares a content word with it closes it. Earlier items of the same conversation
(from its previous batch) stay open until closed. At most ``max_items``, newest kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.engine import TranscriptLine
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.lexicon import FA_BLOCK
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.terms import content_terms

#: Longest item kept, in characters (a run-on sentence is cut).
MAX_ITEM_CHARS = 200

_FA = FA_BLOCK

_PENDING = re.compile(
    # English: will / 'll + verb (not "will you …?"), pending states, deadlines, follow-ups
    r"(?<![A-Za-z])(?:will\s+(?!you\b)[a-z]+|(?:we|i|you|it|they|he|she)'ll\s+[a-z]+"
    r"|(?:am|are|is)\s+going\s+to|to\s+be\s+(?:confirmed|sent|processed|scheduled|arranged"
    r"|decided|announced|refunded)|pending|awaiting|follow(?:ing)?[\s-]up|get\s+back\s+to"
    r"|within\s+\d+|not\s+yet|still\s+(?:waiting|need|pending))(?![A-Za-z])"
    # Persian: the future auxiliary (not «می‌خواهم», "I want"), passive and first-person
    # present used for promises, waiting, deadlines, follow-ups
    rf"|(?<![{_FA}])ن?خواه(?:د|ید|یم|ند|م)(?![{_FA}])"
    rf"|(?:می[\u200c\s]?)(?:شود|شه|کنیم|دهیم|گیریم|فرستیم|زنیم)(?![{_FA}])"
    r"|پیگیری|در\s*انتظار|منتظر|بعداً|بعدا|ظرف|هنوز"
    # Thai: จะ (will), waiting, within, call back, not yet
    r"|จะ|รอ|ภายใน|ติดต่อกลับ|แจ้งกลับ|ยังไม่",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"(?<![A-Za-z])(?:(?:has|have|had)\s+(?:been\s+|just\s+|already\s+)?[a-z]+(?:ed|en|t)"
    r"|done|completed|resolved|received|arrived|delivered|refunded|collected|fixed"
    r"|confirmed|shipped|sent)(?![A-Za-z])"
    rf"|(?:شد|شدند|کردیم|دادیم|رسید|گرفتیم)(?![{_FA}])|انجام\s*شد"
    r"|เรียบร้อย|แล้ว",
    re.IGNORECASE,
)

#: A sentence that asks rather than announces ("Will you be home?"). Narrower than
#: ``is_question``, whose Thai requests («ส่ง…มา») also match announcements.
_ASKS = re.compile(
    r"[?؟]\s*$|^(?:will|would|could|can|shall|do|does|is|are)\s|ไหม|มั้ย|หรือเปล่า|หรือยัง",
    re.IGNORECASE,
)


def is_pending(sentence: str) -> bool:
    return _PENDING.search(sentence) is not None and _ASKS.search(sentence) is None


def _closes(sentence: str, item: str) -> bool:
    if _DONE.search(sentence) is None or is_pending(sentence):
        return False
    said, promised = content_terms(sentence), content_terms(item)
    # A word in common (a Thai word is several n-grams of weight below 1).
    return sum(min(said[t], promised[t]) for t in said.keys() & promised.keys()) >= 1.0


def _clip(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= MAX_ITEM_CHARS else text[: MAX_ITEM_CHARS - 1].rstrip() + "…"


def open_items(
    lines: Sequence[TranscriptLine], earlier: Sequence[str] = (), max_items: int = 5
) -> list[str]:
    """The open items after ``lines`` (in conversation order), ``earlier`` included."""
    # An earlier batch's unanswered question was answered, or dropped, by what followed.
    items = [_clip(item) for item in earlier if not (lines and _ASKS.search(item))]
    for line in lines:
        for sentence in split_sentences(line.content):
            items = [item for item in items if not _closes(sentence, item)]
            if is_pending(sentence) and _clip(sentence) not in items:
                items.append(_clip(sentence))
    last = lines[-1] if lines else None
    if last is not None and last.role == "user":
        asked = [s for s in split_sentences(last.content) if is_question(s)]
        if asked and _clip(asked[-1]) not in items:
            items.append(_clip(asked[-1]))
    return items[-max_items:] if max_items > 0 else []
