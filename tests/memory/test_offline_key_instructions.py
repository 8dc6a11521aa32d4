"""Where the key to get in is left is an instruction (English): "we leave a spare key with
Joe at the launderette", "grab the key from reception"; a key the customer only mentions is
none (where a key is, "the key is in the glovebox", is a place the summary keeps)."""

from __future__ import annotations

import pytest

from domain.memory.offline.instructions import instructions
from tests.memory.test_offline_facts_dialogue import conversation, current


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (
            "hmm. we leave a spare key with Joe at the launderette two doors down, hes there "
            "8 till 6. they can grab it off him",
            "spare key with Joe at the launderette two doors down",
        ),
        ("we keep the key under the mat by the back door", "under the mat by the back door"),
        ("you can grab the key from reception", "grab the key from reception"),
        (
            "the engineer can collect the keys from the estate agent",
            "collect the keys from the estate agent",
        ),
        ("hi. Grab the key off the neighbour at number 4", "Grab the key off the neighbour"),
    ],
)
def test_where_the_key_is_left_is_an_instruction(message: str, said: str) -> None:
    found = [i.text for i in instructions(message)]
    assert len(found) == 1 and said in found[0]


@pytest.mark.parametrize(
    "message",
    [
        "I left my keys at home, sorry",
        "is the key with reception?",
        "the key fob doesn't work",
        # the customer's own errand, no instruction to the visitor
        "we get the keys from the estate agent on Friday, so the move is Saturday",
        "I'll collect the keys from the agent tomorrow morning",
        "we pick up the keys from the landlord on the 3rd",
    ],
)
def test_a_key_only_mentioned_is_no_instruction(message: str) -> None:
    assert not list(instructions(message))


def test_the_key_instruction_stands_beside_the_door_instruction() -> None:
    facts = conversation(
        ("user", "we leave a spare key with Joe at the launderette two doors down"),
        ("assistant", "That works. Is there an alarm?"),
        ("user", "no alarm. use the back door on the lane not the front"),
    )
    held = list(current(facts).values())
    assert any("spare key with Joe" in value for value in held)
    assert any("use the back door" in value for value in held)
