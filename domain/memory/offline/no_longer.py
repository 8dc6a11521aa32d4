"""Choices a message says no longer hold: "we dont do direct debits anymore", «پولم دیگه
کارت به کارت نمیکنم», «ไม่เอาส่งไปรษณีย์แล้วค่ะ».

The customer picked a way to pay or to receive ("yeah direct debit is fine", «باقی پولو
کارت به کارت میکنم») and later says it no longer holds. No fact may hold the choice, and
the message often names no value in its place, so nothing would mark a summary that
still quotes it as current. The words between the negation and its "anymore" (English:
"don't / won't / no longer … anymore"; Persian: «دیگه … نمی…»; Thai: «ไม่เอา / ไม่ใช้ …
แล้ว») name it: the longest run of them that was said before, as it was said, is returned
as old, to be marked "(replaced)" where a summary quotes it.

Not from a question ("don't you do direct debits anymore?", «یعنی دیگه کارت به کارت
نمیشه» without its mark), nor a condition anywhere before it ("what happens if we don't
use direct debit anymore", «اگه …», «ถ้า…»), nor another's habit ("my sister doesn't pay by
direct debit anymore", «خواهرم دیگه …», «เพื่อน…») nor one the sentence goes on to keep
("… but I'm keeping it"), nor a thing had rather than chosen ("I don't have the tracking
number anymore"). A later sentence that keeps it ("ok then we keep direct debit", «پس
کارت به کارت میکنم», «…เหมือนเดิม») takes the mark off again. And only a run said before that names
something: two words or more, opening and ending with one that is no stop word ("I don't
need it anymore" names nothing; one word, "delivery" or «شماره», is part of too many
others), or in Thai six letters or more that point at nothing («อันนี้»). English needs a
verb of choice before it ("don't do / use / want / pay by …"): "we won't charge you
anymore" names no choice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from domain.memory.engine import TranscriptLine
from domain.memory.offline.lexicon import ENGLISH_STOP_WORDS, FA_LETTERS, PERSIAN_STOP_WORDS
from domain.memory.offline.person_names import relation_words
from domain.memory.offline.sentences import whole_sentences
from domain.memory.offline.superseded import Changes
from domain.memory.offline.thai_cues import THAI_SCRIPT

_EN_NO_LONGER = re.compile(
    r"\b(?:don'?t|do not|doesn'?t|does not|won'?t|will not|no longer)\s+"
    r"(?:do|use|want|need|offer|take|accept|pay|go)(?:\s+(?:by|with|via|for))?\s+"
    r"(?P<named>[^,.;:!?\n]+?)\s+any\s?(?:more|longer)\b",
    re.IGNORECASE,
)
_FA_NO_LONGER = re.compile(r"(?:دیگه|دیگر)\s+(?P<named>[^،,.!?؟\n]+?)\s+نمی")
_TH_NO_LONGER = re.compile(r"ไม่(?:เอา|ใช้|ต้องการ|จ่าย|ชำระ)(?P<named>[^\s]+?)แล้ว")
#: A question (``dialogue.is_question`` also takes requests, and a no-longer is often one:
#: «ไม่เอา… แล้ว จะมารับเอง»): a mark, a Thai question word, or an English question's start.
_ASKS = re.compile(
    r"[?؟]\s*$|ไหม|มั้ย|หรือเปล่า|รึเปล่า"
    r"|^\s*(?:do|does|don'?t|doesn'?t|won'?t|can|could|will|would)\s+(?:you|we|i|they)\b",
    re.IGNORECASE,
)
#: A question with no mark: Persian «یعنی …» (so you mean …), English "what / how / why …".
_ASKS_UNMARKED = re.compile(r"^\s*(?:یعنی|(?i:what|how|why)\b)|เหรอ|หรอ")
#: A condition before the no-longer, anywhere in its sentence ("what happens if …").
_CONDITION = re.compile(r"\b(?i:if|unless|when|whether)\b|اگه|اگر|ถ้า|หาก")
#: Someone other than the customer's household who no longer does it: a sibling, a friend,
#: a neighbour, "he" / "she" (English and Persian: the subject just before the negation).
_OTHERS = ("sibling", "neighbour", "friend")
_SOMEONE_ELSE = (
    re.compile(rf"\b(?i:{relation_words(0, _OTHERS)}|he|she)(?:'s)?\s*$"),
    re.compile(rf"(?<![{FA_LETTERS}])(?:{relation_words(1, _OTHERS)}|دوست|رفیق|همکار)\S*\s*$"),
    re.compile(rf"{relation_words(2, _OTHERS)}|เพื่อน|เขา"),
)
#: What keeps a choice: "keep", "stick with", "go back to", «پس … میکنم» / «همون», Thai
#: «เหมือนเดิม» (as before).
_KEEPS = re.compile(
    r"\b(?i:keep|keeping|stick(?:ing)? with|stay(?:ing)? with|go(?:ing)? back to)\b"
    rf"|(?<![{FA_LETTERS}])(?:پس|همون|همچنان)(?![{FA_LETTERS}])(?!.*(?:نمی|نه\b))"
    r"|เหมือนเดิม"
)
_DETERMINERS = frozenset({"the", "a", "an", "any", "your", "our", "my", "their"})
#: Words a run that names something neither opens nor ends with.
_STOP = ENGLISH_STOP_WORDS | PERSIAN_STOP_WORDS | _DETERMINERS
#: Words of the longest run looked for.
MAX_WORDS = 4
#: Characters a Thai run needs (Thai writes its words together).
MIN_THAI_CHARS = 6
#: "this one", "that one": a Thai run that points names nothing of its own.
_TH_POINTING = re.compile(r"นี้|นั้น|โน้น")


def no_longer(
    earlier: Iterable[str], before: Sequence[TranscriptLine], lines: Sequence[TranscriptLine]
) -> Changes:
    """The choices of ``earlier`` (summaries and details), ``before`` (the messages before
    ``lines``) and ``lines`` that a sentence of ``lines`` says no longer hold, as said."""
    said = "\n".join([*earlier, *(line.content for line in before)])
    changes = Changes([], [])
    for line in lines:
        for sentence in whole_sentences(line.content):
            for kept in [old for old in changes.old if _keeps(sentence, old)]:
                changes.old.remove(kept)
                changes.new.append(kept)
            if _ASKS.search(sentence) or _ASKS_UNMARKED.search(sentence):
                continue
            for named in _named(sentence):
                old = _said_before(named, said)
                if old is not None and old not in changes.old:
                    changes.old.append(old)
        said += "\n" + line.content
    return changes


def _keeps(sentence: str, value: str) -> bool:
    """Whether ``sentence`` keeps ``value`` ("ok then we keep direct debit")."""
    return bool(_KEEPS.search(sentence)) and value.casefold() in sentence.casefold()


def _named(sentence: str) -> list[str]:
    """What each "no longer" of ``sentence`` names (the words between its two parts), when
    it is the customer's own, unconditioned and not kept after all (module doc)."""
    named = []
    for pattern in (_EN_NO_LONGER, _FA_NO_LONGER, _TH_NO_LONGER):
        for match in pattern.finditer(sentence):
            before, after = sentence[: match.start()], sentence[match.end() :]
            if (
                _CONDITION.search(before)
                or any(pattern.search(before) for pattern in _SOMEONE_ELSE)
                or _KEEPS.search(after)
            ):
                continue
            named.append(match.group("named").strip())
    return named


def _said_before(named: str, said: str) -> str | None:
    """The longest run of ``named``'s words (an English plural said in the singular too)
    that ``said`` holds as words of its own and that names something, as ``said`` has it."""
    if THAI_SCRIPT.search(named):
        if len(named) < MIN_THAI_CHARS or _TH_POINTING.search(named):
            return None
        return _found(named, said)
    words = named.split()
    for size in range(min(len(words), MAX_WORDS), 1, -1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if not _names_something(run):
                continue
            phrases = [" ".join(run)]
            if run[-1].endswith("s") and run[-1].isascii():
                phrases.append(" ".join([*run[:-1], run[-1][:-1]]))
            for phrase in phrases:
                if found := _found(phrase, said):
                    return found
    return None


def _names_something(run: Sequence[str]) -> bool:
    """A run of two words or more that opens and ends with a word of its own ("direct
    debit", «کارت به کارت»); one word ("delivery", «شماره») is part of too many others."""
    return len(run) >= 2 and run[0].casefold() not in _STOP and run[-1].casefold() not in _STOP


def _found(phrase: str, said: str) -> str | None:
    """``phrase`` as ``said`` has it, standing as words of its own (any case)."""
    # Thai writes its words together: no word bounds around a Thai phrase
    bounded = not THAI_SCRIPT.search(phrase)
    before = rf"(?<![\w{FA_LETTERS}])" if bounded else ""
    after = rf"(?![\w{FA_LETTERS}])" if bounded else ""
    match = re.search(before + re.escape(phrase) + after, said, re.IGNORECASE)
    return match.group() if match else None
