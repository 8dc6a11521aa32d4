"""A rate said again as its bare sum ("he's not having £129" after "£129 a month") is that
rate, not a new sum: held as current it kept "£129 a month" from being marked replaced
when the fee changed (English)."""

from __future__ import annotations

from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_a_rate_said_again_as_its_sum_is_no_new_sum() -> None:
    facts = conversation(
        ("assistant", "So that's Commercial Plus at £129 a month + VAT, still 12 months."),
        ("user", "ugh bad news, just showed the owner the quote and he's not having £129"),
        ("assistant", "No problem. On 24 months Essentials drops to £79 a month."),
    )
    held = current(facts)
    assert held["monthly_fee"] == "£79 a month"
    assert history(facts, "monthly_fee") == ["£129 a month"]
    assert "£129" not in held.values()


def test_a_sum_named_by_its_key_is_that_key_s_even_when_a_rate_has_it() -> None:
    """A guard: main reads it so too."""
    facts = conversation(
        ("assistant", "The plan is £129 a month."),
        ("user", "ok and the deposit is £129 as well?"),
        ("assistant", "Yes, the deposit is £129."),
    )
    assert current(facts)["deposit"] == "£129"
