"""Token estimates for every budget in memq, without a tokenizer.

Text is cut into runs of one character class (Latin word, ASCII digits, Thai,
Arabic script, CJK, punctuation, whitespace, ...) by one regex whose classes are
disjoint, and each run costs what a Claude-class BPE tokenizer roughly spends
on it:

    Latin word        1 token up to 6 letters, then +1 per 3.5 letters
                      (common words are one token; long or rare ones split);
                      +25% when it carries accents
    ASCII digits      (n + 2) / 3 tokens for n digits: 1 for one digit, 3 for seven
    other digits      1 token each (Persian ۰-۹, Arabic-Indic ٠-٩, Thai ๐-๙)
    Arabic script     1 token per 2 characters (Persian, Arabic, Urdu), ZWNJ included
    Thai, Lao         1 token per 1.7 characters
    Hebrew, Cyrillic, Greek, Armenian, Georgian   1 token per 2.5 characters
    Indic scripts     1 token per 1.5 characters
    CJK, kana, Hangul 1 token per character
    punctuation       1 token for the first mark of a run, 0.5 for each next one
    whitespace        a single space is free (BPE glues it to the next word);
                      each newline 0.5, each further space 0.25
    anything else     1 token per character, 2 outside the BMP (emoji)

Each run's cost is a non-decreasing function of its length and the runs of a
prefix are the runs of the whole text except that the last one may grow, so
appending text never lowers the estimate. The result is the ceiling of the sum:
slightly over what a real tokenizer says for English (~4 characters a token),
because budgets are hard limits.
"""

import functools
import math
import re
import unicodedata

ELLIPSIS = "…"

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u1e00-\u1eff"
_ARABIC = (
    "\u0600-\u060b\u060d-\u061a\u061c-\u061e\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef"
    "\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c"
)
_ARABIC_PUNCT = "\u060c\u061b\u061f\u066a-\u066d\u06d4"
_THAI = "\u0e01-\u0e4f\u0e5a-\u0e7f\u0e80-\u0ecf\u0eda-\u0eff"
_NATIVE_DIGITS = "\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59\u0ed0-\u0ed9"
_ALPHABETIC = "\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u10a0-\u10ff"
_INDIC = "\u0900-\u0965\u0970-\u0dff"
_CJK = (
    "\u1100-\u11ff\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_PUNCT = (
    "!-/:-@\\[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u20a0-\u20cf"
    "\u3001-\u303f\uff00-\uffef" + _ARABIC_PUNCT
)

_RUN = re.compile(
    rf"(?P<space>\s+)"
    rf"|(?P<latin>[{_LATIN}]+)"
    rf"|(?P<digits>[0-9]+)"
    rf"|(?P<native_digits>[{_NATIVE_DIGITS}]+)"
    rf"|(?P<arabic>[{_ARABIC}]+)"
    rf"|(?P<thai>[{_THAI}]+)"
    rf"|(?P<alphabetic>[{_ALPHABETIC}]+)"
    rf"|(?P<indic>[{_INDIC}]+)"
    rf"|(?P<cjk>[{_CJK}]+)"
    rf"|(?P<punct>[{_PUNCT}]+)"
    rf"|(?P<other>.)",
    re.DOTALL,
)

#: Tokens per character for scripts costed linearly (at least one token per run).
_PER_CHAR = {
    "native_digits": 1.0,
    "arabic": 1 / 2.0,
    "thai": 1 / 1.7,
    "alphabetic": 1 / 2.5,
    "indic": 1 / 1.5,
    "cjk": 1.0,
}


def _latin_cost(run: str) -> float:
    n = len(run)
    cost = 1.0 if n <= 6 else 1.0 + (n - 6) / 3.5
    return cost if run.isascii() else cost * 1.25


def _space_cost(run: str) -> float:
    newlines = run.count("\n")
    others = len(run) - newlines
    return 0.5 * newlines + 0.25 * max(0, others - 1)


def _run_cost(kind: str, run: str) -> float:
    if kind == "space":
        return _space_cost(run)
    if kind == "latin":
        return _latin_cost(run)
    if kind == "digits":
        return (len(run) + 2) / 3
    if kind == "punct":
        return 1.0 + 0.5 * (len(run) - 1)
    if kind == "other":
        return 2.0 if ord(run) > 0xFFFF else 1.0
    return max(1.0, len(run) * _PER_CHAR[kind])


#: Texts up to this many characters are memoized: a channel asks for the same
#: session's context again and again, so the same messages, summaries and
#: rendered contexts are estimated many times.
_CACHEABLE_CHARS = 16_384


def estimate_tokens(text: str) -> int:
    """Estimated token count of ``text``, slightly on the high side for every script."""
    if len(text) <= _CACHEABLE_CHARS:
        return _cached_estimate(text)
    return _estimate(text)


@functools.lru_cache(maxsize=8192)
def _cached_estimate(text: str) -> int:
    return _estimate(text)


def _estimate(text: str) -> int:
    # The epsilon keeps float noise (e.g. 3 * (1/3)) from adding a token.
    return math.ceil(token_weight(text) - 1e-9)


@functools.lru_cache(maxsize=8192)
def token_weight(text: str) -> float:
    """The estimate of ``text`` before rounding up. Texts joined by a newline weigh the
    sum of their weights plus 0.5 (no run crosses a newline), so a budget can be
    added up line by line and rounded once."""
    total = 0.0
    for match in _RUN.finditer(text):
        kind = match.lastgroup
        assert kind is not None  # every alternative is a named group
        total += _run_cost(kind, match.group())
    return total


def fits(text: str, budget_tokens: int) -> bool:
    return estimate_tokens(text) <= budget_tokens


_UNSPACED_SCRIPT = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
# Places where a shortened text may end: after whitespace or a clause mark.
_CUT_AFTER = frozenset(" \t\n,;:.!?،؛؟。！？、，；：)]}»”\"'–—")
# Characters dropped before the ellipsis so it reads "… foo…" not "foo, …".
_TRIM_BEFORE_ELLIPSIS = " \t\n.。,;:،؛、，；：-–—([{«“"


def _word_boundaries(text: str) -> list[int]:
    """Offsets where ``text`` may be cut without splitting a word (nor a number:
    "8,249,000" is not cut after "8,")."""
    return [
        i + 1
        for i, char in enumerate(text)
        if char in _CUT_AFTER
        and not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
    ]


def _unspaced_boundaries(text: str) -> list[int]:
    """Offsets inside runs of scripts written without spaces (Thai, Lao, Khmer,
    Myanmar, Chinese, Japanese), never before a combining mark: the only cuts
    left when such a run has no space or clause mark."""
    return [
        i
        for i in range(1, len(text))
        if _UNSPACED_SCRIPT.match(text[i - 1])
        and _UNSPACED_SCRIPT.match(text[i])
        and not unicodedata.category(text[i]).startswith("M")
    ]


def _shortened(text: str, cut: int) -> str:
    kept = text[:cut].rstrip(_TRIM_BEFORE_ELLIPSIS)
    return kept + ELLIPSIS if kept else ""


def _longest_fitting(text: str, cuts: list[int], budget_tokens: int) -> str:
    """The longest ``text[:cut]…`` within the budget; cuts are ascending offsets."""
    low, high, best = 0, len(cuts) - 1, ""
    while low <= high:  # the estimate grows with the cut, so bisect
        middle = (low + high) // 2
        candidate = _shortened(text, cuts[middle])
        if fits(candidate, budget_tokens):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def fit_to_budget(text: str, budget_tokens: int) -> str:
    """``text`` itself when it fits, else its longest prefix that ends at a word or
    clause boundary and carries an explicit "…", within ``budget_tokens``.

    A Thai or CJK run without any such boundary is cut between characters,
    never before a combining mark; a word of a script that separates words with
    spaces is never cut. Returns "" when not even one word and the ellipsis fit.
    """
    text = text.strip()
    if fits(text, budget_tokens):
        return text
    shortened = _longest_fitting(text, _word_boundaries(text), budget_tokens)
    if shortened:
        return shortened
    return _longest_fitting(text, _unspaced_boundaries(text), budget_tokens)
