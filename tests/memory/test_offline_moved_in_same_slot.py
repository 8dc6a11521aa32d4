"""A date moved with no subject word ("moved to Sunday 8 December, same 13.00-15.00 slot")
moves the held date that holds the slot it names again, not the date named most recently:
the installation goes to Sunday, the payment date stays (all
in one fold, where the other date is the more recent one known)."""

from __future__ import annotations

from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_english_a_date_moved_in_the_same_slot_moves_the_date_held_with_it() -> None:
    facts = conversation(
        ("user", "When can you install at the new flat?"),
        ("assistant", "Installation is free on Saturday 7 December, 13:00-15:00."),
        ("user", "ok"),
        ("assistant", "Your first payment date is Friday 20 December."),
        ("user", "ok. can we do another day?"),
        ("assistant", "Sure, I've moved it to Sunday 8 December, same slot 13:00-15:00."),
        batch=10,
    )
    values = current(facts)
    assert values.get("payment_date") == "Friday 20 December"
    assert values.get("installation_date", "").startswith("Sunday 8 December")
    assert history(facts, "installation_date")[0].startswith("Saturday 7 December")


def test_thai_a_date_moved_in_the_same_slot_moves_the_date_held_with_it() -> None:
    facts = conversation(
        ("user", "ติดตั้งที่ใหม่ได้วันไหนคะ"),
        ("assistant", "วันติดตั้งที่ใหม่ คิวว่างวันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น. สะดวกไหมคะ"),
        ("user", "ได้ค่ะ"),
        ("assistant", "บิลเดือน พ.ย. ยอด 640.93 บาท ใช่ไหมคะ"),
        ("user", "ใช่ครับ จ่ายผ่านแอปธนาคารตั้งแต่วันที่ 20"),
        ("assistant", "ได้ค่ะ เลื่อนเป็นวันอาทิตย์ที่ 8 ธ.ค. ช่วงเวลาเดิม 13.00-15.00 น. นะคะ"),
        batch=10,
    )
    values = current(facts)
    assert values.get("payment_date") == "วันที่ 20"
    assert values.get("installation_date", "").startswith("วันอาทิตย์ที่ 8 ธ.ค.")


def test_persian_a_date_moved_in_the_same_slot_moves_the_date_held_with_it() -> None:
    facts = conversation(
        ("user", "نصب کی انجام میشه؟"),
        ("assistant", "تاریخ نصب شنبه ۱۲ آبان ساعت ۱۰:۳۰ هست."),
        ("user", "باشه"),
        ("assistant", "سررسید قسط اول ۲۰ آبان هست."),
        ("user", "شنبه نمی‌تونم"),
        ("assistant", "تغییر دادم به دوشنبه ۱۴ آبان، همون ساعت ۱۰:۳۰."),
        batch=10,
    )
    values = current(facts)
    assert "دوشنبه ۱۴ آبان" in values.get("installation_date", ""), values
    assert not any("۲۰ آبان" in h for key in values for h in history(facts, key)), values
