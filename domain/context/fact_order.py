"""Which key facts a short context shows first.

What a conversation is about comes first: who the customer is and how to reach
them, the identifiers, addresses, dates and amounts agreed, the instructions.
Measures, durations and counts follow. Within a rank, the most recently
updated fact comes first. The order does not depend on the budget, so a larger
budget shows the same facts and more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    """One fact per key (its latest value), in the order a context shows them."""
    latest: dict[str, Fact] = {}
    for fact in facts:
        current = latest.get(fact.key)
        if current is None or fact.updated_at > current.updated_at:
            latest[fact.key] = fact
    by_recency = sorted(latest.values(), key=lambda fact: fact.updated_at, reverse=True)
    return sorted(by_recency, key=lambda fact: rank(fact.key))
