"""A bare number said anew "for X" ("for catering it's 35 now", "for the dinner, make it
40", «برای شام الان ۴۰ شد») replaces the number said for X before, and the read-back of it
in the next message (``detail_changes._count_for_subject``); not a number of another thing,
not one said "for 35 people" (a price's head count), nor "for now"; not a number said for
two things when one of them changes ("38 for catering and dinner" … "for the dinner it's 40
now"), nor a time ("for dinner it's 8 now, not half 7")."""

from __future__ import annotations

from domain.memory.count_changes import subject_of_count, subjects_of_count
from domain.memory.detail_changes import value_changes
from schemas.memory_model import Detail
from tests.context.factories import detail


def _replaced(*details: Detail) -> set[tuple[str, str]]:
    return {(change.old, change.new) for change in value_changes(details)}


def test_a_number_said_anew_for_catering_replaces_the_catering_number_and_its_read_back() -> None:
    assert _replaced(
        detail(74, "User: so it's 38 for catering", ["38"], "number"),
        detail(75, "Assistant: Got it, 38 for the day delegate package.", ["38"], "number"),
        detail(
            89,
            "Assistant: Anything else?\nUser: parking — we only need 4 spaces now",
            ["4"],
            "number",
            90,
        ),
        detail(
            100,
            "User: and for catering it's 35 now, one of the london people can't make it either",
            ["35"],
            "number",
        ),
    ) == {("38", "35")}


def test_make_it_for_the_dinner_replaces_the_dinner_number_not_the_lunch_one() -> None:
    assert _replaced(
        detail(10, "Assistant: I've put the dinner down as 32.", ["32"], "number"),
        detail(12, "Assistant: And the lunch is set at 30.", ["30"], "number"),
        detail(20, "User: for the dinner, make it 40", ["40"], "number"),
    ) == {("32", "40")}


def test_persian_a_number_said_anew_for_dinner_replaces_the_dinner_number() -> None:
    assert _replaced(
        detail(10, "Assistant: تعداد برای شام ۳۲ ثبت شده.", ["۳۲"], "number"),
        detail(12, "Assistant: ناهار هم ۳۰ ثبت شده.", ["۳۰"], "number"),
        detail(20, "User: برای شام الان ۴۰ شد", ["۴۰"], "number"),
    ) == {("۳۲", "۴۰")}


def test_a_number_for_a_thing_no_earlier_sentence_names_replaces_nothing() -> None:
    assert not _replaced(
        detail(10, "Assistant: I've put the dinner down as 32.", ["32"], "number"),
        detail(20, "User: for the breakfast, make it 40", ["40"], "number"),
    )


def test_a_head_count_of_a_price_or_for_now_or_asked_replaces_nothing() -> None:
    dinner = detail(10, "Assistant: I've put the dinner down as 32.", ["32"], "number")
    assert not _replaced(
        dinner, detail(20, "User: for 35 people it's $800 for the dinner", ["$800"], "amount")
    )
    assert not _replaced(dinner, detail(20, "User: for now it's 35 for dinner", ["35"], "number"))
    assert not _replaced(
        dinner, detail(20, "User: for the dinner, can we make it 40?", ["40"], "number")
    )
    assert not _replaced(dinner, detail(20, "User: for the dinner, 4 more on top", ["4"], "number"))


def test_a_number_said_for_two_things_stays_when_one_of_them_changes() -> None:
    both = detail(74, "User: so it's 38 for catering and dinner", ["38"], "number")
    read_back = detail(
        75,
        "Assistant: Got it, 38 for the day delegate package and the Orangery dinner.",
        ["38"],
        "number",
    )
    assert not _replaced(
        both,
        read_back,
        detail(90, "User: for the dinner it's 40 now, two partners are joining", ["40"], "number"),
    )
    assert not _replaced(
        both, read_back, detail(90, "User: and for catering it's 35 now", ["35"], "number")
    )
    # both named again: the number of both changes
    assert _replaced(
        both,
        read_back,
        detail(90, "User: for catering and dinner it's 40 now", ["40"], "number"),
    ) == {("38", "40")}


def test_persian_a_number_said_for_lunch_and_dinner_stays_when_dinner_changes() -> None:
    both = detail(10, "User: پس برای ناهار و شام ۳۸ نفریم", ["۳۸"], "number")
    assert not _replaced(both, detail(20, "User: برای شام الان ۴۰ شد", ["۴۰"], "number"))
    assert _replaced(both, detail(20, "User: برای ناهار و شام الان ۴۰ شد", ["۴۰"], "number")) == {
        ("۳۸", "۴۰")
    }


def test_a_time_said_anew_for_dinner_is_no_count() -> None:
    dinner = detail(10, "User: there'll be 38 of us for dinner", ["38"], "number")
    assert not _replaced(
        dinner, detail(20, "User: and for dinner it's 8 now, not half 7", ["8", "7"], "number")
    )
    assert not _replaced(dinner, detail(20, "User: for dinner it's 8pm now", ["8"], "number"))
    assert not _replaced(dinner, detail(20, "User: for dinner it's at 8 now", ["8"], "number"))
    # a time elsewhere in the sentence: the count still changes
    assert _replaced(
        dinner,
        detail(20, "User: for dinner it's 40 now, starting at half 7", ["40", "7"], "number"),
    ) == {("38", "40")}


def test_persian_a_time_said_anew_for_dinner_is_no_count() -> None:
    dinner = detail(10, "Assistant: تعداد برای شام ۳۸ ثبت شده.", ["۳۸"], "number")
    assert not _replaced(dinner, detail(20, "User: برای شام الان ساعت ۸ شد", ["۸"], "number"))
    assert _replaced(dinner, detail(20, "User: برای شام الان ۴۰ شد", ["۴۰"], "number")) == {
        ("۳۸", "۴۰")
    }


def test_the_things_a_number_is_said_for() -> None:
    assert subjects_of_count("so it's ", " for catering and dinner") == ["catering", "dinner"]
    assert subjects_of_count("so it's ", " for lunch, dinner") == ["lunch", "dinner"]
    assert subjects_of_count("پس برای ناهار و شام ", " نفریم") == ["ناهار", "شام"]
    assert subjects_of_count("برای شام ولی ", "") == ["شام"]
    # a number or a time after "for" is no thing counted
    assert subject_of_count("a table for two, make it ", "") is None
    assert subject_of_count("برای دو نفر الان ", "") is None
    assert subject_of_count("for half ", "") is None
