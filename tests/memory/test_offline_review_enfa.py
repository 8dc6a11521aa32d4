"""Values the rules took for another subject's (second review): "only"/«فقط» as "just", a
bare «۴۲ و نیم» as a time, a small number or an allowance as the mileage, a card's balance as
a sum owed, a phone put right as a held id."""

from __future__ import annotations

import time

from domain.memory.offline.instructions import instructions
from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, history


def _times(text: str) -> list[str]:
    return [value.text for value in find_values(text) if value.kind is Kind.TIME]


def test_english_only_said_of_something_else_keeps_both_contact_instructions() -> None:
    facts = conversation(
        ("user", "Hi, my order 4471 hasn't arrived. Please email me updates, I'm at work all day."),
        ("assistant", "Sure, we'll email you."),
        ("user", "Also text me when the driver is 10 minutes away, I can only come down then."),
        ("assistant", "Noted."),
    )
    values = current(facts)
    assert values.get("contact_preference") == "email me updates, I'm at work all day"
    assert values.get("contact_preference_2") == (
        "text me when the driver is 10 minutes away, I can only come down then"
    )
    assert history(facts, "contact_preference") == []


def test_persian_just_and_nine_keep_both_contact_instructions() -> None:
    facts = conversation(
        ("user", "لطفا بعد از ساعت ۵ زنگ بزنید."),
        ("assistant", "چشم."),
        ("user", "ایمیل هم بزنید فقط فاکتور رو."),
        ("assistant", "باشه."),
    )
    values = current(facts)
    assert values.get("contact_preference") == "لطفا بعد از ساعت ۵ زنگ بزنید"
    assert values.get("contact_preference_2") == "ایمیل هم بزنید فقط فاکتور رو"
    facts = conversation(
        ("user", "لطفا پیامک بدید، زنگ نزنید."),
        ("assistant", "چشم."),
        ("user", "نه صبح به بعد هم میتونید زنگ بزنید."),
        ("assistant", "باشه."),
    )
    values = current(facts)
    assert values.get("contact_preference") == "لطفا پیامک بدید، زنگ نزنید"
    assert values.get("contact_preference_2") == "نه صبح به بعد هم میتونید زنگ بزنید"


def test_persian_a_bare_half_without_an_hour_named_is_no_time() -> None:
    assert _times("کفش سایز ۴۲ و نیم.") == []
    assert _times("قیمتش شد ۲ و نیم") == []
    assert _times("چند سالشه؟ ۳ و نیم") == []
    assert _times("ساعتو بکنید ۹ و نیم، ممنون") == ["۹ و نیم"]
    facts = conversation(
        ("user", "سلام، کفش سفارش دادم سایز ۴۲، تحویل ساعت ۵ عصر باشه."),
        ("assistant", "ثبت شد."),
        ("user", "ببخشید سایز رو اشتباه گفتم، ۴۲ و نیم."),
        ("assistant", "اصلاح شد."),
    )
    assert current(facts).get("delivery_time") == "ساعت ۵ عصر"
    assert history(facts, "delivery_time") == []


def test_english_a_small_number_or_an_allowance_is_no_mileage() -> None:
    facts = conversation(
        ("user", "Hi, I'd like to book an MOT for my Golf."),
        ("assistant", "Sure. What's the mileage roughly?"),
        ("user", "Not sure, maybe check the clock when I drop it off. I'm bringing it at 9."),
        ("assistant", "Fine."),
    )
    assert "mileage" not in current(facts)
    facts = conversation(
        ("user", "Hi, what mileage allowance do I get on the lease?"),
        ("assistant", "The mileage allowance is 10,000 a year, excess is 8p a mile."),
    )
    assert "mileage" not in current(facts)
    facts = conversation(
        ("user", "Hi, I'm bringing the car in for its service. Reg is KP16 XRF."),
        ("assistant", "Thanks. What's the mileage?"),
        ("user", "About 84,312. It's only 3 years old though."),
        ("assistant", "Great."),
    )
    assert current(facts).get("mileage") == "84,312"


def test_the_balance_left_on_a_card_or_in_an_account_is_no_balance_due() -> None:
    facts = conversation(
        ("user", "I topped up my card, the remaining balance is £12.40 but the fare was £15."),
        ("assistant", "I see."),
    )
    assert "balance_due" not in current(facts)
    facts = conversation(
        ("user", "โอนมัดจำแล้ว 500 บาทค่ะ"),
        ("assistant", "ยอดรวม 2,500 บาท ส่วนที่เหลือ 2,000 บาทค่ะ"),
        ("user", "ยอดเงินคงเหลือในบัญชีผมมีแค่ 1,200 บาท ขอผ่อนได้ไหม"),
        ("assistant", "ได้ค่ะ"),
    )
    values = current(facts)
    assert values.get("balance_due") == "2,000 บาท"
    assert "1,200 บาท" not in values.values()
    assert history(facts, "balance_due") == []


def test_thai_a_phone_named_as_put_right_corrects_the_phone_not_a_held_account() -> None:
    facts = conversation(
        ("user", "สวัสดีครับ ขอคืนเงินเข้าบัญชี 123-4-56789-0 ครับ เบอร์ติดต่อ 0891112222"),
        ("assistant", "รับทราบครับ"),
        ("user", "ขอโทษครับ เบอร์ผิด ที่ถูกคือ 0823456789 ครับ"),
        ("assistant", "แก้ไขแล้วครับ"),
    )
    values = current(facts)
    assert values.get("customer_phone") == "0823456789"
    assert history(facts, "customer_phone") == ["0891112222"]
    assert "0823456789" not in [v for k, v in values.items() if k != "customer_phone"]


def test_english_a_flight_and_its_airport_are_no_uk_registration() -> None:
    codes = [v.text for v in find_values("Flight BA12 LHR to JFK") if v.kind is Kind.IDENTIFIER]
    assert codes == ["BA12"]
    codes = [v.text for v in find_values("reg is KP16 XRF") if v.kind is Kind.IDENTIFIER]
    assert codes == ["KP16 XRF"]


def test_instructions_in_a_long_unpunctuated_message_are_read_in_linear_time() -> None:
    # a clause's words before the verb were tried from every position: quadratic (25-43 s)
    text = ("a 12-point check " * 2000)[:20000]
    started = time.perf_counter()
    assert list(instructions(text)) == []
    assert time.perf_counter() - started < 3.0
    # a clause still begins where it did: at the message's start, not at a bound
    persian = "سلام سفارشم امروز میرسه لطفا قبل از اومدن زنگ بزنید"
    found = [(i.key, i.text) for i in instructions(persian)]
    assert found == [("delivery_instruction", persian)]
