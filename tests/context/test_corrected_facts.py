"""A part of a fact's value that a detail put right is shown corrected; a value changed
(not a mistake) is left to the facts' own history; and a corrected code is marked where a
summary still quotes it after a place's name."""

from __future__ import annotations

import pytest

from domain.context.corrected_facts import corrected_facts
from domain.context.replaced import ReplacedMarks
from schemas.memory_model import ReplacedValue
from tests.context.factories import fact

#: (a fact's value, the part of it a detail put right, the correction)
CORRECTED = [
    ("14 Bramley Close, Harrogate HG2 7DN", "HG2 7DN", "HG2 7DL"),
    ("تهران، خیابان ستارخان، کد پستی ۱۴۵۶۷۸۹۰۱۲", "۱۴۵۶۷۸۹۰۱۲", "۱۴۵۶۷۸۹۰۲۱"),
    ("99/5 ถ.สุขุมวิท แขวงคลองตัน กรุงเทพฯ 10110", "10110", "10120"),
]


@pytest.mark.parametrize(("value", "old", "new"), CORRECTED)
def test_a_corrected_part_of_a_fact_is_shown_corrected(value: str, old: str, new: str) -> None:
    corrected = ReplacedValue(old=old, new=new, how="corrected")
    shown = corrected_facts([fact("delivery_address", value)], [corrected])
    assert shown[0].value == value.replace(old, new)
    # a value changed (it was current until then) may still be another thing's: left alone
    changed = ReplacedValue(old=old, new=new, how="changed")
    assert corrected_facts([fact("delivery_address", value)], [changed])[0].value == value


def test_a_correction_is_never_applied_inside_a_longer_value() -> None:
    corrected = ReplacedValue(old="HG2 7DN", new="HG2 7DL", how="corrected")
    facts = [fact("reference", "XHG2 7DNA"), fact("postcode", "HG2 7DL")]
    assert [f.value for f in corrected_facts(facts, [corrected])] == ["XHG2 7DNA", "HG2 7DL"]


def test_a_word_put_right_leaves_another_fact_that_quotes_it_alone() -> None:
    corrected = ReplacedValue(old="Thursday", new="Friday", how="corrected")
    facts = [fact("delivery_day", "Friday"), fact("class_day", "Thursday yoga")]
    assert [f.value for f in corrected_facts(facts, [corrected])] == ["Friday", "Thursday yoga"]


def test_a_corrected_code_after_a_place_name_is_marked_in_a_summary() -> None:
    corrected = ReplacedValue(old="HG2 7DN", new="HG2 7DL", how="corrected")
    marks = ReplacedMarks([], [], [corrected])
    assert marks.mark("User: 14 Bramley Close, Harrogate HG2 7DN") == (
        "User: 14 Bramley Close, Harrogate HG2 7DN (replaced by HG2 7DL)"
    )
    # a capitalised word before a name of words is still that name's ("SwiftPost Express")
    named = ReplacedValue(old="Express", new="Standard", how="corrected")
    text = "Assistant: it goes with SwiftPost Express"
    assert ReplacedMarks([], [], [named]).mark(text) == text
