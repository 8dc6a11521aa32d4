"""A span of days said after a word of change is one span when its join says a span."""

from __future__ import annotations

from domain.memory.offline.values import Kind, find_values

#: A change opens the sentence; «ถึง», «تا», "until" and a dash between days of one month
#: say a span.
SPANS_AFTER_A_CHANGE = {
    "ไฟลท์เลื่อน ฝาก 26 ถึง 31 ธ.ค. แทนได้ไหมคะ": "26 ถึง 31 ธ.ค.",
    "ขอเปลี่ยนห้อง พัก 3 ถึง 5 ม.ค. ค่ะ": "3 ถึง 5 ม.ค.",
    "پروازم عوض شد، ۲۰ تا ۲۳ اسفند میمونیم": "۲۰ تا ۲۳ اسفند",
    "My flight moved, so we stay 1 until 3 June": "1 until 3 June",
    "I changed the booking: the van is ours 3-5 March": "3-5 March",
}


def dates_in(text: str) -> list[str]:
    return [value.text for value in find_values(text) if value.kind is Kind.DATE]


def test_a_span_after_a_word_of_change_is_one_date() -> None:
    for text, span in SPANS_AFTER_A_CHANGE.items():
        assert dates_in(text) == [span], text


def test_a_change_from_one_day_to_another_stays_two_values() -> None:
    assert dates_in("moved from June 1 to June 3") == ["June 1", "June 3"]
    persian = [value.text for value in find_values("تغییر از ۲۰ به ۲۳ اسفند")]
    assert "۲۰" in persian and "۲۳ اسفند" in persian
    thai = [value.text for value in find_values("เลื่อนจาก 26 เป็น 31 ธ.ค.")]
    assert "26" in thai and "31 ธ.ค." in thai


def test_a_change_from_a_day_until_another_stays_two_dates() -> None:
    assert dates_in("ขอเลื่อนจาก 26 ถึง 31 ธ.ค. ได้ไหม") == ["31 ธ.ค."]
    assert dates_in("Can you push it from 1 until 3 June?") == ["3 June"]
