"""One helper reads the digits of a value in ASCII for every rule that compares numbers."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import digits_of


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("020 7946 0321", "02079460321"),
        ("۰۹۱۲ ۳۴۵ ۶۷۸۹", "09123456789"),
        ("๐๘๑-๒๒๒-๓๓๔๔", "0812223344"),
        ("no digits", ""),
    ],
)
def test_digits_are_read_in_ascii_whatever_their_script(text: str, digits: str) -> None:
    assert digits_of(text) == digits
