"""Persian ages: a span of years or months with «ـشه» / «ساله» is someone's age, keyed by
whose it is («پسرم ۸ سالشه» → ``son_age``): two children's ages in one sentence are two
facts, an age put right («۵ سالشه نه ۴») replaces the one before, and a span said of a
warranty («گارانتیش ۲ سالشه») is no one's age."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("پسرم شش سالشه، دخترم ۱۴ ماهشه", {"son_age": "شش سال", "daughter_age": "۱۴ ماه"}),
        ("یه دختر 11 ساله و یه پسر 5 ساله", {"daughter_age": "11 ساله", "son_age": "5 ساله"}),
    ],
)
def test_two_childrens_ages_are_two_facts(reply: str, expected: dict[str, str]) -> None:
    facts = conversation(("assistant", "بچه‌ها چند سالشونه؟"), ("user", reply))
    values = current(facts)
    for key, age in expected.items():
        assert values.get(key) == age, values


def test_an_age_put_right_replaces_the_one_before() -> None:
    facts = conversation(
        ("assistant", "اسم سگتون چیه و چند سالشه؟"),
        ("user", "اسمش راکیه، ۴ سالشه"),
        ("assistant", "واکسن‌هاش کامله؟"),
        ("user", "آره. ببخشید اشتباه گفتم، ۵ سالشه نه ۴"),
    )
    assert current(facts).get("age_mentioned") == "۵ سال", current(facts)
    assert history(facts, "age_mentioned") == ["۴ سال"]


@pytest.mark.parametrize("reply", ["گارانتیش ۲ سالشه", "قرارداد یک ساله هست"])
def test_a_span_said_of_a_warranty_or_a_contract_is_no_age(reply: str) -> None:
    facts = conversation(("assistant", "شرایطش چطوره؟"), ("user", reply))
    assert not any(key.endswith("_age") or key == "age_mentioned" for key in current(facts))


def test_an_age_said_of_no_one_puts_right_the_age_the_question_quoted() -> None:
    # «۵ سالشون تمومه؟» «۶ سالش تموم شد»: the child who was 5 turned 6; the other keeps theirs
    facts = conversation(
        ("assistant", "بچه‌ها چند سالشونه؟"),
        ("user", "یه پسر ۱۰ ساله و یه دختر ۵ ساله"),
        ("assistant", "برای دخترتون یه سوال، ۵ سالشون تمومه؟ کلاس از ۶ سالگیه"),
        ("user", "آهان ببخشید، ماه پیش ۶ سالش تموم شد"),
    )
    values = current(facts)
    assert values.get("daughter_age") == "۶ سال", values
    assert values.get("son_age") == "۱۰ ساله", values


@pytest.mark.parametrize(
    ("held", "reply", "key", "value"),
    [
        # the boiler is 12 years old: no one's age, the customer stays 35
        (("سنتون چقدره؟", "۳۵ سالمه"), "پکیج ۱۲ سالشه", "customer_age", "۳۵"),
        (("پسرتون چند سالشه؟", "پسرم ۸ سالشه"), "دستگاه ۳ سالشه", "son_age", "۸ سال"),
        # it has been making noise for three months: a duration, no age
        (("پسرتون چند سالشه؟", "پسرم ۸ سالشه"), "سه ماهشه که صدا میده", "son_age", "۸ سال"),
    ],
)
def test_an_age_of_a_thing_or_a_duration_keeps_the_age_held(
    held: tuple[str, str], reply: str, key: str, value: str
) -> None:
    facts = conversation(
        ("assistant", held[0]),
        ("user", held[1]),
        ("assistant", "مشکل دستگاه چیه؟"),
        ("user", reply),
    )
    values = current(facts)
    assert values.get(key) == value, values
    assert not any(k.endswith("_age") and v != value for k, v in values.items()), values


def test_years_a_child_has_worked_somewhere_are_no_age() -> None:
    # «پسرم ۲ ساله اونجا کار میکنه»: he has worked there two years, he is not two
    facts = conversation(
        ("assistant", "کی تحویل می‌گیره؟"),
        ("user", "پسرم ۲ ساله اونجا کار میکنه، اون تحویل میگیره"),
    )
    assert "son_age" not in current(facts), current(facts)
