"""A value gone back to («برگردیم همون ۴ شب», "back to R-214", «กลับไปเป็น …») is its fact's
value again: an earlier value of exactly one fact, or a value of the held one's shape; a
question, a "not", a value in two facts' histories or a «همون» that points at another
word leaves the facts as they are."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.gone_back import gone_back_facts
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact
from tests.memory.folding_support import fold_all


def _held(key: str, value: str, *earlier: str) -> Fact:
    """A fact holding ``value`` after the ``earlier`` ones."""
    history = [FactValue(value=v, source_message_id="m1", updated_at=NOW) for v in earlier]
    return fact(key, value).model_copy(update={"history": history})


def _after(facts: list[Fact], text: str, role: str = "user") -> tuple[dict[str, str], list[str]]:
    kept, back = gone_back_facts(facts, [TranscriptLine(9, "m9", role, text)], NOW, 10)
    return {f.key: f.value for f in kept}, back


#: (the held value, its earlier one, a message going back to it)
BACK_TO_EARLIER = [
    ("R-230", "R-214", "عالیه پس R-214 رزگلد"),
    ("R-230", "R-214", "برگردیم به همون R-214."),
    ("Pro 14", "Classic 12", "Actually, back to the Classic 12 please"),
    ("สีดำ", "สีขาวมุก", "ขอกลับไปเป็นสีขาวมุกค่ะ"),
]


@pytest.mark.parametrize(("held", "earlier", "text"), BACK_TO_EARLIER)
def test_an_earlier_value_gone_back_to_is_current_again(held: str, earlier: str, text: str) -> None:
    facts = [_held("product_model", held, earlier), fact("order_id", "HM-3057")]
    values, back = _after(facts, text)
    assert values == {"product_model": earlier, "order_id": "HM-3057"}
    assert back == [earlier]


#: (the held value, a message going back to a value of its shape, the value gone back to)
BACK_TO_SAME_SHAPE = [
    ("۵ شب", "الان شوهرم پیام داد. برگردیم همون ۴ شب", "۴ شب"),
    ("شنبه ۱۷ آذر", "خواهرش نمیاد 😂 پس همون پنجشنبه ۱۵ آذر", "پنجشنبه ۱۵ آذر"),
    ("5 nights", "His boss said no, so back to 4 nights", "4 nights"),
]


@pytest.mark.parametrize(("held", "text", "back_to"), BACK_TO_SAME_SHAPE)
def test_a_value_of_the_held_shape_gone_back_to_is_current(
    held: str, text: str, back_to: str
) -> None:
    values, back = _after([fact("stay", held), fact("customer_name", "مهسا رحیمی")], text)
    assert values["stay"] == back_to
    assert back == [back_to]


#: Messages that name an earlier value (or one of the held shape) and go back to nothing.
NEAR_MISSES = [
    "برگردیم به همون R-214؟ هنوز میشه عوض کرد؟",  # asks
    "عه اینجا نوشته R-230. پس R-214 نیست 😅",  # so it is NOT the R-214
    "We're not going back to the Classic 12",
    "ขอกลับไปเป็นสีขาวมุก ได้ไหมคะ",  # asks, with no question mark
    "آره همون قهرمان آلپ، ۴ شب شد",  # «همون» points at the brand
    "پس مانده حساب: R-214 منهای بیعانه",  # «پس» not before the value
    "R-214 رو هم دیدم، قشنگ بود",  # no word of going back
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_value_named_without_going_back_changes_nothing(text: str) -> None:
    facts = [
        _held("product_model", "R-230", "R-214"),
        _held("colour", "สีดำ", "สีขาวมุก"),
        _held("model", "Pro 14", "Classic 12"),
        fact("stay", "۵ شب"),
    ]
    values, back = _after(facts, text)
    assert values == {f.key: f.value for f in facts}
    assert back == []


def test_a_value_in_two_facts_histories_names_neither() -> None:
    facts = [_held("delivery_date", "۱۹ مهر", "۱۷ مهر"), _held("pickup_date", "۲۰ مهر", "۱۷ مهر")]
    values, _ = _after(facts, "پس همون ۱۷ مهر")
    assert values == {"delivery_date": "۱۹ مهر", "pickup_date": "۲۰ مهر"}


def test_a_shape_offered_by_the_agent_is_no_choice() -> None:
    values, _ = _after([fact("stay", "۵ شب")], "می‌تونیم همون ۴ شب یا ۶ شب بذاریم", "assistant")
    assert values == {"stay": "۵ شب"}


def test_a_folded_conversation_keeps_the_model_gone_back_to() -> None:
    state = fold_all(
        [
            ("user", "تو پیجتون یه مدل دیدم کدش R-214 بود"),
            ("assistant", "بله R-214 ست حلقه ساده‌ست"),
            ("user", "یه مدل دیگه هم بود R-230 که پهن تره. همون R-230 رو بنویسید"),
            ("assistant", "چشم، ست R-230 ثبت شد"),
            ("user", "مامانم میگه R-230 گرون درمیاد. برگردیم به همون R-214؟"),
            ("assistant", "هنوز ریخته‌گری رو شروع نکردن، پس میشه 👍"),
            ("user", "عالیه پس R-214 رزگلد"),
            ("assistant", "ثبت شد"),
        ]
    )
    held = {f.value for f in state.facts}
    assert "R-214" in held
    assert "R-230" not in held
    assert "R-214" not in state.replaced_values
