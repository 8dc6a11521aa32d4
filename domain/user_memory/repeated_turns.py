"""A past conversation's summary without the sentences the user's facts state already.

The offline summary of a conversation is extractive: turns quoted word for word
("User: 14 Bramley Close, Harrogate HG2 7DN"). A sentence that states a value
of the user's facts, no other number and at most ``MAX_OTHER_WORDS`` other words (more
may name another value: "ring Callum not me, on 07700 900652") says again what the fact
line above it says with the words that name it, and at a returning user's first message the
conversation lines took most of the section's room, leaving none for the details
that carry the values the facts do not. So a conversation's line leaves out each
such sentence, and the question it answers ("Assistant: What's the new address?"):
what is left says what the conversation was about, how it ended, and the values only
it holds (a recap stating five values is denser than five details, so only the
facts, always shown first, count as saying a value again). Open items are kept
whole: they are what is left to do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.sentences import split_sentences
from domain.search.tokenize import normalize
from domain.tokens import token_weight
from domain.user_memory.details import is_weak, states
from schemas.user_memory import ConversationSummary, UserMemoryState

_LABEL = re.compile(r"^((?:User|Assistant|System):\s*)")
_DIGIT = re.compile(r"\d")
#: Words, and their tokens (Thai writes a clause as one word), a repeating sentence may
#: say besides the values ("yes it is", «آدرس جدید هست», «ครับ» fit): more may name
#: another value, an instruction or a person ("ring Callum not me", «ไม่ต้องโทรหาผม»).
MAX_OTHER_WORDS = 3
MAX_OTHER_TOKENS = 6


def _units(summary: str) -> list[tuple[int, str, str]]:
    """(line, speaker label, sentence) of each sentence of ``summary``."""
    units: list[tuple[int, str, str]] = []
    for index, line in enumerate(summary.splitlines()):
        match = _LABEL.match(line.strip())
        label = match.group(1) if match else ""
        body = line.strip()[len(label) :]
        units += [(index, label, s.strip()) for s in split_sentences(body) if s.strip()]
    return units


def stated_values(state: UserMemoryState) -> list[str]:
    """The values the memory's facts state (normalized, the bare small numbers left out:
    "2" says little without its sentence)."""
    values = {normalize(fact.value) for fact in state.facts}
    return sorted((v for v in values if v.strip() and not is_weak(v)), key=len, reverse=True)


def repeats(sentence: str, values: Sequence[str]) -> bool:
    """Whether ``sentence`` states one of ``values`` (normalized, longest first), no other
    number and at most ``MAX_OTHER_WORDS`` other words: what it says, the facts say."""
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
    units = _units(conversation.summary)
    gone = [repeats(sentence, values) for _, _, sentence in units]
    lines: dict[int, list[str]] = {}
    labels: dict[int, str] = {}
    for index, (line, label, sentence) in enumerate(units):
        answered = index + 1 < len(units) and gone[index + 1] and is_question(sentence)
        if gone[index] or answered:
            continue
        labels.setdefault(line, label)
        lines.setdefault(line, []).append(sentence)
    return "\n".join(labels[line] + " ".join(kept) for line, kept in lines.items())
