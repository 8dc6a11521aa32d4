"""A noted code of each earlier conversation on its own line.

A code the extractor could give no subject is kept under a numbered key with the words
that lead to it (``fact_values.noted_line``: "reference", "reference_2" …): the number
is its place in its own conversation. Two conversations' "reference_2" are then two
things ("Our standard panel is the Longi Hi-MO 6 435W", a week later "That's for the
Kia Niro EV 4, registration KM22 XTP"), not an old and a new value of one: the merge
keeps the older as the fact's history. So the section shows each earlier
conversation's last noted value as a fact of that conversation, under its day and
named by its own words, never appended to another conversation's code as its
earlier value ("KM22 XTP (earlier conversations: 6 435W)").
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.user_memory.fact_values import NOTED_CODE
from domain.user_memory.per_memory import ByIdentity
from schemas.user_memory import UserFact

_SPLIT = ByIdentity[list[UserFact]]()


def with_noted_codes_apart(facts: Sequence[UserFact]) -> list[UserFact]:
    """``facts`` with each noted code's values of other conversations as facts of their
    own (module doc), each after the facts observed as late or later; made once per
    memory."""

    def make() -> list[UserFact]:
        listed = list(facts)
        for fact in facts:
            if NOTED_CODE.match(fact.key):
                for other in _other_conversations(fact):
                    # after the facts observed as late or later: the memory's order kept
                    at = next(
                        (i for i, f in enumerate(listed) if f.observed_at < other.observed_at),
                        len(listed),
                    )
                    listed.insert(at, other)
        return listed

    return _SPLIT.get((facts,), make)


def _other_conversations(fact: UserFact) -> list[UserFact]:
    """Each other conversation's last value of ``fact`` (one it ended with), as its fact."""
    last: dict[str, UserFact] = {}
    for item in sorted(fact.history, key=lambda h: h.observed_at):
        if item.session_id not in {"", fact.session_id}:
            last[item.session_id] = UserFact(
                key=fact.key,
                value=item.value,
                session_id=item.session_id,
                observed_at=item.observed_at,
            )
    return list(last.values())
