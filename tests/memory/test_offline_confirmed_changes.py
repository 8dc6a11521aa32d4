"""The agent confirming by name that it changed a held subject: the customer's latest value
of that kind replaces it, in English, Persian and Thai."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("pairs", "key", "new", "old"),
    [
        (
            [
                ("user", "invoice address is Unit 4, Carver Street, Sheffield S1 4FS"),
                ("assistant", "Thank you."),
                ("user", "invoices go to the office now, 2nd Floor, 88 Deansgate, M3 2ER"),
                ("assistant", "Thanks, I've updated the billing address."),
            ],
            "billing_address",
            "2nd Floor, 88 Deansgate, M3 2ER",
            "Unit 4, Carver Street, Sheffield S1 4FS",
        ),
        (
            [
                ("user", "آدرس: تهران، خیابان مطهری، کوچه نهم، پلاک ۱۲"),
                ("assistant", "ممنون."),
                ("user", "بفرستید محل کارم: خیابان ولیعصر، کوچه نیکبخت، پلاک ۵"),
                ("assistant", "حتماً، آدرس رو تغییر دادم."),
            ],
            "delivery_address",
            "خیابان ولیعصر، کوچه نیکبخت، پلاک ۵",
            "تهران، خیابان مطهری، کوچه نهم، پلاک ۱۲",
        ),
        (
            [
                ("user", "ที่อยู่ 99/12 ซอยสุขุมวิท 31 เขตวัฒนา กรุงเทพฯ 10110 ค่ะ"),
                ("assistant", "รับทราบค่ะ"),
                ("user", "ที่ทำงานอยู่ อาคารสาทรธานี 2 ชั้น 19 ถนนสาทรเหนือ ค่ะ"),
                ("assistant", "ได้ค่ะ เปลี่ยนที่อยู่จัดส่งให้แล้วค่ะ"),
            ],
            "delivery_address",
            "อาคารสาทรธานี 2 ชั้น 19 ถนนสาทรเหนือ",
            "99/12 ซอยสุขุมวิท 31 เขตวัฒนา กรุงเทพฯ 10110",
        ),
    ],
)
def test_the_agent_confirming_the_subject_changed_files_the_customers_new_value_there(
    pairs: list[tuple[str, str]], key: str, new: str, old: str
) -> None:
    facts = conversation(*pairs, batch=10)
    assert current(facts)[key] == new
    assert history(facts, key) == [old]


_HELD = ("user", "deliver to 14 Bramley Close, Harrogate HG2 7DN")
_WORK = ("user", "my work is Unit 4, Kirkstall Forge, Leeds LS5 3BF")


@pytest.mark.parametrize(
    "confirmation",
    [
        "I've updated your phone number.",  # another subject
        "I can update the delivery address if you like?",  # offered, not done
        "I've updated the delivery date to Friday 6 June.",  # says its own new value
        "حتماً، شماره تماس رو تغییر دادم.",
        "ได้ค่ะ เปลี่ยนเบอร์โทรให้แล้วค่ะ",
    ],
)
def test_a_change_of_another_subject_or_not_yet_done_moves_nothing(confirmation: str) -> None:
    facts = conversation(_HELD, ("assistant", "Thanks."), _WORK, ("assistant", confirmation))
    assert current(facts)["delivery_address"] == "14 Bramley Close, Harrogate HG2 7DN"
