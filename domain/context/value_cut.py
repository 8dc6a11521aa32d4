"""A summary or detail shortened to the room a budget leaves, its values first.

The context is the longest prefix of one order of priority (``assemble``); the first
item that does not fit whole is shortened into what is left. A cut of its tail loses the
values past the cut while words before them fill the room, so the cut keeps, in this
order (``pieces``):

    1. each of the given values the item states (``assemble`` gives the current values of
       the memory's details, less those named as replaced), with the words around it in
       its clause that say what it is (``CLAUSE_CHARS`` at most on each side), in the
       order of the text
    2. the text from its start, word by word

and shows the longest run of those pieces that fits, in the order of the text, "…" where
it leaves words out. The order does not depend on the room, so more room never shows
less: the pieces shown at a room are shown at every larger one. For that, a piece that
does not fit ends the run, even when a later one would fit: shown in its place at one
room, the later one could be left out at a larger room where the first fits and the two
together do not.

A value and its "(replaced …)" mark are never parted (``marked_phrases``): an old value
without its mark would read as current. No piece shows a part of a marked phrase: a
value's clause stops at a phrase it is not in and takes the whole of one it is in, and
the text is cut from its start before a phrase or after its mark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from domain.context.replaced import marked_phrases
from domain.tokens import ELLIPSIS

#: A value is shown with its clause, up to this many characters on each side: "the reg
#: is KP16 XRF", not a bare "KP16 XRF".
CLAUSE_CHARS = 40
#: Where a value's label stops: a clause never lends its words to the next one.
_CLAUSE_END = re.compile(r"[.!?;,،؛\n](?!\d)")
_WORD_END = re.compile(r"\S+")
#: Scripts written without spaces between words.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff]")
#: Marks inside a number or code: "5.0", "H1-5", "10:15".
_INSIDE = "-./:"

Span = tuple[int, int]


def value_cut(text: str, values: Sequence[str], cost: Callable[[str], float], room: float) -> str:
    """``text`` within ``room`` by ``cost``: the longest run of its ``pieces`` that fits,
    laid out in the order of the text ("" when not one piece fits).

    Each piece adds to what the ones before it show, so a longer run costs no less: the
    longest run that fits is found by halving, in O(n log n) rather than O(n²)."""
    if cost(text) <= room:
        return text
    order = pieces(text, values)
    chosen, low, high = "", 1, len(order)
    while low <= high:
        middle = (low + high) // 2
        candidate = laid_out(text, order[:middle])
        if candidate != text and cost(candidate) <= room:
            chosen, low = candidate, middle + 1
        else:
            high = middle - 1
    return chosen


def pieces(text: str, values: Sequence[str]) -> list[Span]:
    """The spans of ``text`` in the order they are shown (module doc)."""
    protected = marked_phrases(text)
    windows = [_with_label(text, span, protected) for span in _value_spans(text, values)]
    ordered = sorted(set(windows))
    words = [(0, end) for end in _word_ends(text, protected)]
    return ordered + words


def laid_out(text: str, spans: Sequence[Span]) -> str:
    """The parts of ``text`` the ``spans`` cover, in order, "…" where words are left out
    (a line break between parts is kept). Parts with only spaces between them are one:
    a "…" there would leave out nothing, and would cost more than the words shown with
    more pieces (``value_cut`` takes a longer run to cost no less)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts: list[str] = []
    previous_end = 0
    for start, end in merged:
        part = text[start:end]
        start, end = start + len(part) - len(part.lstrip()), start + len(part.rstrip())
        if start >= end:
            continue
        new_line = not parts or "\n" in text[previous_end:start]
        if parts:
            parts.append("\n" if new_line else " ")
        # one "…" between two parts of a line, the first one's
        line_start = (
            not new_line or not text[:start].strip() or text[:start].rstrip(" \t").endswith("\n")
        )
        line_end = not text[end:].strip() or text[end:].lstrip(" \t").startswith("\n")
        parts.append(("" if line_start else ELLIPSIS) + text[start:end])
        parts.append("" if line_end else ELLIPSIS)
        previous_end = end
    return "".join(parts)


def _value_spans(text: str, values: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    folded = text.casefold()
    for value in dict.fromkeys(v.strip().casefold() for v in values):
        if not value:
            continue
        start = folded.find(value)
        while start >= 0:
            end = start + len(value)
            # a value of its own, not a part of a longer word or number ("5" of "H1-5.0-E")
            if not _joined(folded, start - 1, start) and not _joined(folded, end - 1, end):
                spans.append((start, end))
            start = folded.find(value, start + 1)
    return spans


def _with_label(text: str, span: Span, protected: Sequence[Span]) -> Span:
    """``span`` widened to its clause (``CLAUSE_CHARS`` at most on each side, whole words),
    short of a marked phrase it is not in, and to the whole of any it is in: a value's
    clause never shows a part of another value's phrase, nor makes the value's piece that
    phrase's length."""
    value_start, value_end = span
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, value_start)), default=0)
    after = _CLAUSE_END.search(text, value_end)
    clause_end = after.start() if after else len(text)
    for p_start, p_end in protected:
        if p_end <= value_start:
            clause_start = max(clause_start, p_end)
        elif p_start >= value_end:
            clause_end = min(clause_end, p_start)
    while clause_start < value_start and (
        text[clause_start].isspace() or text[clause_start] in ",;:.)"
    ):
        clause_start += 1
    start = _word_start(text, max(clause_start, value_start - CLAUSE_CHARS), value_start)
    end = _word_end(text, min(clause_end, value_end + CLAUSE_CHARS), value_end)
    widened = True
    while widened:
        widened = False
        for p_start, p_end in protected:
            if p_start < end and start < p_end and (p_start < start or end < p_end):
                start, end, widened = min(start, p_start), max(end, p_end), True
    return start, end


def _joined(text: str, left: int, right: int) -> bool:
    """Whether the characters at ``left`` and ``right`` are of one word or number (a
    script written without spaces, Thai, joins its words: only its digits count)."""
    if left < 0 or right >= len(text):
        return False
    a, b = text[left], text[right]
    if _UNSPACED.match(a) or _UNSPACED.match(b):
        return a.isdigit() and b.isdigit()
    return (
        (a.isalnum() or a in _INSIDE)
        and (b.isalnum() or b in _INSIDE)
        and (a.isalnum() or b.isalnum())
    )


def _word_start(text: str, at: int, limit: int) -> int:
    """``at``, moved on to the start of a word of a spaced script (never past ``limit``)."""
    if at > 0 and not text[at - 1].isspace() and not text[at].isspace():
        space = text.find(" ", at, limit)
        at = space + 1 if space >= 0 else at
    while at < limit and unicodedata.category(text[at]).startswith("M"):
        at += 1
    return at


def _word_end(text: str, at: int, limit: int) -> int:
    """``at``, moved back to the end of a word of a spaced script (never before ``limit``)."""
    if at < len(text) and not text[at - 1].isspace() and not text[at].isspace():
        space = text.rfind(" ", limit, at)
        at = space if space >= 0 else at
    while at < len(text) and unicodedata.category(text[at]).startswith("M"):
        at += 1
    return at


def _word_ends(text: str, protected: Sequence[Span]) -> list[int]:
    """Where the text may be cut from its start: after a word, never inside a marked
    phrase."""
    return [
        m.end()
        for m in _WORD_END.finditer(text)
        if not any(p_start < m.end() < p_end for p_start, p_end in protected)
    ]
