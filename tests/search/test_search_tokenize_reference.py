"""The tokenizer's fast paths give exactly what the plain implementation gives.

``_reference_*`` is a frozen copy of the straightforward implementation of
``domain.search.tokenize`` (per-character loops, no shortcuts). The production
module takes shortcuts (ASCII, one translate table, one split regex) for speed;
the stored index depends on its output, so any difference is a bug.

The copy is of index version 1 (``_reference_normalize_v1``); version 2 adds one
step, unifying letters again once marks are removed (``_reference_normalize``),
and ``test_version_2_changes_only_yeh_with_hamza`` pins what that step changes.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.search.tokenize import (
    INDEX_VERSION,
    MAX_TERMS,
    ZWNJ,
    index_terms,
    normalize,
    query_terms,
    term_string,
    terms,
)

# --- reference: the implementation before the fast paths, kept verbatim ---

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


def _reference_unspaced(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _UNSPACED)


def _reference_normalize_v1(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_LETTER_MAP).translate(_DIGIT_MAP)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = "".join(ch for ch in stripped if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


# --- index version 2: the one intended change since the frozen copy ---


def _reference_normalize(text: str) -> str:
    # A letter whose base is unified is unified too: ئ is ي + hamza above.
    return _reference_normalize_v1(text).translate(_LETTER_MAP)


def _reference_split_runs(word: str) -> Iterator[tuple[str, bool]]:
    start = 0
    for i in range(1, len(word) + 1):
        if i == len(word) or _reference_unspaced(word[i]) != _reference_unspaced(word[start]):
            yield word[start:i], _reference_unspaced(word[start])
            start = i


def _reference_terms(text: str) -> list[str]:
    out: list[str] = []
    for match in _RUN.finditer(_reference_normalize(text)):
        for piece, unspaced in _reference_split_runs(match.group()):
            if not piece:
                continue
            if unspaced and len(piece) > 1:
                out.extend(piece[i : i + 2] for i in range(len(piece) - 1))
            else:
                out.append(piece)
            if len(out) >= MAX_TERMS:
                return out[:MAX_TERMS]
    return out


def _reference_index_terms(text: str) -> list[str]:
    found = _reference_terms(text)
    if ZWNJ in text:
        seen = set(found)
        found += [
            t for t in dict.fromkeys(_reference_terms(text.replace(ZWNJ, " "))) if t not in seen
        ]
    return found[:MAX_TERMS]


def _reference_term_string(text: str) -> str:
    return " ".join(_reference_index_terms(text))


def _reference_query_terms(query: str) -> list[str]:
    return list(dict.fromkeys(_reference_terms(query)))


def test_the_reference_is_of_this_index_version() -> None:
    # A change of terms bumps INDEX_VERSION, and adds its step to the reference.
    assert INDEX_VERSION == 2


# --- inputs ---

_PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأإآٱۀؤئءـ" + "۰۱۲۳۴۵۶۷۸۹" + "٠١٢٣٤٥٦٧٨٩"
_ARABIC_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0654\u0670"
_THAI = "กขคงจฉชซญดตถทนบปผพฟมยรลวศษสหอฮะาำเแโใไๆฯ" + "๐๑๒๓๔๕๖๗๘๙"
_THAI_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"
_CJK = "中文字日本語東京ひらがなカタカナーｶﾀｶﾅ한국어㐀𠀀豈"
_LATIN = "éèêëàâäçñöüßÅåœæøıİǰﬁﬀ²½Ⅻ" + "e\u0301a\u0308"
_JOINERS = "\u200c\u200d\u200b\ufeff"
_MIXED_ALPHABET = (
    string.ascii_letters
    + string.digits
    + "_ .,!?-'\"\n\t"
    + _PERSIAN
    + _ARABIC_MARKS
    + _THAI
    + _THAI_MARKS
    + _CJK
    + _LATIN
    + _JOINERS
    + "،؛؟«»。、！？…—"
)

ascii_text = st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=300)
mixed_text = st.text(alphabet=st.sampled_from(_MIXED_ALPHABET), max_size=300)
any_text = st.text(max_size=300)


def _assert_same_as_reference(text: str) -> None:
    assert normalize(text) == _reference_normalize(text)
    assert terms(text) == _reference_terms(text)
    assert index_terms(text) == _reference_index_terms(text)
    assert term_string(text) == _reference_term_string(text)
    assert query_terms(text) == _reference_query_terms(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_arbitrary_text_matches_the_reference(text: str) -> None:
    _assert_same_as_reference(text)


@settings(max_examples=300, deadline=None)
@given(ascii_text)
def test_ascii_text_matches_the_reference(text: str) -> None:
    _assert_same_as_reference(text)


@settings(max_examples=500, deadline=None)
@given(mixed_text)
def test_mixed_script_text_matches_the_reference(text: str) -> None:
    _assert_same_as_reference(text)


_CODE_POINTS = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]


def _chunks(size: int) -> Iterator[list[str]]:
    for start in range(0, len(_CODE_POINTS), size):
        yield _CODE_POINTS[start : start + size]


def test_every_code_point_folds_like_the_reference() -> None:
    # The fast path folds character by character from a table filled as characters
    # are seen; each code point after a base letter covers every entry. Chunked, as
    # one text per code point takes minutes; spaces keep neighbours apart.
    for chunk in _chunks(4096):
        text = "".join("a" + ch + " " for ch in chunk)
        assert normalize(text) == _reference_normalize(text), hex(ord(chunk[0]))


def test_version_2_changes_only_yeh_with_hamza() -> None:
    # Only ئ, as a letter or inside a compatibility form (ﺉ, ﯪ, ...), folds differently
    # from version 1: to ی, the fold of ي, instead of ي.
    changed: list[str] = []
    for chunk in _chunks(4096):
        text = "".join("a" + ch + " " for ch in chunk)
        if _reference_normalize(text) != _reference_normalize_v1(text):
            changed += [
                ch for ch in chunk if _reference_normalize(ch) != _reference_normalize_v1(ch)
            ]
    assert "ئ" in changed
    for ch in changed:
        assert "ئ" in unicodedata.normalize("NFKC", ch), hex(ord(ch))
        assert _reference_normalize(ch) == _reference_normalize_v1(ch).replace("ي", "ی")


def test_every_code_point_splits_like_the_reference() -> None:
    # The fast path sorts characters into spaced/unspaced with regex classes.
    for chunk in _chunks(1024):
        text = " ".join(chunk)
        expected = _reference_terms(text)
        assert len(expected) < MAX_TERMS  # else the tail of the chunk goes unchecked
        assert terms(text) == expected, hex(ord(chunk[0]))


def test_examples_in_the_three_languages_match_the_reference() -> None:
    for text in (
        "Hi! Could you check whether order #4821 shipped? The tracking page says "
        "'label_created' since Monday, and I need it before the 15th.",
        "سلام، قيمت گوشي سامسونگ چنده؟ کتاب‌ها را خریدم ولی ۲ تا از آن‌ها خراب بود. مسئله چیست؟",
        "สวัสดีครับ ราคาโทรศัพท์มือถือรุ่นนี้เท่าไหร่ครับ ส่งภายใน ๓ วันได้ไหม ขอบคุณมากค่ะ",
        "iPhoneราคา 15 Pro Max ۱۲۸GB café_au-lait",
        "x" * (MAX_TERMS * 3),
        "ab " * (MAX_TERMS + 10),
        "ราคา" * (MAX_TERMS // 2),
    ):
        _assert_same_as_reference(text)
