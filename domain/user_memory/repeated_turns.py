"""A past conversation's summary without the sentences that only say a fact's value again.

The offline summary of a conversation is extractive: turns quoted word for word
("User: 14 Bramley Close, Harrogate HG2 7DN"). At a returning user's first message the
conversation lines took most of the section's room, leaving none for the details that
carry the values the facts do not. So a conversation's line leaves out each sentence
that only repeats a value, and the question it answers ("Assistant: What's the new
address?"). A sentence only repeats when it states a value of any of the user's facts
(a recap stating five values is denser than five details, so only the facts, always
shown first, count as saying a value again), no other number, at most
``MAX_OTHER_WORDS`` other words (more may name another value: "ring Callum not me, on
07700 900652"), and none that negates or tells an outcome (``telling_words``: "Don't
call 07700 900733.", "Refund of £40 approved." say what the fact line cannot, and may
be how the conversation ended). A sentence is cut at terminators only, so it is left
out or kept whole, never as a stub («คืนเงิน 1,250 บาท แล้วค่ะ» is one sentence).
What is left says what the conversation was about, how it ended, and the values only it
holds. Open items are kept whole: they are what is left to do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.sentences import whole_sentences
from domain.memory.speakers import label_of
from domain.search.tokenize import normalize
from domain.tokens import token_weight
from domain.user_memory.details import is_weak, states
from domain.user_memory.fact_values import day_gone
from domain.user_memory.telling_words import says_more
from schemas.user_memory import ConversationSummary, UserMemoryState

_DIGIT = re.compile(r"\d")
#: Words, and their tokens (Thai writes a clause as one word), a repeating sentence may
#: say besides the values ("yes it is", «آدرس جدید هست», «ครับ» fit): more may name
#: another value, an instruction or a person ("ring Callum not me", «ไม่ต้องโทรหาผม»).
MAX_OTHER_WORDS = 3
MAX_OTHER_TOKENS = 6


def sentence_units(summary: str) -> list[tuple[int, str, str]]:
    """(line, speaker label, sentence) of each sentence of ``summary``."""
    units: list[tuple[int, str, str]] = []
    for index, line in enumerate(summary.splitlines()):
        label = label_of(line.strip())
        body = line.strip()[len(label) :]
        units += [(index, label, s.strip()) for s in whole_sentences(body) if s.strip()]
    return units


def stated_values(state: UserMemoryState) -> list[str]:
    """The values the memory's facts state (normalized, the bare small numbers left out:
    "2" says little without its sentence), but a date whose day is gone: its line is not
    shown (``fact_values.day_gone``), so only the summary's sentence may say it."""
    values = {normalize(f.value) for f in state.facts if not day_gone(f.key, f.value)}
    return sorted((v for v in values if v.strip() and not is_weak(v)), key=len, reverse=True)


def repeats(sentence: str, values: Sequence[str]) -> bool:
    """Whether ``sentence`` states one of ``values`` (normalized, longest first), no other
    number, at most ``MAX_OTHER_WORDS`` other words and none that negates or tells an
    outcome: what it says, the facts say."""
    if says_more(sentence):
        return False
    text = normalize(sentence)
    found = False
    for value in values:
        if states(text, value):
            found = True
            text = text.replace(value, " ")
    rest = " ".join(text.split())
    few = len(rest.split()) <= MAX_OTHER_WORDS and token_weight(rest) <= MAX_OTHER_TOKENS
    return found and few and not _DIGIT.search(rest)


def without_repeated_turns(conversation: ConversationSummary, values: Sequence[str]) -> str:
    """``conversation``'s summary without the sentences that only repeat ``values``
    (``repeats``), and a question right before such a sentence; each line keeps its
    speaker while a sentence of it is left."""
    units = sentence_units(conversation.summary)
    gone = [repeats(sentence, values) for _, _, sentence in units]
    kept = [
        not (gone[index] or (index + 1 < len(units) and gone[index + 1] and is_question(unit[2])))
        for index, unit in enumerate(units)
    ]
    return joined_units(units, kept)


def joined_units(units: Sequence[tuple[int, str, str]], kept: Sequence[bool]) -> str:
    """The summary of ``units`` (``sentence_units``) with only the ``kept`` sentences;
    each line keeps its speaker while a sentence of it is left."""
    lines: dict[int, list[str]] = {}
    labels: dict[int, str] = {}
    for (line, label, sentence), keep in zip(units, kept, strict=True):
        if keep:
            labels.setdefault(line, label)
            lines.setdefault(line, []).append(sentence)
    return "\n".join(labels[line] + " ".join(said) for line, said in lines.items())
