"""A short old value is marked beside its noun or as a whole name; a capitalised one
opening a sentence is marked; one inside a longer name is not."""

from __future__ import annotations

from domain.context.replaced import mark_replaced
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact


def moved(key: str, old: str, new: str) -> Fact:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


def test_a_short_number_is_marked_beside_its_noun_in_every_language() -> None:
    assert mark_replaced("Party for 24 guests.", [moved("guest_count", "24", "28")]) == (
        "Party for 24 (replaced by 28) guests."
    )
    assert mark_replaced("فردا ۳ کارگر میان", [moved("worker_count", "۳", "۵ کارگر")]) == (
        "فردا ۳ (replaced by ۵ کارگر) کارگر میان"
    )
    assert mark_replaced("มีแมว 4 ตัวค่ะ", [moved("cat_count", "4", "6 ตัว")]) == (
        "มีแมว 4 (replaced by 6 ตัว) ตัวค่ะ"
    )


def test_a_short_number_is_not_marked_beside_another_noun_nor_inside_a_number() -> None:
    guests = [moved("guest_count", "24", "28")]
    for text in ("Open 24 hours.", "Table 124 guests", "User: 24", "2.24 guests"):
        assert mark_replaced(text, guests) == text
    assert mark_replaced("ساعت ۳ میان", [moved("worker_count", "۳", "۵ کارگر")]) == "ساعت ۳ میان"
    assert mark_replaced("ชั้น 4 ค่ะ", [moved("cat_count", "4", "6 ตัว")]) == "ชั้น 4 ค่ะ"


def test_a_short_name_in_capitals_is_marked_as_a_whole_word_only() -> None:
    tyres = [moved("rear_tyre", "IRC", "Michelin")]
    assert mark_replaced("We fit IRC tyres.", tyres) == "We fit IRC (replaced by Michelin) tyres."
    assert mark_replaced("ยางหลัง IRC เส้นละ 1,250 บาท", tyres) == (
        "ยางหลัง IRC (replaced by Michelin) เส้นละ 1,250 บาท"
    )
    assert mark_replaced("لاستیک IRC نصب شد", tyres) == "لاستیک IRC (replaced by Michelin) نصب شد"
    for text in ("The CIRCUIT is closed.", "Model IRCX"):
        assert mark_replaced(text, tyres) == text


def test_a_lowercase_old_value_capitalised_opening_a_sentence_is_marked() -> None:
    cover = [moved("cover_type", "interim", "permanent")]
    assert mark_replaced("Interim cover ends Friday.", cover) == (
        "Interim (replaced by permanent) cover ends Friday."
    )
    assert mark_replaced("User: Interim, please.", cover) == (
        "User: Interim (replaced by permanent), please."
    )
    assert mark_replaced("The Interim Office called.", cover) == "The Interim Office called."


def test_an_old_value_ending_a_longer_name_is_not_marked() -> None:
    tier = [moved("service_tier", "Express", "Economy")]
    assert mark_replaced("SwiftPost Express collects it.", tier) == "SwiftPost Express collects it."
    assert mark_replaced("Then Royal Express calls.", tier) == "Then Royal Express calls."
    assert mark_replaced("Choose Express. User: Express", tier) == (
        "Choose Express (replaced by Economy). User: Express (replaced by Economy)"
    )
