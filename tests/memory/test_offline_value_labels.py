"""A value said inside a sentence is kept with its label only, in English, Persian and
Thai, value by value: the acknowledgement, the reply or the story before the label is no
part of it («รับเรื่องครับ เลขที่แจ้งซ่อม MT-24-1302» is a repair request's MT-24-1302),
a phone the agent gives as its own is the agent's, and a Thai reply of sentences to
"check the colour and model" names no product.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


def _noted(*pairs: tuple[str, str]) -> list[str]:
    return [v for k, v in facts_of(*pairs).items() if k.startswith("reference")]


@pytest.mark.parametrize(
    ("role", "message", "value"),
    [
        (
            "user",
            "I left it at the depot yesterday, hand-in slip DS-44821",
            "hand-in slip DS-44821",
        ),
        (
            "user",
            "I left the keys with the concierge, they wrote me a slip, number KS-20417",
            "they wrote me a slip, number KS-20417",
        ),
        (
            "user",
            "پیک اومد دستگاه رو برد، برگه‌ی تحویل داد با شماره‌ی TR8831XQ",
            "برگه‌ی تحویل داد با شماره‌ی TR8831XQ",
        ),
        (
            "user",
            "کلید رو دادم نگهبانی، یه برگه دادن، شماره‌ش KS-20417",
            "یه برگه دادن، شماره‌ش KS-20417",
        ),
        ("assistant", "ได้เลยครับ ผมจดไว้ให้แล้ว รหัสรับของ PK-55120", "รหัสรับของ PK-55120"),
        (
            "user",
            "มารับเครื่องไปแล้วนะครับ เขาให้ใบรับมา เลข TH4701FX2293 ครับ",
            "เขาให้ใบรับมา เลข TH4701FX2293",
        ),
    ],
    ids=[
        "en-clause",
        "en-bare-number",
        "fa-clause",
        "fa-bare-number",
        "th-reply",
        "th-bare-number",
    ],
)
def test_a_noted_code_keeps_only_the_clause_that_labels_it(
    role: str, message: str, value: str
) -> None:
    assert _noted((role, message)) == [value]


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("รับเรื่องครับ เลขที่แจ้งซ่อม MT-24-1302", "ticket_id", "MT-24-1302"),
        ("โอนเข้า ธ.กสิกรไทย เลขที่ 042-8-91375-6 ได้เลยค่ะ", "bank_account", "042-8-91375-6"),
        ("โอนเข้าธนาคารกรุงเทพ 123-4-56789-0 นะคะ", "bank_account", "123-4-56789-0"),
    ],
)
def test_a_thai_label_keys_the_code_after_it(message: str, key: str, value: str) -> None:
    facts = facts_of(("assistant", message))
    assert facts.get(key) == value
    assert not [k for k in facts if k.startswith("reference")]


@pytest.mark.parametrize(
    ("question", "reply", "value"),
    [
        (
            "My partner is driving me, can he call you if we get lost?",
            "Sure, my number is 0412 555 019.",
            "0412 555 019",
        ),
        (
            "همسرم منو میاره، اگه گم شدیم می‌تونه به شما زنگ بزنه؟",
            "حتماً، شماره‌ی من ۰۹۱۲۳۴۵۶۷۸۹ هست.",
            "۰۹۱۲۳۴۵۶۷۸۹",
        ),
        (
            "แฟนขับรถมาส่ง ถ้าหาไม่เจอให้เขาโทรหาพี่ได้มั้ยคะ",
            "ได้เลยครับ เบอร์ผม 092-118-6630 ครับ",
            "092-118-6630",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_phone_the_agent_gives_as_its_own_is_the_agents(
    question: str, reply: str, value: str
) -> None:
    facts = facts_of(("user", question), ("assistant", reply))
    assert facts.get("agent_phone") == value
    assert value not in [v for k, v in facts.items() if k != "agent_phone"]


def test_a_thai_agent_confirming_the_customers_number_as_phi_keeps_it_the_customers() -> None:
    # Thai agents call the customer «พี่»: «เบอร์พี่» is no agent's own number.
    facts = facts_of(
        ("assistant", "ขอยืนยันเบอร์พี่ 081-234-5678 นะคะ"),
        ("user", "ใช่ค่ะ"),
    )
    assert "agent_phone" not in facts


def test_a_thai_reply_of_sentences_to_check_the_model_names_no_product() -> None:
    facts = facts_of(
        ("assistant", "ดีใจด้วยค่ะ รบกวนเช็คสีกับรุ่นให้เรียบร้อยนะคะ"),
        ("user", "สีถูกครับ สวยจริงด้วย แต่ในกล่องมีแค่ฟิล์ม ไม่มีเคสใสครับ"),
    )
    assert "product" not in facts


@pytest.mark.parametrize(
    ("question", "reply", "product"),
    [
        # «แต่» (but) hides in «แต่ง» (to dress): a wedding dress is still a product
        ("สินค้าตัวไหนคะ", "ชุดแต่งงานสีขาวค่ะ", "ชุดแต่งงานสีขาว"),
    ],
)
def test_a_thai_product_named_in_a_reply_is_still_the_product(
    question: str, reply: str, product: str
) -> None:
    assert facts_of(("assistant", question), ("user", reply)).get("product") == product


@pytest.mark.parametrize(
    ("message", "value"),
    [
        (
            "That is for the Kia Niro EV 4, registration KM22 XTP",
            "That is for the Kia Niro EV 4, registration KM22 XTP",
        ),
        ("สำหรับ Galaxy A55 เลขที่ RM-5512", "สำหรับ Galaxy A55 เลขที่ RM-5512"),
    ],
    ids=["en-named-car", "th-latin-name"],
)
def test_a_clause_naming_what_the_code_is_of_stays_with_it(message: str, value: str) -> None:
    assert _noted(("user", message)) == [value]


def test_a_thai_instruction_told_back_as_done_is_no_new_one() -> None:
    facts = facts_of(("user", "แอดครับ ได้เครื่องแล้วครับ คนส่งโทรมาก่อนตามที่บอกเลย เยี่ยม"))
    assert "contact_preference" not in facts


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("ให้คนส่งโทรมาก่อนนะครับ ตามที่แจ้งไว้", "contact_preference", "โทรมาก่อนนะครับ ตามที่แจ้งไว้"),
        (
            "Please call me before you come, as I said.",
            "delivery_instruction",
            "call me before you come",
        ),
    ],
    ids=["th", "en"],
)
def test_an_instruction_said_again_as_asked_is_still_kept(
    message: str, key: str, value: str
) -> None:
    assert facts_of(("user", message)).get(key) == value
