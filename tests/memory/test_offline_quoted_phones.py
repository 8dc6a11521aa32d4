"""A phone given in place of one the assistant read back ("ring you on 07700 900123?" "no,
ring my work line: …", «با همون 0912… تماس بگیره؟» «نه، …», «ในระบบเป็นเบอร์คุณแม่ …»
«ขอเปลี่ยนเป็นเบอร์ลูกชาย» «092-…») replaces it under its key, whatever the new number's
own words call it; a number given beside a read-back the customer keeps replaces nothing."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

#: (messages, the phone held (key, value), the number that replaces it)
_REPLACED = [
    (
        [
            ("assistant", "Shall the engineer ring you on 07700 900456 when he's outside?"),
            ("user", "No, that mobile is with my son this week. Ring my work line: 020 7946 0321"),
        ],
        ("customer_phone", "07700 900456"),
        "020 7946 0321",
    ),
    (
        [
            ("assistant", "با همون 09121112233 هماهنگ کنه؟"),
            ("user", "نه، اون گوشی دست خانممه. رو خط کاریم زنگ بزنه: 0935 444 1212"),
        ],
        ("customer_phone", "09121112233"),
        "0935 444 1212",
    ),
    (
        [
            ("assistant", "ขอยืนยันเบอร์ติดต่อนะคะ ในระบบเป็นเบอร์คุณแม่ 081-222-3344 ค่ะ"),
            ("user", "ขอเปลี่ยนเป็นเบอร์ลูกชายได้ไหมคะ แม่ไม่ค่อยรับสาย"),
            ("user", "092-555-6677 ค่ะ"),
        ],
        ("recipient_phone", "081-222-3344"),
        "092-555-6677",
    ),
]


@pytest.mark.parametrize(("messages", "held", "new"), _REPLACED)
def test_a_number_given_instead_of_the_one_read_back_replaces_it(
    messages: list[tuple[str, str]], held: tuple[str, str], new: str
) -> None:
    lines = [
        TranscriptLine(n, f"m{n}", role, text)  # type: ignore[arg-type]
        for n, (role, text) in enumerate(messages, 1)
    ]
    facts = [(f.key, f.value) for f in extract_facts(lines, [held])]
    assert (held[0], new) in facts
    assert all(value != new for key, value in facts if key != held[0])


#: (messages, the phone held): the customer keeps the number read back
_KEPT = [
    (
        [
            ("assistant", "Shall the engineer ring you on 07700 900456 when he's outside?"),
            ("user", "Yes please, and my work line is 020 7946 0321 if you can't get through."),
        ],
        "07700 900456",
    ),
    (
        [
            ("assistant", "We can text you the tracking link. Same number, 07700 900456?"),
            ("user", "actually text my husband instead, he'll be in. his number is 07700 900789"),
        ],
        "07700 900456",
    ),
    (
        [
            ("assistant", "Shall the fitter call 07700 900456 on the morning?"),
            ("user", "No problem, but ring my office line too please: 020 7946 0555"),
        ],
        "07700 900456",
    ),
    (
        [
            ("assistant", "با همون 09121112233 هماهنگ کنه؟"),
            ("user", "آره. شماره محل کارم هم 02188001122 هست"),
        ],
        "09121112233",
    ),
    (
        [
            ("assistant", "ขอยืนยันเบอร์ติดต่อนะคะ 081-222-3344 ค่ะ"),
            ("user", "ถูกต้องค่ะ เบอร์ที่ทำงาน 02-555-6677 ค่ะ"),
        ],
        "081-222-3344",
    ),
]


@pytest.mark.parametrize(("messages", "held"), _KEPT)
def test_a_number_given_beside_a_kept_one_replaces_nothing(
    messages: list[tuple[str, str]], held: str
) -> None:
    lines = [
        TranscriptLine(n, f"m{n}", role, text)  # type: ignore[arg-type]
        for n, (role, text) in enumerate(messages, 1)
    ]
    facts = [(f.key, f.value) for f in extract_facts(lines, [("customer_phone", held)])]
    assert all(key != "customer_phone" for key, _ in facts)


#: (messages, the customer's phone read back, another person's number given instead)
_SOMEONE_ELSES_INSTEAD = [
    (
        [
            ("assistant", "Can the plumber call you on 07700 900314 to say he's on his way?"),
            ("user", "No, phone my daughter instead, 07700 900272"),
        ],
        "07700 900314",
        "07700 900272",
    ),
    (
        [
            ("assistant", "Is 07700 900314 still the best number for the courier?"),
            ("user", "no - try my partner on 07700 900272, I'll be at work"),
        ],
        "07700 900314",
        "07700 900272",
    ),
    (
        [
            ("assistant", "برای هماهنگی با شماره 09127776655 تماس بگیریم؟"),
            ("user", "نه، با پسرم تماس بگیرید 09384443322"),
        ],
        "09127776655",
        "09384443322",
    ),
    (
        [
            ("assistant", "ช่างจะโทรไปที่เบอร์ 081-444-9090 นะคะ ได้ไหมคะ"),
            ("user", "ไม่ค่ะ โทรหาสามีแทนนะคะ 089-321-7788"),
        ],
        "081-444-9090",
        "089-321-7788",
    ),
]


@pytest.mark.parametrize(("messages", "held", "new"), _SOMEONE_ELSES_INSTEAD)
def test_another_persons_number_given_instead_is_not_the_customers(
    messages: list[tuple[str, str]], held: str, new: str
) -> None:
    lines = [
        TranscriptLine(n, f"m{n}", role, text)  # type: ignore[arg-type]
        for n, (role, text) in enumerate(messages, 1)
    ]
    facts = [(f.key, f.value) for f in extract_facts(lines, [("customer_phone", held)])]
    assert ("customer_phone", new) not in facts
    assert ("recipient_phone", new) in facts
