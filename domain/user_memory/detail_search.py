"""Which details of a user memory a search returns (``GET …/memory/search``).

A detail (``domain.user_memory.details``) matches when its text or one of its values
shares a search term with the query (``domain.search.tokenize``: English, Persian and
Thai alike, as the facts and conversations are matched). Its "User:" / "Assistant:"
labels are not searched: every detail has one. Each shared term counts as recall counts
a conversation's (``recall.rank_best``): ``log(1 + n / holders)`` of the memory's ``n``
details, so a term few details hold outranks a common one, but a term more than
``COMMON_SHARE`` of the details hold (and at least ``MIN_COMMON_HOLDERS`` of them) counts
for nothing: it is a function word or a particle ("my", "the", Persian «من», the Thai
bigrams of ผม, คือ, ครับ), or says what every detail is about, so it ranks none above
another. A detail that shares only such terms with the query is not returned, unless
every term of the query is held by some detail and every one is common: then the query
asks for what the memory is about ("locker code" of a memory of locker codes) and they
count as the others do. (Thai is
searched by character bigrams, so there is no list of its function words: how many
details hold a term is what tells them apart in every language.) Equal scores go newest
first (the conversation's last activity, then where the detail ended in it). At most
``MAX_SEARCH_DETAILS``. A removed value is not searched for: the memory stores its
details without it (``details.without_values``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from domain.context.render import SPEAKERS
from domain.search.tokenize import index_terms, terms
from domain.user_memory.recall_index import rarity
from schemas.user_memory import MAX_SEARCH_DETAILS, UserDetail

#: A term more than this share of the details hold says nothing about which one is meant.
COMMON_SHARE = 1 / 3
#: ...when that many hold it at least: in a memory of two or three details, one is a third.
MIN_COMMON_HOLDERS = 3

# A speaker label, where a line of the detail starts (its lines are joined by a space).
_LABEL = re.compile(rf"(?<!\S)(?:{'|'.join(SPEAKERS.values())}):")


class MatchedDetail(NamedTuple):
    detail: UserDetail
    score: float


def _searchable(detail: UserDetail) -> set[str]:
    # the values too: a shortened text may have cut a value's neighbours, never the value
    return set(index_terms(" ".join([_LABEL.sub(" ", detail.text), *detail.values])))


def _weight(holders: int, count: int) -> float:
    if holders >= MIN_COMMON_HOLDERS and holders > COMMON_SHARE * count:
        return 0.0
    return rarity(count, holders)


def matching_details(
    details: Sequence[UserDetail], query: str, limit: int = MAX_SEARCH_DETAILS
) -> list[MatchedDetail]:
    """The details sharing a term that is not common with ``query``, best first, at most
    ``limit``."""
    wanted = set(terms(query))
    if not wanted or not details:
        return []
    shared = [wanted & _searchable(d) for d in details]
    holders: dict[str, int] = {}
    for found in shared:
        for term in found:
            holders[term] = holders.get(term, 0) + 1
    count = len(details)
    weights = {term: _weight(held, count) for term, held in holders.items()}
    if holders.keys() == wanted and not any(weights.values()):
        # the query names only what the memory is about: its terms tell details apart again
        weights = {term: rarity(count, held) for term, held in holders.items()}
    scores = [sum(weights[t] for t in found) for found in shared]
    matched = [p for p, score in enumerate(scores) if score > 0]
    matched.sort(
        key=lambda p: (-scores[p], -details[p].observed_at.timestamp(), -details[p].position, p)
    )
    return [MatchedDetail(details[p], scores[p]) for p in matched[:limit]]
