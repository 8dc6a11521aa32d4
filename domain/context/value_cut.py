"""A summary or detail shortened to the room a budget leaves, its values first.

The context is the longest prefix of one order of priority (``assemble``); the first
item that does not fit whole is shortened into what is left. A cut of its tail loses the
values past the cut while words before them fill the room, so the cut keeps, in this
order (``pieces``):

    1. each value the item states that no key fact holds, with the words before it that
       say what it is (``LABEL_WORDS``, within its clause), in the order of the text
    2. the text from its start, word by word

and shows the longest run of those pieces that fits, in the order of the text, "…" where
it leaves words out. The order does not depend on the room, so more room never shows
less: the pieces shown at a room are shown at every larger one. A value and its
"(replaced …)" mark are never parted (``marked_phrases``): an old value without its mark
would read as current.
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
    laid out in the order of the text ("" when not one piece fits)."""
    if cost(text) <= room:
        return text
    chosen = ""
    shown: list[Span] = []
    for piece in pieces(text, values):
        shown.append(piece)
        candidate = laid_out(text, shown)
        if candidate == text:
            break
        if cost(candidate) <= room:
            chosen = candidate
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
    (a line break between parts is kept)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
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
    and to the whole of any marked phrase it touches."""
    start, end = span
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    clause_end = after.start() if after else len(text)
    start = _word_start(text, max(clause_start, start - CLAUSE_CHARS), start)
    end = _word_end(text, min(clause_end, end + CLAUSE_CHARS), end)
    for p_start, p_end in protected:
        if p_start < end and start < p_end:
            start, end = min(start, p_start), max(end, p_end)
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
