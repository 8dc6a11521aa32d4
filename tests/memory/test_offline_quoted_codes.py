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


def test_an_apostrophe_that_ends_a_word_is_kept() -> None:
    # "kids'" is a possessive, no quote opening the code
    assert facts_of(("user", "the kids' SAVE10 please")) == {"reference": "the kids' SAVE10"}
