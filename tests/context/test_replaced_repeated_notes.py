"""A phrase marked twice, once after its first words and once after the whole of it, keeps
the first note only: the second, a few words on with the same replacement, would make the
current value inside the first note read as replaced. A number between the two notes is an
old value of its own, and both notes stay."""

from __future__ import annotations

from domain.context.repeated_notes import without_repeated_notes
from domain.context.replaced import ReplacedMarks
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact


def moved(key: str, old: str, new: str) -> Fact:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


def test_a_phrase_and_its_first_words_marked_alike_keep_one_note() -> None:
    fee = ReplacedMarks([moved("monthly_fee", "£42.99 a month", "£36.99 a month")])
    assert fee.mark_detail("Assistant: You'll be on that plan at £42.99 a month.", ["£42.99"]) == (
        "Assistant: You'll be on that plan at £42.99 (replaced by £36.99 a month) a month."
    )
    call = ReplacedMarks(
        [moved("contact_instruction", "به شوهرم زنگ بزنید", "فقط پیامک بدید به مهدی")]
    )
    assert call.mark_detail("User: موقع تحویل به شوهرم زنگ بزنید، ممنون", ["شوهرم زنگ"]) == (
        "User: موقع تحویل به شوهرم زنگ (replaced by فقط پیامک بدید به مهدی) بزنید، ممنون"
    )


def test_a_note_after_a_number_of_its_own_stays() -> None:
    visit = ReplacedMarks(
        [moved("appointment", "Monday 2 December, 8am to 1pm", "Tuesday 3 December, 1 to 6pm")]
    )
    note = " (replaced by Tuesday 3 December, 1 to 6pm)"
    assert (
        visit.mark_detail(
            "Assistant: Engineer visit on Monday 2 December, 8am to 1pm, side gate.",
            ["Monday 2 December", "8am to 1pm"],
        )
        == f"Assistant: Engineer visit on Monday 2 December{note}, 8am to 1pm{note}, side gate."
    )


def test_only_a_repeated_note_goes() -> None:
    room = "User: ขอห้องวิวสวน (replaced by ห้องวิวทะเล) ชั้นล่าง (replaced by ห้องวิวทะเล) ค่ะ"
    assert without_repeated_notes(room) == ("User: ขอห้องวิวสวน (replaced by ห้องวิวทะเล) ชั้นล่าง ค่ะ")
    other = "$20.45 (replaced by $21.45) as account credit (replaced by back on the card)."
    assert without_repeated_notes(other) == other
