"""A kinship word alone is whose name a thing is in, not the name: no user fact."""

from __future__ import annotations

import pytest

from domain.user_memory.fact_values import is_no_name, users_facts

#: Name facts the extractor could take from "the account is in my mother's name" and the like.
KIN_ONLY = {
    "fa": [("holder_name", "مادرمه"), ("holder_name", "بچه‌ام"), ("account_name", "برادرم")],
    "en": [("holder_name", "my wife's"), ("account_name", "Dad")],
    "th": [("holder_name", "แม่ค่ะ"), ("account_name", "คุณพ่อ")],
}
#: Names said with the kinship word, and names that open like one.
NAMED = {
    "fa": [("holder_name", "مادرم مریم کاظمی"), ("customer_name", "پدرام رضایی")],
    "en": [("holder_name", "Sonia Brandt"), ("father_name", "Walter Pike")],
    "th": [("holder_name", "แม่นภา ใจดี"), ("person_name", "พ่อหลวง")],
}


@pytest.mark.parametrize("language", ["fa", "en", "th"])
def test_a_kinship_word_alone_is_no_users_name(language: str) -> None:
    kin = KIN_ONLY[language]
    for key, value in kin:
        assert is_no_name(key, value), value
    assert users_facts([*kin, *NAMED[language]]).facts == NAMED[language]


def test_the_persian_kinship_word_with_is_joined_is_no_name() -> None:
    assert is_no_name("holder_name", "پدرمه")
    assert is_no_name("holder_name_2", "«خواهرمه»")
    assert not is_no_name("holder_name", "پدرام")
