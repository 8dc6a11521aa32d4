"""A price difference is a sum of its own (``price_difference``), never a price; and after a
switch of option, a sum said as the price with no unit («ราคา 1,890 บาท», "price $140",
«قیمت ۲ میلیون و ۵۰۰ هزار») replaces the held price the difference said before the switch
is the gap to (``prices_by_difference``). No switch, a switch under a condition, a sum
that fits no held difference, a charge of its own: no price replaced by this rule."""

from __future__ import annotations

import pytest

from domain.memory.offline.prices_by_difference import said_as_price, sum_said
from domain.memory.offline.switched_prices import switched_price
from domain.memory.offline.values import find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, history

_TH_HELD = (
    ("assistant", "ยางหลัง IRC เส้นละ 1,250 บาท ส่วน Michelin เส้นละ 1,890 ค่ะ"),
    ("user", "เอา IRC ครับ"),
    ("assistant", "ได้ค่ะ ยาง IRC ราคา 1,250 บาทค่ะ"),
    ("user", "แบตด้วยครับ"),
    ("assistant", "แบต GS ราคา 690 บาทค่ะ"),
    ("user", "ยาง IRC กับ Michelin ต่างกันเยอะไหม"),
    ("assistant", "Michelin เกาะถนนเปียกดีกว่าชัดเจนค่ะ ส่วนต่างราคา 640 บาท"),
)
_EN_HELD = (
    ("assistant", "The standard room is $110."),
    ("user", "Fine, and breakfast?"),
    ("assistant", "Breakfast is priced at $18."),
    ("user", "How much more is the Deluxe?"),
    ("assistant", "The Deluxe has a sea view; the price difference is $30."),
)
_FA_HELD = (
    ("assistant", "پکیج پایه قیمتش ۲ میلیون تومانه"),
    ("user", "باشه همون پایه"),
    ("assistant", "نصب هم قیمتش ۳۰۰ هزار تومانه"),
    ("user", "پکیج طلایی چقدر فرق داره؟"),
    ("assistant", "طلایی خدمات بیشتری داره، اختلاف قیمت ۵۰۰ هزار تومانه"),
)


@pytest.mark.parametrize(
    ("held", "difference"),
    [(_TH_HELD, "640 บาท"), (_EN_HELD, "$30"), (_FA_HELD, "۵۰۰ هزار تومان")],
)
def test_a_price_difference_is_a_sum_of_its_own(
    held: tuple[tuple[str, str], ...], difference: str
) -> None:
    facts = current(conversation(*held))
    assert facts["price_difference"] == difference
    assert difference not in {v for k, v in facts.items() if k.startswith("price_")} - {
        facts["price_difference"]
    }
    assert not [k for k, v in facts.items() if v == difference and k != "price_difference"]


@pytest.mark.parametrize(
    ("held", "switch", "reply", "key", "new", "old"),
    [
        (
            _TH_HELD,
            "งั้นเปลี่ยนเป็น Michelin เลยครับ",
            "ได้ค่ะ เปลี่ยนเป็น Michelin ราคา 1,890 บาทนะคะ ยอดรวมใหม่เป็น 4,620 บาทค่ะ",
            "price",
            "1,890 บาท",
            "1,250 บาท",
        ),
        (
            _EN_HELD,
            "Then switch me to the Deluxe.",
            "Done, you're in the Deluxe now, price $140.",
            "room_rate",  # the room's rate, held under the room's key: one rate, one key
            "$140",
            "$110",
        ),
        (
            _FA_HELD,
            "پس عوضش کنید به طلایی",
            "چشم، پکیج طلایی قیمت ۲ میلیون و ۵۰۰ هزار تومان",
            "price",
            "۲ میلیون و ۵۰۰ هزار تومان",
            "۲ میلیون تومان",
        ),
    ],
)
def test_the_bare_price_after_a_switch_replaces_the_one_its_difference_names(
    held: tuple[tuple[str, str], ...], switch: str, reply: str, key: str, new: str, old: str
) -> None:
    facts = conversation(*held, ("user", switch), ("assistant", reply))
    held_now = current(facts)
    assert held_now[key] == new
    assert history(facts, key) == [old]
    # the difference keeps its own key; no other price took the new one
    assert new not in [v for k, v in held_now.items() if k != key]
    assert held_now["price_difference"] != new


_TH_PRICES = (("price_difference", "640 บาท"), ("price_2", "690 บาท"), ("price", "1,250 บาท"))


@pytest.mark.parametrize(
    ("switch", "reply", "held"),
    [
        (  # a switch asked about under a condition
            "ถ้าเปลี่ยนเป็น Michelin ราคาเท่าไหร่ครับ",
            "Michelin ราคา 1,890 บาทค่ะ",
            _TH_PRICES,
        ),
        (  # a sum that fits no held difference: another thing's price
            "งั้นเปลี่ยนเป็น Michelin เลยครับ",
            "ได้ค่ะ เปลี่ยนเป็น Michelin แล้วค่ะ ผ้าเบรกราคา 520 บาทค่ะ",
            _TH_PRICES,
        ),
        (  # no difference held: the bare price names no old one
            "งั้นเปลี่ยนเป็น Michelin เลยครับ",
            "ได้ค่ะ เปลี่ยนเป็น Michelin ราคา 1,890 บาทนะคะ",
            _TH_PRICES[1:],
        ),
        (  # two prices side by side: options offered
            "งั้นเปลี่ยนเป็น Michelin เลยครับ",
            "Michelin ราคา 1,890 บาท ส่วน Dunlop ราคา 1,100 บาทค่ะ",
            _TH_PRICES,
        ),
        (  # no switch: a question about the price
            "Michelin ราคาเท่าไหร่ครับ",
            "Michelin ราคา 1,890 บาทค่ะ",
            _TH_PRICES,
        ),
        (  # a switch refused
            "I don't want to switch to the Deluxe.",
            "No problem. For reference the Deluxe price is $140.",
            (("price_difference", "$30"), ("price", "$18"), ("room_rate", "$110")),
        ),
        (  # Persian: a switch asked about under a condition
            "اگه عوضش کنم به طلایی قیمتش چقدر میشه؟",
            "پکیج طلایی قیمت ۲ میلیون و ۵۰۰ هزار تومان",
            (("price_difference", "۵۰۰ هزار تومان"), ("price", "۲ میلیون تومان")),
        ),
    ],
)
def test_no_switch_or_no_fitting_difference_replaces_no_held_price(
    switch: str, reply: str, held: tuple[tuple[str, str], ...]
) -> None:
    assert switched_price(reply, find_values(reply), switch, held) is None


def test_the_held_price_a_difference_names_is_the_one_replaced() -> None:
    reply = "ได้ค่ะ เปลี่ยนเป็น Michelin ราคา 1,890 บาทนะคะ ยอดรวมใหม่เป็น 4,620 บาทค่ะ"
    found = switched_price(reply, find_values(reply), "งั้นเปลี่ยนเป็น Michelin เลยครับ", _TH_PRICES)
    assert found is not None
    value, keys, _ = found
    assert (value.text, keys) == ("1,890 บาท", ("price",))


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("เปลี่ยนเป็น Michelin ราคา 1,890 บาทนะคะ", True),
        ("Done, price $140.", True),
        ("پکیج طلایی قیمت ۲ میلیون", True),
        ("ยอดรวมใหม่เป็น 4,620 บาทค่ะ", False),
        ("the deposit is $140", False),
    ],
)
def test_a_sum_said_as_the_price(text: str, price: bool) -> None:
    digit = next(at for at, char in enumerate(text) if char.isdigit())
    digit -= text[:digit].endswith("$")
    assert said_as_price(text, digit) is price


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1,890 บาท", 1890),
        ("۲ میلیون و ۵۰۰ هزار تومان", 2_500_000),
        ("۵۰۰ هزار تومان", 500_000),
        ("ขวดละ 180 บาท 2 ขวด", 180),
        ("$12.50", 12.5),
    ],
)
def test_the_sum_a_value_says(text: str, amount: float) -> None:
    assert sum_said(text) == amount
