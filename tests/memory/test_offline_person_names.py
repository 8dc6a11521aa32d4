"""Other people named in running text, in English, Persian and Thai: keyed by who they are
(father, spouse, child …) or ``person_name``, never taken for the customer's own name."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("message", "key", "name"),
    [
        ("yes, his name is Marcus Bell, he was really apologetic", "person_name", "Marcus Bell"),
        ("Give the sessions to my sister, Carla Moreno.", "sibling_name", "Carla Moreno"),
        ("my dad's name is Ray Okafor", "father_name", "Ray Okafor"),
        ("and my fiancé is Tom Reyes", "partner_name", "Tom Reyes"),
        ("my husband is Dan Whitlock, he'll be driving", "spouse_name", "Dan Whitlock"),
        ("اسم برادرم کاوه هست، خونه‌ست", "sibling_name", "کاوه"),
        ("نام پدرم محمود رحیمی است", "father_name", "محمود رحیمی"),
        ("اسمش سعید کریمی", "person_name", "سعید کریمی"),
        ("คุณพ่อชื่อณัฐพล ตั้งจิตเจริญ เบอร์ 081-774-6620 ค่ะ", "father_name", "ณัฐพล ตั้งจิตเจริญ"),
        ("เด็กชายภูมิ ตั้งจิตเจริญ ค่ะ", "child_name", "เด็กชายภูมิ ตั้งจิตเจริญ"),
        ("ด.ญ.ปราง ทองดี ค่ะ", "child_name", "ด.ญ.ปราง ทองดี"),
        ("แฟนผมชื่อนุ่นครับ", "partner_name", "นุ่น"),
    ],
)
def test_a_person_named_in_running_text_is_a_fact_of_its_own(
    message: str, key: str, name: str
) -> None:
    facts = facts_of(("user", message), known=[("customer_name", "Leila")])
    assert facts[key] == name
    assert "customer_name" not in facts


@pytest.mark.parametrize(
    ("customer", "message", "key", "name"),
    [
        ("Daniel Okafor", "my father is called Ray Okafor", "father_name", "Ray Okafor"),
        ("لیلا رحیمی", "نام پدرم محمود رحیمی است", "father_name", "محمود رحیمی"),
        (
            "วรรณวิสา ตั้งจิตเจริญ",
            "คุณพ่อชื่อณัฐพล ตั้งจิตเจริญ ค่ะ",
            "father_name",
            "ณัฐพล ตั้งจิตเจริญ",
        ),
    ],
)
def test_a_relative_sharing_the_family_name_is_not_the_customer(
    customer: str, message: str, key: str, name: str
) -> None:
    assert facts_of(("user", message), known=[("customer_name", customer)]) == {key: name}


@pytest.mark.parametrize(
    "message",
    [
        "My wife is British, so she needs a visa too.",
        "My husband is Diabetic so no sugar please.",
        "My son is Autistic and loud rooms are hard for him.",
        "My brother is Vegan.",
        "همسرم انگلیسیه، ویزا لازم داره",
        "ภรรยาผมเป็นคนอังกฤษ ต้องขอวีซ่าด้วยครับ",
    ],
)
def test_what_a_relative_is_names_nobody(message: str) -> None:
    facts = facts_of(("user", message))
    assert not set(facts) & {"spouse_name", "child_name", "sibling_name"}


@pytest.mark.parametrize(
    ("message", "key", "name"),
    [
        ("My wife is Dr. Ana Ruiz, she'll sign for it.", "spouse_name", "Ana Ruiz"),
        ("my sister, Dr. Carla Moreno, will collect it", "sibling_name", "Carla Moreno"),
        ("My husband is Mr. Dan Whitlock.", "spouse_name", "Dan Whitlock"),
    ],
)
def test_a_title_before_a_relative_s_name_is_not_the_name(
    message: str, key: str, name: str
) -> None:
    facts = facts_of(("user", message), known=[("customer_name", "Leila")])
    assert facts[key] == name
    assert "person_name" not in facts


@pytest.mark.parametrize(
    "message",
    [
        "แล้วคุณแม่ชื่ออะไรครับ",
        "And what's her name?",
        "اسم پدرتون چیه؟",
    ],
)
def test_asking_for_a_name_names_nobody(message: str) -> None:
    assert facts_of(("assistant", message)) == {}


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("มีค่ะ พี่สาวน้องภูมิ เด็กหญิงพิมพ์ดาว เรียน ป.5 อยู่แล้วค่ะ", "เด็กหญิงพิมพ์ดาว"),
        ("ชื่อพิมพ์ชนก ศรีสุข ใบขับขี่ 61003482", "พิมพ์ชนก ศรีสุข"),
    ],
)
def test_a_thai_name_stops_before_the_words_after_it(message: str, name: str) -> None:
    facts = facts_of(("user", message), known=[("customer_name", "ธนากร วงศ์สวัสดิ์")])
    assert name in facts.values()


@pytest.mark.parametrize(
    ("first", "second", "key", "names"),
    [
        (
            "my son is called Adam Reyes",
            "my daughter is called Mia Reyes",
            "child_name",
            ("Adam Reyes", "Mia Reyes"),
        ),
        ("اسم پسرم آرش", "اسم دخترم سارا", "child_name", ("آرش", "سارا")),
        ("ลูกชายชื่อภูมิครับ", "ลูกสาวชื่อพิมพ์ดาวครับ", "child_name", ("ภูมิ", "พิมพ์ดาว")),
    ],
)
def test_two_people_of_one_relation_are_two_facts_not_a_correction(
    first: str, second: str, key: str, names: tuple[str, str]
) -> None:
    facts = facts_of(("user", first), ("user", second))
    assert (facts[key], facts[f"{key}_2"]) == names


@pytest.mark.parametrize(
    "message",
    [
        "یه کد تأیید به موبایل آقای فرهادی میره.",
        "کد تأیید رو از آقای فرهادی بگیرید لطفاً.",
        "برای آقای فرهادی فرستادم.",
        "تأییدیه به ایمیل آقای فرهادی ارسال میشه.",
        "خانم صالحی خوبه؟",
        "آقای توکلی یک سؤال دارم.",
        "راننده با تابلوی اسم آقای فرهادی تو سالن منتظرتون می‌مونه.",
    ],
)
def test_a_title_and_family_name_before_a_verb_or_a_common_word_names_nobody(
    message: str,
) -> None:
    """«آقای فرهادی میره»: the name ends before the verb, and a family name alone says too
    little to be kept."""
    facts = facts_of(("user", message), known=[("customer_name", "سپیده اکبری")])
    assert not {key for key in facts if key.startswith("person_name")}


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("آقای علی میرزاده پیگیری میکنن", "علی میرزاده"),
        ("آقای علی میری", "علی میری"),
        ("آقای حسین کریمی اومدن", "حسین کریمی"),
        ("خانم مریم بیگی", "مریم بیگی"),
    ],
)
def test_a_family_name_shaped_like_a_verb_stays_a_name(message: str, name: str) -> None:
    facts = facts_of(("user", message), known=[("customer_name", "سپیده اکبری")])
    assert facts["person_name"] == name


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("سفارش رو آقای حسین میر ثبت کرده بود", "حسین میر"),
        ("لطفا با آقای امید کرد هماهنگ کنید", "امید کرد"),
        ("خانم نرگس عالی مدیر فروشگاهه", "نرگس عالی"),
        ("آقای سعید خوبی دیروز اومد ولی درست نشد", "سعید خوبی"),
    ],
)
def test_a_given_and_family_name_shaped_like_a_verb_or_a_filler_stays_a_name(
    message: str, name: str
) -> None:
    """The verb or filler veto is for a family name in «ی» followed by a verb («آقای فرهادی
    میره»); after a given name («حسین», «نرگس») the second word is the family name."""
    facts = facts_of(("user", message), known=[("customer_name", "سپیده اکبری")])
    assert facts["person_name"] == name
