"""Named choices in Persian: the textbook, the insurance cover and the instalment plan,
named by their head noun, value by value, and a later choice of the same kind replacing the
earlier one."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "کتاب American English File 3 رو باید جدا تهیه کنید",
            "textbook",
            "American English File 3",
        ),
        ("کتابم عوض میشه، American English File 4", "textbook", "American English File 4"),
        ("ثبت شد: بیمه بدنه کامل اضافه شد.", "insurance", "بیمه بدنه کامل"),
        ("باشه دو قسط", "instalment_plan", "دو قسط"),
        ("یعنی کلا میشه سه قسط", "instalment_plan", "سه قسط"),
    ],
)
def test_named_choices_in_persian(text: str, key: str, value: str) -> None:
    assert facts_of(("assistant", text))[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "بیمه بدنه رو هم میتونید اضافه کنید روزی ۲۰۰ هزار تومان",  # offered, not taken
        "قسط اول موقع ثبت نام، قسط دوم تا ۱۵ آبان",  # which instalment, no plan
        "میشه سه قسطش کنید؟",  # asked for, not granted yet
        "کتاب American English File 3 رو دارید؟",  # asked about
    ],
)
def test_no_named_choice_in_persian(text: str) -> None:
    found = facts_of(("user", text))
    assert not {"textbook", "insurance", "instalment_plan"} & set(found)


def test_a_later_choice_replaces_the_earlier_one_of_its_kind() -> None:
    facts = conversation(
        ("assistant", "کتاب American English File 3 رو باید جدا تهیه کنید"),
        ("user", "باشه دو قسط"),
        ("assistant", "بله میشه، مانده رو دو بخش میکنیم. یعنی کلا میشه سه قسط"),
        ("assistant", "کتابم عوض میشه، American English File 4"),
        batch=1,
    )
    now = current(facts)
    assert now["textbook"] == "American English File 4"
    assert history(facts, "textbook") == ["American English File 3"]
    assert now["instalment_plan"] == "سه قسط"
    assert history(facts, "instalment_plan") == ["دو قسط"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("۱۵ قسط داریم.", "۱۵ قسط"),
        ("این طرح ۲۴ قسط است.", "۲۴ قسط"),
        ("این طرح 15 قسط است.", "15 قسط"),
    ],
)
def test_the_number_of_instalments_is_read_whole(text: str, value: str) -> None:
    found = facts_of(("assistant", text))
    assert found["instalment_plan"] == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("کتاب American English File 3 رو نمیخوام.", "textbook"),  # not wanted
        ("پنج قسط عقب افتاده دارم.", "instalment_plan"),  # overdue, not the plan
        ("سه قسط از پنج قسط رو پرداخت کردم.", "instalment_plan"),  # paid so far
    ],
)
def test_a_choice_refused_or_counted_is_no_choice(text: str, key: str) -> None:
    assert key not in facts_of(("user", text))


def test_instalments_paid_leave_the_plan() -> None:
    facts = conversation(
        ("assistant", "بله میشه. یعنی کلا میشه سه قسط"),
        ("user", "دو قسط رو پرداخت کردم."),
        batch=1,
    )
    assert current(facts)["instalment_plan"] == "سه قسط"
    assert history(facts, "instalment_plan") == []


@pytest.mark.parametrize(
    ("role", "text", "key", "value"),
    [
        ("user", "سه قسط پرداخت میکنم", "instalment_plan", "سه قسط"),  # I'll pay in three
        ("user", "در سه قسط پرداخت میکنم", "instalment_plan", "سه قسط"),
        ("user", "سه قسط میخوام نمیتونم یکجا بدم", "instalment_plan", "سه قسط"),
        ("user", "دو قسط بشه که باقیش رو بعدا بدم", "instalment_plan", "دو قسط"),
        (
            "user",
            "کتاب American English File 3 رو میخوام نمیدونم موجوده یا نه",
            "textbook",
            "American English File 3",
        ),
        (
            "assistant",
            "بیمه بدنه اضافه شد و مبلغ باقی مانده ۲ میلیون است",
            "insurance",
            "بیمه بدنه",
        ),
    ],
)
def test_only_the_verb_said_of_the_value_refuses_it(
    role: str, text: str, key: str, value: str
) -> None:
    assert facts_of((role, text)).get(key) == value


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("سه قسط رو انتخاب میکنم نه پنج قسط", "instalment_plan", "سه قسط"),  # not five
        (
            "کتاب American English File 3 رو میخوام، نه کتاب Top Notch",
            "textbook",
            "American English File 3",
        ),
    ],
)
def test_a_value_after_na_is_set_aside(text: str, key: str, value: str) -> None:
    assert facts_of(("user", text)).get(key) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("طرح طلایی رو میخوام", "طرح طلایی"),
        ("پلن Premium رو انتخاب میکنم", "پلن Premium"),
        ("باشه پس پکیج نقره‌ای رو فعال کنید", "پکیج نقره‌ای"),  # the proposal accepted
    ],
)
def test_a_plan_taken_by_its_tier(text: str, value: str) -> None:
    assert facts_of(("user", text)).get("plan") == value


@pytest.mark.parametrize(
    ("role", "text"),
    [
        ("user", "طرح طلایی رو نمیخوام"),  # refused
        ("user", "طرح کاشی رو دیدم"),  # a design, no tier
        ("user", "بسته پستی رسید"),  # a parcel
        ("assistant", "پکیج نقره‌ای هم هست با قیمت کمتر"),  # only offered
        ("assistant", "پکیج نقره‌ای ماهی ۲۰۰ هزار تومانه"),  # only priced
    ],
)
def test_a_plan_named_but_not_taken(role: str, text: str) -> None:
    assert "plan" not in facts_of((role, text))


def test_a_later_plan_taken_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("user", "طرح طلایی رو میخوام"),
        ("assistant", "پکیج نقره‌ای هم هست با قیمت کمتر، ماهی ۲۰۰ هزار تومان"),
        ("user", "باشه پس پکیج نقره‌ای رو فعال کنید"),
        batch=1,
    )
    assert current(facts)["plan"] == "پکیج نقره‌ای"
    assert history(facts, "plan") == ["طرح طلایی"]
