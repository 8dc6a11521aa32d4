"""Request actor: keyword search over an account's messages (the ``context`` pool)."""

from __future__ import annotations

import dataclasses
import logging

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from domain.ports.search import SearchStore
from domain.search.tokenize import INDEX_VERSION
from schemas.errors import StoreUnavailable
from schemas.requests.reads import SearchMessages
from schemas.search import SearchHitView, SearchResult

logger = logging.getLogger("memq.actors.search")


def warn_if_index_is_stale(search: SearchStore) -> None:
    """Once per worker process: search misses old messages until they are reindexed."""
    try:
        version = search.search_index_version()
    except StoreUnavailable:
        return  # the store's own errors surface on the first job; this is advice only
    if version < INDEX_VERSION:
        logger.warning(
            "search: the store's index is version %d, this memq's is %d: messages stored"
            " before the upgrade may not be found until you run `memq reindex`",
            version,
            INDEX_VERSION,
        )


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store
    warn_if_index_is_stale(store.search)

    @request_actor(broker, deps.settings.queue_prefix, SearchMessages)
    def search_messages(request: SearchMessages) -> SearchResult:
        hits = store.search.search_messages(
            request.account_id,
            request.query,
            session_id=request.session_id,
            user_id=request.user_id,
            limit=request.limit,
        )
        return SearchResult(hits=[SearchHitView(**dataclasses.asdict(hit)) for hit in hits])
