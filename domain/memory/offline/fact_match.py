"""A fact found in one message, and the bookkeeping that keeps rules from double-reading text."""

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FactMatch:
    """``value`` is verbatim from the message; ``start``/``end`` locate it there."""

    key: str
    value: str
    start: int
    end: int


@dataclass
class ClaimedSpans:
    """Text already read as one fact, so a later rule does not read it again
    (an order number is not also a phone number, a date is not a price).

    Claimed spans never overlap, so sorted by start they are also sorted by end
    and a lookup only needs its two neighbours: a message full of prices stays
    O(n log n), not quadratic.
    """

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def is_free(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)
        if index > 0 and self.ends[index - 1] > start:
            return False
        return index == len(self.starts) or self.starts[index] >= end

    def claim(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)
