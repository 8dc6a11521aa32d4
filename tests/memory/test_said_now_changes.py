"""A copied value (an address, a phone, a code) said again with a few characters changed
and as what holds now ("the return address is now …", «الان», «ตอนนี้») replaces the one it
copies, when it is of the same thing (``detail_changes._replaced_by``). A unit's letter is
part of its number: "Apt 5B" and "Apt 5D" are two addresses, not one in other words."""

from __future__ import annotations

import pytest

from domain.memory.detail_changes import value_changes
from schemas.memory_model import Detail
from tests.context.factories import detail


def _replaced(*details: Detail) -> set[tuple[str, str]]:
    return {(change.old, change.new) for change in value_changes(details)}


@pytest.mark.parametrize(
    ("said", "now", "old", "new"),
    [
        (
            "Assistant: Got it, return address is 2217 Alder Ave, Apt 5B, Portland OR 97214.",
            "Assistant: Return address is now 2217 Alder Ave, Apt 5D, Portland OR 97214.",
            "2217 Alder Ave, Apt 5B, Portland OR 97214",
            "2217 Alder Ave, Apt 5D, Portland OR 97214",
        ),
        (
            "Assistant: آدرس ارسال نارمک، خیابان گلبرگ، کوچه ۲۴، پلاک ۹ ثبت شد.",
            "Assistant: آدرس ارسال الان نارمک، خیابان گلبرگ، کوچه ۲۴، پلاک ۱۹ هست.",
            "نارمک، خیابان گلبرگ، کوچه ۲۴، پلاک ۹",
            "نارمک، خیابان گلبرگ، کوچه ۲۴، پلاک ۱۹",
        ),
        (
            "Assistant: ที่อยู่จัดส่ง 88/14 ซ.ลำลูกกา 5 ค่ะ",
            "Assistant: ที่อยู่จัดส่งตอนนี้เป็น 88/16 ซ.ลำลูกกา 5 ค่ะ",
            "88/14 ซ.ลำลูกกา 5",
            "88/16 ซ.ลำลูกกา 5",
        ),
    ],
)
def test_a_near_copy_said_as_what_holds_now_replaces_it_in_every_language(
    said: str, now: str, old: str, new: str
) -> None:
    assert _replaced(detail(37, said, [old], "address"), detail(82, now, [new], "address")) == {
        (old, new)
    }


def test_a_near_copy_of_another_things_value_replaces_nothing() -> None:
    billing = detail(
        10, "Assistant: Your billing address is 12 Elm Street, Leeds.", ["12 Elm Street"], "address"
    )
    delivery = detail(
        40,
        "Assistant: The delivery address is now 14 Elm Street, Leeds.",
        ["14 Elm Street"],
        "address",
    )
    assert _replaced(billing, delivery) == set()
    # the same near copy with no word that it holds now: no sign of a change
    again = detail(
        40, "Assistant: Your neighbour is at 14 Elm Street.", ["14 Elm Street"], "address"
    )
    assert _replaced(billing, again) == set()
