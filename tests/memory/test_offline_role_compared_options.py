"""A word shaped like a role ("-er") that compares options is no role: "the Classic is the
heavier traditional one" names no "heavier" (``domain.memory.offline.role_holders``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.role_holders import role_holders
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    "text",
    [
        "The Pro is a lighter fabric, the Classic is the heavier traditional one.",
        "Of the two, Oslo is the cheaper option.",
        "Rosa is the bigger of the two.",
        "Luna is the lighter model, Terra the sturdier one.",
    ],
)
def test_an_option_compared_names_no_role(text: str) -> None:
    assert role_holders(text) == []
    assert not [key for key in facts_of(("assistant", text)) if key.endswith("_name")]


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        ("Marcus Hale is the event manager of the hotel.", "event_manager_name", "Marcus Hale"),
        ("Marcus Hale will be your event manager.", "event_manager_name", "Marcus Hale"),
        ("Good news, your surveyor will be Dan Whitlow.", "surveyor_name", "Dan Whitlow"),
    ],
)
def test_a_role_is_still_a_role(text: str, key: str, name: str) -> None:
    assert [(h.key, h.name) for h in role_holders(text)] == [(key, name)]
