"""A contact instruction that gives leave to call ("you can ring", «โทรได้เลย») or names whom
to call instead ("ring Callum not me") is how to get in touch, as much as "text me": said
with a word of change, it replaces the earlier one, which no longer shows as current."""

from __future__ import annotations

from domain.memory.offline.instructions import instructions
from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_english_leave_to_call_replaces_text_only() -> None:
    facts = conversation(
        ("user", "text is best, im on site all day. text me dont call"),
        ("assistant", "Noted, texts only."),
        ("user", "thanks"),
        ("assistant", "Anything else?"),
        ("user", "no"),
        ("user", "actually this week ringing is fine, im off till monday"),
    )
    values = current(facts)
    assert values.get("contact_preference") == "ringing is fine, im off till monday"
    assert "text me dont call" not in values.values()
    assert history(facts, "contact_preference") == ["text me dont call"]


def test_english_whom_to_ring_instead_replaces_the_earlier_way() -> None:
    facts = conversation(
        ("user", "please just message me on here or email."),
        ("assistant", "Of course, I've put a note on the account."),
        ("user", "thanks"),
        ("assistant", "Anything else?"),
        ("user", "no"),
        ("user", "actually change the contact thing, ring Callum not me, he can answer"),
    )
    values = current(facts)
    assert values.get("contact_preference") == "ring Callum not me, he can answer"
    assert "message me on here or email" not in values.values()


def test_english_dont_ring_me_is_a_contact_instruction_not_the_doorbell() -> None:
    assert [i.key for i in instructions("please don't ring me during the day")] == [
        "contact_preference"
    ]
    assert [i.key for i in instructions("please don't ring the bell, the baby sleeps")] == [
        "delivery_instruction"
    ]
    assert [i.text for i in instructions("you can ring after 6 today")] == [
        "you can ring after 6 today"
    ]


def test_english_saying_whom_you_called_is_no_instruction() -> None:
    assert list(instructions("I tried to call Callum yesterday")) == []
    assert list(instructions("I rang Callum earlier")) == []


def test_persian_leave_to_call_replaces_messages_only() -> None:
    facts = conversation(
        ("user", "سر کارم، فقط پیامک بدید"),
        ("assistant", "یادداشت کردم."),
        ("user", "مرسی"),
        ("assistant", "امر دیگه ای؟"),
        ("user", "نه"),
        ("user", "ببخشید، این هفته مرخصی‌ام، می‌تونید زنگ بزنید"),
    )
    values = current(facts)
    assert "فقط پیامک بدید" not in values.values()
    assert "زنگ بزنید" in values.get("contact_preference", "")


def test_thai_leave_to_call_replaces_line_only() -> None:
    facts = conversation(
        ("user", "ไม่ต้องโทรนะคะ ทักไลน์อย่างเดียว"),
        ("assistant", "รับทราบค่ะ"),
        ("user", "ขอบคุณค่ะ"),
        ("assistant", "มีอะไรเพิ่มเติมไหมคะ"),
        ("user", "ไม่มีค่ะ"),
        ("user", "เปลี่ยนนะคะ อาทิตย์นี้ลาพักร้อน โทรได้เลยค่ะ"),
    )
    values = current(facts)
    assert any("โทรได้เลย" in value for value in values.values()), values
    assert not any("ไม่ต้องโทร" in value for value in values.values()), values


def test_a_report_that_calls_work_or_a_feature_named_call_is_no_instruction() -> None:
    # A phone fault: "calls are fine" says what works, not how to get in touch; "Call
    # Waiting" and "Ring Doorbell" are a feature and a product; "call it off" cancels.
    for said in (
        "calls are fine, it's only the data that drops",
        "ringing is fine but the data keeps dropping",
        "Call Waiting. it never beeps",
        "Ring Doorbell, the wired one",
        "no, you can call it off, I fixed it myself",
        "โทรได้ตลอดค่ะ แต่เน็ตไม่ขึ้นเลย",
        "โทรได้เลยครับ แต่ส่ง SMS ไม่ได้",
    ):
        assert [i.key for i in instructions(said)] == [], said
    assert [i.key for i in instructions("ring Callum instead, he's home")] == ["contact_preference"]
