"""The assistant asking back a whole phone right after the customer put a number right by
its last digits: the phone read back is the held one corrected, under its own key, not
another number noted with the words before it («یعنی ۰۹۱۳…؟»)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_persian_the_customers_phone_read_back_after_its_ending_was_put_right() -> None:
    facts = conversation(
        ("user", "شمارم ۰۹۱۸۳۴۵۲۲۷۱"),
        ("assistant", "ممنون، ثبت شد"),
        ("user", "راستی شمارمو اشتباه زدم"),
        ("user", "آخرش ۲۲۱۷ه نه ۲۲۷۱"),
        ("assistant", "یعنی ۰۹۱۸۳۴۵۲۲۱۷ درسته؟"),
        ("user", "آره همین"),
    )
    values = current(facts)
    assert values["customer_phone"] == "۰۹۱۸۳۴۵۲۲۱۷"
    assert history(facts, "customer_phone") == ["۰۹۱۸۳۴۵۲۲۷۱"]
    assert "other_phone" not in values


def test_persian_a_site_contacts_phone_read_back_after_its_ending_was_put_right() -> None:
    facts = conversation(
        ("assistant", "یه نفر باید سر باغ باشه که در رو باز کنه"),
        ("user", "باغبونمون اکبر آقا هست"),
        ("user", "شمارش ۰۹۱۳۰۴۸۷۲۵۲"),
        ("assistant", "ممنون"),
        ("user", "راستی شماره اکبر آقا رو اشتباه دادم، آخرش ۷۲۲۵ه"),
        ("assistant", "یعنی ۰۹۱۳۰۴۸۷۲۲۵؟"),
        ("user", "آره"),
    )
    values = current(facts)
    assert "۰۹۱۳۰۴۸۷۲۲۵" in values.values()
    assert "۰۹۱۳۰۴۸۷۲۵۲" not in values.values()
    assert not any(key.startswith("other_phone") for key in values)


@pytest.mark.parametrize(
    "told",
    [
        "آدرس رو اشتباه دادم",  # a correction of something else, no digits of the phone
        "ساعت رو عوض کنید، ۵ عصر",  # no correction of a number
        "ببخشید اشتباه شد، آخرش ۳۳ـه",  # digits the phone read back does not end with
    ],
)
def test_persian_a_phone_asked_back_without_its_ending_put_right_changes_nothing(
    told: str,
) -> None:
    facts = conversation(
        ("user", "شمارم ۰۹۱۳۰۴۸۷۲۵۲"),
        ("assistant", "ممنون"),
        ("user", told),
        ("assistant", "یعنی ۰۹۱۳۰۴۸۷۲۲۵؟"),
        ("user", "آره"),
    )
    assert current(facts)["customer_phone"] == "۰۹۱۳۰۴۸۷۲۵۲"
