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


_FA_KIN = (
    "پدر بابا مادر مامان همسر شوهر خانم برادر داداش خواهر آبجی پسر دختر بچه عمو عمه دایی"
    " خاله پدربزرگ مادربزرگ نامزد"
)
_EN_KIN = "dad father mum mom mother husband wife son daughter brother sister partner"
_TH_KIN = "พ่อ แม่ สามี ภรรยา แฟน ลูกชาย ลูกสาว ลูก พี่ชาย พี่สาว น้องชาย น้องสาว"
#: Every kinship word the user memory knew before it took ``person_names``' words, with an
#: owner and "is" joined as a value may carry them: still no name.
KNOWN_KIN = {
    "fa": [
        f"{word}{ending}"
        for word in _FA_KIN.split()
        for ending in ("", "م", "\u200cام", "تون", "مه", "شون")
    ],
    "en": [
        f"{owner}{word}{ending}"
        for word in _EN_KIN.split()
        for owner in ("", "my ", "Our ")
        for ending in ("", "'s", "’s")
    ],
    "th": [
        f"{title}{word}{ending}"
        for word in _TH_KIN.split()
        for title in ("", "คุณ")
        for ending in ("", "ของฉัน", "ผมครับ", "ค่ะ")
    ],
}


@pytest.mark.parametrize("language", ["fa", "en", "th"])
def test_every_kinship_word_known_before_is_still_no_name(language: str) -> None:
    for value in KNOWN_KIN[language]:
        assert is_no_name("holder_name", value), value


def test_the_relation_words_of_names_said_are_kin_of_names_held_too() -> None:
    # ``person_names`` keys "my fiancée, Ana Ruiz" as partner_name and "my kid, Leo" as
    # child_name: the same words alone are whose name a thing is in
    for value in ("my fiancée's", "her boyfriend’s", "Girlfriend", "my kid's", "our child"):
        assert is_no_name("account_name", value), value


@pytest.mark.parametrize(
    "value",
    # not kin (a friend, a neighbour), names that open like a kinship word, a customer
    ["my friend's", "neighbour", "Kidman", "Sonny", "پدرام", "خانمی", "ลูกค้า", "พ่อหลวง"],
)
def test_what_is_no_kinship_word_alone_is_still_a_name(value: str) -> None:
    assert not is_no_name("holder_name", value)
