"""Which key facts a short context shows first.

What a conversation is about comes first: who the customer is and how to reach
them, the identifiers, addresses, dates and amounts agreed, the instructions.
Measures, durations and counts follow. Within a rank, the most recently
updated fact comes first. A fact whose value another fact of its subject
already shows is not shown twice: not when it is part of a longer value
("Delivery time: between 1 and 5pm" beside "Delivery date: Friday 10 October,
between 1 and 5pm"), nor when it is the same value. Another subject's value,
alone or inside a longer one, says something of its own ("Assembly date" is the
delivery's day too; a check-in date is not the check-out's) and comes after all
the others: a tight facts budget goes to values not shown yet. The order
does not depend on the budget, so a larger budget shows the same facts and more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.fact_keys import base_key
from schemas.memory_model import Fact

_RANKS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^(?:customer_(?:name|phone|email)|order_id|ticket_id|booking_reference|tracking_number"
        r"|delivery_address|coupon_code|account_number)(?:_\d+)?$"
    ),
    re.compile(
        r"(?:_date|_time|_address|_instruction(?:_\d+)?|_preference(?:_\d+)?|^order_total"
        r"|^refund_amount|_number|_reference|_id)$"
    ),
    re.compile(r"(?:price|_fee|_cost|_amount|^product|_model|^postcode|^payment_|_name|_phone)"),
)


def rank(key: str) -> int:
    """0 for the facts a conversation is about, higher for details."""
    for index, pattern in enumerate(_RANKS):
        if pattern.search(key):
            return index
    return len(_RANKS)


def in_showing_order(facts: Sequence[Fact]) -> list[Fact]:
    """One fact per key (its latest value), in the order a context shows them, without
    those whose value another fact of their subject already shows (``held_elsewhere``)."""
    ordered, held = _ordered(facts)
    return [fact for fact in ordered if fact.key not in held]


def held_elsewhere(facts: Sequence[Fact]) -> dict[str, str]:
    """The keys of the facts a context leaves out, each with the key of the fact of the
    same subject that shows its value ("delivery_time" → "delivery_date")."""
    return _ordered(facts)[1]


def _ordered(facts: Sequence[Fact]) -> tuple[list[Fact], dict[str, str]]:
    latest: dict[str, Fact] = {}
    for fact in facts:
        current = latest.get(fact.key)
        if current is None or fact.updated_at > current.updated_at:
            latest[fact.key] = fact
    by_recency = sorted(latest.values(), key=lambda fact: fact.updated_at, reverse=True)
    ordered = sorted(by_recency, key=lambda fact: rank(fact.key))
    values = [normalized_value(fact.value) for fact in ordered]
    holders = {index: _quoted_by(index, ordered, values) for index in range(len(ordered))}
    quoted = [fact for index, fact in enumerate(ordered) if holders[index] is not None]
    held = {
        fact.key: holder.key
        for index, fact in enumerate(ordered)
        if (holder := holders[index]) is not None and subject(holder.key) == subject(fact.key)
    }
    return [fact for fact in ordered if fact not in quoted] + quoted, held


def subject(key: str) -> str:
    """What a fact is about: its key without the kind of value ("delivery_time" and
    "delivery_date" are both about "delivery"; "price_2" is about "price")."""
    words = base_key(key).split("_")
    return "_".join(words[:-1]) if len(words) > 1 else words[0]


#: Values this short ("3", "Tue") would be found inside other values by chance.
MIN_QUOTED_CHARS = 4


def normalized_value(value: str) -> str:
    """A fact's value as compared: case and runs of whitespace do not count."""
    return " ".join(value.casefold().split())


def _holds(longer: str, value: str) -> bool:
    """Whether ``value`` stands in ``longer`` as whole words ("ORD-5843" is not in "ORD-58432")."""
    if value not in longer:
        return False  # most pairs: no pattern to build
    return re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", longer) is not None


def says_value_of(values: Sequence[str], other: int, index: int) -> bool:
    """Whether the value at ``other`` already says the one at ``index`` (``values``
    normalized, in the order shown): holds it in a longer value, or is the same value
    said earlier. A value under ``MIN_QUOTED_CHARS`` is said by none."""
    value, other_value = values[index], values[other]
    return (
        len(value) >= MIN_QUOTED_CHARS
        and other != index
        and _holds(other_value, value)
        and (len(other_value) > len(value) or other < index)
    )


def _quoted_by(index: int, ordered: Sequence[Fact], values: Sequence[str]) -> Fact | None:
    """Another fact that already says this one's value: one that holds it in a longer
    value ("Friday 10 October, between 1 and 5pm" holds "between 1 and 5pm"), or an
    earlier one with the same value; of the same subject when there is one. ``values``:
    the facts' values, normalized."""
    found = [other for at, other in enumerate(ordered) if says_value_of(values, at, index)]
    own = subject(ordered[index].key)
    return next((f for f in found if subject(f.key) == own), found[0] if found else None)
