"""A reply that says one forgot or does not remember (``forgetting``) answers nothing: no
name, no model, no person detail; Persian «رفت» after «یادم» is "forgot", no flight's way out.
Forgetting *to* say something opens what follows, which is still read."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _read(question: str, reply: str) -> tuple[dict[str, str], list[list[str]]]:
    lines = [
        TranscriptLine(1, "m1", "assistant", question),
        TranscriptLine(2, "m2", "user", reply),
    ]
    facts = {f.key: f.value for f in extract_facts(lines, []) if not f.replaced}
    return facts, [d.kinds for d in details_of(lines)]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("اسم شما؟", "یادم رفت"),
        ("اسم شما؟", "والا یادم رفته"),
        ("اسم شما؟", "فراموش کردم"),
        ("اسم شما؟", "یادم نیست"),
        ("مدل گوشی چیه؟", "یادم رفت"),
        ("ชื่ออะไรคะ", "ลืมแล้วค่ะ"),
        ("ชื่ออะไรคะ", "จำไม่ได้ค่ะ"),
        ("What's your name?", "I forgot"),
    ],
)
def test_not_remembering_is_no_answer(question: str, reply: str) -> None:
    facts, kinds = _read(question, reply)
    assert facts == {}
    assert kinds == []


@pytest.mark.parametrize(
    ("question", "reply", "key", "value"),
    [
        ("اسم شما؟", "رضا", "customer_name", "رضا"),
        ("ชื่ออะไรคะ", "สมศรีค่ะ", "customer_name", "สมศรี"),
        (
            "What's your name?",
            "Dana Whitfield, forgot to say I'm the tenant",
            "customer_name",
            "Dana Whitfield",
        ),
        (
            "آدرس؟",
            "یادم رفت بگم، آدرس عوض شده: تهران، خیابان آزادی، پلاک ۴",
            "delivery_address",
            "تهران، خیابان آزادی، پلاک ۴",
        ),
    ],
    ids=["fa-name", "th-name", "en-forgot-to-say", "fa-forgot-to-say"],
)
def test_a_reply_that_gives_the_value_is_still_read(
    question: str, reply: str, key: str, value: str
) -> None:
    facts, _ = _read(question, reply)
    assert facts.get(key) == value
