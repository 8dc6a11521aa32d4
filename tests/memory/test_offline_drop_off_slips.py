"""A hired thing's drop-off is its return ("drop off the van on 12 June"), but a slip, a
receipt or a ticket of a drop-off is a reference of its own (a dry cleaner's, a parcel
shop's, a car hire desk's): its code is no return id."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    "text",
    [
        "I returned the van yesterday, my drop-off slip DS-44821.",
        "The drop-off receipt number is RC-55120.",
        "Here is the dry cleaning drop-off ticket: T-3391",
    ],
)
def test_a_drop_off_slip_is_no_return_id(text: str) -> None:
    found = facts_of(("user", text))
    assert "return_id" not in found
    assert any(code in " ".join(found.values()) for code in ("DS-44821", "RC-55120", "T-3391"))


def test_a_hired_things_drop_off_is_still_its_return() -> None:
    assert facts_of(("user", "The car's drop-off is on 12 June."))["return_date"] == "12 June"
