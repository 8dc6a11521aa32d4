"""Two things whose names differ only by a particle ("check-in" and "check-out", "pick-up"
and "drop-off") stay two things: a value said of one replaces nothing of the other, and a
detail of one says nothing again of the other (``domain.memory.offline.compound_words``)."""

from __future__ import annotations

from domain.memory.detail_changes import value_changes
from domain.memory.details import supersedes
from domain.memory.offline.candidates import Candidate
from domain.memory.offline.restatements import superseded
from schemas.memory_model import Detail
from tests.context.factories import detail
from tests.memory.test_offline_facts_dialogue import facts_of


def _replaced(*details: Detail) -> set[tuple[str, str]]:
    return {(change.old, change.new) for change in value_changes(details)}


def test_a_check_out_date_changed_replaces_no_check_in_date() -> None:
    assert not _replaced(
        detail(10, "Assistant: Your check-in is on Friday 12 June.", ["Friday 12 June"], "date"),
        detail(
            11, "User: I've changed the check-out to Sunday 14 June.", ["Sunday 14 June"], "date"
        ),
    )
    assert not _replaced(
        detail(10, "Assistant: Check-in is on Friday 12 June.", ["Friday 12 June"], "date"),
        detail(
            11,
            "User: Check-out on Sunday 14 June instead, please.\nAssistant: Sure.",
            ["Sunday 14 June"],
            "date",
            12,
        ),
    )
    assert not _replaced(
        detail(10, "User: تاریخ ورود ۱۲ خرداد است", ["۱۲ خرداد"], "date"),
        detail(11, "User: تاریخ خروج رو به ۱۵ خرداد تغییر دادم", ["۱۵ خرداد"], "date"),
    )
    assert not _replaced(
        detail(10, "User: เช็คอิน 12 มิ.ย. ค่ะ", ["12 มิ.ย."], "date"),
        detail(11, "User: เปลี่ยนเช็คเอาท์เป็น 14 มิ.ย. แทนค่ะ", ["14 มิ.ย."], "date"),
    )


def test_a_pick_up_changed_is_still_a_change_of_the_pick_up() -> None:
    assert _replaced(
        detail(10, "Assistant: The pick-up is on 3 May.", ["3 May"], "date"),
        detail(11, "User: I've changed the pick up to 9 May.", ["9 May"], "date"),
    ) == {("3 May", "9 May")}
    assert _replaced(
        detail(10, "User: วันรับรถ 3 พ.ค. ค่ะ", ["3 พ.ค."], "date"),
        detail(11, "Assistant: เปลี่ยนวันรับรถเป็น 9 พ.ค. แล้วค่ะ", ["9 พ.ค."], "date"),
    ) == {("3 พ.ค.", "9 พ.ค.")}
    assert _replaced(
        detail(10, "User: تاریخ تحویل ماشین ۳ خرداد است", ["۳ خرداد"], "date"),
        detail(11, "User: تاریخ تحویل ماشین رو به ۹ خرداد تغییر دادم", ["۹ خرداد"], "date"),
    ) == {("۳ خرداد", "۹ خرداد")}


def test_a_check_out_detail_says_nothing_again_of_the_check_in() -> None:
    check_in = detail(10, "User: The check-in date is 3 May.", ["3 May"], "date")
    check_out = detail(11, "User: The check-out date is 9 May.", ["9 May"], "date")
    assert not supersedes(check_out, check_in)
    said_again = detail(11, "User: The check in date is 9 May.", ["9 May"], "date")
    assert supersedes(said_again, check_in)
    arrival = detail(10, "User: تاریخ ورود به هتل ۳ خرداد است", ["۳ خرداد"], "date")
    departure = detail(11, "User: تاریخ خروج از هتل ۹ خرداد است", ["۹ خرداد"], "date")
    assert not supersedes(departure, arrival)
    thai_in = detail(10, "User: วันเช็คอินคือ 3 พ.ค.", ["3 พ.ค."], "date")
    thai_out = detail(11, "User: วันเช็คเอาท์คือ 9 พ.ค.", ["9 พ.ค."], "date")
    assert not supersedes(thai_out, thai_in)


def test_a_summary_keeps_the_check_in_beside_the_check_out() -> None:
    check_in = Candidate("The check-in date is 12 March.", "user", (1, 0))
    check_out = Candidate("The check-out date is 15 March.", "user", (2, 0))
    assert not superseded([check_in, check_out])
    said_again = Candidate("The check in date is 15 March.", "user", (2, 0))
    assert superseded([check_in, said_again]) == {check_in}


def test_a_drop_off_is_the_return_not_the_pick_up_nor_a_delivery() -> None:
    english = facts_of(("user", "Pick-up is on 3 May and drop-off is on 9 May."))
    assert english == {"pickup_date": "3 May", "return_date": "9 May"}
    thai = facts_of(("user", "รับรถวันที่ 3 พ.ค. คืนรถวันที่ 9 พ.ค. ค่ะ"))
    assert thai.get("pickup_date") == "วันที่ 3 พ.ค."
    assert thai.get("return_date") == "วันที่ 9 พ.ค."
    # Persian «تحویل دادن» (to hand back) is also a delivery: no rule tells them apart
