"""A count of people said with a garment size is how many of that size, no party.

"8 age 9/10, 10 age 11/12 and 4 adult XS", "6 kids M, 2 adults L": a kit order counts
jerseys by the size of who wears them. ``values.counted`` keys a count of people («4
adult») as the guest count; a size right after it ("XS", "M", "XXL", "3XL") says the
count is of garments, so it is no guest count (a detail keeps the line).
"""

from __future__ import annotations

import re

from domain.memory.offline.values import ValueSpan

#: A garment size right after the count: "XS", "S", "M", "L", "XL", "XXL", "3XL".
_SIZE_AFTER = re.compile(r"\s+(?:X{0,3}S|M|L|X{1,3}L|[2-5]XL)(?![\w'’])")


def counts_garments(text: str, value: ValueSpan) -> bool:
    """Whether the people count ``value`` in ``text`` is a count of one garment size."""
    return _SIZE_AFTER.match(text, value.end) is not None
