"""Named choices in Persian: the textbook, the insurance cover and the instalment plan,
named by their head noun, value by value, and a later choice of the same kind replacing the
earlier one."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "کتاب American English File 3 رو باید جدا تهیه کنید",
            "textbook",
            "American English File 3",
        ),
        ("کتابم عوض میشه، American English File 4", "textbook", "American English File 4"),
        ("ثبت شد: بیمه بدنه کامل اضافه شد.", "insurance", "بیمه بدنه کامل"),
        ("باشه دو قسط", "instalment_plan", "دو قسط"),
        ("یعنی کلا میشه سه قسط", "instalment_plan", "سه قسط"),
    ],
)
def test_named_choices_in_persian(text: str, key: str, value: str) -> None:
    assert facts_of(("assistant", text))[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "بیمه بدنه رو هم میتونید اضافه کنید روزی ۲۰۰ هزار تومان",  # offered, not taken
        "قسط اول موقع ثبت نام، قسط دوم تا ۱۵ آبان",  # which instalment, no plan
        "میشه سه قسطش کنید؟",  # asked for, not granted yet
        "کتاب American English File 3 رو دارید؟",  # asked about
    ],
)
def test_no_named_choice_in_persian(text: str) -> None:
    found = facts_of(("user", text))
    assert not {"textbook", "insurance", "instalment_plan"} & set(found)


def test_a_later_choice_replaces_the_earlier_one_of_its_kind() -> None:
    facts = conversation(
        ("assistant", "کتاب American English File 3 رو باید جدا تهیه کنید"),
        ("user", "باشه دو قسط"),
        ("assistant", "بله میشه، مانده رو دو بخش میکنیم. یعنی کلا میشه سه قسط"),
        ("assistant", "کتابم عوض میشه، American English File 4"),
        batch=1,
    )
    now = current(facts)
    assert now["textbook"] == "American English File 4"
    assert history(facts, "textbook") == ["American English File 3"]
    assert now["instalment_plan"] == "سه قسط"
    assert history(facts, "instalment_plan") == ["دو قسط"]
