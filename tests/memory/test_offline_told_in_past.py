"""An id or a sum told in the past tense is still the value ("my booking reference was
BK-55102", "the venue hire fee was £350"); only a word calling it old or wrong (or, for a
sum, another sum it changed to) makes it the old one. An agent's word of acknowledgement
before "your gym locker code" names no one. (Persian and Thai put no past tense before the
value: their ids and sums told of the past are kept already.)"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Payment reference was PAY-88120.", "payment_reference", "PAY-88120"),
        (
            "My booking reference was BK-55102 but I lost the email.",
            "booking_reference",
            "BK-55102",
        ),
        ("my order number was 552013", "order_id", "552013"),
        ("کد رزرو BK-55102 بود ولی ایمیلش رو گم کردم.", "booking_reference", "BK-55102"),
        ("เลขที่การจองคือ BK-55102 ค่ะ แต่อีเมลหายไปแล้ว", "booking_reference", "BK-55102"),
    ],
)
def test_an_id_told_in_the_past_tense(text: str, key: str, value: str) -> None:
    assert facts_of(("user", text)).get(key) == value


@pytest.mark.parametrize(
    "text",
    [
        "My booking reference was BK-55102 originally.",
        "The old booking reference was BK-55102.",
        "The booking reference was BK-55102 by mistake.",
    ],
)
def test_an_id_called_old_is_no_current_id(text: str) -> None:
    assert "booking_reference" not in facts_of(("user", text))


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("the venue hire fee was £350 and we paid a deposit.", "hire_fee", "£350"),
        ("The delivery charge was £12.50 on my receipt.", "shipping_cost", "£12.50"),
        ("هزینه اجاره سالن ۳۵۰ هزار تومان بود.", "hire_fee", "۳۵۰ هزار تومان"),
        ("ค่าเช่าสถานที่ 3,500 บาทค่ะ", "hire_fee", "3,500 บาท"),
        # the next sentence names another sum but no change, or a change but no sum
        ("The hire fee was £350. The deposit was £40.", "hire_fee", "£350"),
        ("The hire fee was £350. Now can you send the invoice?", "hire_fee", "£350"),
    ],
)
def test_a_sum_told_in_the_past_tense(text: str, key: str, value: str) -> None:
    assert facts_of(("user", text)).get(key) == value


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("The price was $40 but now it's $55.", "price", "$55"),
        ("The old price was $40.", "price", None),
        # the change told in the sentence right after
        ("The inspection fee was $120. Now it's $140 though.", "charge", None),
        ("The inspection fee was $120. Now it's $140 though.", "fee", None),
        ("The inspection fee was $120. But now it has gone up to $140.", "charge", None),
    ],
)
def test_a_sum_told_as_the_old_one(text: str, key: str, value: str | None) -> None:
    assert facts_of(("user", text)).get(key) == value


def test_an_acknowledgement_names_no_one() -> None:
    found = facts_of(
        ("user", "Can you remind me of my locker code?"),
        ("assistant", "Noted, your gym locker code is 4471."),
    )
    assert not any(key.endswith("_name") for key in found)
