"""A question and a reply that is only its value, shown as "topic: value".

"Assistant: What's the mileage?\\nUser: 84,312" costs a dozen tokens for one value;
"mileage: 84,312" says the same in a few, and the fewer tokens each detail takes, the
more of them the details' share holds. «สะดวกกี่โมงคะ» / «17:30» → «สะดวกกี่โมง: 17:30»,
«کد پستی؟» / «۱۴۳۵۶…» → «کد پستی: ۱۴۳۵۶…».

The topic is what the question asks for in its own words (``asked_topics``: "mileage"),
or else the question itself without its question mark and closing Thai particles (its
words say what the value is of: «สะดวกกี่โมง»). Only for two turns, the assistant's
question and a reply that holds nothing but the values (their punctuation and a closing
Thai particle aside: «17:30 ค่ะ»): a reply with more words ("17:30 ได้ไหม", "send it to
my office") says more than the value, and a question that only asks for a yes ("Is that
OK?") or is long names nothing short; they keep ``compact_detail``'s form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.asked_topics import asked_topic
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.sentences import split_sentences
from domain.tokens import token_weight

#: A question longer than this, kept as the topic, is no shorter than the detail's form.
MAX_QUESTION_TOKENS = 12

_TURNS = re.compile(r"^Assistant: (?P<question>[^\n]+)\nUser: (?P<reply>[^\n]+)$")
#: What a bare reply may hold beside its values: marks, spaces and a Thai particle.
_DECORATION = re.compile(rf"[\s.,!?؟،؛:;\-–—]+|{THAI_PARTICLES}")
_QUESTION_END = re.compile(rf"[\s?؟!.]*$|\s*{THAI_PARTICLES}*[\s?؟!.]*$")
_LATIN = re.compile(r"[A-Za-z]")
#: Words that ask or point and name nothing: «چند», «چی», «شما», «เท่าไหร่», «กี่».
_NOTHING_NAMED = re.compile(
    r"\b(?:چنده|چند|چی|چیه|چطور|کجا|کی|شما|و|پس|خب|اون|این)\b|\s"
    r"|เท่าไหร่|เท่าไร|กี่|อะไร|ไหน|ยังไง|แล้ว|ล่ะ|คุณ"
)
#: Letters a question must keep beyond ``_NOTHING_NAMED`` to name something.
_MIN_NAMED = 3
_REPLY_END = re.compile(rf"(?:\s*{THAI_PARTICLES}|[\s.!,،])+$")


def qa_line(text: str, values: Sequence[str], *, asks: bool) -> str | None:
    """``text`` as "topic: value" (module doc), or None. ``asks``: whether its question
    names what it asks for (not only a yes), as ``compact_detail`` tells it."""
    found = _TURNS.match(text.strip())
    if found is None or not values or not asks:
        return None
    reply = found["reply"].strip()
    rest = reply
    for value in sorted(values, key=len, reverse=True):
        if value not in rest:
            return None
        rest = rest.replace(value, " ")
    if _DECORATION.sub("", rest):
        return None  # the reply says more than the value
    question = _last_question(found["question"])
    if question is None:
        return None
    topic = asked_topic(question) or _named_question(question)
    answer = _REPLY_END.sub("", reply)
    if not topic or any(value not in answer for value in values):
        return None
    if token_weight(topic) > MAX_QUESTION_TOKENS:
        return None
    return f"{topic}: {answer}"


def _named_question(question: str) -> str | None:
    """A Persian or Thai question without its mark and closing particles, when a word of
    it names something («کد پستی», «สะดวกกี่โมง»); not one that only asks a sum or points
    back («چنده؟», «เท่าไหร่คะ»). English names what it asks with "what" (``asked_topic``):
    "And yours?", "How much?", "Sure about the time?" name nothing of their own."""
    if _LATIN.search(question):
        return None
    topic = _QUESTION_END.sub("", question).strip()
    named = _NOTHING_NAMED.sub("", topic)
    return topic if len(named.strip()) >= _MIN_NAMED else None


def _last_question(line: str) -> str | None:
    """The sentence of the assistant's line that asks, when it ends the line."""
    sentences = split_sentences(line)
    if not sentences or not is_question(sentences[-1]):
        return None
    return sentences[-1].strip()
