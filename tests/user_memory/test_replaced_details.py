"""A value a later detail of the same conversation replaced is not handed to the user
memory as current (``domain.user_memory.details.conversation_details``).

The session memory's folds record which values a newer detail replaced
(``Detail.replaced``: a typo put right, a value changed); the user memory leaves them
out of a detail's values, a detail with no other goes, and a text that still quotes
one says "(replaced)" after it. English, Persian, Thai.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.memory.details import details_of, kept_details
from domain.memory.engine import TranscriptLine
from domain.user_memory.details import MAX_DETAILS_PER_CONVERSATION, conversation_details
from schemas.memory_model import Detail, ReplacedValue

AT = datetime(2026, 12, 1, tzinfo=UTC)

#: Two meter readings, one corrected two messages later: (turns, wrong, right, the other).
SWAPPED = {
    "en": (
        [
            ("assistant", "What are the meter readings?"),
            ("user", "electric 45821, gas 08764"),
            ("assistant", "Electric 45821 seems high, could you check?"),
            ("user", "oh sorry, I swapped digits, electric is 45281"),
        ],
        "45821",
        "45281",
        "08764",
    ),
    "fa": (
        [
            ("assistant", "عدد کنتورها چنده؟"),
            ("user", "برق ۴۵۸۲۱، گاز ۰۸۷۶۴"),
            ("assistant", "برق ۴۵۸۲۱ زیاده، میشه دوباره چک کنید؟"),
            ("user", "ببخشید اشتباه گفتم، برق ۴۵۲۸۱ هست"),
        ],
        "۴۵۸۲۱",
        "۴۵۲۸۱",
        "۰۸۷۶۴",
    ),
    "th": (
        [
            ("assistant", "เลขมิเตอร์เท่าไหร่คะ"),
            ("user", "ไฟฟ้า 45821 ประปา 08764 ครับ"),
            ("assistant", "ไฟฟ้า 45821 ดูสูงไปนะคะ ช่วยเช็คอีกทีได้ไหมคะ"),
            ("user", "ขอโทษครับ ผมพิมพ์ผิด ไฟฟ้าคือ 45281 ครับ"),
        ],
        "45821",
        "45281",
        "08764",
    ),
}


def folded(turns: list[tuple[str, str]]) -> list[Detail]:
    lines = [
        TranscriptLine(i + 1, f"m{i}", role, text)  # type: ignore[arg-type]
        for i, (role, text) in enumerate(turns)
    ]
    return kept_details([], details_of(lines))


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_corrected_value_goes_to_the_user_memory_marked_never_as_current(
    language: str,
) -> None:
    turns, wrong, right, other = SWAPPED[language]
    details = folded(turns)
    assert any(r.old == wrong and r.new == right for d in details for r in d.replaced)
    handed = conversation_details(details, [], "c1", AT)
    # no detail states the wrong reading as a value; the right one and the gas reading stay
    assert all(wrong not in d.values for d in handed)
    assert any(right in d.values for d in handed) and any(other in d.values for d in handed)
    # and where a text still quotes it, it says so (the right one is the detail's value)
    quoting = [d.text for d in handed if wrong in d.text]
    assert quoting and all(f"{wrong} (replaced)" in text for text in quoting)


def unit(position: int, text: str, values: list[str], *replaced: ReplacedValue) -> Detail:
    return Detail(
        first_position=position,
        last_position=position,
        text=text,
        values=values,
        kinds=["date"] * len(values),
        replaced=list(replaced),
    )


MOVED = ReplacedValue(old="12 May at 3pm", new="14 May at 4pm", how="changed")


def test_a_detail_whose_only_value_was_replaced_is_left_out() -> None:
    details = [
        unit(1, "User: my appointment is on 12 May at 3pm", ["12 May at 3pm"], MOVED),
        unit(3, "User: please move it to 14 May at 4pm", ["14 May at 4pm"]),
    ]
    handed = conversation_details(details, [], "c1", AT)
    assert [d.values for d in handed] == [["14 May at 4pm"]]


def test_a_changed_value_a_fact_of_the_conversation_holds_as_current_stays() -> None:
    # (the fact rules know it as current: the user memory does not contradict them)
    text = "User: my appointment is on 12 May at 3pm in room 4B"
    details = [
        unit(1, text, ["12 May at 3pm", "room 4B"], MOVED),
        unit(3, "User: the delivery is on 14 May at 4pm", ["14 May at 4pm"]),
    ]
    facts = [("appointment", "Tuesday 12 May at 3pm")]
    handed = conversation_details(details, facts, "c1", AT)
    assert [d.values for d in handed] == [["14 May at 4pm"], ["12 May at 3pm", "room 4B"]]
    assert handed[1].text == text


#: A value the conversation named as old, and one it kept: (old, a current value).
NAMED_OLD = {
    "en": ("12 Elm Street", "ORD-4821"),
    "fa": ("خیابان ولیعصر پلاک ۱۲", "ORD-4821"),
    "th": ("99 ถนนสุขุมวิท", "ORD-4821"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_quoting_only_replaced_values_is_kept_but_takes_no_place(
    language: str,
) -> None:
    old, order = NAMED_OLD[language]
    # as many details stating a current value as a conversation hands over, and a newer
    # one quoting only the address the conversation named as old
    current = [
        Detail(
            first_position=p, last_position=p, text=f"User: {order}-{p}", values=[f"{order}-{p}"]
        )
        for p in range(1, MAX_DETAILS_PER_CONVERSATION + 1)
    ]
    replaced_only = Detail(first_position=99, last_position=99, text=f"User: {old}", values=[old])
    handed = conversation_details([*current, replaced_only], [], "c1", AT, old_values=[old])
    # kept, marked (a wrong mark must not lose what it says) ...
    assert handed[0].text == f"User: {old} (replaced)" and handed[0].values == [old]
    # ... but every detail stating a current value is handed over too
    assert [d.values for d in handed[1:]] == [
        [f"{order}-{p}"] for p in range(MAX_DETAILS_PER_CONVERSATION, 0, -1)
    ]
