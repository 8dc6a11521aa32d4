"""A detail that keeps only a customer's bare answer, shown as "topic: answer".

"Assistant: What colour would you like for the gift box?\\nUser: Burgundy" costs about
fifteen tokens for one value; "colour for gift box: Burgundy" says the same in six, the
topic in the question's own words (``answer_topics``): «رنگ: زرشکی», «กล่องสี: สีแดง». Such
details go last in the details' share (``replaced_details.share_order``), so their room is
what the others leave: the fewer tokens each takes, the more of them are shown.

Only a detail whose every value is that one answer, to a question whose topic is found;
any other keeps its compact form (``compact_detail``): a question that names nothing of
its own ("Which one would you like?", «چی بنویسم؟») still needs its words.
"""

from __future__ import annotations

from domain.memory.answer_topics import topic_and_answer
from schemas.memory_model import Detail


def answer_line(detail: Detail) -> str | None:
    """ "topic: answer" for a detail that keeps only a bare answer (module doc), or None."""
    if set(detail.kinds) != {"answer"} or len(detail.values) != 1:
        return None
    found = topic_and_answer(detail)
    if found is None:
        return None
    topic, answer = found
    return f"{topic}: {answer}"
