"""A day the customer asks for as a question ("Would Tuesday 17 June work?", «سه‌شنبه ۲۷
خرداد امکانش هست؟», «วันอังคารที่ 17 มิ.ย. ได้ไหมคะ») replaces the held day once the
reply grants it; a reply that turns it down keeps the held one."""

from __future__ import annotations

from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_english_a_day_asked_for_and_granted_replaces_the_held_one() -> None:
    facts = conversation(
        ("assistant", "Your engineer visit is booked for Saturday 14 June."),
        ("user", "I'm away that weekend. Would Tuesday 17 June work?"),
        ("assistant", "Sure, that's all booked for you."),
        batch=10,
    )
    assert current(facts).get("appointment_date") == "Tuesday 17 June"
    assert history(facts, "appointment_date") == ["Saturday 14 June"]


def test_persian_a_day_asked_for_and_granted_replaces_the_held_one() -> None:
    facts = conversation(
        ("assistant", "نوبت بازدید تکنسین برای شنبه ۲۴ خرداد ثبت شده."),
        ("user", "اون روز نیستم. سه‌شنبه ۲۷ خرداد امکانش هست؟"),
        ("assistant", "بله، ثبت شد."),
        batch=10,
    )
    assert current(facts).get("appointment_date") == "سه\u200cشنبه ۲۷ خرداد"
    assert history(facts, "appointment_date") == ["شنبه ۲۴ خرداد"]


def test_persian_a_day_asked_for_and_turned_down_keeps_the_held_one() -> None:
    facts = conversation(
        ("assistant", "تحویل برای شنبه ۲۴ خرداد ثبت شده."),
        ("user", "یه کاری پیش اومده. یکشنبه ۲۵ خرداد میشه؟"),
        ("assistant", "متاسفانه یکشنبه پره."),
        batch=10,
    )
    assert current(facts).get("delivery_date") == "شنبه ۲۴ خرداد"


def test_thai_a_day_asked_for_and_granted_replaces_the_held_one() -> None:
    facts = conversation(
        ("assistant", "ส่วนวันส่ง คิวที่ว่างเร็วที่สุดคือวันเสาร์ที่ 14 มิ.ย. ครับ สะดวกไหมครับ"),
        ("user", "ได้ค่ะ วันเสาร์ดีเลย"),
        ("user", "แล้วก็ขอเลื่อนวันส่งได้ไหมคะ วันเสาร์ดันมีงานแต่งเพื่อน"),
        ("assistant", "ได้ครับ สะดวกวันไหนครับ"),
        ("user", "วันอาทิตย์ที่ 15 มิ.ย. ได้ไหมคะ"),
        ("assistant", "วันอาทิตย์ที่ 15 ยังว่างครับ รอบเช้าเหมือนเดิมนะครับ"),
        batch=10,
    )
    assert current(facts).get("delivery_date") == "วันอาทิตย์ที่ 15 มิ.ย."
    assert history(facts, "delivery_date") == ["วันเสาร์ที่ 14 มิ.ย."]


def test_thai_a_day_asked_for_and_turned_down_keeps_the_held_one() -> None:
    facts = conversation(
        ("assistant", "นัดช่างล้างแอร์วันเสาร์ที่ 14 มิ.ย. นะคะ"),
        ("user", "วันนั้นไม่อยู่บ้านค่ะ วันอังคารที่ 17 มิ.ย. ได้ไหมคะ"),
        ("assistant", "วันอังคารที่ 17 คิวเต็มแล้วค่ะ วันพุธแทนได้ไหมคะ"),
        batch=10,
    )
    assert current(facts).get("appointment_date") == "วันเสาร์ที่ 14 มิ.ย."


def test_english_a_day_asked_about_but_not_asked_for_moves_nothing() -> None:
    facts = conversation(
        ("assistant", "Your engineer visit is booked for Saturday 14 June."),
        ("user", "Was my last payment taken on 3 May?"),
        ("assistant", "Yes, it was taken on 3 May."),
        batch=10,
    )
    assert current(facts).get("appointment_date") == "Saturday 14 June"


def test_english_a_day_asked_to_stay_as_it_is_is_no_new_one() -> None:
    facts = conversation(
        ("assistant", "Your return flight is on Sunday 25 May."),
        ("user", "And the return would stay on the 25th?"),
        ("assistant", "Yes, the return on Sunday 25 May stays exactly as it is."),
        batch=10,
    )
    assert current(facts).get("return_date") == "Sunday 25 May"
    assert history(facts, "return_date") == []


def test_a_grant_that_says_no_problem_grants_in_every_language() -> None:
    # "no problem" holds a "no": read as a refusal, the granted day was never taken.
    english = conversation(
        ("assistant", "Your engineer visit is booked for Saturday 14 June."),
        ("user", "I'm away that weekend. Would Tuesday 17 June work?"),
        ("assistant", "Yes, no problem, that's booked."),
        batch=10,
    )
    persian = conversation(
        ("assistant", "نوبت بازدید تکنسین برای شنبه ۲۴ خرداد ثبت شده."),
        ("user", "اون روز نیستم. سه‌شنبه ۲۷ خرداد امکانش هست؟"),
        ("assistant", "بله مشکلی نیست، ثبت شد."),
        batch=10,
    )
    thai = conversation(
        ("assistant", "นัดช่างเข้าไว้วันเสาร์ที่ 14 มิ.ย. นะคะ"),
        ("user", "วันนั้นไม่อยู่ค่ะ วันอังคารที่ 17 มิ.ย. ได้ไหมคะ"),
        ("assistant", "ได้ครับ ไม่มีปัญหา ลงให้แล้วครับ"),
        batch=10,
    )
    assert current(english).get("appointment_date") == "Tuesday 17 June"
    assert current(persian).get("appointment_date") == "سه\u200cشنبه ۲۷ خرداد"
    assert "17 มิ.ย." in current(thai).get("appointment_date", "")


def test_english_a_reply_that_offers_another_day_grants_nothing() -> None:
    facts = conversation(
        ("assistant", "Your cleaning visit is booked for Wednesday 11 June."),
        ("user", "Something came up. Could we come in on Thursday 12 June?"),
        ("assistant", "Sure, I can also offer Friday 13 June if that suits better."),
        batch=10,
    )
    assert current(facts).get("appointment_date") != "Thursday 12 June"


def test_english_a_reply_that_names_the_asked_day_again_still_grants_it() -> None:
    facts = conversation(
        ("assistant", "Your cleaning visit is booked for Wednesday 11 June."),
        ("user", "Something came up. Could we come in on Thursday 12 June?"),
        ("assistant", "Sure, Thursday is free, see you then."),
        batch=10,
    )
    assert current(facts).get("appointment_date") == "Thursday 12 June"


def test_persian_a_reply_that_offers_another_day_grants_nothing() -> None:
    facts = conversation(
        ("assistant", "نوبت نظافت برای چهارشنبه ۲۱ خرداد ثبت شده."),
        ("user", "یه کاری پیش اومده. پنجشنبه ۲۲ خرداد میشه؟"),
        ("assistant", "بله، جمعه ۲۳ خرداد هم خالیه اگه بهتره."),
        batch=10,
    )
    assert current(facts).get("appointment_date") != "پنجشنبه ۲۲ خرداد"


def test_thai_a_reply_that_offers_another_day_grants_nothing() -> None:
    facts = conversation(
        ("assistant", "นัดทำความสะอาดวันพุธที่ 11 มิ.ย. นะคะ"),
        ("user", "มีธุระค่ะ วันพฤหัสที่ 12 มิ.ย. ได้ไหมคะ"),
        ("assistant", "ได้ค่ะ มีวันศุกร์ที่ 13 มิ.ย. ด้วยนะคะ"),
        batch=10,
    )
    assert current(facts).get("appointment_date") != "วันพฤหัสที่ 12 มิ.ย."


def test_english_a_grant_that_names_the_old_day_as_moved_from_still_grants() -> None:
    facts = conversation(
        ("assistant", "Your cleaning visit is booked for Wednesday 11 June."),
        ("user", "Something came up. Could we come in on Thursday 12 June?"),
        ("assistant", "Sure, moved from Wednesday 11 June, see you then."),
        batch=10,
    )
    assert current(facts).get("appointment_date") == "Thursday 12 June"
