"""The user's facts another fact of their conversation already shows: not shown twice.

As in a session's context (``domain.context.fact_order``): a fact whose value stands in
the longer value of another fact of its subject ("Appointment time: 10:00" beside
"Appointment date: 28 Nov 10:00"), or repeats the value of one listed before it, says
nothing that line does not, and its room goes to a value not shown yet. Only within one
conversation: another conversation's fact of the subject was about another errand, and
its line under that conversation's day says so. But a person's name is theirs in any
conversation: a name fact whose name a name fact listed before it gives, under another
key ("Person name: วรรณวิสา ตั้งจิตเจริญ" beside "Customer name: วรรณวิสา ตั้งจิตเจริญ",
a holder's name and the customer's), says the same of the same person.
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

#: Keys of a person's name ("customer_name", "holder_name", "person_name_2").
NAME_KEY = re.compile(r"(?:^|_)name(?:_\d+)?$")


def held_facts(facts: Sequence[UserFact]) -> frozenset[int]:
    """Positions of ``facts`` whose value another fact of their conversation and subject
    shows: in a longer value, or the same value earlier in ``facts``; and of name facts
    whose name one earlier in ``facts`` gives (module doc)."""
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
    names: set[str] = set()
    for position, fact in enumerate(facts):
        if NAME_KEY.search(fact.key) and position not in held:
            if values[position] in names:
                held.add(position)
            names.add(values[position])
    return frozenset(held)
