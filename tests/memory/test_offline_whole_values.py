"""A value is stored whole, not a piece of it, in English, Persian and Thai: a model keeps
its brand and its name ("Honda Click 125i", not "Click 125i"), a model named by a bare
number keeps its name («คันนี้เป็น Click 160 ครับ»), and a Thai number written onto its
closing particle is read whole («ยอด 1,250ค่ะ» is 1,250, not 1).
"""

from __future__ import annotations

import pytest

from domain.memory.offline.brand_models import same_line
from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history

# -- a model keeps every word of its name -------------------------------------------------


@pytest.mark.parametrize(
    ("message", "model"),
    [
        ("I'm renting a Honda Click 125i for the week", "Honda Click 125i"),
        ("موتورم Honda Click 125i هست", "Honda Click 125i"),
        ("งั้นเอา Honda Click 125i ก่อนละกันค่ะ", "Honda Click 125i"),
    ],
)
def test_a_model_code_keeps_the_whole_name_before_it(message: str, model: str) -> None:
    assert facts_of(("user", message)).get("product_model") == model


@pytest.mark.parametrize(
    ("message", "model"),
    [
        ("อ้าว จริงด้วยครับ คันนี้เป็น Click 160 ครับ จำสลับกับคันเก่า", "Click 160"),
        ("ลูกค้าขอเปลี่ยนเป็น Michelin City Grip 2 ครับ", "Michelin City Grip 2"),
        ("گوشیم Galaxy 24 هست", "Galaxy 24"),
    ],
)
def test_a_bare_number_after_a_latin_name_in_thai_or_persian_is_a_model(
    message: str, model: str
) -> None:
    assert facts_of(("user", message)).get("product_model") == model


def test_a_model_number_followed_by_its_code_is_kept_up_to_the_code() -> None:
    facts = facts_of(("user", "ایسوس VivoBook 15 X1504VA هست."))
    assert facts.get("product_model") == "VivoBook 15 X1504VA"


@pytest.mark.parametrize(
    "message",
    [
        "Can I get seat 14 at Gate 5?",
        "ปัญหาคือ Windows 11 อัปเดตไม่ได้ค่ะ",
        "سطحش Upper-Intermediate 1 تشخیص داده شده",
        "ค่าเช่า 5 วัน 1,150 + Full Cover 600 + ค่าส่ง 80 = 1,830 บาทค่ะ",
    ],
)
def test_a_number_after_a_name_not_said_as_the_customers_is_no_model(message: str) -> None:
    assert not any(key.startswith("product_model") for key in facts_of(("user", message)))


# -- a Thai number written onto its particle is read whole ---------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [("ยอด 1,250ค่ะ", "1,250"), ("รหัสไปรษณีย์ 10110ครับ", "10110")],
)
def test_a_thai_particle_right_after_a_number_ends_it(text: str, number: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.NUMBER, number)]


def test_a_sum_written_onto_its_particle_is_the_whole_sum() -> None:
    facts = facts_of(("assistant", "ยอดที่ต้องชำระเพิ่ม 1,250ค่ะ"))
    assert facts.get("order_total") == "1,250"


def test_a_number_written_onto_a_latin_letter_is_still_no_number() -> None:
    assert find_values("the code is abc 12x") == []


# -- a whole model the customer names again replaces their model of its line ---------------


@pytest.mark.parametrize(
    ("first", "then", "old", "new"),
    [
        (
            "I'd like to rent the Yamaha NMAX155 please",
            "Actually can I switch to the Yamaha XMAX300 instead?",
            "Yamaha NMAX155",
            "Yamaha XMAX300",
        ),
        (
            "ทะเบียน 1กข 4821 กทม. รถ Honda Click 125i ปี 2020",
            "อ้าว จริงด้วยครับ คันนี้เป็น Click 160 ครับ จำสลับกับคันเก่า",
            "Honda Click 125i",
            "Click 160",
        ),
        (
            "موتورم Honda Click 125i هست",
            "ببخشید، موتورم Honda ADV 160 هست",
            "Honda Click 125i",
            "Honda ADV 160",
        ),
    ],
)
def test_a_model_of_the_same_line_replaces_the_customers_earlier_one(
    first: str, then: str, old: str, new: str
) -> None:
    facts = conversation(("user", first), ("assistant", "ได้ค่ะ / OK"), ("user", then))
    models = {k: v for k, v in current(facts).items() if k.startswith("product_model")}
    assert models == {"product_model": new}
    assert history(facts, "product_model") == [old]


def test_a_way_back_to_the_first_model_makes_it_the_choice_again() -> None:
    facts = conversation(
        ("user", "งั้นเอา Honda Click 125i ก่อนละกันค่ะ"),
        ("assistant", "ได้ค่ะ"),
        ("user", "ขอเปลี่ยนเป็น Honda ADV 160 ได้ไหมคะ"),
        ("assistant", "ADV ไม่ลดค่ะ"),
        ("user", "งั้นกลับไปเอา Honda Click 125i เหมือนเดิมดีกว่าค่ะ เพื่อนก็บอกว่าไม่ต้อง"),
    )
    models = {k: v for k, v in current(facts).items() if k.startswith("product_model")}
    assert models == {"product_model": "Honda Click 125i"}


@pytest.mark.parametrize(
    ("first", "then", "old", "new"),
    [
        (
            "ผมเช่า Honda Click 125i ครับ",
            "ขอเปลี่ยนเป็น Honda ADV 160 ครับ",
            "Honda Click 125i",
            "Honda ADV 160",
        ),
        (
            "I'm renting a Honda Click 125i",
            "Can I switch to a Honda PCX160 instead?",
            "Honda Click 125i",
            "Honda PCX160",
        ),
    ],
)
def test_a_model_of_the_same_brand_chosen_instead_replaces_the_first(
    first: str, then: str, old: str, new: str
) -> None:
    facts = conversation(("user", first), ("assistant", "OK"), ("user", then))
    models = {k: v for k, v in current(facts).items() if k.startswith("product_model")}
    assert models == {"product_model": new}
    assert history(facts, "product_model") == [old]


@pytest.mark.parametrize(
    ("first", "then", "old", "new"),
    [
        (
            "my scooter is a Honda Click 125i",
            "and my wife rides a Honda PCX160",
            "Honda Click 125i",
            "Honda PCX160",
        ),
        (
            "ผมขับ Honda Click 125i ครับ",
            "ส่วนแฟนผมใช้ Honda Scoopy 110 ครับ",
            "Honda Click 125i",
            "Honda Scoopy 110",
        ),
        (
            "موتورم Honda Click 125i هست",
            "موتور خواهرم Honda ADV 160 هست",
            "Honda Click 125i",
            "Honda ADV 160",
        ),
    ],
)
def test_someone_elses_model_of_one_brand_is_kept_beside_the_customers(
    first: str, then: str, old: str, new: str
) -> None:
    facts = conversation(("user", first), ("assistant", "OK"), ("user", then))
    models = {v for k, v in current(facts).items() if k.startswith("product_model")}
    assert models == {old, new}
    assert history(facts, "product_model") == []


def test_a_code_prefix_is_no_line_of_a_model() -> None:
    assert not same_line("Canon EF-50", "Sigma EF-85")


@pytest.mark.parametrize(
    "message",
    [
        "เอา Option 2 ค่ะ",
        "เอา Set 2 ค่ะ",
        "ไม่เอา Set 2 แล้วค่ะ",
        "ขอที่นั่งเป็น Zone 3 ครับ",
        "ตอนนี้เป็น Day 2 ของทริปค่ะ",
        "ไม่เอา Honda Click 125i แล้วค่ะ",
        "پروازم از Terminal 2 هست",
        "نمره‌ام IELTS 7 هست",
        "انتخابم Option 2 هست",
    ],
)
def test_a_label_and_its_number_or_a_choice_turned_down_is_no_model(message: str) -> None:
    assert not any(key.startswith("product_model") for key in facts_of(("user", message)))


def test_a_brand_written_with_a_small_first_letter_names_a_model() -> None:
    assert facts_of(("user", "گوشیم iPhone 13 هست")).get("product_model") == "iPhone 13"


def test_a_model_of_another_brand_is_kept_beside_the_first() -> None:
    facts = conversation(
        ("user", "my scooter is a Honda Click 125i"),
        ("assistant", "OK"),
        ("user", "and my wife rides a Yamaha NMAX155"),
    )
    models = {v for k, v in current(facts).items() if k.startswith("product_model")}
    assert models == {"Honda Click 125i", "Yamaha NMAX155"}


@pytest.mark.parametrize(
    ("first", "then", "old", "new"),
    [
        (
            ("assistant", "On the inverter, we'd normally pair that with a SolarEdge SE5000H."),
            (
                "assistant",
                "So the updated spec is the battery and a Fox ESS H1-5.0-E hybrid inverter"
                " instead of the SolarEdge.",
            ),
            "SolarEdge SE5000H",
            "Fox ESS H1-5",
        ),
        (
            ("user", "my dishwasher is a Bosch SMS46NI01"),
            ("user", "can you fit a Siemens SN23HI60 instead of the Bosch?"),
            "Bosch SMS46NI01",
            "Siemens SN23HI60",
        ),
    ],
)
def test_a_model_said_instead_of_the_one_held_by_its_name_replaces_it(
    first: tuple[str, str], then: tuple[str, str], old: str, new: str
) -> None:
    facts = conversation(first, ("user", "ok"), then)
    models = {k: v for k, v in current(facts).items() if k.startswith("product_model")}
    assert models == {"product_model": new}
    assert history(facts, "product_model") == [old]


@pytest.mark.parametrize(
    "then",
    [
        # instead of something else, not the model held
        "The battery comes with a Fox ESS H1-5.0-E hybrid inverter instead of a separate charger.",
        # the held model's name said before the new one: no "X instead of" it
        "Instead of the SolarEdge you could pick anything, say a Fox ESS H1-5.0-E.",
        "Your neighbour went for a Fox ESS H1-5.0-E.",
    ],
)
def test_a_model_not_said_instead_of_the_one_held_is_kept_beside_it(then: str) -> None:
    facts = conversation(
        ("assistant", "We'd pair the panels with a SolarEdge SE5000H."),
        ("user", "ok"),
        ("assistant", then),
    )
    models = {v for k, v in current(facts).items() if k.startswith("product_model")}
    assert models == {"SolarEdge SE5000H", "Fox ESS H1-5"}
    assert history(facts, "product_model") == []
