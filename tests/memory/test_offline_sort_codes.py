"""A bank's "sort code" is no coupon's code: "sort code 20-45-77, account 31047142" gave
coupon_code=31047142; the account given after the sort code is the bank account
(``domain.memory.offline.subjects``)."""

from __future__ import annotations

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


def test_the_account_after_a_sort_code_is_the_bank_account() -> None:
    facts = facts_of(
        ("user", "Priya Natarajan and Callum Reid. sort code 20-45-77, account 31047142")
    )
    assert facts.get("bank_account") == "31047142"
    assert "coupon_code" not in facts


def test_a_new_account_replaces_the_old_one() -> None:
    facts = conversation(
        ("user", "sort code 20-45-77, account 61028833"),
        ("user", "I gave you my old account, the new one is sort code 20-32-06, account 73419502"),
    )
    values = current(facts)
    assert values.get("bank_account") == "73419502"
    assert history(facts, "bank_account") == ["61028833"]
    assert "coupon_code" not in values


def test_a_code_spent_is_still_a_coupon() -> None:
    assert facts_of(("user", "use code SPRING20")).get("coupon_code") == "SPRING20"
    assert "bank_account" not in facts_of(("user", "my account 4471 is locked"))


def test_an_account_after_another_number_is_no_bank_account() -> None:
    # a bare "account" names the bank account only after a sort code in its sentence
    assert "bank_account" not in facts_of(("user", "Meter 4471, account 55120093"))
    assert "bank_account" not in facts_of(("user", "Ref 12, account 55120093 please"))
    facts = facts_of(("user", "Sort code 20-45-77, meter 4471, account 31047142"))
    assert facts.get("bank_account") == "31047142"
