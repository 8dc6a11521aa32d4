"""Sentence splitting for English, Persian, Thai, CJK and mixed text.

Newlines always end a sentence. Inside a line a sentence ends at a run of
terminators (. ! ? ؟ ؛ … and CJK 。！？) followed by whitespace; a period after a
known abbreviation or a single letter ("Dr.", "e.g.", "J.") does not end one. Thai has no
sentence punctuation: writers put a space between sentences and clauses, so a
space with Thai letters on both sides ends a clause, and tiny leftovers (a lone "ครับ")
stay attached to their neighbour. Thai digits (๐-๙) are digits, not letters: a space
beside them sets a number off from its unit or month as it does beside 0-9 («๑๓ ก.ค.» is
one date, as «13 ก.ค.» is); nor does a space inside a company's legal name end a clause
(``thai_clause_joins.unbroken_names``). Any span longer than ``MAX_SENTENCE_CHARS`` is
cut at its last clause mark or space within the limit, so one run-on message
cannot become a single unsummarizable sentence.
"""

import re
import unicodedata

from domain.memory.offline.lexicon import THAI_PARTICLES, word_set
from domain.memory.offline.thai_clause_joins import continues_into_next, unbroken_names

MAX_SENTENCE_CHARS = 280
#: Thai clauses shorter than this are particles or fragments, not sentences.
MIN_THAI_CLAUSE_CHARS = 5
#: A label joins its value only while the clause stays this short, so a run of
#: labels cannot glue a long message back into one sentence.
MAX_JOINED_THAI_CLAUSE_CHARS = 120

_WHITESPACE = re.compile(r"[^\S\n]+")
_TERMINATOR = re.compile(r"[.!?؟؛…]+['\"”’»)\]]*(?=\s|$)|[。！？]+")
#: Thai letters and marks, not the Thai digits ๐-๙ (U+0E50-U+0E59).
_THAI_LETTER = r"[\u0e00-\u0e4f\u0e5a-\u0e7f]"
_THAI_SPACE = re.compile(rf"(?<={_THAI_LETTER})\s+(?={_THAI_LETTER})")
_LAST_WORD = re.compile(r"(\w+)\.$")
_LONGEST_ABBREVIATION = 12
#: "กก", "ซม", "รพ": Thai short forms before their period are one or two characters.
_LONGEST_THAI_ABBREVIATION = 2
_CLAUSE_MARKS = ",;:،؛、，；："

_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof sr jr st vs etc eg ie e.g i.e no approx dept inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)


def _ends_with_abbreviation(line: str, start: int, end: int) -> bool:
    """Whether the period ending ``line[start:end]`` closes an abbreviation or initial."""
    # Abbreviations are short: only the tail is searched, so this stays linear.
    tail = max(start, end - _LONGEST_ABBREVIATION)
    match = _LAST_WORD.search(line, tail, end)
    if match is None or (match.start() == tail > start and line[tail - 1].isalnum()):
        return False
    word = match.group(1).lower()
    # Single letters are initials ("J. Smith") or list markers ("a."), not ends.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isascii())


def _closes_thai_abbreviation(line: str, period_at: int) -> bool:
    """Whether the period at ``period_at`` closes a Thai abbreviation ("ม.ค.", "น.", "กก.").

    Thai ends sentences with a space, not a period: a period right after one or two Thai
    characters, or inside a dotted run ("ม.ค"), closes a short form and never a sentence.
    """
    run = period_at
    while run > 0 and "\u0e00" <= line[run - 1] <= "\u0e7f":
        run -= 1
    letters = period_at - run
    return letters > 0 and (letters <= _LONGEST_THAI_ABBREVIATION or line[run - 1 : run] == ".")


def _split_on_terminators(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _TERMINATOR.finditer(line):
        end = match.end()
        is_period = match.group().rstrip("'\"”’»)]") == "."
        if is_period and (
            _ends_with_abbreviation(line, start, end)
            or _closes_thai_abbreviation(line, match.start())
        ):
            continue
        piece = line[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _cuts_a_value(clause: str, following: str) -> bool:
    """Whether the space between ``clause`` and ``following`` separates a label
    (or a given name) from its value (or surname)."""
    joined_length = len(clause) + 1 + len(following)
    return joined_length <= MAX_JOINED_THAI_CLAUSE_CHARS and continues_into_next(clause, following)


def _thai_spaces(piece: str) -> list[str]:
    """``piece`` cut at each space between Thai letters, not inside a name (module doc)."""
    names = unbroken_names(piece)
    parts: list[str] = []
    start = 0
    for space in _THAI_SPACE.finditer(piece):
        if any(begin < space.start() < end for begin, end in names):
            continue
        parts.append(piece[start : space.start()])
        start = space.end()
    parts.append(piece[start:])
    return parts


#: A Thai clause of closing words alone («ล่ะคะ», «นะครับ», «ครับผม»): it ends the clause
#: before it, a space between, and says nothing of its own.
_THAI_CLOSING_ONLY = re.compile(rf"(?:ล่ะ|หรอ|เหรอ|ไหม|มั้ย|ผม|{THAI_PARTICLES})+")


def _split_thai_clauses(piece: str) -> list[str]:
    clauses: list[str] = []
    for clause in _thai_spaces(piece):
        closing_only = _THAI_CLOSING_ONLY.fullmatch(clause) is not None
        too_short = len(clause) < MIN_THAI_CLAUSE_CHARS or closing_only
        if clauses and (
            too_short
            or len(clauses[-1]) < MIN_THAI_CLAUSE_CHARS
            or _cuts_a_value(clauses[-1], clause)
        ):
            clauses[-1] = f"{clauses[-1]} {clause}"
        else:
            clauses.append(clause)
    return clauses


def _cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` (longer than ``limit``): last clause mark, else last
    space, else the last character boundary that keeps combining marks attached."""
    window = text[: limit + 1]
    for marks in (_CLAUSE_MARKS, " "):
        cut = max(window.rfind(mark) for mark in marks)
        if cut > limit // 3:
            return cut + 1
    cut = limit
    while cut > 1 and (unicodedata.category(text[cut]).startswith("M") or text[cut] == "\u200c"):
        cut -= 1
    return cut


def _bound_length(sentence: str) -> list[str]:
    parts: list[str] = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = _cut_point(sentence, MAX_SENTENCE_CHARS)
        head = sentence[:cut].strip()
        if head:
            parts.append(head)
        sentence = sentence[cut:].strip()
    if sentence:
        parts.append(sentence)
    return parts


def whole_sentences(text: str) -> list[str]:
    """The sentences of ``text`` cut at terminators only: a Thai clause a space sets off
    stays in its sentence («คืนเงิน 1,250 บาท แล้วค่ะ» is one)."""
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = _WHITESPACE.sub(" ", raw_line).strip()
        if line:
            sentences.extend(_split_on_terminators(line))
    return sentences


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order, whitespace collapsed, none empty."""
    return [
        part
        for sentence in whole_sentences(text)
        for clause in _split_thai_clauses(sentence)
        for part in _bound_length(clause)
    ]
