"""What a returning user's memory shows of an earlier conversation's facts and details,
read on another day: relative days dated (``said_when``), codes without the turn that
gave them, contacts no one gave the user left out, mistyped codes dropped
(``fact_values``). English, Persian, Thai, value by value."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.user_memory.digest import ConversationHead
from domain.user_memory.fact_values import day_gone, users_facts
from domain.user_memory.recall import fact_line, recall
from domain.user_memory.recall_details import detail_line
from domain.user_memory.said_when import is_relative
from schemas.user_memory import UserDetail, UserFact, UserMemoryState
from store.backends.sqlite import SqliteStore
from tests.user_memory.conversations import store_conversation
from tests.user_memory.test_user_memory_service import service

SAID = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)
DATED = "(said on 2026-11-21)"


def _fact(key: str, value: str) -> UserFact:
    return UserFact(key=key, value=value, session_id="s1", observed_at=SAID)


def _detail(text: str, values: list[str], kinds: list[str], position: int) -> UserDetail:
    return UserDetail(
        session_id="s1",
        observed_at=SAID,
        position=position,
        text=text,
        values=values,
        kinds=kinds,
    )


#: Relative days under a date key, said on Saturday 21 Nov: (value, the days after that it
#: holds, or None for one with its digits, kept: "today at 4pm", «امروز ساعت ۴»). One that
#: is only a day counted from then holds until the last day it names (``named_days``), and
#: one naming no day it could read until the day it was said (Thai «บ่ายสาม», 3 pm, in words).
RELATIVE_DATES = [
    ("tomorrow", 1),
    ("today at 4pm", None),
    ("this Saturday", 0),
    ("next week", 8),
    ("فردا", 1),
    ("امروز ساعت ۴", None),
    ("پنجشنبه این هفته", 5),
    ("فرداشب", 1),
    ("امروزصبح", 0),
    ("نوبتم فردا\u200cست", 1),
    ("این جمعه", 6),
    ("พรุ่งนี้", 1),
    ("วันนี้ บ่ายสาม", 0),
    ("เสาร์นี้", 0),
    ("สัปดาห์หน้า", 8),
]


@pytest.mark.parametrize(("value", "holds"), RELATIVE_DATES)
def test_a_relative_day_of_an_earlier_conversation_is_shown_with_the_day_it_was_said(
    value: str, holds: int | None
) -> None:
    assert is_relative(value)
    # the line over the conversation's facts says the day; the fact's line says it no more
    state = UserMemoryState(facts=[_fact("appointment_date", value)])
    line = f"Said on 2026-11-21:\nAppointment date: {value}"
    # read the day it was said: every one still holds
    assert line in recall(state, "", 400, current_session="now", now=SAID).text
    # read after the last day it names: only one with its digits
    last = SAID + timedelta(days=7 if holds is None else holds)
    assert line in recall(state, "", 400, current_session="now", now=last).text
    shown = recall(state, "", 400, current_session="now", now=last + timedelta(days=1)).text
    assert (line in shown) is (holds is None)
    assert (value in shown) is (holds is None)


@pytest.mark.parametrize(
    ("key", "value"),
    [("customer_name", "فرداد رضایی"), ("contact_name", "خانم امروزی")],
)
def test_a_persian_name_holding_a_day_word_is_no_relative_day(key: str, value: str) -> None:
    # «فرداد» holds «فردا», «امروزی» holds «امروز»: whole words only
    assert not is_relative(value)


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("today's transfer ref is TRX99812", "today's transfer ref is: TRX99812"),
        ("เลขอ้างอิงการโอนวันนี้ TRX99812", "เลขอ้างอิงการโอนวันนี้: TRX99812"),
    ],
)
def test_a_noted_code_said_with_a_relative_day_is_dated_over_its_code(
    value: str, line: str
) -> None:
    # the day it was said is no part of the words read for the code: it heads them
    state = UserMemoryState(facts=[_fact("reference", value)])
    shown = recall(state, "", 400, current_session="now")
    assert f"Said on 2026-11-21:\n{line}" in shown.text


@pytest.mark.parametrize(
    "value", ["Tuesday 3 June", "14 April", "دوشنبه ۱۴ آبان", "۸ آذر", "12 ก.ค.", "ศุกร์ 10:00"]
)
def test_a_date_that_names_its_day_is_shown_as_it_was_said(value: str) -> None:
    assert fact_line(_fact("appointment_date", value)) == f"Appointment date: {value}"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("User: can the engineer come tomorrow at 9?", "9"),
        ("User: فردا ساعت ۹ میاید؟", "۹"),
        ("User: พรุ่งนี้ 9 โมงได้ไหมคะ", "9"),
    ],
)
def test_a_detail_naming_a_relative_day_is_dated(text: str, value: str) -> None:
    said = text.removeprefix("User: ")
    assert detail_line(_detail(text, [value], ["time"], 3)) == f"{said} {DATED}"


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("order_id", "sure, it's ORD-48213", "ORD-48213"),
        ("customer_phone", "my new number is 07912 448063", "07912 448063"),
        ("vehicle_plate", "That's for the Kia Niro, registration KM22 XTP", "KM22 XTP"),
        ("order_id", "بله، شماره سفارشم ORD-48213 هست", "ORD-48213"),
        ("customer_phone", "شمارم عوض شده، 0912 441 3307", "0912 441 3307"),
        ("vehicle_plate", "ทะเบียนผมพิมพ์ผิด ที่ถูกคือ 1กข 4812", "1กข 4812"),
        ("booking_reference", "จองให้แล้วค่ะ เลขใบงานคือJOB-67-0413", "JOB-67-0413"),
        ("account_number", "yes my account is ACC 3391 0072 thanks", "ACC 3391 0072"),
        ("tracking_number", "it says SP 4471 9062 08 GB", "SP 4471 9062 08 GB"),
        ("customer_phone", "شماره دفتر 02188452310 داخلی 214", "02188452310 داخلی 214"),
        ("customer_phone", "office 0161 496 0000 ext 12", "0161 496 0000 ext 12"),
        ("vehicle_plate", "ทะเบียนรถ ขค 8830 ค่ะ", "ขค 8830"),
        ("customer_phone", "เบอร์ที่ทำงาน 02-538-7760 ต่อ 15", "02-538-7760 ต่อ 15"),
    ],
)
def test_a_code_is_kept_without_the_turn_that_gave_it(key: str, value: str, code: str) -> None:
    kept = users_facts([(key, value)])
    assert kept.facts == [(key, code)]
    # the turn's other words stay in the conversation's details
    (detail,) = kept.details("s1", SAID)
    assert (detail.text, detail.values) == (value, [code])


@pytest.mark.parametrize(
    "code", ["ORD-48213", "07912 448063", "0912 441 3307", "1กข 4812", "tom.ellery@gmail.com"]
)
def test_a_code_given_alone_is_kept_as_it_is(code: str) -> None:
    kept = users_facts([("order_id", code)])
    assert kept.facts == [("order_id", code)]
    assert kept.details("s1", SAID) == []


@pytest.mark.parametrize(
    ("key", "value", "contact"),
    [
        ("other_phone", "you can call our workshop on 0161 496 0000", "0161 496 0000"),
        ("other_email", "کارشناس ما: support@shop.example", "support@shop.example"),
        ("other_phone", "โอนพร้อมเพย์ได้เลยค่ะ เบอร์ร้าน 02-538-7760", "02-538-7760"),
        # the agent's own number ("Sure, my number is …", «شماره‌ی من», «เบอร์ผม»)
        ("agent_phone", "0412 555 019", "0412 555 019"),
        ("agent_phone", "۰۹۱۲۳۴۵۶۷۸۹", "۰۹۱۲۳۴۵۶۷۸۹"),
        ("agent_phone", "092-118-6630", "092-118-6630"),
    ],
)
def test_a_contact_no_one_gave_the_user_is_a_detail_not_a_user_fact(
    key: str, value: str, contact: str
) -> None:
    kept = users_facts([("customer_name", "Sara"), (key, value)])
    assert kept.facts == [("customer_name", "Sara")]
    (detail,) = kept.details("s1", SAID)
    assert detail.values == [contact]


@pytest.mark.parametrize(
    ("mistyped", "corrected"),
    [
        ("Tom Ellery, agreement is NVL-7730418", "sorry typo, its NVL-7730481"),
        ("شماره پرونده PR-۷۷۳۱۵", "ببخشید اشتباه شد، PR-۷۷۱۳۵"),
        ("เลขพัสดุ SP5531880621TH", "ขอโทษค่ะ ที่ถูกคือ SP5531880612TH"),
    ],
)
def test_a_code_put_right_in_the_same_conversation_leaves_no_mistyped_fact(
    mistyped: str, corrected: str
) -> None:
    # listed most recently updated first; one fold may update both at once
    kept = users_facts([("reference", mistyped), ("reference_2", corrected)])
    assert [key for key, _ in kept.facts] == ["reference_2"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("quote BS-Q-20417", "order NVL-7730481"),
        ("my number 312-555-0140", "my sister's 312-555-0177"),
        ("شماره من 0912 441 3307", "شماره همسرم 0912 441 3390"),
        ("เบอร์ผม 081-556-2934", "เบอร์แฟน 081-556-2977"),
    ],
)
def test_two_different_codes_are_both_kept(first: str, second: str) -> None:
    kept = users_facts([("customer_phone", first), ("second_contact_phone", second)])
    assert [key for key, _ in kept.facts] == ["customer_phone", "second_contact_phone"]


@pytest.mark.parametrize(
    ("value", "line"),
    [
        (
            "That's for the Kia Niro EV 4, registration KM22 XTP",
            "Kia Niro EV 4, registration: KM22 XTP",
        ),
        ("sorry typo, its NVL-7730481", "Reference: NVL-7730481"),
        ("بله، کد رهگیری TRK-55120", "کد رهگیری: TRK-55120"),
        ("ค่ะ กล่อง 40x30x25", "กล่อง: 40x30x25"),
    ],
)
def test_a_noted_code_is_named_by_the_words_that_led_to_it(value: str, line: str) -> None:
    assert fact_line(_fact("reference_3", value)) == line


@pytest.mark.parametrize(
    ("facts", "kept", "detail"),
    [
        (
            [("order_id", "sure, it's ORD-48213"), ("other_phone", "call us on 0161 496 0000")],
            [("order_id", "ORD-48213")],
            ["call us on 0161 496 0000", "sure, it's ORD-48213"],
        ),
        (
            [("order_id", "بله، سفارشم ORD-48213"), ("other_phone", "دفتر ما 021 8800 1234")],
            [("order_id", "ORD-48213")],
            ["دفتر ما 021 8800 1234", "بله، سفارشم ORD-48213"],
        ),
        (
            [("vehicle_plate", "ที่ถูกคือ 1กข 4812"), ("other_phone", "เบอร์ร้าน 02-538-7760")],
            [("vehicle_plate", "1กข 4812")],
            ["เบอร์ร้าน 02-538-7760", "ที่ถูกคือ 1กข 4812"],
        ),
        (
            [("reference", "agreement is NVL-7730418"), ("reference_2", "sorry typo NVL-7730481")],
            [("reference_2", "sorry typo NVL-7730481")],
            [],
        ),
    ],
)
def test_the_merge_job_keeps_the_users_codes_and_the_turns_as_details(
    store: SqliteStore,
    monkeypatch: pytest.MonkeyPatch,
    facts: list[tuple[str, str]],
    kept: list[tuple[str, str]],
    detail: list[str],
) -> None:
    # the session's facts as the extractor left them, sentence and all
    monkeypatch.setattr(ConversationHead, "facts", lambda self: facts)
    store_conversation(store, "s1", [("user", "hello"), ("assistant", "hi")])
    service(store).merge_session("acct-a", "s1", final=True)
    memory = store.user_memory.load_user_memory("acct-a", "u1", "")
    assert [(f.key, f.value) for f in memory.facts] == kept
    assert sorted(d.text for d in memory.details) == sorted(detail)


@pytest.mark.parametrize(
    "facts",
    [
        [("order_id_2", "4410288"), ("order_id", "4410287")],
        [("recipient_phone", "0812345671"), ("customer_phone", "0812345670")],
        [("invoice_number_2", "INV-2024-0013"), ("invoice_number", "INV-2024-0012")],
        [("order_id_2", "ORD-۷۳۰۵۹۳"), ("order_id", "ORD-۷۳۰۵۹۲")],
    ],
    ids=["english-orders", "thai-family-phones", "invoices", "persian-orders"],
)
def test_two_codes_one_character_apart_are_both_kept(facts: list[tuple[str, str]]) -> None:
    # One character changed is how two real codes of one conversation differ.
    assert users_facts(facts).facts == facts


def test_the_code_put_right_under_another_key_is_the_one_kept() -> None:
    # Listed most recently updated first: the correction came after the mistyped code.
    facts = [("reference", "sorry typo, its NVL-7730481"), ("order_id", "NVL-7730418")]
    kept = users_facts(facts)
    assert [key for key, _ in kept.facts] == ["reference"]


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("Alright, booking ref QX-88213", "booking ref: QX-88213"),
        ("cheers, order no. 7730481", "order no: 7730481"),
        ("اوکی، کد رهگیری TRK-55120", "کد رهگیری: TRK-55120"),
        ("حتماً کد پیگیری 55120", "کد پیگیری: 55120"),
        ("ใช่ เลขพัสดุ TH-5512", "เลขพัสดุ: TH-5512"),
        # "fine" also names what a code is of: a penalty's reference keeps it
        ("Fine ref PCN 8812", "Fine ref: PCN 8812"),
    ],
)
def test_every_shared_reply_word_opening_a_noted_code_is_left_out_of_its_name(
    value: str, line: str
) -> None:
    assert fact_line(_fact("reference_3", value)) == line


#: Facts whose value names a relative day but is no date or time: (key, value).
NOT_A_DAY = {
    "en": [("event_name", "Tonight Show tickets"), ("show", "tonight")],
    "fa": [("product_name", "کیک امشب"), ("note", "فردا")],
    "th": [("menu_name", "ชุดคืนนี้"), ("note", "พรุ่งนี้")],
}
#: A date key's value said only from then.
ONLY_FROM_THEN = {"en": "tonight", "fa": "امشب", "th": "คืนนี้"}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_only_a_date_or_time_said_from_then_is_not_recalled(language: str) -> None:
    kept = NOT_A_DAY[language]
    dated = ("pickup_time", ONLY_FROM_THEN[language])
    # all handed over (the date replaces an earlier one of its key); only it is not shown
    assert users_facts([*kept, dated]).facts == [*kept, dated]
    assert [day_gone(*fact) for fact in [*kept, dated]] == [False] * len(kept) + [True]
