"""The price per unit of an option the customer switched to replaces the held price per the
same unit, instead of opening ``price_2`` beside it while the old price still reads as current
(``switched_prices``); so does a lower price per the same unit after the customer asked for
one. The rent of the option switched to is its price, held under one key. Options priced side
by side, a price added on, a price under a condition, a price asked about or given for a
first choice, a charge beside the option (insurance, delivery) replace nothing."""

from __future__ import annotations

import pytest

from domain.memory.offline.switched_prices import price_unit
from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("turns", "new", "old"),
    [
        (  # per table, from a package to another (the old one held with no unit)
            (
                ("assistant", "ชุดอิ่มบุญ ราคาโต๊ะละ 1,500 บาทค่ะ"),
                ("user", "ขอเปลี่ยนเป็นชุดมหาบุญค่ะ"),
                ("assistant", "ได้ค่ะ ชุดมหาบุญ โต๊ะละ 2,000 บาทนะคะ"),
            ),
            "โต๊ะละ 2,000 บาท",
            "1,500 บาท",
        ),
        (  # per piece, another fabric
            (
                ("assistant", "ผ้าไมโคร ราคาตัวละ 185 บาทครับ"),
                ("user", "ขอเปลี่ยนเป็นผ้ารังผึ้งค่ะ"),
                ("assistant", "ได้ครับ ผ้ารังผึ้งตัวละ 210 บาทครับ"),
            ),
            "ตัวละ 210 บาท",
            "ตัวละ 185 บาท",
        ),
        (  # per day, another bike
            (
                ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
                ("user", "ขอเปลี่ยนเป็น ADV 160 ได้ไหมคะ"),
                ("assistant", "ได้ค่ะ ADV 160 คิด 450 บาท/วัน นะคะ"),
            ),
            "450 บาท/วัน",
            "250 บาท/วัน",
        ),
        (  # a lower price per piece, asked for
            (
                ("assistant", "ผ้ารังผึ้ง ราคาตัวละ 199 บาทครับ"),
                ("user", "ลดได้อีกมั้ยคะ ช่วยโรงเรียนหน่อยน้า"),
                ("assistant", "เจ้าของให้ตัวละ 190 บาทครับ ราคาพิเศษสำหรับโรงเรียน"),
            ),
            "ตัวละ 190 บาท",
            "ตัวละ 199 บาท",
        ),
        (  # English: per shirt, another cotton
            (
                ("assistant", "The price is $12 per shirt."),
                ("user", "Let's switch to the heavier cotton instead."),
                ("assistant", "Sure, the heavy cotton is $15 per shirt."),
            ),
            "$15",
            "$12",
        ),
        (  # Persian: per person, another tour
            (
                ("assistant", "تور اقتصادی قیمت هر نفر ۲ میلیون تومانه"),
                ("user", "میشه عوضش کنیم به تور VIP؟"),
                ("assistant", "بله، تور VIP هر نفر ۳ میلیون تومانه"),
            ),
            "هر نفر ۳ میلیون تومان",
            "۲ میلیون تومان",
        ),
        (  # English: a switch said politely, "I would like to …"
            (
                ("assistant", "The price is $12 per shirt."),
                ("user", "I would like to switch to the heavier cotton, please."),
                ("assistant", "Of course, the heavy cotton is $15 per shirt."),
            ),
            "$15",
            "$12",
        ),
        (  # «X แทน»: another fabric in place of the one held
            (
                ("assistant", "ผ้าไมโคร ราคาตัวละ 185 บาทครับ"),
                ("user", "เอาผ้ารังผึ้งแทนค่ะ"),
                ("assistant", "ได้ครับ ผ้ารังผึ้งตัวละ 210 บาทครับ"),
            ),
            "ตัวละ 210 บาท",
            "ตัวละ 185 บาท",
        ),
        (  # «เปลี่ยนไปใช้»: moved over to another fabric
            (
                ("assistant", "ผ้าไมโคร ราคาตัวละ 185 บาทครับ"),
                ("user", "งั้นเปลี่ยนไปใช้ผ้ารังผึ้งค่ะ"),
                ("assistant", "ได้ครับ ผ้ารังผึ้งตัวละ 210 บาทครับ"),
            ),
            "ตัวละ 210 บาท",
            "ตัวละ 185 บาท",
        ),
        (  # «ค่าเช่า» of the bike switched to, with the new total after it
            (
                ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
                ("user", "ขอเปลี่ยนเป็น Honda ADV 160 ได้ไหมคะ"),
                (
                    "assistant",
                    "ได้ค่ะ เปลี่ยนให้นะคะ ค่าเช่าเป็น 450 บาท/วัน ยอดรวมใหม่ 4 วัน 1,800"
                    " + ประกัน 240 + ค่าส่ง 80 = 2,120 บาท ค่ะ",
                ),
            ),
            "450 บาท/วัน",
            "250 บาท/วัน",
        ),
        (  # «ค่าเช่ารถ…วันละ» said before the sum
            (
                ("assistant", "Scoopy ราคา 200 บาท/วัน ค่ะ"),
                ("user", "เอา Filano แทนค่ะ"),
                ("assistant", "ได้ค่ะ Filano ค่าเช่ารถ 300 บาท/วัน นะคะ"),
            ),
            "300 บาท/วัน",
            "200 บาท/วัน",
        ),
        (  # English: "the rental rate is …" of the van switched to
            (
                ("assistant", "The price is £35 per day."),
                ("user", "Let's switch to the van instead."),
                ("assistant", "Done. The rental rate is £60 per day for the van."),
            ),
            "£60 per day",
            "£35 per day",
        ),
        (  # Persian: «اجاره» of the car switched to, held by its name as a charge before
            (
                ("assistant", "پراید قیمت هر روز ۵۰۰ هزار تومانه"),
                ("user", "میشه عوضش کنیم به پژو؟"),
                ("assistant", "بله، پژو اجاره هر روز ۸۰۰ هزار تومانه"),
            ),
            "هر روز ۸۰۰ هزار تومان",
            "۵۰۰ هزار تومان",
        ),
        (  # «ค่าเช่า» named by the thing booked and the model switched to
            (
                ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
                ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
                ("assistant", "ได้ค่ะ ค่าเช่ารถ ADV วันละ 450 บาท นะคะ"),
            ),
            "วันละ 450 บาท",
            "250 บาท/วัน",
        ),
        (  # «ค่าเช่า» named by the car switched to, in Thai words
            (
                ("assistant", "มอเตอร์ไซค์ ราคา 250 บาท/วัน ค่ะ"),
                ("user", "ขอเปลี่ยนเป็นรถเก๋งค่ะ"),
                ("assistant", "ได้ค่ะ ค่าเช่ารถเก๋ง วันละ 900 บาทค่ะ"),
            ),
            "วันละ 900 บาท",
            "250 บาท/วัน",
        ),
        (  # English: the rental named by the van switched to
            (
                ("assistant", "The price is £35 per day."),
                ("user", "Let's switch to the van instead."),
                ("assistant", "Done. The van rental is £60 per day."),
            ),
            "£60 per day",
            "£35 per day",
        ),
        (  # Persian: «اجاره» of the car switched to, named after it
            (
                ("assistant", "پراید قیمت هر روز ۵۰۰ هزار تومانه"),
                ("user", "میشه عوضش کنیم به پژو؟"),
                ("assistant", "بله، اجاره پژو هر روز ۸۰۰ هزار تومانه"),
            ),
            "هر روز ۸۰۰ هزار تومان",
            "۵۰۰ هزار تومان",
        ),
    ],
)
def test_the_price_per_unit_of_the_option_switched_to_replaces_the_held_one(
    turns: tuple[tuple[str, str], ...], new: str, old: str
) -> None:
    facts = conversation(*turns)
    assert current(facts)["price"] == new
    assert history(facts, "price") == [old]
    # one rate, one key: not beside it as a second price, a rent or a charge
    assert not {"price_2", "rental_rate", "charge"} & set(current(facts))


@pytest.mark.parametrize(
    "turns",
    [
        (  # options priced side by side: both offered, neither taken
            ("assistant", "The price is $12 per shirt."),
            ("user", "Can we switch to the heavier cotton? what are the options?"),
            ("assistant", "Heavy cotton is $15 per shirt and organic is $18 per shirt."),
        ),
        (  # a price added on
            ("assistant", "The price is $12 per shirt."),
            ("user", "Let's switch to the collared style."),
            ("assistant", "Sure, that's an extra $3 per shirt for the collar."),
        ),
        (  # a price added on, in Thai
            ("assistant", "ผ้าไมโคร ราคาตัวละ 185 บาทครับ"),
            ("user", "ขอเปลี่ยนเป็นคอปกครับ"),
            ("assistant", "ได้ครับ ต้องบวกเพิ่มตัวละ 25 บาทนะครับ"),
        ),
        (  # a price under a condition
            ("assistant", "ผ้าไมโคร ราคาตัวละ 185 บาทครับ"),
            ("user", "ขอเปลี่ยนเป็นผ้ารังผึ้งค่ะ"),
            ("assistant", "ได้ครับ ถ้าเกิน 250 ตัว ผ้ารังผึ้งตัวละ 199 บาทครับ"),
        ),
        (  # a question about a price
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ADV ราคาเท่าไหร่คะ"),
            ("assistant", "ADV 160 วันละ 450 บาทค่ะ"),
        ),
        (  # a switch asked about under a condition
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ถ้าเปลี่ยนเป็น ADV จะเท่าไหร่คะ"),
            ("assistant", "ADV 160 วันละ 450 บาทค่ะ"),
        ),
        (  # another thing changed, the delivery address: a charge of its own after it
            ("assistant", "เสื้อโปโล ราคาตัวละ 250 บาทค่ะ"),
            ("user", "ขอเปลี่ยนที่อยู่จัดส่งค่ะ"),
            ("assistant", "ได้ค่ะ ปักชื่อตัวละ 30 บาทนะคะ"),
        ),
        (  # «รับแทน»: someone receives in the customer's place, no option in place of another
            ("assistant", "เสื้อโปโล ราคาตัวละ 250 บาทค่ะ"),
            ("user", "ให้แม่รับแทนค่ะ"),
            ("assistant", "ได้ค่ะ ปักชื่อตัวละ 30 บาทนะคะ"),
        ),
        (  # «ลดจำนวน»: fewer pieces, not a lower price
            ("assistant", "เสื้อโปโล ราคาตัวละ 250 บาทค่ะ"),
            ("user", "ขอลดจำนวนเหลือ 50 ตัวค่ะ"),
            ("assistant", "ได้ค่ะ ปักโลโก้ตัวละ 40 บาทนะคะ"),
        ),
        (  # a switch asked about, "would it …?"
            ("assistant", "The price is $12 per shirt."),
            ("user", "Would it be possible to switch to the heavier cotton later?"),
            ("assistant", "Heavy cotton is $15 per shirt."),
        ),
        (  # a switch refused
            ("assistant", "The price is $12 per shirt."),
            ("user", "I don't want to switch to the heavier cotton."),
            ("assistant", "No problem. For reference, heavy cotton is $15 per shirt."),
        ),
        (  # a first choice of something else priced per day: the insurance, not the bike
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "มีประกันไหมคะ"),
            ("assistant", "มีค่ะ แบบพื้นฐาน 60 บาท/วัน"),
            ("user", "เอาแบบพื้นฐานค่ะ"),
            ("assistant", "ได้ค่ะ แบบพื้นฐาน 60 บาท/วัน นะคะ"),
        ),
    ],
)
def test_no_price_of_an_option_taken_replaces_nothing(turns: tuple[tuple[str, str], ...]) -> None:
    facts = conversation(*turns)
    first = current(conversation(turns[0]))["price"]
    assert current(facts)["price"] == first
    assert history(facts, "price") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("ชุดมหาบุญ โต๊ะละ 2,000 บาทนะคะ", "โต๊ะ"),
        ("ค่าเช่าเป็น 450 บาท/วัน", "วัน"),
        ("the Deluxe is £140 per night", "night"),
        ("heavy cotton is $15 per shirt", "shirt"),
        ("تور VIP هر نفر ۳ میلیون تومانه", "نفر"),
        ("ราคา 1,890 บาท", None),
        ("it's $15 a pop", None),
    ],
)
def test_what_a_price_is_said_per(text: str, unit: str | None) -> None:
    digit = next(at for at, char in enumerate(text) if char.isdigit())
    end = digit
    while end < len(text) and (text[end].isdigit() or text[end] == ","):
        end += 1
    money = next((m for m in (" บาท", " میلیون تومان") if text.startswith(m, end)), "")
    assert price_unit(text, digit, end + len(money)) == unit


# -- the rent of the option switched to is its price: one rate, one key ----------------------


def test_a_quote_taken_up_and_left_again_leaves_no_old_rate_current() -> None:
    """«ADV วันละ 450» asked about, then taken («ค่าเช่าเป็น 450 บาท/วัน»), then left for the
    Click at 230 a day: 250 and 450 both the history, no key still holds 450."""
    facts = conversation(
        ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
        ("user", "ADV ราคาเท่าไหร่คะ"),
        ("assistant", "ADV 160 วันละ 450 บาทค่ะ"),
        ("user", "ขอเปลี่ยนเป็น Honda ADV 160 ได้ไหมคะ"),
        ("assistant", "ได้ค่ะ เปลี่ยนให้นะคะ ค่าเช่าเป็น 450 บาท/วัน"),
        ("user", "งั้นกลับไปเอา Honda Click 125i เหมือนเดิมดีกว่าค่ะ"),
        ("assistant", "ได้ค่ะ Click 5 วันคิด 230 บาท/วัน นะคะ"),
    )
    held = current(facts)
    assert held["price"] == "230 บาท/วัน"
    assert history(facts, "price") == ["250 บาท/วัน", "450 บาท/วัน"]
    assert not [key for key, value in held.items() if "450" in value]


@pytest.mark.parametrize(
    "turns",
    [
        (  # the insurance per day after a switch of bike: a charge of its own
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
            ("assistant", "ได้ค่ะ ADV ค่าประกันวันละ 120 บาท นะคะ"),
        ),
        (  # the delivery per trip after a switch: a charge of its own
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
            ("assistant", "ได้ค่ะ ค่าส่งวันละ 80 บาท นะคะ"),
        ),
        (  # the rent of another bike quoted beside the one taken: options side by side
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
            ("assistant", "ได้ค่ะ ค่าเช่า ADV 450 บาท/วัน ส่วน Scoopy ค่าเช่า 200 บาท/วัน ค่ะ"),
        ),
        (  # English: a deposit per day after a switch, no rent
            ("assistant", "The price is £35 per day."),
            ("user", "Let's switch to the van instead."),
            ("assistant", "Done. There is a damage fee of £10 per day for the van."),
        ),
        (  # the rent of another thing, a helmet: a charge of its own
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
            ("assistant", "ได้ค่ะ เปลี่ยนให้แล้วค่ะ ค่าเช่าหมวกกันน็อค วันละ 20 บาท นะคะ"),
        ),
        (  # the rent of a child seat
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ขอเปลี่ยนเป็นรถเก๋งค่ะ"),
            ("assistant", "ได้ค่ะ ค่าเช่าเบาะเด็กวันละ 50 บาทค่ะ"),
        ),
        (  # the deposit of the rent: the deposit heads the charge
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
            ("assistant", "ได้ค่ะ ค่ามัดจำค่าเช่า วันละ 100 บาท นะคะ"),
        ),
        (  # rent added on («ค่าเช่าเพิ่ม»): the difference, not the rent
            ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
            ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
            ("assistant", "ได้ค่ะ ค่าเช่าเพิ่มวันละ 200 บาทค่ะ"),
        ),
        (  # Persian: the insurance of the rent
            ("assistant", "پراید قیمت هر روز ۵۰۰ هزار تومانه"),
            ("user", "میشه عوضش کنیم به پژو؟"),
            ("assistant", "بله، بیمه اجاره هر روز ۱۵۰ هزار تومانه"),
        ),
        (  # Persian: a fine for returning the rental late
            ("assistant", "پراید قیمت هر روز ۵۰۰ هزار تومانه"),
            ("user", "میشه عوضش کنیم به پژو؟"),
            ("assistant", "بله، جریمه دیرکرد اجاره هر روز ۱۰۰ هزار تومانه"),
        ),
        (  # Persian: the rent of a child seat, named before «اجاره‌اش»
            ("assistant", "پراید قیمت هر روز ۵۰۰ هزار تومانه"),
            ("user", "میشه عوضش کنیم به پژو؟"),
            ("assistant", "بله. صندلی کودک هم اجاره‌اش هر روز ۵۰ هزار تومانه"),
        ),
        (  # Persian: the rent of a child seat, named after «اجاره»
            ("assistant", "پراید قیمت هر روز ۵۰۰ هزار تومانه"),
            ("user", "میشه عوضش کنیم به پژو؟"),
            ("assistant", "بله، اجاره صندلی کودک هر روز ۵۰ هزار تومانه"),
        ),
        (  # English: the rental of a roof rack
            ("assistant", "The price is £35 per day."),
            ("user", "Let's switch to the van instead."),
            ("assistant", "Done. Roof rack rental is £5 per day."),
        ),
        (  # English: a roof rack asked for beside the switch is no option switched to
            ("assistant", "The price is £35 per day."),
            ("user", "Let's switch to the van and add a roof rack."),
            ("assistant", "Done. Roof rack rental is £5 per day."),
        ),
        (  # English: the insurance of the rental, named after the rent word
            ("assistant", "The price is £35 per day."),
            ("user", "Let's switch to the van instead."),
            ("assistant", "Done. The rental insurance is £12 per day."),
        ),
        (  # English: the insurance of the rental, named before it
            ("assistant", "The price is £35 per day."),
            ("user", "Let's switch to the van instead."),
            ("assistant", "Done. Insurance on the rental is £12 per day."),
        ),
    ],
)
def test_a_charge_beside_the_option_switched_to_replaces_no_price(
    turns: tuple[tuple[str, str], ...],
) -> None:
    facts = conversation(*turns)
    first = current(conversation(turns[0]))["price"]
    assert current(facts)["price"] == first
    assert history(facts, "price") == []


def test_the_rent_of_an_add_on_beside_the_new_price_is_no_second_price() -> None:
    """«ADV 450 บาท/วัน» with the helmet's rent added on: the ADV's price replaces the held
    one; the helmet's rent is a charge of its own, not a second price beside it."""
    facts = conversation(
        ("assistant", "Click ราคา 250 บาท/วัน ค่ะ"),
        ("user", "ขอเปลี่ยนเป็น ADV 160 ค่ะ"),
        ("assistant", "ได้ค่ะ ADV 450 บาท/วัน ค่ะ ค่าเช่าหมวกกันน็อคเพิ่ม วันละ 20 บาท นะคะ"),
    )
    held = current(facts)
    assert held["price"] == "450 บาท/วัน"
    assert history(facts, "price") == ["250 บาท/วัน"]
    assert held["rental_rate"] == "วันละ 20 บาท"
    assert history(facts, "rental_rate") == []
