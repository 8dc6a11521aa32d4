"""One of two options taken, then the other: "interim or full?" → "just the interim" → "go
for the full service"; «نقدی یا کارتخوان؟» → «نقدی» → «نه ببخشید کارتخوان بهتره»;
«รับที่สาขาหรือส่งถึงบ้านคะ» → «รับที่สาขาค่ะ» → «เปลี่ยนเป็นส่งถึงบ้าน».

The options are named where someone asks which ("X or Y?", «X یا Y؟», «X หรือ Y»), and no
fact holds them: a summary that still quotes the option taken first would show it as the
choice. An option is taken by a sentence that names it and not the other one, and answers
the question that named both or says a choice ("go for", "let's", «خوبه», «بریزید»,
«เอา», «เปลี่ยน»); when the option taken last before is the other one, that one is
replaced. Not by a question, nor by a sentence that refuses what it names ("not the
full one", «نمیخوام», «ไม่เอา»), nor by a later sentence of the reply that speaks of the
other one with no word of choice ("Pickup. Delivery is too expensive."); and only from
where the two are asked about: an option
named before that ("Orchard Row needs an engineer" before "Hazel Court or Orchard Row?")
was no choice between them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.memory.engine import TranscriptLine
from domain.memory.offline.asking_words import (
    EN_GO_FOR,
    EN_LETS,
    EN_MAKE_IT,
    FA_PUT_IT,
    TH_MAY_IT_BE,
)
from domain.memory.offline.dialogue import EMOJI_BREAK, is_question
from domain.memory.offline.lexicon import ENGLISH_STOP_WORDS, PERSIAN_STOP_WORDS
from domain.memory.offline.sentences import whole_sentences
from domain.memory.offline.superseded import Changes
from domain.memory.offline.thai_cues import THAI_SCRIPT
from domain.memory.offline.values import FA_LETTERS
from domain.memory.speakers import speaker_of, speaker_turns, without_speakers

#: "X or Y": the words of each side up to a stop, a comma or the question's end.
_OR = re.compile(r"\s+(?:or|یا)\s+|\s*หรือ\s*", re.IGNORECASE)
_SIDE_BREAK = re.compile(r"[,،:;؛?؟!.()\"«»]")
#: Words that open or close an option and are none of it: "the", «به», «ค่ะ».
_LEADING = frozenset(
    {"the", "a", "an", "your", "my", "to", "for", "by", "on", "via", "with", "just", "either"}
    | {"go", "back", "get", "have", "want", "into", "in", "at", "as"}
    | {"به", "از", "با", "رو", "را", "تو", "برای", "یه"}
    | {"เป็น", "แบบ", "ที่", "ให้", "เอา", "รับ"}
)
_TRAILING = re.compile(
    r"(?:\s+(?:one|please|then|instead|option|thanks))+$"
    r"|(?:\s*(?:رو|را|باشه|بشه|بدم|بریزم|میخواید|میخواین))+$"
    r"|(?:ดี)?(?:ไหม|มั้ย|คะ|ค่ะ|ครับ|นะ|ดีคะ|ดีครับ)+$",
    re.IGNORECASE,
)
#: Words that say an option is taken.
_TAKES = re.compile(
    rf"\b(?:{EN_GO_FOR}|do\s+the|i'?ll\s+(?:take|have|go)|{EN_LETS}|it\s+is|{EN_MAKE_IT}|switch"
    r"|chang(?:e|ed)|instead|prefer|choose|pick|put\s+me|i\s+want|i'?d\s+like|done)\b"
    rf"|(?<![{FA_LETTERS}])(?:خوبه|بریزید|بزنید|{FA_PUT_IT}|میخوام|انتخاب|تغییر|عوض|ثبت|ترجیح"
    rf"|بهتره)(?![{FA_LETTERS}])"
    rf"|เอา|เลือก|{TH_MAY_IT_BE}|เปลี่ยน|ดีกว่า|ตกลง",
    re.IGNORECASE,
)
#: A refusal of the option named just after it ("not the full one", "I don't want the
#: full service", «ไม่เอาส่งถึงบ้าน») or just before it («کارتخوان نمیخوام»).
_REFUSED_BEFORE = re.compile(
    r"(?:\b(?:not|no|don'?t|won'?t|never|without|cancel)\b|ไม่|ยกเลิก|بدون|کنسل)[^.,;!?،]{0,12}$",
    re.IGNORECASE,
)
_REFUSED_AFTER = re.compile(
    r"^\s*(?:(?:is|are)(?:\s+not|n'?t)|(?:رو\s+|را\s+)?(?:نمیخوام|نمی‌خوام|نه|نباشه|کنسل|نمیشه)"
    rf"(?![{FA_LETTERS}]))",
    re.IGNORECASE,
)
#: "No, …" opening a sentence says no to what was said before it, not to what it names:
#: «نه ببخشید کارتخوان بهتره», "no sorry, make it the full one".
_OPENING_NO = re.compile(
    r"^\s*(?:no|nope|nah|نه|ไม่ใช่|ไม่)[,،]?\s*(?:sorry|ببخشید|ขอโทษ\S*)?[,،]?\s*", re.IGNORECASE
)


#: Letters an option needs to be one thing wherever it is quoted ("full", «کارت»).
MIN_OPTION_CHARS = 4
#: Words an option may have ("store credit", «کیف پول»).
MAX_OPTION_WORDS = 2


@dataclass(frozen=True)
class _Pair:
    one: str
    other: str

    def named_in(self, sentence: str) -> str | None:
        """The option ``sentence`` names, when it names one of them alone."""
        one, other = _names(sentence, self.one), _names(sentence, self.other)
        return self.one if one and not other else self.other if other and not one else None


def _names(sentence: str, option: str) -> bool:
    if THAI_SCRIPT.search(option):
        return option in sentence
    pattern = rf"(?<![\w\u200c]){re.escape(option)}(?![\w\u200c])"
    return re.search(pattern, sentence, re.IGNORECASE) is not None


#: Words of a sentence that is nothing but "X or Y" (a question with no mark: «به کارت یا
#: کیف پول»).
MAX_BARE_PAIR_WORDS = 6


def _pairs_in(sentence: str) -> list[_Pair]:
    if not is_question(sentence) and len(sentence.split()) > MAX_BARE_PAIR_WORDS:
        return []
    pairs = []
    for match in _OR.finditer(sentence):
        before = _SIDE_BREAK.split(sentence[: match.start()])[-1]
        after = _SIDE_BREAK.split(sentence[match.end() :])[0]
        other = _option(after, last=False)
        # the options of a pair are said alike: "interim or full", «نقدی یا کارتخوان»
        one = _option(before, last=True, words=len(other.split())) if other else None
        if one and sentence.startswith(one) and one[1:].islower():
            one = one[0].lower() + one[1:]  # capitalised as a sentence's first word
        if one and other and one.casefold() != other.casefold():
            pairs.append(_Pair(one, other))
    return pairs


def _option(side: str, *, last: bool, words: int = MAX_OPTION_WORDS) -> str | None:
    """The option a side of "X or Y" names: its last words before the "or", its first
    after it, without the words that open or close it; ``None`` when too short to be
    one thing wherever quoted, or a word that says nothing («این», "it")."""
    side = _TRAILING.sub("", side.strip())
    said = side.split()
    if last:
        said = said[-words:]
    while said and said[0].casefold() in _LEADING:
        said = said[1:]
    if not last:
        # up to the first word that is none of it: "coffee with the lunch"
        kept = list(itertools.takewhile(lambda w: not _stop_word(w), said[1:]))
        said = _TRAILING.sub("", " ".join(said[:1] + kept[: words - 1])).split()
    option = " ".join(said)
    if len(option) < MIN_OPTION_CHARS or any(ch.isdigit() for ch in option):
        return None  # a value with digits (a time, a price) is its own rules' to mark
    if all(_stop_word(word) for word in said):
        return None
    return option


def _stop_word(word: str) -> bool:
    return word.casefold() in ENGLISH_STOP_WORDS or word in PERSIAN_STOP_WORDS


@dataclass(frozen=True)
class _Sentence:
    text: str
    #: The number of its message: the lines of the summaries and details first (a line a
    #: message, in the order said), then the messages read.
    message: int
    #: Who said it: "user", "assistant" ("" when a summary's line names nobody).
    role: str


def switched_options(
    earlier: Iterable[str], before: Sequence[TranscriptLine], lines: Sequence[TranscriptLine]
) -> Changes:
    """The options of ``earlier`` (summaries and details, in the order said), ``before``
    (the messages before ``lines``) and ``lines`` that a choice in ``lines`` of the other
    option of their pair replaced, and the options that replaced them."""
    turns = [turn for text in earlier for turn in speaker_turns(text)]
    said = [(speaker_of(turn).casefold(), without_speakers(turn)) for turn in turns]
    said += [(line.role, line.content) for line in (*before, *lines)]
    sentences = [
        _Sentence(s, index, role)
        for index, (role, text) in enumerate(said)
        for s in whole_sentences(text)
    ]
    first_new = len(said) - len(lines)
    # each pair from where it is first asked: an option named before that was no choice
    # of the two ("Orchard Row needs an engineer" before "Hazel Court or Orchard Row?")
    asked: dict[_Pair, int] = {}
    for at, sentence in enumerate(sentences):
        for pair in _pairs_in(sentence.text):
            asked.setdefault(pair, at)
    changes = Changes([], [])
    for pair, first in asked.items():
        taken: str | None = None
        taken_as = ""
        for at in range(first, len(sentences)):
            sentence = sentences[at]
            option = _taken(pair, sentences, at)
            if option is None:
                continue
            said_as = _as_said(sentence.text, option)
            if taken and option != taken and sentence.message >= first_new:
                if option in changes.old:
                    changes.old.remove(option)
                changes.new.append(option)
                if taken_as not in changes.old:
                    changes.old.append(taken_as)
            if option != taken or len(said_as) > len(taken_as):
                taken_as = said_as
            taken = option
    return changes


def _as_said(sentence: str, option: str) -> str:
    """``option`` as ``sentence`` says it, with the word before it when that word is part
    of its name ("account credit" of the option "credit"; not "the interim")."""
    at = sentence.casefold().find(option.casefold())
    if at < 0 or THAI_SCRIPT.search(option):
        return option
    said = sentence[at : at + len(option)]
    before = sentence[:at].split()
    word = before[-1] if before and sentence[:at].endswith(" ") else ""
    if word.isalpha() and not _stop_word(word) and word.casefold() not in _LEADING:
        return f"{word} {said}" if word.islower() else said
    return option


def _taken(pair: _Pair, sentences: Sequence[_Sentence], at: int) -> str | None:
    """The option of ``pair`` the sentence at ``at`` takes, or ``None``."""
    sentence = sentences[at]
    if _asked(sentence.text, pair):
        return None
    option = pair.named_in(sentence.text)
    if option is None or _refused(sentence.text, option):
        return None
    if _TAKES.search(sentence.text):
        return option
    if _answers(pair, sentences, at) and not _named_before(pair, sentences, at):
        return option
    return None


def _asked(sentence: str, pair: _Pair) -> bool:
    """Whether ``sentence`` asks about the options it names: a question, unless an emoji
    ends the part that names them before the question begins («… دو قسط کنیم بهتره، آخر ماه
    قسط ماشین داریم 😅 تخفیف که نمی‌پره؟» takes the two instalments and asks of the discount)."""
    if not is_question(sentence):
        return False
    parts = EMOJI_BREAK.split(sentence)
    naming = [part for part in parts if pair.named_in(part) is not None]
    return not naming or any(is_question(part) for part in naming)


def _named_before(pair: _Pair, sentences: Sequence[_Sentence], at: int) -> bool:
    """Whether an earlier sentence of the same message named an option of ``pair``: the
    answer is the first one named ("Pickup. Delivery is too expensive for us."); later
    sentences speak of the options, and take one only by a word of choice."""
    sentence = sentences[at]
    return any(
        earlier.message == sentence.message and pair.named_in(earlier.text) is not None
        for earlier in sentences[:at]
    )


def _refused(sentence: str, option: str) -> bool:
    text = _OPENING_NO.sub("", sentence, count=1)
    at = text.casefold().find(option.casefold())
    if at < 0:
        return False
    return bool(
        _REFUSED_BEFORE.search(text, 0, at) or _REFUSED_AFTER.match(text[at + len(option) :])
    )


def _answers(pair: _Pair, sentences: Sequence[_Sentence], at: int) -> bool:
    """Whether the sentence at ``at`` is of the reply to a question that named both (the
    message just before it, of the other speaker)."""
    sentence = sentences[at]
    return any(
        asked.message == sentence.message - 1
        and asked.role != sentence.role
        and bool(asked.role)
        and pair in _pairs_in(asked.text)
        for asked in sentences[:at]
    )
