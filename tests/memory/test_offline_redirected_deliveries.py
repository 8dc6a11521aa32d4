"""An address given in answer to the assistant's question for it, after the customer asked
to have the delivery sent elsewhere, is the new delivery address, whole, in English,
Persian and Thai."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("held", "asked_to_send", "question", "reply", "address"),
    [
        (
            "Please deliver the sofa to 12 Park Road, Leeds LS6 2AB.",
            "Actually, can you send it to my work instead?",
            "Of course, what's the work address?",
            "Unit 4, Kirkstall Forge, Leeds LS5 3BF",
            "Unit 4, Kirkstall Forge, Leeds LS5 3BF",
        ),
        (
            "Please deliver the sofa to 12 Park Road, Leeds LS6 2AB.",
            "Nobody's home in the day. Can you send it to my work instead?",
            "Sure, what's the work address?",
            "It's 14 Wellington Street, Leeds LS1 4DL. Thanks",
            "14 Wellington Street, Leeds LS1 4DL",
        ),
        (
            "لطفاً سفارش رو به آدرس تهران، خیابان ولیعصر، پلاک ۱۲ بفرستید.",
            "خونه کسی نیست، میشه بفرستید دفترم؟",
            "بله، آدرس دفترتون رو بفرمایید.",
            "اصفهان، خیابان چهارباغ، ساختمان آفتاب، طبقه ۳، کد پستی ۸۱۳۴۶۵۷۸۹۱",
            "اصفهان، خیابان چهارباغ، ساختمان آفتاب، طبقه ۳، کد پستی ۸۱۳۴۶۵۷۸۹۱",
        ),
        (
            "ส่งบัตรไปที่ 123/4 หมู่ 6 ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120 นะคะ",
            "ที่บ้านกลางวันไม่มีคนอยู่ ส่งไปที่ทำงานได้ไหมคะ",
            "ได้ครับ ขอที่อยู่ที่ทำงานด้วยครับ",
            "อาคารสาทรทาวเวอร์ ชั้น 12 ถนนสาทรใต้ แขวงยานนาวา เขตสาทร กรุงเทพฯ 10120 ค่ะ บริษัทสยามค้าส่ง",
            "อาคารสาทรทาวเวอร์ ชั้น 12 ถนนสาทรใต้ แขวงยานนาวา เขตสาทร กรุงเทพฯ 10120",
        ),
    ],
)
def test_the_address_asked_for_after_a_change_of_destination_is_the_delivery_address(
    held: str, asked_to_send: str, question: str, reply: str, address: str
) -> None:
    facts = conversation(
        ("user", held), ("user", asked_to_send), ("assistant", question), ("user", reply)
    )
    assert current(facts)["delivery_address"] == address
    assert history(facts, "delivery_address")[0] in held
    assert not {"work_address", "postcode"} & set(current(facts))


@pytest.mark.parametrize(
    ("held", "question", "reply", "key"),
    [
        (
            "Please deliver to 12 Park Road, Leeds LS6 2AB",
            "What's your work address, for our records?",
            "Unit 4, Kirkstall Forge, Leeds LS5 3BF",
            "postcode",
        ),
    ],
)
def test_an_address_asked_for_without_a_change_of_destination_leaves_the_delivery(
    held: str, question: str, reply: str, key: str
) -> None:
    facts = conversation(
        ("user", held),
        ("user", "ok"),
        ("assistant", question),
        ("user", reply),
    )
    assert current(facts)["delivery_address"] in held
    assert key in current(facts)


@pytest.mark.parametrize(
    ("held", "send_elsewhere", "address"),
    [
        (
            "Please deliver the sofa to 12 Park Road, Leeds LS6 2AB.",
            "Nobody's home on Tuesday, can you send it to my work instead? It's Unit 4,"
            " Kirkstall Forge, Leeds LS5 3BF",
            "Unit 4, Kirkstall Forge, Leeds LS5 3BF",
        ),
        (
            "ส่งบัตรไปที่ 123/4 หมู่ 6 ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120 นะคะ",
            "วันอังคารไม่มีคนอยู่บ้าน ส่งไปที่ทำงานแทนได้ไหมคะ อาคารสาทรทาวเวอร์ ชั้น 12"
            " ถนนสาทรใต้ แขวงยานนาวา เขตสาทร กรุงเทพฯ 10120 ค่ะ",
            "อาคารสาทรทาวเวอร์ ชั้น 12 ถนนสาทรใต้ แขวงยานนาวา เขตสาทร กรุงเทพฯ 10120",
        ),
        (
            "لطفاً به آدرس شیراز، قصرالدشت، کوچه ۲۲، پلاک ۱۴ بفرستید.",
            "اوه صبر کن. سه‌شنبه خونه کسی نیست که بفرستید دفترم: خیابان زند، ساختمان آرین، طبقه ۴",
            "خیابان زند، ساختمان آرین، طبقه ۴",
        ),
    ],
)
def test_an_address_given_with_the_request_to_send_elsewhere_is_the_delivery_address(
    held: str, send_elsewhere: str, address: str
) -> None:
    facts = conversation(("user", held), ("user", send_elsewhere))
    assert current(facts)["delivery_address"] == address
    assert history(facts, "delivery_address")[0] in held
    assert not {"work_address", "postcode"} & set(current(facts))


def test_a_work_address_given_with_no_delivery_held_stays_the_work_address() -> None:
    facts = conversation(
        ("user", "بفرستید دفترم: خیابان زند، ساختمان آرین، طبقه ۴"),
    )
    assert "delivery_address" not in current(facts)


def test_a_courier_sent_to_collect_from_work_leaves_the_delivery_address() -> None:
    """«پیک بیاد محل کارم» sends the courier to collect there: the address the repaired
    laptop goes back to stays."""
    facts = conversation(
        ("user", "لطفاً به آدرس شیراز، قصرالدشت، کوچه ۲۲، پلاک ۱۴ بفرستید."),
        ("user", "دوشنبه خونه نیستم. پیک بیاد محل کارم: خیابان زند، ساختمان آرین، طبقه ۴"),
    )
    assert "قصرالدشت" in current(facts)["delivery_address"]


@pytest.mark.parametrize(
    ("held", "other_request"),
    [
        (
            "Please deliver the sofa to 12 Park Road, Leeds LS6 2AB.",
            "Can you send a driver to collect the old sofa from my work? It's Unit 4,"
            " Kirkstall Forge, Leeds LS5 3BF",
        ),
        (
            "Please deliver the sofa to 12 Park Road, Leeds LS6 2AB.",
            "Can the driver go to my work to pick up the old one? It's Unit 4,"
            " Kirkstall Forge, Leeds LS5 3BF",
        ),
        (
            "Please deliver the sofa to 12 Park Road, Leeds LS6 2AB.",
            "Could you send the invoice to my work? It's Unit 4, Kirkstall Forge, Leeds LS5 3BF",
        ),
        (
            "ส่งบัตรไปที่ 123/4 หมู่ 6 ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120 นะคะ",
            "ใบกำกับภาษีส่งไปที่ออฟฟิศนะคะ อาคารสาทรทาวเวอร์ ชั้น 12 ถนนสาทรใต้ แขวงยานนาวา"
            " เขตสาทร กรุงเทพฯ 10120 ค่ะ",
        ),
        (
            "ส่งบัตรไปที่ 123/4 หมู่ 6 ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120 นะคะ",
            "ให้คนมารับของเก่าที่ทำงานนะคะ อาคารสาทรทาวเวอร์ ชั้น 12 ถนนสาทรใต้ แขวงยานนาวา"
            " เขตสาทร กรุงเทพฯ 10120 ค่ะ",
        ),
        (
            "لطفاً به آدرس شیراز، قصرالدشت، کوچه ۲۲، پلاک ۱۴ بفرستید.",
            "فاکتور رو بفرستید دفترم: خیابان زند، ساختمان آرین، طبقه ۴",
        ),
        (
            "لطفاً به آدرس شیراز، قصرالدشت، کوچه ۲۲، پلاک ۱۴ بفرستید.",
            "کالای قبلی رو از محل کارم ببرید: خیابان زند، ساختمان آرین، طبقه ۴ و جدید رو بفرستید"
            " خونه",
        ),
    ],
)
def test_an_address_for_an_invoice_or_a_collection_leaves_the_delivery_address(
    held: str, other_request: str
) -> None:
    """Sending an invoice to work or a driver to collect from there is no change of where the
    delivery goes: the address held stays."""
    facts = conversation(("user", held), ("user", other_request))
    assert current(facts)["delivery_address"] in held


@pytest.mark.parametrize(
    ("held", "send_elsewhere", "address"),
    [
        (
            "Please deliver the sofa to 12 Park Road, Leeds LS6 2AB.",
            "Could you send the parcel to my work instead? It's Unit 4, Kirkstall Forge,"
            " Leeds LS5 3BF",
            "Unit 4, Kirkstall Forge, Leeds LS5 3BF",
        ),
        (
            "لطفاً به آدرس شیراز، قصرالدشت، کوچه ۲۲، پلاک ۱۴ بفرستید.",
            "سفارش رو بفرستید دفترم: خیابان زند، ساختمان آرین، طبقه ۴ و فاکتور رو ایمیل کنید",
            "خیابان زند، ساختمان آرین، طبقه ۴",
        ),
    ],
)
def test_the_delivery_named_in_the_request_takes_the_address_given(
    held: str, send_elsewhere: str, address: str
) -> None:
    facts = conversation(("user", held), ("user", send_elsewhere))
    assert current(facts)["delivery_address"] == address
