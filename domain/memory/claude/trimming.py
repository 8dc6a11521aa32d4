"""A summary cut to its token budget at a sentence, word or clause boundary, never between
a character and its combining marks."""

from __future__ import annotations

import re
import unicodedata

from domain.tokens import estimate_tokens, fit_to_budget, fits


def is_mark(ch: str) -> bool:
    """A combining mark or a zero-width (non-)joiner: text is never cut just before one."""
    return unicodedata.category(ch).startswith("M") or ch in "\u200c\u200d"


#: A sentence ends after a terminator followed by whitespace, or at a newline.
_SENTENCE_END = re.compile(r"[.!?…؟؛۔।。！？]+['\"”’»)\]]*(?=\s|$)|[。！？]+|\n")


def _longest_sentences(text: str, budget_tokens: int) -> str:
    """The longest run of whole leading sentences within the budget ("" if none fits)."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    low, high, best = 0, len(cuts) - 1, ""
    while low <= high:  # the estimate never shrinks as the prefix grows, so bisect
        middle = (low + high) // 2
        candidate = text[: cuts[middle]].rstrip()
        if candidate and fits(candidate, budget_tokens):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def trim_to_budget(text: str, budget_tokens: int) -> str:
    """``text`` if it fits ``budget_tokens`` (``domain.tokens.estimate_tokens``), else a prefix.

    Cuts after the last whole sentence that fits, when that keeps at least half the budget;
    otherwise (one long sentence, Thai without terminators) at a word or clause boundary with
    an ellipsis (``domain.tokens.fit_to_budget``). Never returns "" for non-empty ``text``: at
    worst its first character with its combining marks.
    """
    text = text.strip()
    if not text or fits(text, budget_tokens):
        return text
    sentences = _longest_sentences(text, budget_tokens)
    if sentences and estimate_tokens(sentences) * 2 >= budget_tokens:
        return sentences
    shortened = fit_to_budget(text, budget_tokens)
    if len(shortened) > len(sentences):
        return shortened
    if sentences:
        return sentences
    end = 1
    while end < len(text) and is_mark(text[end]):
        end += 1
    return text[:end]
