"""Turn text into search terms, the same way for stored content and for queries.

Normalization: NFKC, casefold, Arabic-script letter unification (Arabic ي/ى →
Persian ی, Arabic ك → Persian ک, ة → ه, أ/إ/آ/ٱ → ا, ۀ → ه), combining marks
(Latin accents, Arabic harakat and hamza above/below, Thai tone marks and vowel
signs above/below) removed, ZWNJ/ZWJ and tatweel removed, Persian, Arabic-Indic
and Thai digits → ASCII. Letters are unified before and after their marks are
removed, so a letter whose base letter is unified is unified too: ئ (ي + hamza
above) → ی, so مسئله, مسیله and مسيله are one term.

The stored index depends on this output: ``INDEX_VERSION`` names it, and any
change to the terms of some text must bump it (stores then need ``memq reindex``).

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
import sys
import unicodedata

#: The version of the terms this module computes; stores record the version their
#: terms were computed with. 2: ئ is unified like ي (1 left it as Arabic ي).
INDEX_VERSION = 2
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

#: The most distinct characters whose fold is remembered (bounds memory on odd input).
_FOLD_CACHE_LIMIT = 1 << 16


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """The inside of a regex ``[...]`` class matching the code point ``ranges``."""
    return "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)


def _complement(ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The code points not in the sorted, disjoint ``ranges``."""
    gaps: list[tuple[int, int]] = []
    start = 0
    for lo, hi in ranges:
        if lo > start:
            gaps.append((start, lo - 1))
        start = hi + 1
    if start <= sys.maxunicode:
        gaps.append((start, sys.maxunicode))
    return tuple(gaps)


# ``[^\W_X]``: a letter/digit (a word character but ``_``) outside the ranges X.
_SPACED_LETTER = rf"[^\W_{_char_class(_UNSPACED)}]"
_UNSPACED_LETTER = rf"[^\W_{_char_class(_complement(_UNSPACED))}]"
# One scan cuts text into the same pieces as cutting each ``[^\W_]+`` run wherever it
# changes between a spaced and an unspaced script, without a loop per character.
_PIECE = re.compile(rf"(?P<spaced>{_SPACED_LETTER}+)|{_UNSPACED_LETTER}+")
# ASCII letters/digits: what ``[^\W_]`` is in ASCII (``_`` is a word character, not a term's).
_ASCII_RUN = re.compile(r"[a-z0-9]+")


def _is_mark(ch: str) -> bool:
    # Thai vowel signs/tone marks above and below are category Mn but combining 0
    # for some; drop all non-spacing marks.
    return unicodedata.combining(ch) != 0 or unicodedata.category(ch) == "Mn"


def _unify(text: str) -> str:
    return text.translate(_LETTER_MAP).translate(_DIGIT_MAP)


def _fold_char(ch: str) -> str:
    """``ch`` unified, digits → ASCII and marks removed: canonically equivalent to
    what unifying, NFD, mark removal and unifying again of a whole text leaves of ``ch``."""
    # Unified before decomposing: ۀ is ە + hamza, and ە (Kurdish) is a letter of its own.
    unified = _unify(ch)
    decomposed = unicodedata.normalize("NFD", unified)
    # And after: ئ is ي + hamza, and ي is unified to ی.
    folded = _unify("".join(c for c in decomposed if not _is_mark(c)))
    # Nothing changed: keep the composed form, so the final NFC has less to do.
    return unified if folded == decomposed else folded


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding every character, filled in as characters are seen."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < _FOLD_CACHE_LIMIT:
            self[code] = folded
        return folded


_FOLD = _FoldTable()


def normalize(text: str) -> str:
    """NFKC, casefold, letter unification, digits → ASCII, marks and joiners removed."""
    if text.isascii():
        # Every other step leaves ASCII as it is, and ASCII casefold is lower().
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    # Removing marks from the NFD of the text keeps the remaining characters' order
    # (canonical reordering only moves marks), so it can go character by character;
    # a character's fold needs to be only canonically equivalent, NFC settles the form.
    return unicodedata.normalize("NFC", text.translate(_FOLD))


def _bigrams(piece: str) -> list[str]:
    return [piece[i : i + 2] for i in range(len(piece) - 1)]


def terms(text: str) -> list[str]:
    """The search terms of ``text``, in order, with repeats (at most MAX_TERMS)."""
    if text.isascii():
        return _ASCII_RUN.findall(text.lower())[:MAX_TERMS]
    out: list[str] = []
    for match in _PIECE.finditer(normalize(text)):
        piece = match.group()
        if match.lastgroup == "spaced" or len(piece) == 1:
            out.append(piece)
        else:
            out.extend(_bigrams(piece))
        if len(out) >= MAX_TERMS:
            break
    return out[:MAX_TERMS]


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
