"""The topic and the bare answer of a detail that keeps a customer's answer to a
what-question ("Assistant: What colour for the gift box?\\nUser: Burgundy" →
("colour for gift box", "Burgundy")), the topic in the question's words
(``offline.asked_topics``)."""

from __future__ import annotations

import re

from domain.memory.offline.asked_topics import asked_topic
from schemas.memory_model import Detail

_ASKED = re.compile(r"^Assistant: (?P<question>[^\n]+)\nUser: (?P<answer>[^\n]+)")


def topic_and_answer(detail: Detail) -> tuple[str, str] | None:
    """(the topic of the question, the answer) of a detail that holds one bare answer
    ("answer" among its kinds) to the question it opens with; None for any other."""
    if "answer" not in detail.kinds:
        return None
    found = _ASKED.match(detail.text)
    if found is None:
        return None
    topic = asked_topic(found["question"])
    answers = [v for v, k in zip(detail.values, detail.kinds, strict=False) if k == "answer"]
    if topic is None or len(answers) != 1:
        return None
    return topic, answers[0]
