"""Request actor: keyword search over an account's messages (the ``context`` pool)."""

from __future__ import annotations

import dataclasses
from typing import Any

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from schemas.routing import ACTOR_QUEUES, ActorName
from schemas.search import SearchHitView, SearchResult


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store

    def actor(name: ActorName) -> Any:
        return request_actor(broker, deps.queue(ACTOR_QUEUES[name]), name.value)

    @actor(ActorName.SEARCH_MESSAGES)
    def search_messages(
        account_id: str, query: str, session_id: str | None, user_id: str | None, limit: int
    ) -> SearchResult:
        hits = store.search_messages(
            account_id, query, session_id=session_id, user_id=user_id, limit=limit
        )
        return SearchResult(hits=[SearchHitView(**dataclasses.asdict(hit)) for hit in hits])
