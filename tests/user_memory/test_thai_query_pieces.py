"""A Thai query's trigram alone ranks no detail first: «สวัสดีค่ะ ฉันเองนะคะ» ("hello, it's
me") yields «ฉัน», «ันเ», «นเอ», «เอง», pieces of words and of two words at once, which
matched chatter sharing three letters ("ปีที่แล้วร้านเก่าให้ 150 เอง", "ครั้งที่แล้วเถียงกันเรื่อง…")
and put it before the details a returning user's first message needs (returning user
at 1,200 tokens, Thai: dev5 59 -> 66 %). A detail matches a Thai query where it holds
two trigrams side by side in it (``recall_details._matched``). Near misses: a Thai word
of the query (four letters or more) still ranks its detail first, a Thai word of three
letters on its own too, and English and Persian words match as before."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.user_memory.recall_details import ranked
from schemas.user_memory import UserDetail
from tests.user_memory.conversations import T0


def _detail(position: int, text: str, value: str) -> UserDetail:
    return UserDetail(
        session_id="s1",
        observed_at=T0 + timedelta(days=1),
        position=position,
        text=text,
        values=[value],
        kinds=["amount"],
    )


#: Newest first, as the memory stores them: what the errand settled, then two turns of
#: chatter sharing a trigram with the greeting.
THAI = [
    _detail(30, "Assistant: ผ้าไมโครตัวละ 210 บาท รุ่นแคป 1,500 บาทค่ะ", "210 บาท"),
    _detail(25, "Assistant: ค่าส่ง 500 บาทค่ะ", "500 บาท"),
    _detail(10, "User: ปีที่แล้วร้านเก่าให้ 150 เอง", "150"),
    _detail(5, "User: ครั้งที่แล้วเถียงกันเรื่องร้านไป 300 บาท", "300 บาท"),
]
GREETING = "สวัสดีค่ะ ฉันเองนะคะ"


def test_a_greetings_thai_pieces_rank_no_detail_first() -> None:
    assert list(ranked(THAI, GREETING)) == list(ranked(THAI, "")) == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("ผ้าไมโครยังมีไหมคะ", 0),  # a word of the query: its detail first
        ("อยากเพิ่ม แคป ค่ะ", 0),  # a word of three letters alone
        ("ฉันเองค่ะ ค่าส่ง เท่าไหร่", 1),  # a word beside the greeting's pieces
    ],
)
def test_a_thai_word_of_the_query_still_ranks_its_detail_first(query: str, first: int) -> None:
    assert ranked(THAI, query)[0] == first


OTHERS = {
    "en": (
        [
            _detail(30, "User: it's me again, the one with the dog", "1"),
            _detail(10, "Assistant: Delivery is £12 on Friday.", "£12"),
        ],
        "Hi, about my delivery",
    ),
    "fa": (
        [
            _detail(30, "User: دوباره زنگ زدم ۲ بار", "۲ بار"),
            _detail(10, "Assistant: هزینه ارسال ۵۰ هزار تومن هست.", "۵۰ هزار تومن"),
        ],
        "سلام، درباره ارسال",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa"])
def test_english_and_persian_words_match_as_before(language: str) -> None:
    details, query = OTHERS[language]
    assert ranked(details, query)[0] == 1
