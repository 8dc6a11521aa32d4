"""The message ids this gateway accepted lately, to answer a re-post as a duplicate.

The gateway holds no database, so it cannot know every id ever stored: a
re-post is recognised when it reaches the same gateway process within its
last ``capacity`` accepted ids (a client's retry after a lost 202 does). Then
the answer is the first one's (its ``seq``) with ``duplicate: true``, and
nothing is published again. Any other re-post is published and stored once
all the same (the ingest worker is idempotent on (account, message_id)): it
is answered as new, with a ``seq`` of its own that is not the stored one.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from schemas.messages import MessageEvent

#: Ids remembered per gateway process: about 300 bytes each (~15 MB when full), which
#: covers some 25 s of the fastest ingest measured (bench.ingest), time for a client retry.
CAPACITY = 50_000


@dataclass(frozen=True)
class Accepted:
    session_id: str
    seq: int


class RecentIds:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self._capacity = capacity
        self._ids: OrderedDict[tuple[str, str], Accepted] = OrderedDict()

    def earlier(self, account_id: str, session_id: str, message_id: str | None) -> int | None:
        """The seq this gateway gave ``message_id`` in this session, if it accepted it lately."""
        if message_id is None:
            return None
        known = self._ids.get((account_id, message_id))
        if known is None or known.session_id != session_id:
            return None  # another session's id: the worker decides, as for any clash
        return known.seq

    def remember(self, events: list[MessageEvent]) -> None:
        """Called once RabbitMQ confirmed ``events``: from then on they will be stored."""
        for event in events:
            key = (event.account_id, event.message_id)
            self._ids.setdefault(key, Accepted(event.session_id, event.seq))
            self._ids.move_to_end(key)
        while len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
