"""People named by the role they play, in English, Persian and Thai: keyed by the role, a new
person in the role replaces the earlier one (history kept), a customer's passing mention of
the old one brings them not back, and words after a title that are no name name nobody."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.role_holders import role_holders


def _history(*pairs: tuple[str, str]) -> dict[str, list[str]]:
    lines = [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]
    history: dict[str, list[str]] = {}
    for fact in extract_facts(lines, []):
        history.setdefault(fact.key, []).append(fact.value)
    return history


@pytest.mark.parametrize(
    ("first", "second", "old", "new"),
    [
        (
            "Booked for Monday. Your inspector will be Alan Pike, he'll call first.",
            "Alan is off sick, so your inspector will be Rosa Lind instead.",
            "Alan Pike",
            "Rosa Lind",
        ),
        (
            "You'll meet our event planner, Joanna, at the door.",
            "Joanna is away that week, so Kieran, our senior planner, will take over.",
            "Joanna",
            "Kieran",
        ),
        (
            "پرونده‌تون رو دادیم به مهندس فرهادی، از کارشناسای ارشدمون",
            "مهندس فرهادی مرخصی هستن، پرونده به مهندس کاظم‌زاده سپرده شد",
            "مهندس فرهادی",
            "مهندس کاظم‌زاده",
        ),
        (
            "نوبتتون با دکتر نیکپور ثبت شد",
            "دکتر نیکپور امروز نیستن، دکتر میرزایی جاشون ویزیت میکنن",
            "دکتر نیکپور",
            "دکتر میرزایی",
        ),
        (
            "คิววันเสาร์ให้ ช่างบอล ดูให้นะคะ",
            "ช่างบอลลาพักร้อนค่ะ เปลี่ยนเป็น ช่างนัท ดูแลแทนนะคะ",
            "ช่างบอล",
            "ช่างนัท",
        ),
        (
            "นัดกับหมอปู วันจันทร์ 10 โมงค่ะ",
            "หมอปูไม่เข้าวันจันทร์ค่ะ มีหมอเจน คิวว่างบ่ายสองค่ะ",
            "หมอปู",
            "หมอเจน",
        ),
        (
            # a nickname starting with ก or บ after หมอ is a doctor's («หมอก» alone is fog)
            "นัดกับหมอกิ๊ฟ วันจันทร์ 10 โมงค่ะ",
            "หมอกิ๊ฟไม่เข้าวันจันทร์ค่ะ มีหมอบอล คิวว่างบ่ายสองค่ะ",
            "หมอกิ๊ฟ",
            "หมอบอล",
        ),
    ],
)
def test_a_new_person_in_a_role_replaces_the_old_one(
    first: str, second: str, old: str, new: str
) -> None:
    history = _history(("assistant", first), ("user", "ok thanks"), ("assistant", second))
    keyed = [values for values in history.values() if new in values]
    assert keyed, history
    assert keyed[0][-2:] == [old, new]


@pytest.mark.parametrize(
    ("assigned", "changed", "mention", "new"),
    [
        (
            "Your surveyor will be Dan Hill.",
            "Dan is ill, so your surveyor will be Priya Shah.",
            "Hope Dan Hill feels better soon!",
            "Priya Shah",
        ),
        (
            "مهندس توکلی کار رو انجام میدن",
            "مهندس توکلی مرخصی هستن، کار رو مهندس صالحی انجام میدن",
            "سلام به مهندس توکلی برسونید",
            "مهندس صالحی",
        ),
        (
            "ช่างเอก จะดูให้ค่ะ",
            "ช่างเอกลาป่วยค่ะ เปลี่ยนเป็น ช่างโอ๊ต นะคะ",
            "ขอให้ ช่างเอก หายไวๆ นะครับ",
            "ช่างโอ๊ต",
        ),
    ],
)
def test_a_customer_s_passing_mention_of_the_old_one_does_not_bring_them_back(
    assigned: str, changed: str, mention: str, new: str
) -> None:
    history = _history(("assistant", assigned), ("assistant", changed), ("user", mention))
    keyed = [values for values in history.values() if new in values]
    assert keyed and keyed[0][-1] == new, history


@pytest.mark.parametrize(
    "message",
    [
        "دکتر گفت باید استراحت کنه",
        "مهندس فردا میاد؟",
        "ویزیت دکتر تلفنی هم داریم",
        "ช่างแอร์ จะเข้าไปพรุ่งนี้ค่ะ",
        "หมอตรวจ แล้วค่ะ",
        "ขอหมอนเพิ่ม 2 ใบค่ะ",
        "เช้านี้หมอกหนา ขับช้าๆ นะคะ",
        "Your order will be Express Delivery.",
        # a particle or function word after the title, a word opening a sentence
        "ส่งเรื่องให้คุณหมอแล้ว ค่ะ",
        "กำลังเช็กตารางคุณหมอค่ะ",
        "ขอบคุณช่างด้วย",
        "ช่างมัน ไม่เป็นไรครับ",
        "Perfect. Who will be the main driver, so I can add them?",
        "Yes, our licensed outdoor space is the Rose Garden.",
        "Thanks, your inspector is coming at 9.",
    ],
)
def test_words_after_a_title_that_are_no_name_name_nobody(message: str) -> None:
    assert role_holders(message) == []


@pytest.mark.parametrize(
    ("assigned", "changed", "old", "new"),
    [
        (
            "Your technician will be Marek, he'll call when he's on his way.",
            "Marek is off sick today, so Tomasz will do your brakes instead.",
            "Marek",
            "Tomasz",
        ),
        (
            "Booked for Monday. Your inspector will be Alan Pike.",
            "Alan has left the company; Rosa Lind will be taking over your case.",
            "Alan Pike",
            "Rosa Lind",
        ),
        (
            "Your engineer will be Tom Baker.",
            "Tom is on leave next week and will be replaced by Priya Shah.",
            "Tom Baker",
            "Priya Shah",
        ),
        (
            "نوبت شنبه ساعت ۵ با دکتر رضایی ثبت شد.",
            "دکتر رضایی امروز نیستن، به جای ایشون آقای مرادی ویزیت می‌کنن.",
            "دکتر رضایی",
            "آقای مرادی",
        ),
        (
            "کلاس شنبه‌ها با استاد خانم صالحی ثبت شد.",
            "استاد خانم صالحی مرخصی زایمان هستن و خانم نوروزی جاشون تدریس می‌کنن.",
            "استاد خانم صالحی",
            "خانم نوروزی",
        ),
        (
            "นัดวันเสาร์ 9 โมงค่ะ จะให้ ช่างเอก ดูให้นะคะ",
            "ขออภัยค่ะ ช่างเอกลาป่วย จะให้พี่บอยไปแทนนะคะ",
            "ช่างเอก",
            "พี่บอย",
        ),
        (
            "นัดกับหมอต้น วันเสาร์ค่ะ",
            "หมอต้นไม่เข้าค่ะ คุณหมอสมศรีจะตรวจแทนค่ะ",
            "หมอต้น",
            "หมอสมศรี",
        ),
    ],
)
def test_someone_said_to_stand_in_for_the_holder_in_other_words_holds_the_role(
    assigned: str, changed: str, old: str, new: str
) -> None:
    history = _history(("assistant", assigned), ("assistant", changed))
    keyed = [values for values in history.values() if old in values]
    assert keyed and keyed[0][-1] == new, history


def test_a_customer_asking_for_someone_instead_does_not_move_the_role() -> None:
    history = _history(
        ("assistant", "Your engineer will be Tom Baker."),
        ("user", "Tom was lovely last time, but could Sarah come instead?"),
    )
    assert history.get("engineer_name") == ["Tom Baker"], history


@pytest.mark.parametrize(
    ("assigned", "changed", "key", "old"),
    [
        # nobody away: a brand, a day, someone on another task, a card
        (
            "Your engineer will be Marek Nowak.",
            "Marek checked the pump and Bosch will replace it under warranty.",
            "engineer_name",
            "Marek Nowak",
        ),
        (
            "Your technician will be Marek.",
            "Marek can't do Monday, so Thursday will have to do instead.",
            "technician_name",
            "Marek",
        ),
        (
            "Your coordinator will be Megan Price.",
            "Megan says the deposit is paid. Mark will be covering the bar, and Megan stays "
            "your contact.",
            "coordinator_name",
            "Megan Price",
        ),
        (
            "Your engineer will be Marek Nowak.",
            "Marek will bring the part, and Visa will cover the refund instead.",
            "engineer_name",
            "Marek Nowak",
        ),
        # «جایگزین» of the booking, not said by the person
        (
            "دکتر کامرانی پزشک شما هستن.",
            "دکتر کامرانی این هفته مرخصی هستن. خانم نوروزی از پذیرش برای نوبت جایگزین "
            "باهاتون تماس می‌گیرن.",
            "assigned_doctor_name",
            "دکتر کامرانی",
        ),
        # what the customer is asked to arrange, and «รับแทน» (to collect for someone)
        (
            "ช่างเอก จะเข้าไปวันพรุ่งนี้ค่ะ",
            "ช่างเอกลาป่วยค่ะ ขอเลื่อนนัดนะคะ คุณลูกค้าจะให้น้องพลอยไปรับแทนได้ไหมคะ",
            "technician_name",
            "ช่างเอก",
        ),
    ],
)
def test_no_stand_in_where_nobody_is_said_to_be_away_in_the_holder_s_place(
    assigned: str, changed: str, key: str, old: str
) -> None:
    history = _history(("assistant", assigned), ("assistant", changed))
    assert history.get(key) == [old], history


@pytest.mark.parametrize(
    "message",
    [
        # things and firms in a role's place
        "Your router will be Netgear Nighthawk and your installer is Openreach.",
        "Your member is Gold. Your partner, Amazon, ships it.",
        "Your courier will be DPD and your supplier is British Gas. Your provider is Vodafone.",
        # what kind of doctor, engineer or tradesman
        "دکتر داخلی گفت آزمایش بدم. دکتر بیهوشی هم باید ببینم. مهندس ساختمانی هستم.",
        "مهندس عمرانی و مهندس برقی و دکتر ارتوپدی",
        "ช่างไม้ ที่บ้านบอกว่าพื้นผุครับ หมอเด็ก ก็นัดไว้แล้ว",
        "ช่างภาพ ช่างสี ช่างปูน ช่างตัดผม หมอนวด",
    ],
)
def test_things_and_kinds_of_trade_hold_no_role(message: str) -> None:
    assert role_holders(message) == []


def test_the_customer_s_own_people_hold_no_role() -> None:
    history = _history(
        ("user", "Sarah, our office manager, will let you in. Our accountant, Priya, needs it."),
        ("assistant", "Perfect. Your engineer will be Marek Nowak."),
    )
    assert history == {"engineer_name": ["Marek Nowak"]}, history


def test_two_roles_of_one_head_word_do_not_replace_each_other() -> None:
    history = _history(
        (
            "assistant",
            "Your account manager is Daniel Reeve and your project manager is Lucy Grant.",
        ),
        ("user", "ok who do I send the PO to?"),
        ("assistant", "Send it to Daniel, your account manager, please."),
    )
    assert history.get("project_manager_name") == ["Lucy Grant"], history
    assert history.get("account_manager_name") == ["Daniel Reeve"], history


@pytest.mark.parametrize(
    ("pairs", "key", "values"),
    [
        # a doctor the customer has a prescription from, an engineer they ask for
        (
            [
                ("user", "نسخه از دکتر رضایی دارم."),
                ("assistant", "بله، نوبت شما با دکتر کامرانی ثبت شد."),
            ],
            "assigned_doctor_name",
            ["دکتر کامرانی"],
        ),
        (
            [
                ("user", "میشه مهندس صالحی بیان؟ دفعه قبل خیلی راضی بودم."),
                ("assistant", "متاسفانه ایشون وقت ندارن. مهندس کاظمی فردا میان."),
            ],
            "engineer_name",
            ["مهندس کاظمی"],
        ),
        # two doctors in two roles, one message: neither replaced the other
        (
            [
                ("assistant", "جراح شما دکتر رضایی هستن و متخصص بیهوشی دکتر کامرانی."),
                ("user", "ممنون"),
                ("assistant", "دکتر رضایی ساعت ۸ منتظرتون هستن."),
            ],
            "assigned_doctor_name",
            ["دکتر رضایی"],
        ),
    ],
)
def test_a_person_the_business_did_not_assign_has_no_history_in_the_role(
    pairs: list[tuple[str, str]], key: str, values: list[str]
) -> None:
    assert _history(*pairs).get(key) == values
