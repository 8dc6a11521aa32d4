"""Spoken Persian ends a name with the copula «ـه» ("is"): «اسمش علی شریفیه» names «علی
شریفی»; a name that ends in «ه» or «یه» itself keeps it. (English and Thai have no such
copula on a name.)"""

from __future__ import annotations

import pytest

from domain.memory.offline.spoken_copula import without_copula
from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("question", "answer", "key", "name"),
    [
        ("اسم گیرنده رو بفرمایید", "اسمش علی شریفیه", "person_name", "علی شریفی"),
        ("اسم گیرنده رو بفرمایید", "اسمش زهره محمدیه", "person_name", "زهره محمدی"),
        ("اسمتون رو بفرمایید", "فاطمه کریمیه", "customer_name", "فاطمه کریمی"),
        ("کی تحویل میگیره؟", "همسرم، اسمش سارا کریمیه", "person_name", "سارا کریمی"),
    ],
)
def test_a_name_said_with_the_copula_is_the_name_without_it(
    question: str, answer: str, key: str, name: str
) -> None:
    assert facts_of(("assistant", question), ("user", answer))[key] == name


@pytest.mark.parametrize(
    ("question", "answer", "key"),
    [
        ("اسم گیرنده رو بفرمایید", "اسمش فاطمه", "person_name"),
        ("اسمتون رو بفرمایید", "زهره", "customer_name"),
        ("اسمتون رو بفرمایید", "مرضیه", "customer_name"),
        ("اسمتون رو بفرمایید", "سمیه رضایی", "customer_name"),
    ],
)
def test_a_name_that_ends_in_he_keeps_it(question: str, answer: str, key: str) -> None:
    assert facts_of(("assistant", question), ("user", answer))[key] == answer.removeprefix("اسمش ")


def test_english_and_thai_names_are_left_as_they_are() -> None:
    assert without_copula("Dana Kim") == "Dana Kim"
    assert without_copula("สมชาย ใจดี") == "สมชาย ใจดี"


@pytest.mark.parametrize(
    ("question", "answer", "key", "name"),
    [
        ("اسم و فامیلتون رو بفرمایید", "علی فقیه", "customer_name", "علی فقیه"),
        ("اسم و فامیلتون رو بفرمایید", "اسمم مریم عطیه", "customer_name", "مریم عطیه"),
        ("اسم گیرنده رو بفرمایید", "اسمش رضا نبیه", "person_name", "رضا نبیه"),
        ("اسم گیرنده رو بفرمایید", "خانم مرضیه", "recipient_name", "خانم مرضیه"),
    ],
)
def test_a_name_whose_own_ending_is_ye_keeps_it(
    question: str, answer: str, key: str, name: str
) -> None:
    """«فقیه», «نبیه», «عطیه»: «یه» after a stem of two letters is the name's own, no
    «ـی» of where one is from and a copula; a given name after «خانم» is said alone."""
    assert facts_of(("assistant", question), ("user", answer))[key] == name
