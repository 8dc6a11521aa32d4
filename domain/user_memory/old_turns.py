"""A past conversation's summary without the sentences that only quote values it replaced.

The offline summary quotes turns word for word, and a turn that gave a value the
conversation then changed is handed over with the old value marked (``digest``: a typo
put right, a price quoted again): "User: My email is nadia29@example.com (replaced).",
«User: شمارم ۰۹۱۲۳۳۳۴۴۵۵ (replaced) هست.». Such a sentence tells a returning user's next
conversation only a value that is no longer theirs, at the cost of its words and a mark:
the fact line shows the value that replaced it. So a conversation's line leaves out each
sentence whose every value (``find_values``) is quoted as replaced and that says at most
a few words besides (``repeated_turns.MAX_OTHER_WORDS``: "My email is …"; more may say
what the value was for: "With Mintex discs and pads it comes to £352.80 inc VAT,
fitted"), with the question right before it (it asked for that value). A sentence that
states any value unmarked stays, and so does one that negates or tells an outcome
(``telling_words``: "the invoice for £41.50 (replaced) was cancelled" says what happened),
and one with no value found (what it quotes may not be a value).

Only the conversation's own marks: a value a later conversation replaced (``recall``
marks it after) may have been about that conversation's errand, another order's price,
and stays, marked.
"""

from __future__ import annotations

import re

from domain.context.replaced import OLD_NOTE
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.values import find_values
from domain.tokens import token_weight
from domain.user_memory.repeated_turns import (
    MAX_OTHER_TOKENS,
    MAX_OTHER_WORDS,
    joined_units,
    sentence_units,
)
from domain.user_memory.telling_words import says_more

#: What may stand between a value found and the mark after it: the rest of the value as
#: it was quoted ("£399.50 per month (replaced)"), a few words, no digit, no clause's end.
_MARKED_AFTER = re.compile(r"[^\d.,!?;:،؛؟\u06f0-\u06f9\u0e50-\u0e59]{0,16}?" + re.escape(OLD_NOTE))


def only_old_values(sentence: str) -> bool:
    """Whether every value ``sentence`` states is quoted as replaced (module doc)."""
    if OLD_NOTE not in sentence or says_more(sentence):
        return False
    values = find_values(sentence)
    if not values or not all(_MARKED_AFTER.match(sentence, value.end) for value in values):
        return False
    rest = sentence.replace(OLD_NOTE, " ")
    for value in sorted(values, key=lambda value: value.start, reverse=True):
        rest = rest[: value.start] + " " + rest[value.end :]
    rest = " ".join(word for word in rest.split() if any(c.isalnum() for c in word))
    return len(rest.split()) <= MAX_OTHER_WORDS and token_weight(rest) <= MAX_OTHER_TOKENS


def without_old_turns(summary: str) -> str:
    """``summary`` without its sentences that only quote replaced values, and the
    question right before each (module doc)."""
    if OLD_NOTE not in summary:
        return summary
    units = sentence_units(summary)
    gone = [only_old_values(sentence) for _, _, sentence in units]
    if not any(gone):
        return summary
    kept = [
        not (gone[index] or (index + 1 < len(units) and gone[index + 1] and is_question(unit[2])))
        for index, unit in enumerate(units)
    ]
    return joined_units(units, kept)
