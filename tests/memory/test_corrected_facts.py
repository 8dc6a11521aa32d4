"""A part of a fact's value that a detail put right is stored corrected, the mistake in the
fact's history (the memory, the user memory and every context read the stored facts); a
value changed (not a mistake) is left to the facts' own history."""

from __future__ import annotations

import pytest

from domain.memory.corrected_facts import corrected_facts
from schemas.memory_model import Detail, ReplacedValue
from tests.context.factories import fact
from tests.memory.folding_support import fold_all

#: (a fact's value, the part of it a detail put right, the correction)
CORRECTED = [
    ("14 Bramley Close, Harrogate HG2 7DN", "HG2 7DN", "HG2 7DL"),
    ("تهران، خیابان ستارخان، کد پستی ۱۴۵۶۷۸۹۰۱۲", "۱۴۵۶۷۸۹۰۱۲", "۱۴۵۶۷۸۹۰۲۱"),
    ("99/5 ถ.สุขุมวิท แขวงคลองตัน กรุงเทพฯ 10110", "10110", "10120"),
]


def _putting_right(old: str, new: str, how: str = "corrected") -> Detail:
    """A stored detail whose value ``old`` a newer detail replaced with ``new``."""
    replaced = ReplacedValue.model_validate({"old": old, "new": new, "how": how})
    return Detail(
        first_position=2,
        last_position=2,
        text=f"User: {old}",
        values=[old],
        kinds=["number"],
        replaced=[replaced],
    )


@pytest.mark.parametrize(("value", "old", "new"), CORRECTED)
def test_a_corrected_part_of_a_fact_is_stored_corrected(value: str, old: str, new: str) -> None:
    (stored,) = corrected_facts([fact("delivery_address", value)], [_putting_right(old, new)], 10)
    assert stored.value == value.replace(old, new)
    assert [earlier.value for earlier in stored.history] == [value]
    # a value changed (it was current until then) may still be another thing's: left alone
    changed = _putting_right(old, new, how="changed")
    assert corrected_facts([fact("delivery_address", value)], [changed], 10)[0].value == value


def test_a_correction_is_never_applied_inside_a_longer_value() -> None:
    facts = [fact("reference", "XHG2 7DNA"), fact("postcode", "HG2 7DL")]
    kept = corrected_facts(facts, [_putting_right("HG2 7DN", "HG2 7DL")], 10)
    assert [(f.value, f.history) for f in kept] == [("XHG2 7DNA", []), ("HG2 7DL", [])]


def test_a_word_put_right_leaves_another_fact_that_quotes_it_alone() -> None:
    facts = [fact("delivery_day", "Friday"), fact("class_day", "Thursday yoga")]
    kept = corrected_facts(facts, [_putting_right("Thursday", "Friday")], 10)
    assert [f.value for f in kept] == ["Friday", "Thursday yoga"]


#: (a value given, its correction a few messages later, the stored fact's value after)
FOLDED = [
    (
        "99/5 ถ.สุขุมวิท แขวงคลองตัน กรุงเทพฯ 10110 ค่ะ",
        "ขอโทษค่ะ รหัสไปรษณีย์ต้องเป็น 10120",
        "99/5 ถ.สุขุมวิท แขวงคลองตัน กรุงเทพฯ 10120",
    ),
]


@pytest.mark.parametrize(("given", "correction", "stored"), FOLDED)
def test_a_fold_stores_the_fact_corrected(given: str, correction: str, stored: str) -> None:
    state = fold_all(
        [
            ("assistant", "ขอที่อยู่จัดส่งค่ะ"),
            ("user", given),
            ("assistant", "รับทราบค่ะ"),
            ("user", "ขอบคุณค่ะ"),
            ("assistant", "ยินดีค่ะ"),
            ("user", correction),
            ("assistant", "แก้ไขแล้วค่ะ"),
            ("user", "ขอบคุณค่ะ"),
            ("assistant", "ยินดีค่ะ"),
            ("user", "บายค่ะ"),
        ]
    )
    address = next(f for f in state.facts if f.key == "delivery_address")
    assert address.value == stored
    assert [earlier.value for earlier in address.history] == [given.removesuffix(" ค่ะ")]
