"""A day or hour turned down, and another asked for or offered in its place and taken,
replaces it in the stored details (``domain.memory.turned_down``)."""

from __future__ import annotations

from domain.memory.detail_changes import value_changes
from schemas.memory_model import Detail
from tests.context.factories import detail


def _replaced(*details: Detail) -> set[tuple[str, str]]:
    return {(change.old, change.new) for change in value_changes(details)}


def test_a_day_turned_down_then_another_asked_for_and_granted_replaces_it_in_english() -> None:
    assert _replaced(
        detail(
            3,
            "Assistant: The gardener is booked for Thursday 6 March.",
            ["Thursday 6 March"],
            "date",
        ),
        detail(8, "User: I can't make Thursday anymore.", ["Thursday"], "date"),
        detail(
            8,
            "User: Could we do Friday 7 March?\nAssistant: Yes, Friday 7 March is fine.",
            ["Friday 7 March"],
            "date",
            9,
        ),
    ) == {("Thursday 6 March", "Friday 7 March"), ("Thursday", "Friday 7 March")}


def test_an_hour_the_agent_says_is_gone_is_replaced_by_the_one_offered_and_taken() -> None:
    assert _replaced(
        detail(4, "User: 3pm works for the tyre fitting.", ["3pm"], "time"),
        detail(
            5,
            "Assistant: Sorry, the 3pm slot has gone, I can do 4:30pm.",
            ["3pm", "4:30pm"],
            "time",
        ),
        detail(6, "User: 4:30pm is fine.", ["4:30pm"], "time"),
    ) == {("3pm", "4:30pm")}


def test_a_day_turned_down_in_persian_is_replaced_by_the_one_granted() -> None:
    assert _replaced(
        detail(2, "Assistant: نصب پرده پنجشنبه ۱۶ اسفند ثبت شد.", ["پنجشنبه ۱۶ اسفند"], "date"),
        detail(
            7,
            "User: پنجشنبه نمی‌تونم، شنبه ۱۸ اسفند چطوره؟\nAssistant: بله، شنبه ۱۸ اسفند خالیه.",
            ["پنجشنبه", "شنبه ۱۸ اسفند", "شنبه ۱۸ اسفند"],
            "date",
            8,
        ),
    ) == {("پنجشنبه ۱۶ اسفند", "شنبه ۱۸ اسفند")}


def test_a_day_turned_down_in_thai_is_replaced_by_the_one_the_next_message_grants() -> None:
    assert _replaced(
        detail(2, "Assistant: จองช่างซ่อมท่อวันพฤหัสที่ 6 มีนาคม", ["วันพฤหัสที่ 6 มีนาคม"], "date"),
        detail(7, "User: วันพฤหัสไม่สะดวกแล้วค่ะ", ["วันพฤหัส"], "date"),
        detail(7, "User: ขอเป็นวันศุกร์ที่ 7 มีนาคม", ["วันศุกร์ที่ 7 มีนาคม"], "date"),
        detail(8, "Assistant: วันศุกร์ที่ 7 มีนาคม", ["วันศุกร์ที่ 7 มีนาคม"], "date"),
        detail(8, "Assistant: เวลา 10:00 น. ว่างครับ", ["10:00 น."], "time"),
    ) >= {("วันพฤหัสที่ 6 มีนาคม", "วันศุกร์ที่ 7 มีนาคม")}


def test_a_replacement_refused_replaces_nothing_in_every_language() -> None:
    assert not _replaced(
        detail(2, "Assistant: Your haircut is Tuesday 4 March.", ["Tuesday 4 March"], "date"),
        detail(7, "User: I can't do Tuesday.", ["Tuesday"], "date"),
        detail(
            7,
            "User: Is Wednesday 5 March free?\nAssistant: Sorry, Wednesday 5 March is full.",
            ["Wednesday 5 March", "Wednesday 5 March"],
            "date",
            8,
        ),
    )
    assert not _replaced(
        detail(2, "Assistant: سرویس کولر پنجشنبه ۱۶ اسفند ثبت شد.", ["پنجشنبه ۱۶ اسفند"], "date"),
        detail(
            7,
            "User: پنجشنبه نمیشه، جمعه ۱۷ اسفند خالیه؟\nAssistant: متاسفانه جمعه ۱۷ اسفند پره.",
            ["پنجشنبه", "جمعه ۱۷ اسفند", "جمعه ۱۷ اسفند"],
            "date",
            8,
        ),
    )
    assert not _replaced(
        detail(2, "Assistant: จองนวดวันเสาร์ที่ 8 มีนาคม", ["วันเสาร์ที่ 8 มีนาคม"], "date"),
        detail(7, "User: วันเสาร์ไม่ว่างแล้วค่ะ", ["วันเสาร์"], "date"),
        detail(7, "User: วันอาทิตย์ที่ 9 มีนาคม", ["วันอาทิตย์ที่ 9 มีนาคม"], "date"),
        detail(8, "Assistant: วันอาทิตย์ที่ 9 มีนาคม", ["วันอาทิตย์ที่ 9 มีนาคม"], "date"),
    )


def test_an_offer_left_unanswered_or_a_day_not_turned_down_replaces_nothing() -> None:
    booked = detail(2, "Assistant: Your MOT is booked for the 12th.", ["the 12th"], "date")
    assert not _replaced(
        booked,
        detail(7, "User: I can't do the 12th. Is the 19th free?", ["the 12th", "the 19th"], "date"),
    )
    assert not _replaced(
        booked,
        detail(
            7,
            "User: The 12th is great. Is the 19th free for my wife's car?\nAssistant: Yes.",
            ["the 12th", "the 19th", "the 19th"],
            "date",
            8,
        ),
    )


def test_a_reply_of_no_problem_takes_the_value_in_every_language() -> None:
    # its "no" is no refusal: the rule shares granted_requests' reading of a reply
    assert _replaced(
        detail(2, "Assistant: The survey is on Monday 10 March.", ["Monday 10 March"], "date"),
        detail(
            7,
            "User: I can't do Monday. Could we do Tuesday 11 March?\n"
            "Assistant: No problem, Tuesday 11 March it is.",
            ["Monday", "Tuesday 11 March", "Tuesday 11 March"],
            "date",
            8,
        ),
    ) == {("Monday 10 March", "Tuesday 11 March")}
    assert _replaced(
        detail(2, "Assistant: بازدید دوشنبه ۲۰ اسفند ثبت شد.", ["دوشنبه ۲۰ اسفند"], "date"),
        detail(
            7,
            "User: دوشنبه نمی‌تونم، سه‌شنبه ۲۱ اسفند بشه؟\nAssistant: مشکلی نیست، سه‌شنبه ۲۱ اسفند.",
            ["دوشنبه", "سه‌شنبه ۲۱ اسفند", "سه‌شنبه ۲۱ اسفند"],
            "date",
            8,
        ),
    ) == {("دوشنبه ۲۰ اسفند", "سه‌شنبه ۲۱ اسفند")}
