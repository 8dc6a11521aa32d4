"""A change asked for that takes a value the other party offered in the message just
before replaces the value the offer stands among the words of, though the request's own
words share none with it (``detail_changes._offer_taken``)."""

from __future__ import annotations

from domain.memory.detail_changes import value_changes
from schemas.memory_model import Detail
from tests.context.factories import detail


def _replaced(*details: Detail) -> set[tuple[str, str]]:
    return {(change.old, change.new) for change in value_changes(details)}


def test_a_move_to_the_date_just_offered_replaces_the_date_said_available_before() -> None:
    assert _replaced(
        detail(
            6,
            "Assistant: Yes, Saturday 12 September is currently available for a wedding.",
            ["Saturday 12 September"],
            "date",
        ),
        detail(20, "User: he can't do the 12th. is the 19th free?", ["the 12th"], "date"),
        detail(
            21,
            "Assistant: Saturday 19 September is available too.",
            ["Saturday 19 September"],
            "date",
        ),
        detail(
            22,
            "User: please move us to Saturday 19 September then\n"
            "Assistant: All done, your hold is now on Saturday 19 September.",
            ["Saturday 19 September", "Saturday 19 September"],
            "date",
            23,
        ),
    ) == {("Saturday 12 September", "Saturday 19 September")}


def test_a_change_in_persian_to_the_day_just_offered_replaces_the_free_day_before() -> None:
    assert _replaced(
        detail(3, "Assistant: سه‌شنبه ۱۴ آبان برای نصب کابینت خالیه.", ["سه‌شنبه ۱۴ آبان"], "date"),
        detail(9, "Assistant: پنجشنبه ۱۶ آبان هم خالیه.", ["پنجشنبه ۱۶ آبان"], "date"),
        detail(
            10,
            "User: لطفا نوبت رو به پنجشنبه ۱۶ آبان تغییر بدید\nAssistant: انجام شد.",
            ["پنجشنبه ۱۶ آبان"],
            "date",
            11,
        ),
    ) == {("سه‌شنبه ۱۴ آبان", "پنجشنبه ۱۶ آبان")}


def test_a_move_in_thai_to_the_day_just_offered_replaces_the_free_day_before() -> None:
    assert _replaced(
        detail(3, "Assistant: วันเสาร์ที่ 12 ตุลาคม คิวช่างว่างครับ", ["วันเสาร์ที่ 12 ตุลาคม"], "date"),
        detail(9, "Assistant: วันอาทิตย์ที่ 13 ตุลาคม คิวช่างว่างเหมือนกันครับ", ["วันอาทิตย์ที่ 13 ตุลาคม"], "date"),
        detail(
            10,
            "User: งั้นขอเลื่อนเป็นวันอาทิตย์ที่ 13 ตุลาคม ค่ะ\nAssistant: เรียบร้อยครับ",
            ["วันอาทิตย์ที่ 13 ตุลาคม"],
            "date",
            11,
        ),
    ) == {("วันเสาร์ที่ 12 ตุลาคม", "วันอาทิตย์ที่ 13 ตุลาคม")}


def test_a_move_only_asked_for_or_of_a_value_of_other_words_replaces_nothing() -> None:
    offer = detail(
        21, "Assistant: Saturday 19 September is available too.", ["Saturday 19 September"], "date"
    )
    available = detail(
        6, "Assistant: Saturday 12 September is available.", ["Saturday 12 September"], "date"
    )
    asked = detail(
        22, "User: can we move to Saturday 19 September?", ["Saturday 19 September"], "date"
    )
    assert not _replaced(available, offer, asked)
    site_visit = detail(
        6, "Assistant: I can offer a site visit on Thursday 6 March.", ["Thursday 6 March"], "date"
    )
    moved = detail(
        22,
        "User: please move us to Saturday 19 September then",
        ["Saturday 19 September"],
        "date",
    )
    assert not _replaced(site_visit, offer, moved)


def test_a_change_made_to_the_value_the_customer_just_gave_replaces_the_one_on_file() -> None:
    assert _replaced(
        detail(
            86,
            "Assistant: Reimbursements go to the bank account on file, the one ending in 4471.",
            ["4471"],
            "number",
        ),
        detail(
            88,
            "Assistant: Sure, what are the last four digits and the bank?\n"
            "User: Chase, ending 9036",
            ["9036"],
            "number",
            89,
        ),
        detail(
            90,
            "Assistant: Updated: payouts will go to the Chase account ending 9036.",
            ["9036"],
            "number",
        ),
    ) == {("4471", "9036")}


def test_a_value_said_before_the_offer_is_kept_not_taken_in_persian() -> None:
    assert not _replaced(
        detail(37, "Assistant: بسته فعلی شما تا ۱۵ آبان اعتبار داره.", ["۱۵ آبان"], "date"),
        detail(
            74, "Assistant: همون نوبت یکشنبه ساعت ۱۷:۳۰ شهرک غرب.", ["یکشنبه ساعت ۱۷:۳۰"], "date"
        ),
        detail(83, "User: نه پس همون از ۱۵ آبان باشه", ["۱۵ آبان"], "date"),
        detail(
            84,
            "Assistant: باشه، همون‌طور که ثبت شده از ۱۵ آبان تغییر می‌کنه.",
            ["۱۵ آبان"],
            "date",
        ),
    )
