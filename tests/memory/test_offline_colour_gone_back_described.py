"""A colour gone back to is a choice only if offered or held before: "my hair, it's back to
black" describes, «ผมกลับไปสีดำเหมือนเดิมค่ะ ย้อมไม่ติด» is hair gone black again
(``colours_taken``, ``thai_named_things``)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("held", "text"),
    [
        ("navy", "my hair, it's back to black 😭 the dye washed out"),
        ("สีขาว", "ผมกลับไปสีดำเหมือนเดิมค่ะ ย้อมไม่ติด"),
        ("navy", "so back to Orange then"),
    ],
)
def test_a_colour_never_offered_nor_held_is_not_gone_back_to(held: str, text: str) -> None:
    assert facts_of(("user", text), known=[("colour", held)]).get("colour", held) == held


@pytest.mark.parametrize(
    ("offer", "held", "text", "colour"),
    [
        ("We have it in black, navy or orange.", "navy", "so back to black 🙃", "black"),
        ("We have it in Orange or Navy.", "navy", "so back to Orange then", "Orange"),
        ("มีสีดำกับสีขาวค่ะ", "สีขาว", "กลับไปสีดำเหมือนเดิมค่ะ", "สีดำ"),
    ],
)
def test_a_colour_offered_is_gone_back_to(offer: str, held: str, text: str, colour: str) -> None:
    facts = facts_of(("user", text), known=[("colour", held)], context=[("assistant", offer)])
    assert facts.get("colour") == colour
