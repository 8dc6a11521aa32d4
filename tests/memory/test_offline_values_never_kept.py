"""Values the memory never kept before (issue 18 item 1): shapes of each language that
``values``, the Thai clause splitter and the kept clauses now read whole, value
by value in English, Persian and Thai."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept
from domain.memory.offline.named_fa import things_named
from domain.memory.offline.person_names import people_named
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.values import Kind, find_values


def _values(text: str) -> list[tuple[Kind, str]]:
    return [(value.kind, value.text) for value in find_values(text)]


# -- Thai: a space beside Thai digits, or inside a company's legal name, ends no clause --------


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("เลื่อนเป็นวันอาทิตย์ ๑๓ ก.ค. ได้ไหมครับ", "เลื่อนเป็นวันอาทิตย์ ๑๓ ก.ค. ได้ไหมครับ"),
        ("ขอเลื่อนนัดไปวันจันทร์ ๒๑ ต.ค. นะคะ", "ขอเลื่อนนัดไปวันจันทร์ ๒๑ ต.ค. นะคะ"),
    ],
)
def test_a_space_beside_thai_digits_ends_no_thai_clause(text: str, clause: str) -> None:
    assert clause in split_sentences(text)


def test_a_thai_date_in_thai_digits_is_kept_whole_in_a_detail() -> None:
    line = TranscriptLine(1, "m1", "user", "วันเสาร์ผมติดงาน เลื่อนเป็นวันอาทิตย์ ๑๓ ก.ค. ได้ไหมครับ")
    assert any("๑๓ ก.ค." in value for detail in details_of([line]) for value in detail.values)


@pytest.mark.parametrize(
    "name",
    ["บริษัท ลูมิน่า สตูดิโอ จำกัด", "บริษัท ไทย ฟู้ดส์ กรุ๊ป จำกัด (มหาชน)"],
)
def test_a_thai_company_legal_name_stays_in_one_clause(name: str) -> None:
    clauses = split_sentences(f"ขอใบกำกับภาษีในนาม{name} ได้ไหมคะ")
    assert any(name in clause for clause in clauses)


def test_a_thai_clause_opening_with_a_model_describes_the_thing_before() -> None:
    assert "ตัวแรกเป็นโซฟา 3 ที่นั่ง รุ่น Oslo ที่เห็นในเพจค่ะ" in split_sentences(
        "ตัวแรกเป็นโซฟา 3 ที่นั่ง รุ่น Oslo ที่เห็นในเพจค่ะ ขอสีเทาอ่อนนะคะ"
    )


def test_a_word_called_company_without_a_legal_form_after_it_joins_nothing() -> None:
    assert split_sentences("บริษัทขนส่งจะโทรมาค่ะ พรุ่งนี้เช้านะคะ") == [
        "บริษัทขนส่งจะโทรมาค่ะ",
        "พรุ่งนี้เช้านะคะ",
    ]


# -- Persian: a sum in parts, a count by its counting noun --------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("مبلغ کل نهایی میشه ۹۴ میلیون و ۵۰۰ تومن", "۹۴ میلیون و ۵۰۰ تومن"),
        ("هزینه پیانو ۱ میلیون و ۸۰۰ هزار تومان میشه", "۱ میلیون و ۸۰۰ هزار تومان"),
        ("قیمت شد ۱۰۰ میلیون و ۵۰۰ دیگه", "۱۰۰ میلیون و ۵۰۰"),
        ("این یکی ۱ میلیون و ۵۰۰ گرون‌تره.", "۱ میلیون و ۵۰۰"),
    ],
)
def test_a_persian_sum_in_parts_is_one_amount(text: str, amount: str) -> None:
    assert (Kind.AMOUNT, amount) in _values(text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("هزینه‌اش ۱ میلیون و ۲۰۰ هزار تومانه.", "۱ میلیون و ۲۰۰ هزار تومان"),
        ("مبلغ کل نهایی ۹۴ میلیون و ۵۰۰ تومنه", "۹۴ میلیون و ۵۰۰ تومن"),
        ("ودیعه‌ش ۲ میلیون و ۵۰۰ هزار ریاله", "۲ میلیون و ۵۰۰ هزار ریال"),
    ],
)
def test_a_persian_sum_in_parts_keeps_its_money_word_before_the_spoken_is(
    text: str, amount: str
) -> None:
    # «تومانه» is «تومان» and the spoken "is": one sum with its money word, as «۵۵۰ هزار
    # تومنه» is (on main the first lost «تومان», the second split in two)
    assert _values(text) == [(Kind.AMOUNT, amount)]


def test_a_thing_of_that_price_is_no_money_word() -> None:
    # «تومانی»: "a … toman one", an adjective, not the money word with "is"
    assert (Kind.AMOUNT, "۱ میلیون و ۲۰۰ هزار تومان") not in _values(
        "یه گوشی ۱ میلیون و ۲۰۰ هزار تومانی"
    )


def test_a_count_after_a_persian_sum_is_no_part_of_it() -> None:
    assert _values("۲ میلیون و ۳ قسط") == [(Kind.AMOUNT, "۲ میلیون"), (Kind.COUNT, "۳ قسط")]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("مدیرمون گفت اوکیه، ۴ قسط ماهانه بعد از پیش‌پرداخت", "۴ قسط"),
        ("دوره ۱۰ جلسه است", "۱۰ جلسه"),
        ("ผ่อนได้ 10 งวด ค่ะ", "10 งวด"),
        ("you can pay in 3 instalments", "3 instalments"),
        ("the course is 12 lessons", "12 lessons"),
    ],
)
def test_a_number_and_what_is_paid_or_attended_in_turns_is_a_count(text: str, count: str) -> None:
    assert (Kind.COUNT, count) in _values(text)


# -- a month without its day, placed by the year or within the month ----------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("بهمن پارسال خریدم از فروشگاه رایان‌پارس", "بهمن پارسال"),
        ("دی ماه سال گذشته نصب شد", "دی ماه سال گذشته"),
        ("اواخر آذر میام", "اواخر آذر"),
        ("I bought it last March from them", "last March"),
        ("it was fitted in March last year", "March last year"),
        ("ซื้อเมื่อ ธ.ค. ปีที่แล้ว ค่ะ", "ธ.ค. ปีที่แล้ว"),
        ("จะย้ายเข้าปลายเดือนมีนาคม", "ปลายเดือนมีนาคม"),
    ],
)
def test_a_month_placed_by_the_year_is_a_date(text: str, date: str) -> None:
    assert (Kind.DATE, date) in _values(text)


def test_a_bare_month_word_is_still_no_date() -> None:
    assert _values("next may be better") == []


# -- Thai: a change the customer makes ---------------------------------------------------------


def test_a_thai_change_the_customer_makes_is_kept() -> None:
    unit = [Candidate("งั้นเปลี่ยนเป็นโอนเข้าบัญชีค่ะ", "User", (0, 0))]
    assert [(c.text, c.kind) for c in clauses_kept(unit)] == [
        ("งั้นเปลี่ยนเป็นโอนเข้าบัญชีค่ะ", "instruction")
    ]


# -- Persian: a model's colour after its name; a craftsman by his title ------------------------


def test_a_persian_models_colour_after_its_name_is_part_of_it() -> None:
    (thing,) = things_named("کاشی دیوار مدل آتنا طوسی رو دیدم، مات‌تره.")
    assert thing.text == "کاشی دیوار مدل آتنا طوسی"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("سرکارگر میشن اوستا حمید، کارشون خیلی تمیزه", "حمید"),
        ("استادکار رضا فردا میاد برای نصب", "رضا"),
    ],
)
def test_a_persian_craftsman_by_his_title_is_named(text: str, name: str) -> None:
    assert [(p.name, p.key) for p in people_named(text)] == [(name, "technician_name")]


def test_a_craftsmans_title_alone_names_no_one() -> None:
    assert people_named("اوستا میاد فردا، اوستا هم گفت باشه") == []


# -- which way something faces; the customer putting right what they said ----------------------


def _kept_of(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in clauses_kept([Candidate(text, "User", (0, 0))])]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "its slate i think. The back faces south-west which is where id want them",
            "The back faces south-west which is where id want them",
        ),
        ("پنجره آشپزخونه رو به جنوب هست", "پنجره آشپزخونه رو به جنوب هست"),
        ("ห้องนอนหันหน้าไปทางทิศใต้ค่ะ", "ห้องนอนหันหน้าไปทางทิศใต้ค่ะ"),
    ],
)
def test_which_way_something_faces_is_kept(text: str, clause: str) -> None:
    assert (clause, "place") in _kept_of(text)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "oh one thing about the roof, sorry i meant the back is concrete interlocking tiles",
            "sorry i meant the back is concrete interlocking tiles",
        ),
        ("منظورم واحد دوازده بود نه بیست و یک", "منظورم واحد دوازده بود نه بیست و یک"),
        ("หมายถึงตึกบีค่ะ", "หมายถึงตึกบีค่ะ"),
    ],
)
def test_the_customer_putting_right_what_they_said_is_kept(text: str, clause: str) -> None:
    assert (clause, "correction") in _kept_of(text)
