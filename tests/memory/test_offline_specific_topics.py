"""A question that names a general topic and a specific one for a day («หมอแพรวนัดติดตาม
อาการวันไหน», "the engineer … the installation", «دکتر برای نوبت بعدی …») gets its answer
keyed by the specific one, the longest cue; a question naming one topic keys as before."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

Messages = list[tuple[str, str]]


def _facts(messages: Messages, known: list[tuple[str, str]]) -> dict[str, str]:
    lines = [TranscriptLine(i, f"m{i}", role, text) for i, (role, text) in enumerate(messages)]
    return {fact.key: fact.value for fact in extract_facts(lines, known)}


@pytest.mark.parametrize(
    ("question", "answer", "known", "key"),
    [
        (
            "หมอแพรวนัดติดตามอาการวันไหนสะดวกคะ",
            "29 ธ.ค. ค่ะ",
            [("appointment_date", "อาทิตย์ 15 ธ.ค.")],
            "follow_up_date",
        ),
        (
            "What date works for the engineer to do the installation?",
            "Friday 12 May please",
            [("appointment_date", "Monday 1 May")],
            "installation_date",
        ),
        (
            "دکتر برای نوبت بعدی چه روزی وقت داره؟",
            "پنجشنبه ۲۴ آبان",
            [("appointment_date", "شنبه ۱۲ آبان")],
            "follow_up_date",
        ),
        # near misses: one topic named
        ("นัดวันไหนสะดวกคะ", "29 ธ.ค. ค่ะ", [], "appointment_date"),
        (
            "Which day suits you for the appointment?",
            "Friday 12 May please",
            [],
            "appointment_date",
        ),
        ("What date works for the installation?", "Friday 12 May please", [], "installation_date"),
    ],
)
def test_the_most_specific_topic_asked_keys_the_answer(
    question: str, answer: str, known: list[tuple[str, str]], key: str
) -> None:
    found = _facts([("assistant", question), ("user", answer)], known)
    assert found.get(key) == answer.removesuffix(" ค่ะ").removesuffix(" please")
    assert not any(held in found for held, _ in known)
