"""A detail as the context shows it: its values and the words that say what they are.

A stored detail (``domain.memory.details``) is a question–answer unit or a sentence kept
word for word; the words around its values cost as much of the details' room as the
values do. The context shows a compact form of it, so that the same room holds more
values:

- a sentence that states a value is kept ("Drop-off is from 7:45, and there's a key box
  by the side door"); one that states none is left out ("Totally fine, just pop the key
  in an envelope"), except
- a Thai clause right before one with a value: Thai has no sentence marks, the clauses
  of one sentence stand between spaces, and the one before may say what the value is of;
- the question a value answers (the sentence that asks, ending the line before a line
  with a value): kept, without the sentences before it ("Lovely, thanks Dan." of
  "Lovely, thanks Dan. What's the best mobile for you?"), when it asks for more than a
  yes ("How much?", "And yours?"; not "Is that OK?"), and
- a short reply to a question that states a value ("User: yes please" after "Saturday
  10am?"): whether the value was taken is what it says; not a greeting («سلام.»), which
  answers nothing ("Hello? yes" answers "yes");
- an emoji (two tokens that say nothing of a value) is left out, but for one that answers
  ("👍", "Sat ✅ Sun ❌");
- a long sentence is cut to its opening words (what it is about) and a window of words
  around its values, "…" where words were left out;
- a Thai sentence loses what carries nothing there: the polite particles closing its
  clauses ("…12,500 บาท ครับ"), laughter, the greeting or thanks it opens with
  (``thai_trims``).

Sentences end at ". ! ? ؟" (``split_sentences``; Thai, which has no sentence marks, at
the spaces between its clauses, but for the pieces a space cut off a value or a name:
``thai_sentences``), and clauses at ", ; : ، ؛"; any run of whitespace between words reads
as one space, and a line without a speaker's label is read with the line before it (one
message on several lines is one turn). The stored text stays whole;
when a value is not found as it stands, the detail is shown whole.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.context.thai_trims import thai_trimmed
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.lexicon import (
    ENGLISH_ACKNOWLEDGEMENTS,
    ENGLISH_GREETINGS,
    ENGLISH_YES,
    PERSIAN_ACKNOWLEDGEMENTS,
    PERSIAN_GREETINGS,
    PERSIAN_YES,
    THAI_ACKNOWLEDGEMENTS,
    THAI_GREETINGS,
    THAI_PARTICLES,
    THAI_YES,
    alternation,
    word_set,
)
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.thai_sentences import joined_clauses
from domain.memory.speakers import label_of, speaker_turns
from domain.tokens import ELLIPSIS, token_weight

#: A sentence longer than this is cut to a window around its values.
LONG_SENTENCE_TOKENS = 18
#: The words a cut sentence keeps from its start: they name what it is about.
OPENING_WORDS = 4
#: Words kept before a value and after it when a sentence is cut.
WORDS_BEFORE = 6
WORDS_AFTER = 4
#: Left-out words weigh at least this much, or they are kept: "…" costs a token too.
MIN_CUT_TOKENS = 4
#: A reply this short to a question with a value is kept ("no", «اوف», «ได้ค่ะ»).
SHORT_REPLY_TOKENS = 6
#: A longer reply is cut to its first clause, or to this many words.
SHORT_REPLY_WORDS = 5

#: Persian puts the verb last: a cut sentence keeps the words after its last value up to
#: the verb that ends the clause when it is this near («… ۱۲ میلیون تومان رو همسرم موقع
#: تحویل ماشین نقدی پرداخت میکنه»: who pays is said, whether they pay needs the verb).
FA_VERB_WORDS = 8

#: A Persian verb: «میکنه», «نمیشه», «پرداخت کردم», «است», «بفرستید».
_FA_VERB = re.compile(
    r"^(?:(?:ن)?می\u200c?(?!لیون|لیارد|ز$|زان|وه|دان|همان)[\u0621-\u06cc]{2,}"
    r"|(?:ن)?(?:است|هست|نیست)[\u0621-\u06cc]*"
    r"|[\u0621-\u06cc\u200c]*(?:کرد|شد|داد|گرفت|زد|رفت|اومد|آمد|بود|داشت|گفت|خرید|فرستاد"
    r"|خواست|دید|گذاشت|رسید)(?:م|ی|یم|ید|ین|ن|ند|ه)?"
    r"|ب[\u0621-\u06cc]+(?:ید|ین))$"
)
_FA_LETTER = re.compile(r"[\u0621-\u06cc]")
_WORD_MARKS = ".,!?؟،؛:;…"
#: Words that open another Persian clause: the verb after them is not the value's.
_FA_CLAUSE_OPENERS = frozenset({"که", "و", "ولی", "اما", "اگه", "اگر", "چون", "تا", "یا"})
_THAI_LETTER = re.compile(r"[\u0e00-\u0e7f]")
_PARTICLE_END = re.compile(rf"{THAI_PARTICLES}$")
_CLAUSE_END = re.compile(r"[,;:،؛](?=\s)")
_WORD = re.compile(r"\S+")
#: An emoji (with its variation selector, skin tone and joiner): two tokens that say
#: nothing of a value. Not one that answers: "👍" to "Shall I book Saturday?", "Sat ✅ Sun ❌"
#: say which value was taken.
_ANSWER_EMOJI = "\U0001f44d\U0001f44e\U0001f44c\u2705\u274c\u274e\u2714\u2716\u2611"
_EMOJI = re.compile(
    f"(?![{_ANSWER_EMOJI}])"
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f3fb-\U0001f3ff]"
)
#: The words of a question that only asks for a yes ("Is that OK?", "Does that work for
#: you?", «خوبه؟», «โอเคไหมคะ»): it names nothing the value after it is of. Any other
#: question does, even without a content word: "How much?", "And yours?", «چنده؟».
_CONFIRMING_WORDS = (
    ENGLISH_YES
    | ENGLISH_ACKNOWLEDGEMENTS
    | PERSIAN_YES
    | PERSIAN_ACKNOWLEDGEMENTS
    | word_set(
        """
        is that this it all good correct does do work works for you sound sounds suit suits
        shall i we go ahead or no so then still
        خوبه درسته حله مشکلی نیست هست موافقید موافقین قبوله خوب پس دیگه
        """
    )
)
#: Thai asks for a yes with «ไหม» after what it asks of: «ได้ไหม», «ตามนี้นะคะ».
_THAI_CONFIRMED = THAI_YES | THAI_ACKNOWLEDGEMENTS | word_set("ได้ ถูกต้อง สะดวก แบบนี้ ตามนี้")
_THAI_CONFIRMING = re.compile(
    rf"^(?:{alternation(_THAI_CONFIRMED)})*\s*(?:ไหม|มั้ย|หรือเปล่า|หรือไม่|นะ){THAI_PARTICLES}?$"
)
#: Greetings, in every language: a reply made of them answers nothing. One of
#: ``_GREETING_WORDS`` must be said ("Good." alone is a yes), the others may go with it
#: ("Hi there", "Good morning", «سلام وقت بخیر»).
_GREETING_WORDS = ENGLISH_GREETINGS | PERSIAN_GREETINGS
#: "Good morning" greets; "Morning." alone may answer "morning or afternoon?".
_GOOD_TIME_OF_DAY = frozenset({"morning", "afternoon", "evening"})
_GREETINGS = _GREETING_WORDS | frozenset(
    {"good", "morning", "afternoon", "evening", "there", "all"} | {"وقت", "بخیر", "علیکم"}
)
_THAI_GREETING = re.compile(rf"^(?:(?:{alternation(THAI_GREETINGS)}){THAI_PARTICLES}?\s*)+$")


@dataclass(frozen=True)
class _Sentence:
    #: The sentence as shown: in Thai without what carries nothing (``thai_trims``).
    text: str
    #: (start, end) of each value in ``text``.
    values: tuple[tuple[int, int], ...]
    #: Whether the sentence as said asks something.
    question: bool
    #: Whether a Thai polite particle closed the sentence as said («ขอบคุณค่ะ»).
    closed: bool


@dataclass(frozen=True)
class _Line:
    speaker: str
    sentences: tuple[_Sentence, ...]

    @property
    def has_value(self) -> bool:
        return any(s.values for s in self.sentences)


def compact_detail(text: str, values: Sequence[str]) -> str:
    """``text`` (a detail's, its ``values`` in it) as the context shows it (module doc)."""
    return _compact(text, tuple(values))


#: A session's context is asked for again and again between two folds, with the same
#: details: each is made compact once.
@functools.lru_cache(maxsize=8192)
def _compact(text: str, values: tuple[str, ...]) -> str:
    if any(value not in text for value in values):
        return text  # a value not found as it stands: nothing is known to be without one
    raw_lines = speaker_turns(text)
    if not any(_EMOJI.search(value) for value in values):
        # an emoji between two Thai clauses hides the space that parts them
        raw_lines = [_without_emoji(raw) for raw in raw_lines]
    lines = [_split_line(raw, values) for raw in raw_lines]
    shown: list[str] = []
    for index, line in enumerate(lines):
        if line is None:
            shown.append(raw_lines[index])
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        value_next = index + 1 < len(lines) and (following is None or following.has_value)
        asked = index > 0 and _asked_value(lines[index - 1])
        body = _compact_line(line, value_next=value_next, answers_value_question=asked)
        if not any(_EMOJI.search(value) for value in values):
            body = _without_emoji(body)
        if body.strip():
            shown.append(line.speaker + body)
    return "\n".join(shown) if shown else text


def _found(body: str, sentence: str, at: int) -> tuple[int, int] | None:
    """Where ``sentence`` (its whitespace collapsed, its clauses joined by one space)
    stands in ``body`` from ``at``, any run of whitespace between its words."""
    words = sentence.split()
    if not words:
        return None
    match = re.compile(r"\s+".join(map(re.escape, words))).search(body, at)
    return (match.start(), match.end()) if match else None


def _collapsed(text: str, spans: Sequence[tuple[int, int]]) -> _Sentence:
    """``text`` with each run of whitespace one space, ``spans`` (in ``text``) moved
    with it, and in Thai without what carries nothing (``thai_trims``)."""
    kept: list[str] = []
    moved = [0] * (len(text) + 1)
    for index, char in enumerate(text):
        moved[index] = len(kept)
        if not char.isspace():
            kept.append(char)
        elif not kept or kept[-1] != " ":
            kept.append(" ")
    moved[len(text)] = len(kept)
    said = "".join(kept)
    question = is_question(said)
    shown, values = thai_trimmed(
        said, tuple((moved[a], moved[b]) for a, b in spans), question=question, asks=is_question
    )
    return _Sentence(shown, values, question, _PARTICLE_END.search(said) is not None)


def _split_line(raw: str, values: Sequence[str]) -> _Line | None:
    """``raw`` in sentences with the values each holds; None when a sentence is not found
    as it stands or a value runs across two (the line is then shown whole)."""
    speaker = label_of(raw)
    body = raw[len(speaker) :]
    spans = _value_spans(body, values)
    sentences: list[_Sentence] = []
    at = 0
    for sentence in joined_clauses(split_sentences(body)):
        found = _found(body, sentence, at)
        if found is None:
            return None
        start, end = found
        inside = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
        if any(a < end and b > start and (a < start or b > end) for a, b in spans):
            return None  # a value across two sentences
        sentences.append(_collapsed(body[start:end], inside))
        at = end
    return _Line(speaker, tuple(sentences))


def _value_spans(body: str, values: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for value in sorted(set(values), key=len, reverse=True):
        at = body.find(value) if value else -1
        while at >= 0:
            end = at + len(value)
            if not any(a <= at and end <= b for a, b in spans):
                spans.append((at, end))
            at = body.find(value, at + 1)
    return sorted(spans)


def _asked_value(line: _Line | None) -> bool:
    """Whether ``line`` ends with a question that states a value ("Saturday 10am?")."""
    return bool(line and line.sentences and line.sentences[-1].question and line.has_value)


def _compact_line(line: _Line, *, value_next: bool, answers_value_question: bool) -> str:
    kept: list[str] = []
    last = len(line.sentences) - 1
    for index, sentence in enumerate(line.sentences):
        if sentence.values:
            kept.append(_window(sentence))
        elif (index == last and value_next and _asks_of_something(sentence)) or (
            index < last and _names_the_next(sentence, line.sentences[index + 1])
        ):
            kept.append(sentence.text)
    # a reply that opens with a greeting ("Hello? yes") answers with what follows it
    said = [sentence.text for sentence in line.sentences if not _greeting(sentence.text)]
    if not kept and answers_value_question and said:
        kept.append(_reply(said[0]))
    return " ".join(kept)


def _asks_of_something(sentence: _Sentence) -> bool:
    """Whether ``sentence`` is a question that names what it asks for ("What's the best
    mobile for you?", "How much?", "And yours?"): one that only asks for a yes ("Is that
    OK?", «โอเคไหมคะ») says nothing of the value answering it."""
    if not sentence.question:
        return False
    words = [w.strip(_WORD_MARKS).casefold() for w in _WORD.findall(sentence.text)]
    words = [w for w in words if w]
    confirming = all(w in _CONFIRMING_WORDS for w in words)
    return not (confirming or _THAI_CONFIRMING.match("".join(words)))


def _greeting(sentence: str) -> bool:
    """Whether ``sentence`` is only a greeting ("Hi there!", «سلام.», «สวัสดีค่ะ»)."""
    words = [w.strip(_WORD_MARKS).casefold() for w in _WORD.findall(_without_emoji(sentence))]
    words = [w for w in words if w]
    if not words:
        return False
    greeting_word = any(w in _GREETING_WORDS for w in words) or (
        len(words) > 1 and words[0] == "good" and words[1] in _GOOD_TIME_OF_DAY
    )
    greets = all(w in _GREETINGS for w in words) and greeting_word
    return greets or bool(_THAI_GREETING.match(" ".join(words)))


def _without_emoji(text: str) -> str:
    """``text`` without its emoji, the spaces they stood between read as one."""
    if not _EMOJI.search(text):
        return text
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", _EMOJI.sub("", text)).strip()


def _names_the_next(clause: _Sentence, following: _Sentence) -> bool:
    """Whether ``clause`` is a Thai clause right before one with a value: Thai marks no
    sentence, so it may be what the value is of («ลูกค้าจ่ายด้วยบัตรเครดิต มัดจำ 5,000 บาท»:
    paid by credit card, a 5,000 baht deposit). One a polite particle closes is a sentence
    of its own («ขอบคุณมากนะคะ», thank you so much): it says nothing of the next."""
    return bool(
        following.values
        and _THAI_LETTER.match(clause.text[-1:])
        and _THAI_LETTER.match(following.text[:1])
        and not clause.closed
    )


def _reply(sentence: str) -> str:
    """The opening of a reply to a question that states a value: whether it was taken."""
    if token_weight(sentence) <= SHORT_REPLY_TOKENS:
        return sentence
    start, end = _clauses(sentence)[0]
    opening = sentence[start:end].strip()
    if end < len(sentence) and token_weight(opening) <= SHORT_REPLY_TOKENS:
        return opening + ELLIPSIS
    words = _WORD.findall(sentence)
    if len(words) > SHORT_REPLY_WORDS:
        return " ".join(words[:SHORT_REPLY_WORDS]) + ELLIPSIS
    return sentence  # Thai, without spaces: no word to cut at


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``sentence``, its mark included."""
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(sentence)), len(sentence)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if sentence[a:b].strip()]


def _window(sentence: _Sentence) -> str:
    """``sentence`` whole, or when long its first ``OPENING_WORDS`` words (what it is
    about: "The deposit is refundable … you'd get the £300 back") and from ``WORDS_BEFORE``
    words before its first value to ``WORDS_AFTER`` words after its last, "…" for what is
    left out. Only the ends are cut: words between two values may say how they
    relate ("your last payment for Carlton Road at the old amount, then the first one for
    Bramley Close"), and a question's end is what it asks. A word is what
    spaces bound: a Thai clause, written without spaces, is kept whole."""
    text = sentence.text
    if not sentence.values:
        return text
    start = min(a for a, _ in sentence.values)
    end = max(b for _, b in sentence.values)
    if token_weight(text) <= LONG_SENTENCE_TOKENS:
        return text
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    # The words a value starts and ends inside belong to it.
    start = min([start, *(a for a, b in words if a < start < b)])
    end = max([end, *(b for a, b in words if a < end < b)])
    start = min([start, *[a for a, b in words if b <= start][-WORDS_BEFORE:]])
    end = max([end, *[b for a, b in words if a >= end][:WORDS_AFTER], _verb_after(text, end)])
    opening = words[OPENING_WORDS - 1][1] if len(words) >= OPENING_WORDS else 0
    opening = min(opening, start)
    head = text[opening:start]
    tail = text[end:]
    shown = text[start:end]
    if token_weight(head) >= MIN_CUT_TOKENS:
        shown = text[:opening].rstrip() + " " + ELLIPSIS + " " + shown
    else:
        shown = text[:start] + shown
    if token_weight(tail) >= MIN_CUT_TOKENS and not sentence.question:
        return shown.rstrip() + ELLIPSIS
    return shown + tail


def _verb_after(text: str, end: int) -> int:
    """Where the verb closing the Persian clause a value ends at ``end`` ends: the first
    verb within ``FA_VERB_WORDS`` words, before a mark or a word that opens another clause
    («… ۱۵ میلیون تومان هست که …»); ``end`` when there is none."""
    if not _FA_LETTER.search(text):
        return end
    for match in list(_WORD.finditer(text, end))[:FA_VERB_WORDS]:
        word = match.group()
        if _FA_VERB.match(word.rstrip(_WORD_MARKS)):
            return match.end()
        if word[-1] in _WORD_MARKS or word in _FA_CLAUSE_OPENERS:
            break  # the clause ends here
    return end
