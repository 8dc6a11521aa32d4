"""Values read too far (a second read of the rules in ``test_offline_values_never_kept``): a
Persian sum that swallowed the next number, a craftsman's title taken with any word after
it, a colour offered as one of two, a model said missing, clauses kept as the wrong kind, and
Thai clauses joined by a word that only looks like a legal name or a model."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept
from domain.memory.offline.named_fa import things_named
from domain.memory.offline.person_names import people_named
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.values import Kind, find_values


def _values(text: str) -> list[tuple[Kind, str]]:
    return [(value.kind, value.text) for value in find_values(text)]


def _kept_of(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in clauses_kept([Candidate(text, "User", (0, 0))])]


# -- Persian: a sum in parts ends before a number of something else ----------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "هزینه‌ش ۲ میلیون و ۲ هفته طول میکشه",
            [(Kind.AMOUNT, "۲ میلیون"), (Kind.DURATION, "۲ هفته")],
        ),
        ("۱۵ میلیون و ۲۰ شهریور تحویل", [(Kind.AMOUNT, "۱۵ میلیون"), (Kind.DATE, "۲۰ شهریور")]),
        (
            "پکیج کیش نفری ۱۲ میلیون و ۳ شب اقامت",
            [(Kind.AMOUNT, "۱۲ میلیون"), (Kind.COUNT, "۳ شب")],
        ),
        ("وام ۵۰ میلیون و ۲ ضامن میخواد", [(Kind.AMOUNT, "۵۰ میلیون"), (Kind.NUMBER, "۲")]),
        ("بسته ۱ میلیون و ۲۰ گیگ", [(Kind.AMOUNT, "۱ میلیون"), (Kind.MEASURE, "۲۰ گیگ")]),
    ],
)
def test_a_persian_sum_ends_before_a_number_of_something_else(
    text: str, values: list[tuple[Kind, str]]
) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("۱۰ میلیون و ۵۰۰ تومن", "۱۰ میلیون و ۵۰۰ تومن"),
        ("۱۰۰ میلیون و ۵۰۰ میشه", "۱۰۰ میلیون و ۵۰۰"),
        ("کلا ۳ میلیون و ۲۰۰ شد.", "۳ میلیون و ۲۰۰"),
        ("۳ میلیون و ۲۰۰ رو واریز کردم", "۳ میلیون و ۲۰۰"),
    ],
)
def test_a_persian_sum_goes_on_to_a_money_word_a_verb_or_the_end(text: str, amount: str) -> None:
    assert (Kind.AMOUNT, amount) in _values(text)


# -- Persian: a craftsman's title and what is said of him ---------------------------------------


@pytest.mark.parametrize(
    "text",
    ["اوستا فردا میاد؟", "اوستا کار بلده؟", "اوستا خودش گفت ساعت ۵", "اوستا امروز نیومد"],
)
def test_a_word_after_a_craftsmans_title_that_is_no_name_names_no_one(text: str) -> None:
    assert people_named(text) == []


def test_a_given_name_after_a_craftsmans_title_is_still_the_technician() -> None:
    assert [(p.name, p.key) for p in people_named("مکانیک گفت اوستا جواد باید ببینه")] == [
        ("جواد", "technician_name")
    ]


# -- Persian: a model said missing, a colour offered as one of two -----------------------------


def test_a_model_said_out_of_stock_is_no_product() -> None:
    assert things_named("ولی مدل A55 فعلا موجود نیست") == []


def test_a_model_named_after_a_reply_word_is_still_a_product() -> None:
    assert [t.text for t in things_named("آره مدل آتنا رو دیدم")] == ["مدل آتنا"]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("یخچال ساید مدل X800 سفید یا نقره‌ای موجوده؟", "یخچال ساید مدل X800"),
        ("یخچال مدل X سفید یا مشکی؟", "یخچال مدل X"),
        ("گوشی سامسونگ مدل A54 سفید میخوام", "گوشی سامسونگ مدل A54 سفید"),
    ],
)
def test_a_colour_offered_as_one_of_two_is_no_part_of_the_model(text: str, product: str) -> None:
    assert [t.text for t in things_named(text)] == [product]


# -- kept clauses: a question, a fault and a repair asked for are no correction or change --------


def test_asking_what_is_meant_is_no_correction() -> None:
    assert _kept_of("หมายถึงอะไรคะ ไม่เข้าใจ") == []


@pytest.mark.parametrize(
    "text", ["หน้าจอเปลี่ยนเป็นสีดำแล้วก็ดับไปเลยค่ะ", "ไฟที่เราเตอร์เปลี่ยนเป็นสีแดงตลอดเลยค่ะ"]
)
def test_a_thing_turning_by_itself_is_no_instruction(text: str) -> None:
    assert (text, "instruction") not in _kept_of(text)


@pytest.mark.parametrize("text", ["ผมเปลี่ยนเป็นแพ็กเกจรายปีค่ะ", "เปลี่ยนเป็นสีเทาได้ไหมคะ"])
def test_a_thai_change_someone_asks_for_is_an_instruction(text: str) -> None:
    assert (text, "instruction") in _kept_of(text)


def test_asking_for_a_repair_is_an_instruction_not_a_correction() -> None:
    assert _kept_of("لطفا درستش کنید، خیلی وقته منتظرم") == [
        ("لطفا درستش کنید، خیلی وقته منتظرم", "instruction")
    ]


def test_the_right_value_said_after_a_slip_is_still_a_correction() -> None:
    assert ("ببخشید اشتباه گفتم، درستش ۸۴ هست", "correction") in _kept_of(
        "ببخشید اشتباه گفتم، درستش ۸۴ هست"
    )


# -- Thai: «จำกัด» and «รุ่น» that join no clause ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "แพ็กเกจของบริษัทเราราคา 599 บาทต่อเดือน เน็ตไม่จำกัด โทรฟรี 100 นาที",
            ["แพ็กเกจของบริษัทเราราคา 599 บาทต่อเดือน", "เน็ตไม่จำกัด", "โทรฟรี 100 นาที"],
        ),
        (
            "บริษัทประกันแจ้งว่าวงเงิน 50,000 บาท มีจำนวนจำกัด",
            ["บริษัทประกันแจ้งว่าวงเงิน 50,000 บาท", "มีจำนวนจำกัด"],
        ),
        (
            "โปรนี้ของบริษัท ใช้ได้ถึง 31 ธ.ค. สิทธิ์มีจำกัด",
            ["โปรนี้ของบริษัท", "ใช้ได้ถึง 31 ธ.ค. สิทธิ์มีจำกัด"],
        ),
        (
            "ผมซื้อทีวีเครื่องนี้ 15,900 บาท รุ่นไหนก็ได้ที่ราคาไม่เกินนี้",
            ["ผมซื้อทีวีเครื่องนี้ 15,900 บาท", "รุ่นไหนก็ได้ที่ราคาไม่เกินนี้"],
        ),
        (
            "ค่าส่ง 50 บาท รุ่นพี่ที่ทำงานแนะนำร้านนี้มา",
            ["ค่าส่ง 50 บาท", "รุ่นพี่ที่ทำงานแนะนำร้านนี้มา"],
        ),
    ],
)
def test_limited_and_which_model_join_no_thai_clause(text: str, clauses: list[str]) -> None:
    assert split_sentences(text) == clauses


def test_a_thai_legal_name_is_still_one_clause() -> None:
    assert split_sentences("บริษัท ลูมิน่า สตูดิโอ จำกัด ออกใบกำกับภาษีให้ด้วยค่ะ") == [
        "บริษัท ลูมิน่า สตูดิโอ จำกัด",
        "ออกใบกำกับภาษีให้ด้วยค่ะ",
    ]


# -- Thai: the evening's hours, counted in «ทุ่ม», half past too -------------------------------


def test_a_thai_evening_hour_is_a_time_whole() -> None:
    hours = {
        "ขอเลื่อนเวลาเค้กเป็นสองทุ่มครึ่งได้ไหมครับ": "สองทุ่มครึ่ง",
        "ส่งตอน 2 ทุ่มครึ่งนะคะ": "2 ทุ่มครึ่ง",
        "โทรมาหนึ่งทุ่มหรือห้าทุ่มก็ได้ค่ะ": "ห้าทุ่ม",
    }
    for text, time in hours.items():
        assert (Kind.TIME, time) in _values(text), text
