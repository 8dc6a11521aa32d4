"""The user's facts another fact of their conversation already shows: not shown twice.

As in a session's context (``domain.context.fact_order``): a fact whose value stands in
the longer value of another fact of its subject ("Appointment time: 10:00" beside
"Appointment date: 28 Nov 10:00"), or repeats the value of one listed before it, says
nothing that line does not, and its room goes to a value not shown yet. So too a
person's name fact whose name a person's name fact of the conversation listed before it
gives under another key ("Person name: วรรณวิสา ตั้งจิตเจริญ" beside "Customer name:
วรรณวิสา ตั้งจิตเจริญ", a holder's name and the customer's): the same of the same person.
Only a person's keys (``PERSON_NAME_KEY``): a hotel's or a venue's name is no person's.
Only within one conversation: another conversation's fact was about another errand, and
its line under that conversation's day says so ("Hotel name: Hilton Garden Inn" of two
stays is shown for each).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.context.fact_order import (
    normalized_value,
    says_value_of,
    subject,
)
from schemas.user_memory import UserFact

#: Keys of a person's name ("customer_name", "holder_name", "person_name_2"); not of a
#: place's or a thing's ("hotel_name", "venue_name").
PERSON_NAME_KEY = re.compile(
    r"^(?:customer|(?:account_|card_)?holder|person|contact|recipient)_name(?:_\d+)?$"
)


def held_facts(facts: Sequence[UserFact]) -> frozenset[int]:
    """Positions of ``facts`` whose value another fact of their conversation and subject
    shows: in a longer value, or the same value earlier in ``facts``; and of a person's
    name facts whose name one of their conversation earlier in ``facts`` gives under
    another key (module doc)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for position, fact in enumerate(facts):
        groups.setdefault((fact.session_id, subject(fact.key)), []).append(position)
    values = [normalized_value(fact.value) for fact in facts]
    held: set[int] = set()
    for positions in groups.values():
        for position in positions:
            if any(
                other not in held and says_value_of(values, other, position) for other in positions
            ):
                held.add(position)
    names: dict[tuple[str, str], set[str]] = {}  # (conversation, name) -> its keys
    for position, fact in enumerate(facts):
        if PERSON_NAME_KEY.match(fact.key) and position not in held:
            keys = names.setdefault((fact.session_id, values[position]), set())
            if keys - {fact.key}:
                held.add(position)
            keys.add(fact.key)
    return frozenset(held)
