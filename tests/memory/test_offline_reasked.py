"""A value asked for again, in English, Persian and Thai: the assistant cannot find it or
asks to check it, and the customer's next value of its shape puts it right under the same
key; a spaced code is one value; a format's size is no value; where the customer is told
to write to is not the customer's contact."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.reasked import doubts
from domain.memory.offline.values import Kind, find_values


def history_of(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
    lines = [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]
    return [(f.key, f.value) for f in extract_facts(lines, []) if not f.replaced]


@pytest.mark.parametrize(
    ("ask", "first", "doubt", "second"),
    [
        (
            "What's your membership number?",
            "it's MB 2231 0457 K",
            "Hmm, I can't find MB 2231 0457 K on our system. Could you double check it?",
            "oh sorry, it's MB 2231 0475 K",
        ),
        (
            "شماره پرونده‌تون رو بفرمایید.",
            "PR-55120",
            "این شماره پیدا نشد، دوباره چک می‌کنید؟",
            "ببخشید، PR-55210",
        ),
        (
            "ขอเลขที่สมาชิกด้วยค่ะ",
            "KT-30917",
            "ไม่พบหมายเลขนี้ รบกวนตรวจสอบอีกครั้งค่ะ",
            "ขอโทษค่ะ KT-39017",
        ),
    ],
)
def test_the_reply_to_a_doubt_replaces_the_doubted_value(
    ask: str, first: str, doubt: str, second: str
) -> None:
    said = history_of(("assistant", ask), ("user", first), ("assistant", doubt), ("user", second))
    keys = {key for key, _ in said}
    assert len(keys) == 1, said  # the same key twice: the old value goes to history
    assert said[-1][1] in second


def test_a_reply_after_a_doubt_with_another_shape_corrects_nothing() -> None:
    said = history_of(
        ("assistant", "Could I have your email?"),
        ("user", "lena.k@example.org"),
        ("assistant", "I can't find an account for that. Could you check it again?"),
        ("user", "hmm, maybe it's under my phone, 0412 558 930"),
    )
    assert ("customer_email", "lena.k@example.org") in said
    assert all(value != "0412 558 930" or key != "customer_email" for key, value in said)


@pytest.mark.parametrize(
    ("text", "doubted"),
    [
        ("I couldn't locate that booking, is it right?", True),
        ("Could you read it to me once more?", True),
        ("این کد معتبر نیست.", True),
        ("ข้อมูลไม่ตรงกับในระบบค่ะ", True),
        ("Your booking is confirmed for Friday.", False),
        ("سفارش شما ثبت شد.", False),
        ("เรียบร้อยแล้วค่ะ", False),
    ],
)
def test_doubts(text: str, doubted: bool) -> None:
    assert doubts(text) is doubted


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the parcel number is RX 5120 3384 19 DE", "RX 5120 3384 19 DE"),
        ("my number: QQ 12 34 56 C", "QQ 12 34 56 C"),
    ],
)
def test_a_spaced_code_is_one_identifier(text: str, code: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.IDENTIFIER, code)]


@pytest.mark.parametrize(
    "text",
    ["You'll get a 6-digit code by text.", "It's a 12-character reference."],
)
def test_the_size_of_a_format_is_no_value(text: str) -> None:
    assert find_values(text) == []


def test_where_the_customer_is_told_to_write_is_not_their_email() -> None:
    said = history_of(
        ("user", "my email is sam.ortiz@example.net"),
        ("assistant", "Please email the photos to repairs@fixit.example with your case number."),
    )
    assert said == [("customer_email", "sam.ortiz@example.net")]


def test_a_phone_said_on_its_own_takes_the_subject_named_sentences_before() -> None:
    said = history_of(
        ("user", "my number is 07700 900 412"),
        ("user", "can you also text my work phone? I'm often away from my desk. 0161 496 0388"),
    )
    assert said == [("customer_phone", "07700 900 412"), ("work_phone", "0161 496 0388")]


@pytest.mark.parametrize(
    ("known", "doubt", "reply"),
    [
        (
            ("postcode", "LS6 2QB"),
            "Your last reading was 44,960, so 45821 would be a big jump. Could you double check?",
            "oh you're right its 45281, I swapped the 2 and the 8",
        ),
        (
            ("bank_account", "۳۱۰۴۷۱۴۲"),
            "کنتور قبلی ۴۴۹۶۰ بود، ۴۵۸۲۱ زیاده. دوباره چک می‌کنید؟",
            "آره ببخشید ۴۵۲۸۱، ۲ و ۸ رو جابجا نوشتم",
        ),
        (
            ("bank_account", "31047142"),
            "ค่ามิเตอร์ครั้งก่อน 44960 ค่ะ 45821 สูงไปนิด รบกวนตรวจสอบอีกครั้งค่ะ",
            "ขอโทษค่ะ 45281 ค่ะ พิมพ์ 2 กับ 8 สลับกัน",
        ),
    ],
)
def test_a_doubt_about_a_value_no_fact_holds_moves_no_other_fact(
    known: tuple[str, str], doubt: str, reply: str
) -> None:
    """The doubted reading was never a fact: neither its correction nor a digit said beside
    it ("the 2 and the 8") becomes the new value of a fact stated earlier."""
    extracted = extract_facts(
        [TranscriptLine(2, "m2", "user", reply)],
        [known],
        [TranscriptLine(1, "m1", "assistant", doubt)],
    )
    assert known[0] not in {fact.key for fact in extracted}, extracted


def test_the_assistant_checking_its_own_side_doubts_nothing() -> None:
    """ "I'll double check the 5 March slot" is not a doubt about the customer's date: the
    payment date the customer gives next is no new appointment."""
    extracted = extract_facts(
        [TranscriptLine(2, "m2", "user", "Great, and I'll pay the balance on 3 March.")],
        [("appointment_date", "5 March"), ("payment_date", "1 March")],
        [
            TranscriptLine(
                1, "m1", "assistant", "I'll double check whether the 5 March slot is still free."
            )
        ],
    )
    assert "appointment_date" not in {fact.key for fact in extracted}, extracted


@pytest.mark.parametrize(
    ("doubt", "reply"),
    [
        ("Sorry, the delivery estimate I gave was incorrect.", "ok. I can pay a $40 deposit now"),
        ("Could you confirm your email again?", "sure, and my son's birthday is 9 March"),
    ],
)
def test_a_doubt_quoting_nothing_leaves_a_value_its_own_words_keyed(doubt: str, reply: str) -> None:
    extracted = extract_facts(
        [TranscriptLine(2, "m2", "user", reply)],
        [("appointment_date", "5 March"), ("order_total", "$120")],
        [TranscriptLine(1, "m1", "assistant", doubt)],
    )
    assert not {"appointment_date", "order_total"} & {fact.key for fact in extracted}, extracted


@pytest.mark.parametrize(("text", "code"), [("Your code is 731-qwerty", "731-qwerty")])
def test_a_code_of_digits_and_letters_is_still_a_value(text: str, code: str) -> None:
    assert [value.text for value in find_values(text)] == [code]


@pytest.mark.parametrize(
    "confirmation",
    [
        "We'll send the receipt to sam@example.com, your email on file.",
        "We'll text your phone on 0412 777 310 when the driver is close.",
    ],
)
def test_where_the_business_sends_to_the_customer_is_the_customers_contact(
    confirmation: str,
) -> None:
    said = history_of(("assistant", confirmation))
    assert said and all(key.startswith("customer_") for key, _ in said), said


def test_i_mean_as_filler_corrects_nothing() -> None:
    extracted = extract_facts(
        [
            TranscriptLine(
                1,
                "m1",
                "user",
                "I mean, Monday 3 June is fine, and I'd also like to book Friday 7 June for my "
                "daughter.",
            )
        ],
        [("appointment_date", "Monday 3 June")],
    )
    assert ("appointment_date", "Friday 7 June") not in {(f.key, f.value) for f in extracted}
