"""Sentence splitting for English, Persian, Thai and CJK."""

import pytest

from domain.memory.offline.sentences import (
    MAX_JOINED_THAI_CLAUSE_CHARS,
    MAX_SENTENCE_CHARS,
    split_sentences,
)


def test_english_sentences_end_at_terminators_not_at_decimals_or_abbreviations() -> None:
    text = "Dr. Smith paid $49.99 for it! Is that fine? e.g. this one is.\nNew line"
    assert split_sentences(text) == [
        "Dr. Smith paid $49.99 for it!",
        "Is that fine?",
        "e.g. this one is.",
        "New line",
    ]


def test_persian_sentences_end_at_persian_marks() -> None:
    text = "سلام! خوبم ممنون. چطور می‌تونم کمکتون کنم؟ سوال دارم؛ درباره گارانتی"
    assert split_sentences(text) == [
        "سلام!",
        "خوبم ممنون.",
        "چطور می‌تونم کمکتون کنم؟",
        "سوال دارم؛",
        "درباره گارانتی",
    ]


def test_thai_splits_at_spaces_between_thai_and_keeps_particles_attached() -> None:
    text = "สวัสดีครับ ผมสนใจ Nanopresso ครับ ราคาเท่าไหร่ ครับ"
    assert split_sentences(text) == [
        "สวัสดีครับ",
        "ผมสนใจ Nanopresso ครับ",
        "ราคาเท่าไหร่ ครับ",
    ]


def test_cjk_sentences_end_at_full_width_marks() -> None:
    assert split_sentences("我想买咖啡机。价格是多少？好的") == [
        "我想买咖啡机。",
        "价格是多少？",
        "好的",
    ]


def test_long_spans_are_bounded_at_clause_boundaries() -> None:
    run_on = ", ".join(["the customer asked about the warranty again"] * 20)
    sentences = split_sentences(run_on)
    assert len(sentences) > 1
    assert all(len(sentence) <= MAX_SENTENCE_CHARS for sentence in sentences)
    assert all(sentence.endswith(",") for sentence in sentences[:-1])


def test_long_unspaced_thai_is_bounded_without_splitting_marks() -> None:
    sentences = split_sentences("ที่นี่" * 150)
    assert len(sentences) > 1
    assert all(len(sentence) <= MAX_SENTENCE_CHARS for sentence in sentences)
    assert not any(sentence[0] in "่้๊๋ิีึืุูั็์" for sentence in sentences)


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences("  \n\t \n") == []


def test_thai_abbreviation_periods_do_not_end_a_sentence() -> None:
    """Thai ends sentences with a space: the period of «ม.ค.», «น.», «กก.» closes a short form,
    so a date or a time is never cut from the clause it belongs to."""
    assert split_sentences("อาทิตย์ 5 ม.ค. 68 เวลา 11:00 น. และฉีดวัคซีนวันเดียวกันค่ะ") == [
        "อาทิตย์ 5 ม.ค. 68 เวลา 11:00 น. และฉีดวัคซีนวันเดียวกันค่ะ"
    ]
    assert split_sentences("น้ำหนัก 12.1 กก. ค่ะ ส่ง 2 พ.ค. 2568 ครับ") == [
        "น้ำหนัก 12.1 กก. ค่ะ",
        "ส่ง 2 พ.ค. 2568 ครับ",
    ]


def test_a_period_after_a_thai_word_still_ends_a_sentence() -> None:
    assert split_sentences("ได้ค่ะ. พรุ่งนี้ส่งนะคะ") == ["ได้ค่ะ.", "พรุ่งนี้ส่งนะคะ"]


def test_thai_label_stays_with_the_value_after_the_space() -> None:
    assert split_sentences("ย้ายการประชุมเป็น วันพุธ 9 ต.ค. ครับ ขอบคุณครับ") == [
        "ย้ายการประชุมเป็น วันพุธ 9 ต.ค. ครับ",
        "ขอบคุณครับ",
    ]
    assert split_sentences("ส่งของไปที่ หอพักสุขสบาย แล้วค่ะ") == [
        "ส่งของไปที่ หอพักสุขสบาย",
        "แล้วค่ะ",
    ]


def test_thai_will_stays_with_the_verb_after_the_space() -> None:
    assert split_sentences("ตอนรับรถผมจะ จ่ายเงินสด เลย") == ["ตอนรับรถผมจะ จ่ายเงินสด เลย"]


def test_a_thai_clause_opening_with_will_is_no_value_of_the_clause_before() -> None:
    # «ส่งไป» (sent off) then «จะถึงพรุ่งนี้» (it arrives tomorrow): two clauses
    assert split_sentences("ส่งไป จะถึงพรุ่งนี้") == ["ส่งไป", "จะถึงพรุ่งนี้"]


def test_thai_titled_given_name_stays_with_the_surname() -> None:
    assert split_sentences("ผู้รับชื่อนางสาวสุดารัตน์ บุญมาก ค่ะ ส่งพรุ่งนี้นะคะ") == [
        "ผู้รับชื่อนางสาวสุดารัตน์ บุญมาก ค่ะ",
        "ส่งพรุ่งนี้นะคะ",
    ]


def test_thai_thanks_and_plain_clauses_still_split() -> None:
    assert split_sentences("ขอบคุณครับ เดี๋ยวผมโทรกลับ") == ["ขอบคุณครับ", "เดี๋ยวผมโทรกลับ"]


def test_a_run_of_thai_labels_stays_bounded() -> None:
    text = " ".join(["ราคาเป็น"] * 60)
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(sentence) <= MAX_JOINED_THAI_CLAUSE_CHARS for sentence in sentences)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # «ทุกวัน» (every day) ends in «วัน» (day), a label; the clause is whole.
        ("กินยาเช้าเย็นทุกวัน อาการดีขึ้นแล้วค่ะ", ["กินยาเช้าเย็นทุกวัน", "อาการดีขึ้นแล้วค่ะ"]),
        # «ส่งไป» (sent off) ends in «ไป» (to), a label.
        ("เดี๋ยวแอดมินส่งไป ลูกค้ารอสักครู่นะคะ", ["เดี๋ยวแอดมินส่งไป", "ลูกค้ารอสักครู่นะคะ"]),
        # «มากกว่า» (more than) ends in «ว่า» (that), a label.
        ("รุ่นนี้แพงกว่า แต่ทนกว่าครับ", ["รุ่นนี้แพงกว่า", "แต่ทนกว่าครับ"]),
        # «ขอบพระคุณ» (thank you) ends in «คุณ», a title before a given name.
        ("ขอบพระคุณมาก ไว้ติดต่อใหม่นะครับ", ["ขอบพระคุณมาก", "ไว้ติดต่อใหม่นะครับ"]),
    ],
)
def test_a_thai_word_ending_in_a_label_is_no_label(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_thai_label_after_another_word_still_joins_its_value() -> None:
    assert split_sentences("เลื่อนนัดวันที่ 20 ธ.ค. แล้วค่ะ ย้ายไป สาขาบางนา") == [
        "เลื่อนนัดวันที่ 20 ธ.ค. แล้วค่ะ",
        "ย้ายไป สาขาบางนา",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # «ส่งไป», «ขึ้นไป», «ผ่านไป»: «ไป» is "to" when a place or a number follows
        ("ของขวัญส่งไป คอนโดลุมพินี ห้อง 1208 ค่ะ", ["ของขวัญส่งไป คอนโดลุมพินี", "ห้อง 1208 ค่ะ"]),
        ("ให้ช่างขึ้นไป ชั้น 5 นะคะ", ["ให้ช่างขึ้นไป ชั้น 5 นะคะ"]),
        ("โอนผ่านไป เบอร์ 0812345678", ["โอนผ่านไป เบอร์ 0812345678"]),
    ],
)
def test_thai_to_after_a_verb_of_moving_joins_the_place_after_it(
    text: str, sentences: list[str]
) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a transliterated place name going on into its kind of place
        ("บ้านไม้ริมปาย รีสอร์ท ค่ะ อยู่ริมแม่น้ำปาย", ["บ้านไม้ริมปาย รีสอร์ท ค่ะ", "อยู่ริมแม่น้ำปาย"]),
        ("คอนเสิร์ตที่อิมแพ็ค อารีน่า เมืองทองธานี", ["คอนเสิร์ตที่อิมแพ็ค อารีน่า", "เมืองทองธานี"]),
        # whose name, then the titled name
        ("ได้ค่ะ ออกในนามบุคคล คุณธนวัฒน์ ใจดี แทนนะคะ", ["ได้ค่ะ", "ออกในนามบุคคล คุณธนวัฒน์ ใจดี", "แทนนะคะ"]),
    ],
)
def test_a_thai_name_across_a_space_stays_whole(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_titled_name_after_a_closed_clause_is_a_clause_of_its_own() -> None:
    assert split_sentences("ขอบคุณค่ะ คุณสมชาย รอสักครู่นะคะ")[0] == "ขอบคุณค่ะ"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("ถ้าต้องขึ้นรถตู้กลับเช้ามากๆ ล่ะคะ", ["ถ้าต้องขึ้นรถตู้กลับเช้ามากๆ ล่ะคะ"]),
        ("ได้เลย ครับผม", ["ได้เลย ครับผม"]),
        ("ไปได้ไหม นะครับ", ["ไปได้ไหม นะครับ"]),
    ],
)
def test_thai_closing_words_alone_stay_with_their_clause(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
