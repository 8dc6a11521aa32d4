"""An instruction said again with a change replaces the earlier one (kept in its history);
another instruction of the same kind is kept beside it."""

from __future__ import annotations

import pytest

from domain.memory.offline.instructions import same_instruction
from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_english_a_changed_instruction_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("user", "Please leave it with the doorman."),
        ("assistant", "Noted."),
        ("user", "Thanks."),
        ("assistant", "Anything else?"),
        ("user", "No."),
        ("user", "Oh, please leave it with the neighbour at number 4."),
    )
    values = current(facts)
    assert values.get("delivery_instruction") == "leave it with the neighbour at number 4"
    assert "leave it with the doorman" not in values.values()
    assert history(facts, "delivery_instruction") == ["leave it with the doorman"]


def test_persian_a_changed_instruction_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("user", "بچه کوچیک داریم. زنگ واحد رو نزنن پیامک بدن"),
        ("assistant", "ثبت شد."),
        ("user", "مرسی"),
        ("assistant", "چیز دیگه‌ای هست؟"),
        ("user", "نه"),
        ("user", "زنم میگه پیامک رو نمی‌بینیم. فقط زنگ واحد رو نزنن"),
    )
    values = current(facts)
    assert values.get("delivery_instruction") == "فقط زنگ واحد رو نزنن"
    assert "زنگ واحد رو نزنن پیامک بدن" not in values.values()
    assert history(facts, "delivery_instruction") == ["زنگ واحد رو نزنن پیامک بدن"]


def test_instructions_sharing_a_word_or_two_are_different_ones() -> None:
    assert not same_instruction("call me when they're outside", "use the side gate round the back")
    assert not same_instruction("لطفاً تحویل نگهبان بدید", "لطفاً زنگ نزنید")
    # Thai writes an instruction's words together: no two runs shared, never the same one
    assert not same_instruction("ฝากไว้ที่ป้อมยามได้เลย", "กดกริ่งรอก่อน อย่าเปิดประตูรั้วเอง")


def test_thai_a_second_instruction_is_kept_beside_the_first() -> None:
    facts = conversation(
        ("user", "ฝากไว้ที่ป้อมยามได้เลยค่ะ"),
        ("assistant", "รับทราบค่ะ"),
        ("user", "ขอบคุณค่ะ"),
        ("assistant", "ยินดีค่ะ"),
        ("user", "ค่ะ"),
        ("user", "กดกริ่งรอก่อน อย่าเปิดประตูรั้วเองนะคะ"),
    )
    values = set(current(facts).values())
    assert any("ฝากไว้ที่ป้อมยาม" in value for value in values), values


def test_persian_a_contact_instruction_saying_instead_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("user", "خودم میام. ولی قبلش حتما زنگ بزنید"),
        ("assistant", "یادداشت کردم."),
        ("user", "مرسی"),
        ("assistant", "امر دیگه ای؟"),
        ("user", "نه"),
        ("user", "موقع تحویل به جای من به شوهرم زنگ بزنید"),
    )
    values = current(facts)
    assert values.get("contact_preference") == "موقع تحویل به جای من به شوهرم زنگ بزنید"
    assert "ولی قبلش حتما زنگ بزنید" not in values.values()
    assert history(facts, "contact_preference") == ["ولی قبلش حتما زنگ بزنید"]


def test_persian_messages_named_first_are_a_contact_instruction_that_says_only() -> None:
    facts = conversation(
        ("user", "اگه کلاس کنسل شد به باباش پیام بدید"),
        ("assistant", "یادداشت شد."),
        ("user", "مرسی"),
        ("assistant", "امر دیگه ای هست؟"),
        ("user", "نه"),
        ("user", "باباش ماموریته. پیاما رو به خود من بدید، فقط پیامک"),
    )
    values = current(facts)
    assert values.get("contact_preference") == "پیاما رو به خود من بدید، فقط پیامک"
    assert "اگه کلاس کنسل شد به باباش پیام بدید" not in values.values()
    assert "contact_preference_2" not in values


def test_persian_a_contact_instruction_opening_with_no_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("user", "به داداشم زنگ نزنید لطفا فقط پیامک"),
        ("assistant", "حتماً."),
        ("user", "مرسی"),
        ("assistant", "یه پیامک یادآوری به شماره برادرتون می‌فرستیم."),
        ("user", "اوکی"),
        ("user", "نه دیگه پیامکا رو بفرستید به خط خودم"),
    )
    values = current(facts)
    assert values.get("contact_preference") == "نه دیگه پیامکا رو بفرستید به خط خودم"
    assert "contact_preference_2" not in values


def test_english_a_contact_instruction_saying_only_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("user", "Please call me before you set off."),
        ("assistant", "Noted."),
        ("user", "Thanks."),
        ("assistant", "Anything else?"),
        ("user", "No."),
        ("user", "Only email me, I'll have the baby with me."),
    )
    values = current(facts)
    assert "call me before you set off" not in values.values()
    assert "contact_preference_2" not in values
    assert values.get("contact_preference") == "Only email me, I'll have the baby with me"
    assert history(facts, "contact_preference") == ["call me before you set off"]


def test_thai_an_instruction_no_longer_wanted_is_replaced() -> None:
    # «ไม่ต้อง … แล้ว», "no need to … any more": the earlier instruction changed, not a second one
    facts = conversation(
        ("user", "มาถึงแล้วฝากไว้ที่เคาน์เตอร์ล็อบบี้ชั้น G ได้เลย"),
        ("assistant", "รับทราบค่ะ"),
        ("user", "ขอบคุณครับ"),
        ("assistant", "พัสดุจะออกส่งวันจันทร์ค่ะ"),
        ("user", "ครับ"),
        ("user", "งั้นวันจันทร์ไม่ต้องฝากล็อบบี้แล้วนะครับ ให้คนส่งโทรหาผมก่อน เดี๋ยวผมลงไปรับเอง"),
    )
    values = current(facts)
    assert values["delivery_instruction"] == "ไม่ต้องฝากล็อบบี้แล้วนะครับ ให้คนส่งโทรหาผมก่อน"
    assert history(facts, "delivery_instruction") == ["ฝากไว้ที่เคาน์เตอร์ล็อบบี้ชั้น G ได้เลย"]
    assert "delivery_instruction_2" not in values


def test_thai_contact_no_longer_wanted_is_replaced() -> None:
    facts = conversation(
        ("user", "ติดต่อทางไลน์ดีกว่าค่ะ"),
        ("assistant", "รับทราบค่ะ"),
        ("user", "ขอบคุณค่ะ"),
        ("assistant", "ยินดีค่ะ"),
        ("user", "ค่ะ"),
        ("user", "ไม่ต้องทักไลน์แล้วนะคะ โทรได้หลัง 6 โมงเย็นค่ะ"),
    )
    values = current(facts)
    assert values["contact_preference"].startswith("ไม่ต้องทักไลน์แล้ว")
    assert history(facts, "contact_preference") == ["ติดต่อทางไลน์ดีกว่าค่ะ"]
    assert "contact_preference_2" not in values


def test_thai_a_negated_instruction_keeps_its_negation() -> None:
    # read from its verb, «ไม่ต้อง|ทักไลน์» and «อย่า|วางไว้…» would say the opposite
    facts = conversation(("user", "อย่าวางไว้หน้าบ้านนะคะ"))
    assert current(facts)["delivery_instruction"] == "อย่าวางไว้หน้าบ้านนะคะ"
    facts = conversation(("user", "ไม่ต้องทักไลน์นะคะ โทรได้หลัง 6 โมงเย็นค่ะ"))
    assert current(facts)["contact_preference"].startswith("ไม่ต้องทักไลน์")


def test_thai_into_the_letterbox_is_a_delivery_instruction_beside_the_earlier_one() -> None:
    facts = conversation(
        ("user", "มาถึงแล้วฝากไว้ที่เคาน์เตอร์ล็อบบี้ชั้น G ได้เลย"),
        ("assistant", "รับทราบค่ะ"),
        ("user", "ขอบคุณครับ"),
        ("assistant", "เคสส่งที่ออฟฟิศหรือที่บ้านดีคะ"),
        ("user", "ส่งที่บ้านครับ ใส่ตู้จดหมายหน้าบ้านได้เลย ไม่ต้องเซ็นรับ"),
    )
    values = current(facts)
    assert values["delivery_instruction_2"] == "ใส่ตู้จดหมายหน้าบ้านได้เลย ไม่ต้องเซ็นรับ"
    assert values["delivery_instruction"] == "ฝากไว้ที่เคาน์เตอร์ล็อบบี้ชั้น G ได้เลย"
    assert history(facts, "delivery_instruction") == []


@pytest.mark.parametrize(
    "text",
    [
        # someone else put it in the letterbox: a report of what happened, not what to do
        "พัสดุหายค่ะ พนักงานใส่ตู้จดหมายไว้แต่ไม่มีของ เลขพัสดุ TH123456789",
        "เมื่อวานไรเดอร์ใส่ตู้จดหมายให้ แล้วเปียกหมดเลยค่ะ",
        "ปกติเขาใส่ตู้จดหมายไว้ให้ค่ะ แต่ครั้งนี้ไม่เจอ",
    ],
)
def test_thai_a_report_of_the_letterbox_is_no_instruction(text: str) -> None:
    facts = conversation(("user", text), ("assistant", "ขออภัยค่ะ ตรวจสอบให้นะคะ"))
    values = current(facts)
    assert not any(key.startswith("delivery_instruction") for key in values)


def test_thai_the_letterbox_asked_for_or_refused_is_still_an_instruction() -> None:
    facts = conversation(("user", "ถ้าไม่อยู่ ฝากใส่ตู้จดหมายได้เลยค่ะ"))
    assert current(facts)["delivery_instruction"] == "ใส่ตู้จดหมายได้เลยค่ะ"
    facts = conversation(("user", "ไม่ต้องใส่ตู้จดหมายนะคะ เดี๋ยวหาย"))
    assert current(facts)["delivery_instruction"] == "ไม่ต้องใส่ตู้จดหมายนะคะ"


def test_thai_a_reason_ending_in_already_adds_an_instruction() -> None:
    # «ไม่ต้องกดกริ่ง ลูกหลับแล้ว»: "don't ring, the child is asleep already"; the delivery time
    # asked before names no bell, so it still holds beside it
    facts = conversation(
        ("user", "สั่งของค่ะ ส่งหลัง 5 โมงเย็นนะคะ"),
        ("assistant", "รับทราบค่ะ"),
        ("user", "ไม่ต้องกดกริ่งลูกหลับแล้วค่ะ"),
    )
    values = current(facts)
    assert values["delivery_instruction"] == "ส่งหลัง 5 โมงเย็นนะคะ"
    assert values["delivery_instruction_2"] == "ไม่ต้องกดกริ่งลูกหลับแล้วค่ะ"
    assert history(facts, "delivery_instruction") == []


def test_thai_no_longer_wanted_takes_back_the_instruction_that_asked_for_it() -> None:
    facts = conversation(
        ("user", "ฝากไว้ที่ป้อมยามนะคะ"),
        ("assistant", "รับทราบค่ะ"),
        ("user", "ไม่ต้องฝากแล้วค่ะ ใส่ตู้จดหมายหน้าบ้านได้เลย"),
    )
    values = current(facts)
    assert values["delivery_instruction"] == "ไม่ต้องฝากแล้วค่ะ ใส่ตู้จดหมายหน้าบ้านได้เลย"
    assert history(facts, "delivery_instruction") == ["ฝากไว้ที่ป้อมยามนะคะ"]
    assert "delivery_instruction_2" not in values
