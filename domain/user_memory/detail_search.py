"""Which details of a user memory a search returns (``GET …/memory/search``).

A detail (``domain.user_memory.details``) matches when its text or one of its values
shares a search term with the query (``domain.search.tokenize``: English, Persian and
Thai alike, as the facts and conversations are matched). Each shared term counts as
recall counts a conversation's (``recall.rank_best``): ``log(1 + n / holders)`` of the
memory's ``n`` details, so a term few details hold outranks "my" or "the", and one
every detail holds still counts ``log 2``. Equal scores go newest first (the
conversation's last activity, then where the detail ended in it). At most
``MAX_SEARCH_DETAILS``. A removed value is not searched for: the memory stores its
details without it (``details.without_values``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from domain.search.tokenize import index_terms, terms
from schemas.user_memory import MAX_SEARCH_DETAILS, UserDetail


class MatchedDetail(NamedTuple):
    detail: UserDetail
    score: float


def _searchable(detail: UserDetail) -> set[str]:
    # the values too: a shortened text may have cut a value's neighbours, never the value
    return set(index_terms(" ".join([detail.text, *detail.values])))


def matching_details(
    details: Sequence[UserDetail], query: str, limit: int = MAX_SEARCH_DETAILS
) -> list[MatchedDetail]:
    """The details sharing a term with ``query``, best first, at most ``limit``."""
    wanted = set(terms(query))
    if not wanted or not details:
        return []
    shared = [wanted & _searchable(d) for d in details]
    holders: dict[str, int] = {}
    for found in shared:
        for term in found:
            holders[term] = holders.get(term, 0) + 1
    count = len(details)
    scores = [sum(math.log(1 + count / holders[t]) for t in found) for found in shared]
    matched = [p for p, found in enumerate(shared) if found]
    matched.sort(
        key=lambda p: (-scores[p], -details[p].observed_at.timestamp(), -details[p].position, p)
    )
    return [MatchedDetail(details[p], scores[p]) for p in matched[:limit]]
