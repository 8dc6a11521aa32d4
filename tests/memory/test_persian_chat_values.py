"""Values and kept clauses as Persian chat says them: an address with a landmark between
its parts or a ground floor at its end, a window of hours named «بازه», a greeting after the
name it is said to, wanting to know, not remembering, asking why a thing broke (English and
Thai where the same rule applies)."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept
from domain.memory.offline.person_names import people_named
from domain.memory.offline.values import Kind, find_values


def _values(text: str) -> list[tuple[Kind, str]]:
    return [(value.kind, value.text) for value in find_values(text)]


def _kept(*turns: tuple[str, str]) -> list[tuple[str, str]]:
    unit = [Candidate(text, speaker, (i, 0)) for i, (speaker, text) in enumerate(turns)]
    return [(clause.text, clause.kind) for clause in clauses_kept(unit)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "محل کارم: خیابان ولیعصر، بالاتر از پارک ساعی، کوچه نیکبخت، ساختمان آرین، طبقه ۵",
            "خیابان ولیعصر، بالاتر از پارک ساعی، کوچه نیکبخت، ساختمان آرین، طبقه ۵",
        ),
        (
            "بلوار کشاورز، نرسیده به میدان، کوچه سوم، پلاک ۴",
            "بلوار کشاورز، نرسیده به میدان، کوچه سوم، پلاک ۴",
        ),
        (
            "یوسف‌آباد، خیابان ۲۳ام، پلاک ۸، همکف ـه خداروشکر پله نداره",
            "یوسف‌آباد، خیابان ۲۳ام، پلاک ۸، همکف",
        ),
    ],
)
def test_a_persian_address_keeps_its_landmark_and_ground_floor(text: str, address: str) -> None:
    assert (Kind.ADDRESS, address) in _values(text)


def test_a_time_after_the_last_part_is_no_landmark() -> None:
    values = _values("خیابان آزادی، کوچه ۵، پلاک ۱۲، بعد از ساعت ۵ بیاید")
    assert (Kind.ADDRESS, "خیابان آزادی، کوچه ۵، پلاک ۱۲") in values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("برای دوشنبه بازه‌ی ۱۴ تا ۱۷ خالیه.", "۱۴ تا ۱۷"),
        ("بازه ۱۰ تا ۱۲ صبح خوبه", "بازه ۱۰ تا ۱۲ صبح"),
    ],
)
def test_a_window_of_hours_named_bazeh_is_a_time(text: str, expected: str) -> None:
    assert any(expected in value for _, value in _values(text))
    assert all(kind is not Kind.NUMBER for kind, _ in _values(text))


def test_a_window_of_days_is_a_span_not_a_time() -> None:
    assert _values("بازه ۲ تا ۳ روز") == [(Kind.DURATION, "۲ تا ۳ روز")]


@pytest.mark.parametrize(
    ("text", "amount"),
    [("بازه ۱۰ تا ۲۰ میلیون تومن", "۲۰ میلیون تومن"), ("بازه‌ی ۱۰ تا ۲۰ تومن", "۲۰ تومن")],
)
def test_a_range_of_money_named_bazeh_is_no_time(text: str, amount: str) -> None:
    values = _values(text)
    assert (Kind.AMOUNT, amount) in values
    assert all(kind is not Kind.TIME for kind, _ in values)


@pytest.mark.parametrize(
    ("text", "time"),
    [("بازه ۱۴ تا ۱۷", "بازه ۱۴ تا ۱۷"), ("بازه ۱۰ تا ۱۲ شب", "بازه ۱۰ تا ۱۲ شب")],
)
def test_a_window_of_hours_alone_or_with_its_part_of_day_is_a_time(text: str, time: str) -> None:
    assert _values(text) == [(Kind.TIME, time)]


@pytest.mark.parametrize(
    "text",
    ["آقای دهقان سلام، ببخشید مزاحم میشم.", "خانم کاظمی ممنون از صبرتون", "آقای رضایی ببخشید"],
)
def test_a_greeting_after_a_title_and_surname_is_no_second_name(text: str) -> None:
    assert people_named(text) == []


def test_a_title_and_full_name_is_still_a_person() -> None:
    assert [p.name for p in people_named("خانم سارا احمدی هستم")] == ["سارا احمدی"]


@pytest.mark.parametrize(
    "question",
    [
        "سلام، می‌خواستم ببینم قطعه رسید؟",
        "میخواستم بدونم سفارشم کی میرسه",
    ],
)
def test_wanting_to_know_asks_for_nothing_to_keep(question: str) -> None:
    assert _kept(("User", question)) == []


@pytest.mark.parametrize(
    "question",
    ["خب خداروشکر. چرا سوخته حالا؟", "why is it leaking again?", "ทำไมแอร์รั่วอีกแล้วคะ?"],
)
def test_asking_why_a_thing_broke_states_no_fault(question: str) -> None:
    assert _kept(("User", question)) == []


def test_a_fault_said_is_still_kept() -> None:
    assert _kept(("User", "کولر ماشینم خراب شده")) == [("کولر ماشینم خراب شده", "problem")]


@pytest.mark.parametrize(
    ("asked", "reply"),
    [
        ("اسم تکنسین قبلی یادتون هست؟", "نه والا یادم نیست"),
        ("What was the engineer's name?", "sorry, I can't remember"),
    ],
)
def test_not_remembering_answers_no_name_question(asked: str, reply: str) -> None:
    assert _kept(("Assistant", asked), ("User", reply)) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("۲ تا بچه هم داریم", "۲ تا بچه"),
        ("۳ تا اتاق میخوایم", "۳ تا اتاق"),
        # a noun that ends like a verb or begins like «می…», «ب…»
        ("۲ تا ماشین", "۲ تا ماشین"),
        ("۲ تا میز", "۲ تا میز"),
        ("۳ تا فرزند", "۳ تا فرزند"),
        ("۳ تا کلید", "۳ تا کلید"),
        ("۲ تا میوه", "۲ تا میوه"),
        ("۲ تا بادام", "۲ تا بادام"),
        ("۲ تا بسته", "۲ تا بسته"),
    ],
)
def test_a_persian_count_keeps_the_noun_it_counts(text: str, count: str) -> None:
    assert _values(text) == [(Kind.COUNT, count)]


@pytest.mark.parametrize(
    "text",
    [
        "۳ تا میخوام",
        "۳ تا می‌خوام",
        "۳ تا میخوایم",
        "۲ تا هم میخوام",
        "۲ تا دیگه",
        "۲ تا بیارید",
        "۲ تا بدید",
        "۲ تا بذارید",
        "۳ تا داریم",
        "۲ تا نبود",
        "۲ تا باشه",
        "۲ تا میشه",
    ],
)
def test_a_count_before_a_verb_or_function_word_stands_alone(text: str) -> None:
    assert [kind for kind, _ in _values(text)] == [Kind.COUNT]
    assert _values(text)[0][1].endswith("تا")


@pytest.mark.parametrize(
    ("text", "age"),
    [("دخترم ۲۳ ماهشه.", "۲۳ ماه"), ("اسمش پشمکه، 3 سالشه", "3 سال")],
)
def test_an_age_said_with_its_suffix_is_a_span(text: str, age: str) -> None:
    assert (Kind.DURATION, age) in _values(text)


def test_millimetres_said_mil_are_a_length() -> None:
    assert _values("کابین شیشه‌ای سکوریت ۸ میل میزنیم") == [(Kind.LENGTH, "۸ میل")]
    assert _values("۲۰ میلیون تومان") == [(Kind.AMOUNT, "۲۰ میلیون تومان")]


@pytest.mark.parametrize(
    ("text", "distance"),
    [
        ("محدودیت کیلومتر روزی ۲۵۰ کیلومتره و مازادش", "۲۵۰ کیلومتر"),
        ("a 250 km daily limit", "250 km"),
        ("it's 12 kilometres away", "12 kilometres"),
        ("วันละ 250 กิโลเมตร", "250 กิโลเมตร"),
    ],
)
def test_a_distance_in_kilometres_is_a_length(text: str, distance: str) -> None:
    [(kind, value)] = _values(text)
    assert kind is Kind.LENGTH and value.startswith(distance)


def test_a_verb_after_title_and_surname_is_no_second_name() -> None:
    assert people_named("بله، پیک این سفارش آقای جعفری بودن.") == []
