"""The quality benchmark's false-replacement count: a fact history is false when no one
annotated subject holds all its values (bench/quality.py)."""

from __future__ import annotations

from typing import Any

from bench.dialogue_set import Dialogue
from bench.quality import false_replacements


def _dialogue(subjects: dict[str, list[str]]) -> Dialogue:
    return Dialogue("d", "en", [], subjects)


def _fact(key: str, *values: str) -> dict[str, Any]:
    return {"key": key, "value": values[-1], "history": [{"value": v} for v in values[:-1]]}


def test_a_price_is_not_read_as_the_count_whose_digits_it_starts_with() -> None:
    dialogue = _dialogue({"panel count": ["10", "12"], "total price": ["£11,840", "£10,995"]})
    assert false_replacements(dialogue, [_fact("order_total", "£11,840", "£10,995")]) == []


def test_values_of_two_subjects_in_one_history_are_false() -> None:
    dialogue = _dialogue({"panel count": ["10", "12"], "total price": ["£11,840", "£10,995"]})
    found = false_replacements(dialogue, [_fact("quantity", "10", "£10,995")])
    assert found == ["quantity: 10 → £10,995"]


def test_a_stored_value_quoting_two_annotated_values_may_be_either() -> None:
    dialogue = _dialogue(
        {"event date": ["Thursday 6 March", "Saturday 19 September"], "start time": ["2pm"]}
    )
    history = _fact("event_date", "Thursday 6 March at 2pm", "Saturday 19 September")
    assert false_replacements(dialogue, [history]) == []
    history = _fact("event_time", "Thursday 6 March at 2pm", "4pm")
    assert false_replacements(dialogue, [history]) == []
    history = _fact("event_time", "Thursday 6 March at 2pm", "2pm", "Saturday 19 September")
    assert false_replacements(dialogue, [history]) == [
        "event_time: Thursday 6 March at 2pm → 2pm → Saturday 19 September"
    ]


def test_a_text_annotated_under_two_subjects_may_be_either() -> None:
    dialogue = _dialogue({"delivery date": ["۱۴ آبان", "۲۰ آبان"], "survey date": ["۱۴ آبان"]})
    assert false_replacements(dialogue, [_fact("delivery_date", "۱۴ آبان", "۲۰ آبان")]) == []


def test_a_part_of_an_annotated_value_counts_as_its_subject() -> None:
    dialogue = _dialogue(
        {"refund amount": ["9,000 บาท", "4,440 บาท"], "customer email": ["thanawat.j@hotmail.com"]}
    )
    history = _fact("refund_amount", "9,000", "thanawat.j@hotmail.com")
    assert false_replacements(dialogue, [history]) == [
        "refund_amount: 9,000 → thanawat.j@hotmail.com"
    ]
    assert false_replacements(dialogue, [_fact("refund_amount", "9,000", "4,440 บาท")]) == []
