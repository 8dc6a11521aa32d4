"""Rule-based key facts: what a conversation states, in its own language and digits.

Every message is read by the shape rules (prices, dates, ids, warranty, …) and,
when the user wrote it, by the first-person rules (name, location, …). A key
stated several times in the batch yields one fact, the latest mention. A value
equal to what the session already knows is not reported again.
"""

import re
import unicodedata
from collections.abc import Sequence

from memq.memory.engine import ExtractedFact, TranscriptLine
from memq.memory.offline.fact_keys import canonical_key, known_spellings
from memq.memory.offline.fact_match import ClaimedSpans, FactMatch
from memq.memory.offline.stated_facts import stated_facts
from memq.memory.offline.structured_facts import structured_facts

_IGNORED_IN_COMPARISON = re.compile(r"[\s,٬،.٫'’\-#]+")


def _comparable(value: str) -> str:
    """A value as compared with a known one: digits in ASCII, case and separators ignored."""
    ascii_digits = "".join(
        str(unicodedata.digit(char)) if char.isdigit() else char for char in value
    )
    return _IGNORED_IN_COMPARISON.sub("", ascii_digits.casefold())


def _facts_in(line: TranscriptLine) -> list[FactMatch]:
    claimed = ClaimedSpans()
    from_user = line.role == "user"
    # First-person statements first: "I'm 30 years old" is an age, not a duration.
    stated = stated_facts(line.content, claimed) if from_user else []
    shaped = structured_facts(line.content, claimed, personal=from_user)
    return sorted(stated + shaped, key=lambda fact: fact.start)


def extract_facts(
    lines: Sequence[TranscriptLine], known: Sequence[tuple[str, str]]
) -> list[ExtractedFact]:
    """At most one fact per key, the latest mention, ordered by when it was last stated."""
    spellings = known_spellings(key for key, _ in known)
    known_values = {canonical_key(key): _comparable(value) for key, value in known}
    latest: dict[str, ExtractedFact] = {}
    for line in sorted(lines, key=lambda line: line.position):
        for match in _facts_in(line):
            latest.pop(match.key, None)  # re-insert so order follows the latest mention
            key = spellings.get(match.key, match.key)
            latest[match.key] = ExtractedFact(key, match.value, line.message_id)
    return [
        fact for key, fact in latest.items() if known_values.get(key) != _comparable(fact.value)
    ]
