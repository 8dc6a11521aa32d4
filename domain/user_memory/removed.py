"""Values the user asked to remove, recognized wherever and however they are written again.

A removal is remembered as digests only (``ForgottenValue``): the memory must not hold
the value any more, and a later batch of an old conversation, a merge or an import must
not bring it back, even written differently ("07700900733" for "07700 900733", «۰۹۱۲
۳۴۵ ۶۷۸۹» for «09123456789») or inside a longer text ("deliver it to 14 Park Lane,
Bristol BS1 4DJ" for "14 Park Lane, Bristol"). The digests of a value:

- ``digest``: the normalized value, exactly, for the fact it was the value of;
- ``words`` (with ``size``): its match form (``match_form``), found inside any later
  text where a word or number starts and ends (a text's every stretch that long is
  hashed and looked up, so the value itself is never stored);
- ``head`` (a match form longer than ``MAX_CONTAINED_CHARS`` only): its first window
  of that many characters; a text's every window that long is hashed and looked up,
  and where one is a removed value's head, the stretch as long as that value is
  compared with its ``words``;
- ``numbers``: each run of ``MIN_NUMBER_DIGITS`` digits or more, without leading
  zeros, found as a later text's run of digits, also after a country code ("+44 7700
  900733"): a removed address or contact takes its phone number with it.

A removal made before ``words`` existed is recognized by its exact digest only, and a
long one made before ``head`` existed is recognized whole. The cost of looking at a text
is bounded by its length, however many removals a hostile import brings: a stretch is
hashed for each length of value up to ``MAX_CONTAINED_CHARS`` (the text's length times
that), a window for a longer value (the text's length), and a long value's stretch
only where its head is found (one digest for each long removal with that head, each
place the text holds it); a
number is looked for within stretches of at most ``MAX_NUMBER_DIGITS`` digits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.search.tokenize import normalize
from schemas.user_memory import MAX_FORGOTTEN_NUMBERS, ForgottenValue

#: A run of digits this long is a number of its own wherever it appears (a phone, an account).
MIN_NUMBER_DIGITS = 5
#: A run this long may follow a country code or a trunk prefix of up to ``MAX_PREFIX`` digits.
MIN_PHONE_DIGITS = 9
MAX_PREFIX = 4
#: A removed value whose match form is shorter is recognized only as a whole value: "5" or
#: "Al" would be found inside nearly every text.
MIN_CONTAINED_CHARS = 4
#: A removed value whose match form is longer is looked for inside texts by its first
#: window of this many characters (``head``): a text is hashed in stretches of at most
#: this many characters, so its cost is its length times this, however many removals
#: (an import may bring a thousand) it checks.
MAX_CONTAINED_CHARS = 160
#: A run of digits is looked for as a removed number in stretches of at most this many
#: digits (a phone or an account number with a country code is far shorter): a hostile
#: text of thousands of spaced digits costs its length times this, not its square.
MAX_NUMBER_DIGITS = 32
#: What a removed value becomes where a text quotes it.
REMOVED = "[removed]"

# Scripts written without spaces between words (Thai, Lao, Khmer, Myanmar, CJK, kana):
# a value may start or end at any of their letters, and spaces between them are ignored.
_UNSPACED = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
)


def _unspaced(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _UNSPACED)


def _sha(kind: str, form: str) -> str:
    return hashlib.sha256(f"{kind}\0{form}".encode()).hexdigest()


@dataclass(frozen=True)
class Form:
    """A text's match form: normalized letters and digits, one space between words, none
    between two digits or beside an unspaced-script letter."""

    text: str
    #: The source span of each character of ``text`` (a space's is empty).
    spans: Sequence[tuple[int, int]]
    #: Positions of ``text`` where a space was left out: a word or number may start there.
    joins: frozenset[int]

    def bound(self, at: int) -> bool:
        """Whether a word or number may start or end at ``at``."""
        text = self.text
        if at <= 0 or at >= len(text) or at in self.joins:
            return True
        before, after = text[at - 1], text[at]
        return " " in (before, after) or _unspaced(before) or _unspaced(after)

    def source(self, start: int, end: int) -> tuple[int, int]:
        return self.spans[start][0], self.spans[end - 1][1]


def match_form(text: str) -> Form:
    """``text`` folded (case, Unicode form, digits of any script as ASCII, marks) with its
    spaces and punctuation reduced (``Form``)."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    joins: set[int] = set()
    apart = False
    for at, char in enumerate(text):
        folded_char = normalize(char)
        if not folded_char and spans and not apart:
            # a mark (a Thai vowel or tone, an accent) belongs to the letter before it
            spans[-1] = (spans[-1][0], at + 1)
        for folded in folded_char:
            if not folded.isalnum():
                apart = bool(chars)
                continue
            if apart:
                last = chars[-1]
                if (last.isdigit() and folded.isdigit()) or _unspaced(last) or _unspaced(folded):
                    joins.add(len(chars))
                else:
                    chars.append(" ")
                    spans.append((at, at))
                apart = False
            chars.append(folded)
            spans.append((at, at + 1))
    return Form("".join(chars), spans, frozenset(joins))


def _digit_runs(form: Form) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for at, char in enumerate(form.text + " "):
        if char.isdigit():
            start = at if start is None else start
        elif start is not None:
            runs.append((start, at))
            start = None
    return runs


def value_digest(value: str) -> str:
    """The exact digest of ``value``: its normalized words."""
    return hashlib.sha256(" ".join(normalize(value).split()).encode()).hexdigest()


def _number_digest(digits: str) -> str:
    return _sha("number", digits.lstrip("0"))


def _head(form_text: str) -> str:
    return _sha("head", form_text[:MAX_CONTAINED_CHARS])


def removal(key: str, value: str) -> ForgottenValue:
    """What is stored to remember that ``value`` of ``key`` was removed: digests only
    (module doc)."""
    form = match_form(value)
    numbers = [
        _number_digest(form.text[start:end])
        for start, end in _digit_runs(form)
        if end - start >= MIN_NUMBER_DIGITS
    ]
    return ForgottenValue(
        key=key,
        digest=value_digest(value),
        words=_sha("words", form.text) if form.text else None,
        size=len(form.text),
        head=_head(form.text) if len(form.text) > MAX_CONTAINED_CHARS else None,
        numbers=list(dict.fromkeys(numbers))[:MAX_FORGOTTEN_NUMBERS],
    )


class Removed:
    """The removed values of a memory (``forgotten``), ready to be looked for in texts."""

    def __init__(self, forgotten: Iterable[ForgottenValue]) -> None:
        items = list(forgotten)
        self._exact = {item.digest for item in items}
        self._words = {item.words for item in items if item.words}
        self._sizes = sorted(
            {
                item.size
                for item in items
                if item.words and MIN_CONTAINED_CHARS <= item.size <= MAX_CONTAINED_CHARS
            }
        )
        #: head -> the sizes of the long removed values starting with it
        self._heads: dict[str, set[int]] = {}
        for item in items:
            if item.words and item.head and item.size > MAX_CONTAINED_CHARS:
                self._heads.setdefault(item.head, set()).add(item.size)
        self._numbers = {number for item in items for number in item.numbers}

    def __bool__(self) -> bool:
        return bool(self._exact)

    def is_whole(self, value: str) -> bool:
        """Whether ``value`` is a removed value, maybe written another way (however short)."""
        if not self._exact:
            return False
        if value_digest(value) in self._exact:
            return True
        return bool(self._words) and _sha("words", match_form(value).text) in self._words

    def found(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``text`` quoting a removed value (or its phone number), in order."""
        if not (self._words or self._numbers):
            return []
        form = match_form(text)
        found = self._found_words(form) + self._found_long(form) + self._found_numbers(form)
        return sorted({form.source(start, end) for start, end in found})

    def holds(self, text: str) -> bool:
        return self.is_whole(text) or bool(self.found(text))

    def scrubbed(self, text: str) -> str:
        """``text`` with every quote of a removed value replaced by "[removed]"."""
        spans = self.found(text)
        if not spans:
            return text
        pieces: list[str] = []
        done = 0
        for start, end in spans:
            if end <= done:
                continue
            pieces.append(text[done : max(start, done)])
            pieces.append(REMOVED)
            done = end
        pieces.append(text[done:])
        return "".join(pieces)

    def _found_words(self, form: Form) -> list[tuple[int, int]]:
        text = form.text
        starts = [at for at in range(len(text)) if text[at] != " " and form.bound(at)]
        found = []
        for size in self._sizes:
            for start in starts:
                end = start + size
                if end > len(text):
                    break
                if (
                    text[end - 1] != " "
                    and form.bound(end)
                    and _sha("words", text[start:end]) in self._words
                ):
                    found.append((start, end))
        return found

    def _found_long(self, form: Form) -> list[tuple[int, int]]:
        """Long removed values: a window hashed at each start, a whole stretch only where
        the window is a removed value's head."""
        if not self._heads:
            return []
        text = form.text
        found = []
        for start in range(len(text) - MAX_CONTAINED_CHARS):
            if text[start] == " " or not form.bound(start):
                continue
            sizes = self._heads.get(_head(text[start : start + MAX_CONTAINED_CHARS]))
            for size in sorted(sizes or ()):
                end = start + size
                if (
                    end <= len(text)
                    and text[end - 1] != " "
                    and form.bound(end)
                    and _sha("words", text[start:end]) in self._words
                ):
                    found.append((start, end))
        return found

    def _found_numbers(self, form: Form) -> list[tuple[int, int]]:
        if not self._numbers:
            return []
        found = []
        for run_start, run_end in _digit_runs(form):
            # a number glued to letters is a number still ("tel07700900733")
            inside = range(run_start + 1, run_end)
            cuts = [run_start, *(at for at in inside if form.bound(at)), run_end]
            for index, start in enumerate(cuts):
                for end in cuts[index + 1 :]:
                    if end - start > MAX_NUMBER_DIGITS + MAX_PREFIX:
                        break  # the cuts are in order: every later one is longer
                    if self._number_at(form.text[start:end]):
                        found.append((start, end))
        return found

    def _number_at(self, digits: str) -> bool:
        """Whether ``digits`` are a removed number, maybe after a country code or trunk
        prefix written without a space ("447700900733")."""
        if len(digits) < MIN_NUMBER_DIGITS:
            return False
        if _number_digest(digits) in self._numbers:
            return True
        return any(
            _number_digest(digits[prefix:]) in self._numbers
            for prefix in range(1, MAX_PREFIX + 1)
            if len(digits[prefix:].lstrip("0")) >= MIN_PHONE_DIGITS
        )
