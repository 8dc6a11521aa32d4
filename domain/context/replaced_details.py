"""Which details a context leaves out because newer details replaced all they say.

A detail whose every value a newer detail replaced (``Detail.replaced``) says nothing
current only when it says nothing else: its content terms, less its values and the words
that only say something changed (``details.detail_terms``), are all in the newer details
that hold the values that replaced them ("I've moved the visit from 10am to 2pm" after
"the visit is at 10am"). One that also says something only it carries ("Tom from Acme
Plumbing will come at 10am and needs access to the loft") is shown, its replaced values
marked as a summary's are.
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.context.repeated import normalized
from domain.memory.details import detail_terms
from domain.memory.offline.terms import content_terms
from domain.memory.speakers import without_speakers
from schemas.memory_model import Detail


def says_nothing_current(detail: Detail, details: Sequence[Detail]) -> bool:
    """Whether newer ``details`` replaced every value of ``detail`` and say all its other words."""
    replaced = {r.old for r in detail.replaced}
    if not detail.values or not all(value in replaced for value in detail.values):
        return False
    new_values = {normalized(r.new) for r in detail.replaced}
    carried: set[str] = set()
    for other in details:
        if (
            other is not detail
            and other.last_position >= detail.last_position
            and any(normalized(value) in new_values for value in other.values)
        ):
            carried |= set(content_terms(without_speakers(other.text)))
    return detail_terms(detail) <= carried
