"""Values offered as a choice: "Wednesday 20 March or Friday 22 March", "two slots: 9am
and 2pm", «ساعت ۹ صبح و ساعت ۱۴ خالیه», «คิวว่าง 9 โมงกับ 10 โมงครึ่ง». None of them is
agreed until the customer takes one, so none is a fact; the sentence asks which, as a
question would, and the one the reply takes is the fact. Values joined by "or" are a
choice whoever says them; times or dates side by side with only "and" between them are
one when the assistant offers them (one visit is at one time), not when the customer
lists them ("I'm free Monday and Tuesday")."""

from __future__ import annotations

import itertools
import re

from domain.memory.offline.subjects import Topic, topics_named
from domain.memory.offline.values import Kind, ValueSpan, find_values

_OR = re.compile(r"\s(?:or|یا|หรือ)\s", re.IGNORECASE)
#: Only "and" between two values, an "at", «ساعت», «เวลา» or «รอบ…» (a round) perhaps.
_AND_ONLY = re.compile(
    r"^\s*,?\s*(?:and|&|و|กับ)\s*(?:at\s+|ساعت\s*|เวลา\s*|รอบ\S*\s*)?$", re.IGNORECASE
)
_SLOT_KINDS = frozenset({Kind.TIME, Kind.DATE})
#: "between 9am and 1pm", «بین ساعت ۹ و ساعت ۱۳», «ช่วง 9 โมงกับ 13:00 น.»: a range, one
#: window from the first to the second, no choice of two.
#: (The word is read before the first value or as its opening: «بین ساعت ۹», «ช่วง 9 โมง».)
_RANGE_WORD = r"(?:(?<![A-Za-z])between|(?<![\u0600-\u06ff])بین|ระหว่าง|ช่วง)"
_RANGE_OPENS = re.compile(rf"{_RANGE_WORD}\s*$", re.IGNORECASE)
_RANGE_OPENING = re.compile(_RANGE_WORD, re.IGNORECASE)
#: Where a sentence ends: not at Thai «น.» (o'clock) nor at a space before «หรือ» (or),
#: where Thai sentences split elsewhere («นัดได้ 10 โมง หรือ 14:00 น. ค่ะ» is one offer).
_SENTENCE_BREAK = re.compile(r"(?<!น)[.!?؟]+\s+|\n+")


def offered_together(sentence: str, offered: bool) -> list[ValueSpan]:
    """The values of ``sentence`` offered as a choice; ``offered``: the assistant says it
    (values side by side with "and" are a choice only then)."""
    choices: list[ValueSpan] = []
    values = [v for v in find_values(sentence) if v.kind is not Kind.NUMBER]
    pairs = (p for k in Kind for p in itertools.pairwise(v for v in values if v.kind is k))
    for a, b in pairs:
        between = sentence[a.end : b.start]
        side_by_side = (
            offered
            and a.kind in _SLOT_KINDS
            and _AND_ONLY.match(between)
            and not _RANGE_OPENS.search(sentence[: a.start])
            and not _RANGE_OPENING.match(a.text)
        )
        if _OR.search(between) or side_by_side:
            choices += [v for v in (a, b) if v not in choices]
    return choices


def offered_topics(text: str) -> list[Topic]:
    """The topics of the assistant's sentences in ``text`` that offer a choice of values
    and name a key for them: what the reply that takes one answers."""
    topics: list[Topic] = []
    for sentence in _SENTENCE_BREAK.split(text):
        kinds = {v.kind for v in offered_together(sentence, offered=True)}
        for topic in topics_named(sentence):
            if topic not in topics and any(topic.key_for(kind) for kind in kinds):
                topics.append(topic)
    return topics
