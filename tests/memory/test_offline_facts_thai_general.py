"""Thai support chat in general, value by value: values in Thai digits, bank accounts beside
phones, LINE IDs, full names with their titles and the contacts of someone else.

Written from Thai chat as customers write it in any domain, not from one dialogue's wording.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history

# -- values written in Thai digits -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("เลขที่สัญญา PL-๖๗๐๔๒๑๘ ครับ", "PL-๖๗๐๔๒๑๘"),
        ("รหัสสมาชิก MB๒๐๒๔๐๑๗ ค่ะ", "MB๒๐๒๔๐๑๗"),
        ("order ORD-48213 please", "ORD-48213"),
    ],
)
def test_a_code_with_thai_digits_is_one_identifier(text: str, value: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.IDENTIFIER, value)]


def test_a_contract_number_in_thai_digits_is_the_account_number() -> None:
    assert facts_of(("user", "เลขที่สัญญา PL-๖๗๐๔๒๑๘ ครับ"))["account_number"] == "PL-๖๗๐๔๒๑๘"


# -- a bank account is no phone --------------------------------------------------------------


@pytest.mark.parametrize("account", ["067-2-41853-9", "๔๒๗-๐-๕๕๓๑๘-๖"])
def test_a_bank_account_shape_is_no_phone_in_either_digits(account: str) -> None:
    assert [(v.kind, v.text) for v in find_values(f"{account} ครับ")] == [(Kind.IDENTIFIER, account)]


def test_a_bank_account_changed_replaces_the_old_one_and_leaves_the_phone_alone() -> None:
    facts = conversation(
        ("user", "เบอร์ติดต่อ 081-447-2290 ครับ"),
        ("assistant", "จะตัดค่างวดจากบัญชีไหนคะ"),
        ("user", "บัญชีกสิกร 067-2-41853-9 ครับ"),
        ("user", "ขอเปลี่ยนบัญชีตัดเงินเป็นไทยพาณิชย์ได้ไหม"),
        ("assistant", "ได้ค่ะ ขอเลขบัญชีด้วยนะคะ"),
        ("user", "๔๒๗-๐-๕๕๓๑๘-๖ ครับ"),
    )
    assert current(facts)["bank_account"] == "๔๒๗-๐-๕๕๓๑๘-๖"
    assert history(facts, "bank_account") == ["067-2-41853-9"]
    assert current(facts)["customer_phone"] == "081-447-2290"
    assert history(facts, "customer_phone") == []


def test_the_customers_record_is_no_bank_account() -> None:
    assert facts_of(("assistant", "เบอร์ในบัญชีคือ 089-201-6634 ใช่ไหมคะ"))["customer_phone"] == (
        "089-201-6634"
    )


# -- LINE IDs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("ส่งทางไลน์นะครับ ไลน์ผม thanakorn.boat", "thanakorn.boat"),
        ("ไลน์ kwan_2024 ค่ะ", "kwan_2024"),
        ("ไอดีไลน์: nok.sirin ค่ะ", "nok.sirin"),
        ("my LINE ID is @nok_99", "@nok_99"),
    ],
)
def test_a_line_id_is_a_fact(text: str, handle: str) -> None:
    assert facts_of(("user", text))["line_id"] == handle


@pytest.mark.parametrize(
    ("role", "text"),
    [
        ("assistant", "ส่งมาที่ไลน์ @shop-care ได้เลยค่ะ"),  # the shop's account, not the customer's
        ("user", "the deadline 13th is fine"),
        ("user", "ไลน์ 0812345678 ค่ะ"),  # a phone, read as one
    ],
)
def test_no_line_id(role: str, text: str) -> None:
    assert "line_id" not in facts_of((role, text))


# -- names with surnames and titles ----------------------------------------------------------


def test_a_name_with_a_space_before_the_particle_keeps_its_surname() -> None:
    facts = facts_of(("user", "ดิฉันชื่อนางสาวกมลวรรณ ใจดีเลิศ ค่ะ เรียกกิ๊ฟก็ได้"))
    assert facts["customer_name"] == "นางสาวกมลวรรณ ใจดีเลิศ"


def test_a_relatives_name_keeps_its_legal_title() -> None:
    facts = facts_of(("user", "คุณพ่อชื่อนายประยูร แก้วมณีค่ะ"))
    assert facts["father_name"] == "นายประยูร แก้วมณี"


def test_the_name_of_someone_else_asked_for_is_not_the_customers() -> None:
    facts = conversation(
        ("assistant", "ขอทราบชื่อ-นามสกุลด้วยค่ะ"),
        ("user", "นายธนากร ศรีสุวรรณ ครับ"),
        ("assistant", "ได้ค่ะ ต้องทำหนังสือมอบอำนาจ ขอชื่อและเบอร์ภรรยาด้วยค่ะ"),
        ("user", "นางสาวพิมพ์ชนก แสงทอง ครับ เบอร์ 089-205-1137"),
        batch=2,
    )
    assert current(facts)["customer_name"] == "นายธนากร ศรีสุวรรณ"
    assert current(facts)["person_name"] == "นางสาวพิมพ์ชนก แสงทอง"
    assert current(facts)["recipient_phone"] == "089-205-1137"
    assert "customer_phone" not in current(facts)


def test_a_childs_name_asked_for_is_not_the_customers() -> None:
    facts = facts_of(
        ("user", "เด็กชายภูมิ ตั้งจิตเจริญ ค่ะ ชื่อเล่นน้องภูมิ"),
        context=[("assistant", "ขอทราบชื่อ-นามสกุลของน้องด้วยครับ")],
    )
    assert "customer_name" not in facts


# -- someone else's email --------------------------------------------------------------------


def test_her_email_and_a_corrected_mothers_email_are_not_the_customers() -> None:
    facts = conversation(
        ("user", "ของผม thanakorn.s1988@hotmail.com ครับ"),
        ("user", "อีเมลเธอ pimchanok.st@gmail.com เผื่อส่งเอกสาร"),
        ("user", "อ๊ะ ขอแก้ค่ะ อีเมลแม่เป็น malee.jaidee@outlook.com ค่ะ"),
        batch=1,
    )
    assert current(facts)["customer_email"] == "thanakorn.s1988@hotmail.com"
    assert history(facts, "customer_email") == []
    assert current(facts)["second_contact_email"] == "malee.jaidee@outlook.com"


# -- October and January are no address ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("วันซ้อมใหญ่ ๒๕ ต.ค. ค่ะ", "๒๕ ต.ค."),
        ("นัดวันที่ 3 ม.ค. 2568 ค่ะ", "วันที่ 3 ม.ค. 2568"),
        ("วันรับจริง 29 ต.ค. 15.00 น. ค่ะ", "29 ต.ค. 15.00 น."),
    ],
)
def test_a_date_in_october_or_january_is_no_tambon_or_village(text: str, date: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.DATE, date)]


def test_a_tambon_and_a_village_by_their_dots_are_still_an_address() -> None:
    text = "12 ม.4 ต.หนองหาร อ.สันทราย จ.เชียงใหม่ 50290"
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.ADDRESS, text)]


# -- free-text answers to open questions -----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "reply", "key", "value"),
    [
        (
            "รับทราบค่ะ ทำอาชีพอะไรคะ",
            "ขายก๋วยเตี๋ยวเรือครับ มีร้านอยู่ตลาดนัดจตุจักร",
            "occupation",
            "ขายก๋วยเตี๋ยวเรือครับ มีร้านอยู่ตลาดนัดจตุจักร",
        ),
        ("คุณทำงานอะไรคะ", "รับราชการครู", "occupation", "รับราชการครู"),
        (
            "อาการเป็นยังไงคะ",
            "กดเปิดแล้วมีเสียงดังแต่ไม่มีลมออกครับ",
            "reported_fault",
            "กดเปิดแล้วมีเสียงดังแต่ไม่มีลมออก",
        ),
    ],
)
def test_a_reply_to_an_open_thai_question_is_the_answer(
    question: str, reply: str, key: str, value: str
) -> None:
    assert facts_of(("user", reply), context=[("assistant", question)])[key] == value


def test_a_short_reply_to_an_open_thai_question_answers_nothing() -> None:
    assert facts_of(("user", "ได้ครับ"), context=[("assistant", "อาการเป็นยังไงคะ")]) == {}


# -- sending a slip ships nothing ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["โอนแล้วค่ะ ๓,๐๐๐ บาท ส่งสลิปในแชทนะคะ", "ส่งเอกสารแล้วครับ ยอด 1,500 บาท"],
)
def test_sending_a_slip_or_a_document_is_no_shipping_cost(text: str) -> None:
    assert "shipping_cost" not in facts_of(("user", text))


def test_a_shipping_fee_is_still_one() -> None:
    assert facts_of(("assistant", "ค่าส่ง 50 บาท รบกวนขอที่อยู่จัดส่งด้วยค่ะ"))["shipping_cost"] == ("50 บาท")
