"""The content terms of a sentence: what a summary scores and compares.

Latin and Arabic-script words are lowercased and stripped of stop words and
filler; numbers are reduced to their ASCII digits (so "۸٬۲۴۹٬۰۰۰" and
"8,249,000" are the same term). Thai and CJK have no spaces between words, so
they contribute character n-grams (Thai trigrams, CJK bigrams), each weighted
as a share of a word so a Thai sentence does not outscore an English one just
by yielding more n-grams.
"""

import re

from domain.memory.offline.lexicon import (
    ENGLISH_FILLER,
    ENGLISH_STOP_WORDS,
    PERSIAN_FILLER,
    PERSIAN_STOP_WORDS,
    THAI_FILLER,
)

THAI_NGRAM = 3
THAI_NGRAM_SHARE = 0.2
CJK_NGRAM_SHARE = 0.6

_WORD = re.compile(
    r"(?P<latin>[A-Za-z\u00c0-\u024f]+(?:'[A-Za-z]+)?)"
    r"|(?P<number>\d+(?:[.,٬،٫/]\d+)*)"
    r"|(?P<arabic>[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u200c\u064b-\u065f]+)"
    r"|(?P<thai>[\u0e01-\u0e4f]+)"
    r"|(?P<cjk>[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+)"
)
_THAI_FILLER = re.compile("|".join(sorted(THAI_FILLER, key=len, reverse=True)))
_NOT_DIGIT = re.compile(r"\D")
_ZWNJ = "\u200c"

#: Persian letters with Arabic twins: one spelling, so "كتاب" and "کتاب" match.
_PERSIAN_LETTERS = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه"})
_ARABIC_DIACRITICS = re.compile(r"[\u064b-\u065f]")


def _normalize_number(text: str) -> str:
    """ASCII digits of a number; int() reads Persian, Arabic-Indic and Thai digits."""
    return "".join(str(int(char)) for char in _NOT_DIGIT.sub("", text))


def _normalize_arabic(word: str) -> str:
    word = _ARABIC_DIACRITICS.sub("", word).translate(_PERSIAN_LETTERS)
    return word.replace(_ZWNJ, "")


def _ngrams(run: str, size: int) -> list[str]:
    if len(run) <= size:
        return [run]
    return [run[i : i + size] for i in range(len(run) - size + 1)]


def content_terms(text: str) -> dict[str, float]:
    """Content terms of ``text`` mapped to their weight share (1.0 for a word)."""
    terms: dict[str, float] = {}
    for match in _WORD.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "latin":
            word = token.lower()
            if word not in ENGLISH_STOP_WORDS and word not in ENGLISH_FILLER and len(word) > 1:
                terms[word] = 1.0
        elif kind == "number":
            terms[_normalize_number(token)] = 1.0
        elif kind == "arabic":
            word = _normalize_arabic(token)
            if word and word not in PERSIAN_STOP_WORDS and word not in PERSIAN_FILLER:
                terms[word] = 1.0
        elif kind == "thai":
            for run in _THAI_FILLER.sub(" ", token).split():
                if len(run) >= THAI_NGRAM:
                    for gram in _ngrams(run, THAI_NGRAM):
                        terms[gram] = THAI_NGRAM_SHARE
        elif kind == "cjk":
            for gram in _ngrams(token, 2):
                terms[gram] = CJK_NGRAM_SHARE
    return terms
