"""An instruction said again with a change replaces the earlier one (kept in its history);
another instruction of the same kind is kept beside it."""

from __future__ import annotations

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
