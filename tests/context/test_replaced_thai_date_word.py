"""A Thai day stored with the word «วันที่» ("the date") is marked replaced where a summary
quotes it without the word («ใช่ค่ะ 29 ธ.ค.»), as well as where it quotes it whole."""

from __future__ import annotations

from domain.context.replaced import mark_replaced
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact

_NOTE = " (replaced by วันอาทิตย์ 5 ม.ค. 68)"


def _moved(old: str) -> Fact:
    history = [FactValue(value=old, source_message_id="m1", updated_at=NOW)]
    return fact("follow_up_date", "วันอาทิตย์ 5 ม.ค. 68").model_copy(update={"history": history})


def test_a_day_said_without_its_date_word_is_marked_too() -> None:
    text = "Assistant: นัดติดตามอาการวันที่ 29 ธ.ค. ใช่ไหม\nUser: ใช่ค่ะ 29 ธ.ค. แต่ไม่สะดวก"
    marked = mark_replaced(text, [_moved("วันที่ 29 ธ.ค.")])
    assert marked == (
        f"Assistant: นัดติดตามอาการวันที่ 29 ธ.ค.{_NOTE} ใช่ไหม\nUser: ใช่ค่ะ 29 ธ.ค.{_NOTE} แต่ไม่สะดวก"
    )


def test_a_day_stored_without_the_word_is_marked_as_before() -> None:
    marked = mark_replaced("User: ใช่ค่ะ 29 ธ.ค. แต่ไม่สะดวก", [_moved("29 ธ.ค.")])
    assert marked == f"User: ใช่ค่ะ 29 ธ.ค.{_NOTE} แต่ไม่สะดวก"


def test_another_day_of_the_month_is_not_marked() -> None:
    text = "User: ใช่ค่ะ 9 ธ.ค. แต่ไม่สะดวก"
    assert mark_replaced(text, [_moved("วันที่ 29 ธ.ค.")]) == text
