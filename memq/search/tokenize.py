"""Turn text into search terms, the same way for stored content and for queries.

Normalization: NFKC, casefold, Arabic-script letter unification (Arabic ي/ى →
Persian ی, Arabic ك → Persian ک, ة → ه, أ/إ/آ → ا), combining marks (Latin
accents, Arabic harakat, Thai tone marks and vowel signs above/below) removed,
ZWNJ/ZWJ and tatweel removed, Persian, Arabic-Indic and Thai digits → ASCII.

Terms: a run of letters/digits of a space-separated script (Latin, Arabic
script, Cyrillic, ...) is one word term. A run of a script written without
spaces (Thai, Lao, Khmer, Myanmar, CJK, kana, Hangul is spaced but kept whole)
becomes its overlapping character bigrams (a single character stays a unigram),
so a query matches a substring of a Thai sentence without a dictionary.

Every term is made of letters/digits only, so the term string joined with spaces
goes through SQLite's ``unicode61`` tokenizer unchanged (``remove_diacritics 0``
since marks are already stripped here).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

ZWNJ = "\u200c"
#: Cap of terms taken from one text (a message is capped in size upstream anyway).
MAX_TERMS = 4096

_LETTER_MAP = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ۀ": "ه",
        "ـ": None,  # tatweel
        "\u200c": None,  # ZWNJ
        "\u200d": None,  # ZWJ
        "\u200b": None,  # zero-width space
        "\ufeff": None,
    }
)
_DIGITS = {}
for _base in (0x06F0, 0x0660, 0x0E50, 0x0ED0, 0x17E0, 0x1040):  # fa, ar, th, lo, km, my
    for _d in range(10):
        _DIGITS[_base + _d] = str(_d)
_DIGIT_MAP = str.maketrans(_DIGITS)

# Scripts written without spaces between words: indexed as character bigrams.
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK ext A
    (0x4E00, 0x9FFF),  # CJK
    (0xF900, 0xFAFF),  # CJK compatibility
    (0x20000, 0x2FA1F),  # CJK ext B+
)

_RUN = re.compile(r"[^\W_]+")


def _unspaced(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _UNSPACED)


def normalize(text: str) -> str:
    """NFKC, casefold, letter unification, digits → ASCII, marks and joiners removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_LETTER_MAP).translate(_DIGIT_MAP)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Thai vowel signs/tone marks above and below are category Mn but combining 0
    # for some; drop all non-spacing marks.
    stripped = "".join(ch for ch in stripped if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def _split_runs(word: str) -> Iterator[tuple[str, bool]]:
    """Pieces of one \\w+ run, each flagged whether its script is unspaced."""
    start = 0
    for i in range(1, len(word) + 1):
        if i == len(word) or _unspaced(word[i]) != _unspaced(word[start]):
            yield word[start:i], _unspaced(word[start])
            start = i


def terms(text: str) -> list[str]:
    """The search terms of ``text``, in order, with repeats (at most MAX_TERMS)."""
    out: list[str] = []
    for match in _RUN.finditer(normalize(text)):
        for piece, unspaced in _split_runs(match.group()):
            if not piece:
                continue
            if unspaced and len(piece) > 1:
                out.extend(piece[i : i + 2] for i in range(len(piece) - 1))
            else:
                out.append(piece)
            if len(out) >= MAX_TERMS:
                return out[:MAX_TERMS]
    return out


def index_terms(text: str) -> list[str]:
    """What a stored text is indexed under: ``terms``, plus, for words joined by a ZWNJ
    (Persian ``کتاب‌ها``), their parts, so the query ``کتاب`` finds them too. A query
    keeps the joined form, which matches the word written with or without the ZWNJ."""
    found = terms(text)
    if ZWNJ in text:
        seen = set(found)
        found += [t for t in dict.fromkeys(terms(text.replace(ZWNJ, " "))) if t not in seen]
    return found[:MAX_TERMS]


def term_string(text: str) -> str:
    """``index_terms`` joined by spaces: what the SQLite FTS5 table indexes."""
    return " ".join(index_terms(text))


def query_terms(query: str) -> list[str]:
    """Distinct terms of a query, in first-seen order (every one must match)."""
    return list(dict.fromkeys(terms(query)))
