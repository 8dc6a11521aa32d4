"""The search tokenizer and snippets: pure functions, no store."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from domain.search.snippet import SNIPPET_CHARS, snippet
from domain.search.tokenize import index_terms, query_terms, terms


def test_english_words_are_casefolded_and_unaccented() -> None:
    assert terms("Hello WÖRLD, café_au-lait 42!") == ["hello", "world", "cafe", "au", "lait", "42"]


def test_persian_letter_forms_digits_and_zwnj_are_unified() -> None:
    # Arabic ي/ك and Persian ی/ک, Persian digits, a ZWNJ inside a word
    assert terms("قيمت گوشي كتاب ۱۲۳ می‌خواهم") == ["قیمت", "گوشی", "کتاب", "123", "میخواهم"]
    assert terms("قیمت") == terms("قيمت")


def test_thai_runs_become_bigrams_and_thai_digits_ascii() -> None:
    assert terms("โทรศัพท์") == ["โท", "ทร", "รศ", "ศพ", "พท"]  # marks dropped, then bigrams
    assert set(terms("โทรศัพท์")) <= set(terms("ราคาโทรศัพท์มือถือ"))
    assert terms("๑๒๓ บาท") == ["123", "บา", "าท"]


def test_english_chat_splits_on_punctuation_and_underscores() -> None:
    text = "Order #4821 isn't here; label_created since 10:30am, THANKS"
    expected = ["order", "4821", "isn", "t", "here", "label", "created", "since", "10", "30am"]
    assert terms(text) == [*expected, "thanks"]
    assert terms(text.replace(",", " —")) == [*expected, "thanks"]  # not ASCII any more
    # NFKC folds fullwidth letters and ligatures; casefold turns ß into ss
    assert terms("Ｆｕｌｌｗｉｄｔｈ ﬁle Straße") == ["fullwidth", "file", "strasse"]


def test_yeh_with_hamza_is_unified_like_the_other_yeh_forms() -> None:
    # ئ is ي + hamza above: the hamza goes, and the ي left is unified to ی like any ي
    assert terms("مسئله") == terms("مسیله") == terms("مسيله") == ["مسیله"]
    assert query_terms("مسیله")[0] in index_terms("این مسئله مهم است")
    assert terms("مسئول پائیز ﺉ") == ["مسیول", "پاییز", "ی"]  # ﺉ: a presentation form
    # Letters with hamza whose base is not unified keep their base letter
    assert terms("مؤمن ۂ ۓ") == ["مومن", "ہ", "ے"]
    assert terms("خانۀ") == ["خانه"]


def test_persian_and_arabic_harakat_and_digits_are_folded() -> None:
    assert terms("كتابٌ عَرَبِيّ ٤٥ ۴۵") == ["کتاب", "عربی", "45", "45"]


def test_thai_sara_am_and_tone_marks_are_dropped_before_bigrams() -> None:
    assert terms("ราคาน้ำ ๒๐ บาท") == ["รา", "าค", "คา", "าน", "นา", "20", "บา", "าท"]
    assert terms("ขอบคุณค่ะ") == ["ขอ", "อบ", "บค", "คณ", "ณค", "คะ"]


def test_mixed_scripts_split_at_the_script_change() -> None:
    assert terms("iPhoneราคา") == ["iphone", "รา", "าค", "คา"]


def test_query_terms_are_distinct() -> None:
    assert query_terms("the the THE cat") == ["the", "cat"]
    assert query_terms(" ... ") == []


def test_snippet_keeps_short_text_and_windows_long_text() -> None:
    assert snippet("short text", ["text"]) == "short text"
    long = "a" * 300 + " Warranty " + "b" * 300
    cut = snippet(long, ["warranty"])
    assert "Warranty" in cut and len(cut) <= SNIPPET_CHARS


@given(st.text(max_size=400), st.text(max_size=20))
def test_snippet_never_exceeds_the_width(content: str, query: str) -> None:
    assert len(snippet(content, query_terms(query))) <= max(SNIPPET_CHARS, 0)


@given(st.text(max_size=200))
def test_terms_hold_only_word_characters(text: str) -> None:
    for term in terms(text):
        assert term and all(ch.isalnum() for ch in term), term


def test_zwnj_words_are_indexed_joined_and_as_parts() -> None:
    stored = index_terms("کتاب‌ها را خریدم")
    assert {"کتابها", "کتاب", "ها"} <= set(stored)
    # The query keeps the joined form: it matches the word with or without the ZWNJ
    assert query_terms("کتاب‌ها") == ["کتابها"]
    assert "کتابها" in index_terms("کتابها را خریدم")
