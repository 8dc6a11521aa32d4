"""Summaries keep what the conversation is about: small talk gives its room up first,
(en, fa, th)."""

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline import OfflineEngine
from domain.memory.offline.small_talk import is_small_talk
from domain.tokens import estimate_tokens

engine = OfflineEngine()


def transcript(turns: list[tuple[str, str]], first: int = 1) -> list[TranscriptLine]:
    return [
        TranscriptLine(position=first + i, message_id=f"m{first + i}", role=role, content=text)
        for i, (role, text) in enumerate(turns)
    ]


@pytest.mark.parametrize(
    ("chat", "kept"),
    [
        (
            "haha honestly I go to that mall every single weekend anyway lol",
            "The Deansgate branch it is.",
        ),
        ("خخخخ آخه هر هفته خودم اونجا میرم برای خرید", "شعبه ملاصدرا رو انتخاب کردم."),
        ("คนขอนแก่นต้องส้มตำอยู่แล้ว 555", "เอาสาขาเซ็นทรัลค่ะ"),
    ],
)
def test_laughter_gives_its_room_to_the_choice(chat: str, kept: str) -> None:
    lines = transcript([("user", f"{kept} {chat}" if "5" in chat else f"{kept}\n{chat}")])
    # room for either sentence, not for both
    summary = engine.fold(None, lines, max(estimate_tokens(f"User: {t}") for t in (kept, chat)) + 1)
    assert kept in summary
    assert chat not in summary


@pytest.mark.parametrize(
    "text",
    [
        "ไปห้างทุกเสาร์อยู่แล้ว 555",
        "haha ok",
        "random one but is the sauna open?",
        "خخخ آره",
        "ถามนอกเรื่องนิดนึง",
        "یه سوال بی‌ربط",
    ],
)
def test_laughter_and_asides_are_small_talk(text: str) -> None:
    assert is_small_talk(text)


@pytest.mark.parametrize(
    "text",
    [
        "Room 555 is ready.",
        "ราคา 5,550 บาท",
        "The Deansgate branch",
        "شعبه ملاصدرا",
        # a Thai 555 that a word before or a unit after makes a number
        "ห้อง 555 ค่ะ",
        "บ้านเลขที่ 555 ค่ะ",
        "ค่าส่ง 555 บาทค่ะ",
    ],
)
def test_business_is_not_small_talk(text: str) -> None:
    assert not is_small_talk(text)
