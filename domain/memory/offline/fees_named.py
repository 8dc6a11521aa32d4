"""Whose fee a bare "fee" is, among the cues found around an amount: the thing paid for
named right before it ("hall hire fee" → ``hire_fee``). One choice among cues that needs
nothing of the facts held, so it stands apart from ``facts``."""

from collections.abc import Sequence

from domain.memory.offline.subjects import Cue

#: Topics that name the thing a fee is paid for, each keyed by that fee (``hire_fee``).
_PAID_FOR = frozenset({"hire", "baggage", "assembly"})


def fee_of_named_subject(best: Cue, usable: Sequence[Cue], text: str) -> Cue:
    """The cue right before a bare "fee" that names what the fee is paid for: in "the hall
    hire fee is £200" the fee is the hire's (``hire_fee``), not a fee of its own. Only
    such a cue: a "monthly fee" says how often, and a delivery's "fee" keeps the fee's
    key."""
    if best.topic.name != "fee":
        return best
    for other in usable:
        if other.topic.name in _PAID_FOR and not text[other.end : best.start].strip():
            return other
    return best
