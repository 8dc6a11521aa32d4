"""domain.tokens: one estimator for every script, never decreasing as text grows."""

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.tokens import ELLIPSIS, estimate_tokens, fit_to_budget

ENGLISH = (
    "The offline engine is the default when no API key is set, so it is what most "
    "users meet first. It must be real, not a toy, and deterministic."
)
PERSIAN = "محصولات ما دارای دو سال گارانتی هستند و قیمت نانوپرسو هشت میلیون تومان است"
THAI = "ผมสนใจเครื่องชงกาแฟแบบพกพา ราคาเท่าไหร่ครับ รับประกันกี่ปีครับ"
CHINESE = "我想买一台便携式咖啡机请问价格是多少"

# A mix of scripts, digits, punctuation, whitespace and emoji for property tests.
multilingual_text = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ 019,.!?\n\t-$€#@")
        + list("سلامتهرانگارانتی۰۱۹٬،؟؛\u200c")
        + list("ขอบคุณครับราคา๑๙่้")
        + list("你好咖啡。")
        + ["😀", "é", "\u0301"]
    ),
    max_size=200,
)


def chars_per_token(text: str) -> float:
    return len(text) / estimate_tokens(text)


def test_empty_and_whitespace_cost_nothing() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens(" ") == 0


def test_english_prose_is_about_four_characters_a_token() -> None:
    assert 3.3 <= chars_per_token(ENGLISH) <= 4.5


def test_common_short_words_are_one_token_each() -> None:
    assert estimate_tokens("the cat sat on the mat") == 6


def test_persian_is_two_to_three_characters_a_token() -> None:
    assert 2.0 <= chars_per_token(PERSIAN) <= 3.0


def test_thai_is_one_and_a_half_to_two_and_a_half_characters_a_token() -> None:
    assert 1.5 <= chars_per_token(THAI) <= 2.5


def test_cjk_is_about_one_token_a_character() -> None:
    assert estimate_tokens(CHINESE) == len(CHINESE)


def test_dense_scripts_cost_more_per_character_than_english() -> None:
    english = chars_per_token(ENGLISH)
    assert chars_per_token(PERSIAN) < english
    assert chars_per_token(THAI) < chars_per_token(PERSIAN)
    assert chars_per_token(CHINESE) < chars_per_token(THAI)


def test_digits_and_punctuation_are_counted() -> None:
    assert estimate_tokens("8,249,000") >= 5  # digits, separators, digits...
    assert estimate_tokens("۸٬۲۴۹٬۰۰۰") >= estimate_tokens("8,249,000")
    assert estimate_tokens("Hello!!!") > estimate_tokens("Hello")


def test_emoji_cost_more_than_a_letter() -> None:
    assert estimate_tokens("😀") >= 2


def test_long_input_is_linear_and_fast() -> None:
    import time

    text = (ENGLISH + PERSIAN + THAI + CHINESE) * 200  # ~60k characters
    started = time.perf_counter()
    total = estimate_tokens(text)
    assert time.perf_counter() - started < 0.5
    single = estimate_tokens(ENGLISH + PERSIAN + THAI + CHINESE)
    assert 190 * single <= total <= 201 * single


@settings(max_examples=300)
@given(multilingual_text, multilingual_text)
def test_appending_text_never_lowers_the_estimate(prefix: str, suffix: str) -> None:
    assert estimate_tokens(prefix + suffix) >= estimate_tokens(prefix)


@settings(max_examples=200)
@given(multilingual_text, st.integers(min_value=0, max_value=60))
def test_fit_to_budget_always_fits(text: str, budget: int) -> None:
    fitted = fit_to_budget(text, budget)
    assert estimate_tokens(fitted) <= budget


def test_fit_to_budget_returns_fitting_text_unchanged() -> None:
    assert fit_to_budget(ENGLISH, 100) == ENGLISH


def test_fit_to_budget_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    fitted = fit_to_budget(ENGLISH, 10)
    assert fitted.endswith(ELLIPSIS)
    kept_words = fitted.removesuffix(ELLIPSIS).split()
    assert kept_words == ENGLISH.split()[: len(kept_words)]
    assert estimate_tokens(fitted) <= 10


def test_fit_to_budget_cuts_persian_between_words() -> None:
    fitted = fit_to_budget(PERSIAN, 8)
    kept_words = fitted.removesuffix(ELLIPSIS).split()
    assert kept_words and kept_words == PERSIAN.split()[: len(kept_words)]


def test_fit_to_budget_never_separates_a_thai_mark_from_its_letter() -> None:
    unspaced = "ผมสนใจเครื่องชงกาแฟแบบพกพาราคาเท่าไหร่ครับ"
    for budget in range(2, 12):
        kept = fit_to_budget(unspaced, budget).removesuffix(ELLIPSIS)
        if kept:
            next_char = unspaced[len(kept)]
            assert next_char not in "ิีึืุู่้๊๋ั็์ํ", (budget, kept)
