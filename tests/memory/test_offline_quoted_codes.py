"""A quote mark that opens a code is no part of it, nor of the words that lead to it: the
same code quoted or not is noted alike, in each language and with any quote mark."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ('ขอใช้ "SAVE10" ได้ไหมคะ', "ขอใช้ SAVE10"),
        ("ขอใช้ “SAVE10” ได้ไหมคะ", "ขอใช้ SAVE10"),
        ("ขอใช้ «SAVE10» ได้ไหมคะ", "ขอใช้ SAVE10"),
        ("Can I use 'SAVE10' please?", "Can I use SAVE10"),
        ('Can I use "SAVE10" please?', "Can I use SAVE10"),
        ("Can I use ‘SAVE10’ please?", "Can I use SAVE10"),
        ("میشه کد «SAVE10» رو استفاده کنم؟", "میشه کد SAVE10"),
        ('میشه "SAVE10" رو استفاده کنم؟', "میشه SAVE10"),
        # no space before the quote: Thai or Persian joined to it, a bracket before it
        ('ขอใช้"SAVE10"ได้ไหมคะ', "ขอใช้SAVE10"),
        ("میشه کد«SAVE10» رو استفاده کنم؟", "میشه کدSAVE10"),
        ('Can I use ("SAVE10")?', "Can I use (SAVE10"),
        ("Can I use('SAVE10')?", "Can I use(SAVE10"),
    ],
)
def test_a_quoted_code_is_noted_without_its_quote(text: str, reference: str) -> None:
    assert facts_of(("user", text)) == {"reference": reference}


@pytest.mark.parametrize(
    ("quoted", "bare"),
    [
        ('ขอใช้ "SAVE10" ได้ไหมคะ', "ขอใช้ SAVE10 ได้ไหมคะ"),
        ("Can I use 'SAVE10' please?", "Can I use SAVE10 please?"),
        ("میشه کد «SAVE10» رو استفاده کنم؟", "میشه کد SAVE10 رو استفاده کنم؟"),
    ],
)
def test_quoted_or_not_the_code_is_noted_alike(quoted: str, bare: str) -> None:
    assert facts_of(("user", quoted)) == facts_of(("user", bare))


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # "kids'" is a possessive, no quote opening the code
        ("the kids' SAVE10 please", "the kids' SAVE10"),
        # a Latin letter right before the mark: a word's apostrophe, joined to the code
        ("the kids'SAVE10 please", "the kids'SAVE10"),
        ("rock 'n' roll RX-5541 please", "rock 'n' roll RX-5541"),
    ],
)
def test_an_apostrophe_that_ends_a_word_is_kept(text: str, reference: str) -> None:
    assert facts_of(("user", text)) == {"reference": reference}
