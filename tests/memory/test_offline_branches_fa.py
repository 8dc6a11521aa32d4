"""The branch a Persian customer takes by «شعبه» and its name is a fact, and a later one they
take replaces it; the agent naming a branch, a question, or a branch set aside take none."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_the_branch_the_customer_takes_and_takes_again() -> None:
    facts = conversation(
        ("assistant", "کدوم شعبه براتون راحت‌تره؟ ونک، تجریش و پونک داریم"),
        ("user", "ما نزدیک ونکیم، همون شعبه ونک"),
        ("assistant", "عالیه"),
        ("user", "راستش شوهرم میگه ببریمش شعبه تجریش، نزدیک کارشه"),
        ("assistant", "باشه، ثبت شد"),
        ("user", "نه بیخیال، همون شعبه ونک بهتره"),
        batch=2,
    )
    assert current(facts).get("branch") == "شعبه ونک", current(facts)
    assert history(facts, "branch") == ["شعبه ونک", "شعبه تجریش"]


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("assistant", "شعبه پونک یکی تو انبار داره، امروز میارنش"),
        ("user", "شعبه تجریش چطوره؟"),
        ("user", "شعبه تجریش نه، خیلی دوره"),
    ],
)
def test_a_branch_only_named_is_not_taken(role: str, message: str) -> None:
    facts = conversation(("assistant", "کدوم شعبه؟"), (role, message))
    assert "branch" not in current(facts), current(facts)
