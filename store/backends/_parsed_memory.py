"""The parsed user memories a process read last, reused while their stored bytes are the same.

Every context request of a returning user reads the user's memory document, and a
long history (100 conversation summaries and their recall index) takes far longer
to validate than to read. The raw stored bytes are the key's check: a document that
changed in any way (a merge, a correction, an erasure and a new memory) differs in
its bytes and is parsed again, so nothing stale is ever served. Comparing bytes
(``memcmp``) costs a fraction of hashing or decoding them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from schemas.user_memory import UserMemoryState

#: User memories kept parsed per store: the users a worker serves right now.
PARSED_MEMORIES = 256

MemoryKey = tuple[str, str, str]


class ParsedMemories:
    def __init__(self, size: int = PARSED_MEMORIES) -> None:
        self._size = size
        self._items: OrderedDict[MemoryKey, tuple[int, bytes, UserMemoryState]] = OrderedDict()
        self._lock = threading.Lock()  # the context worker reads from several threads

    def get(
        self, key: MemoryKey, version: int, raw: bytes, parse: Callable[[], UserMemoryState]
    ) -> UserMemoryState:
        """The memory stored as ``raw`` at ``version`` under ``key`` (``parse`` makes it);
        a copy (its lists are shared, and nothing in memq changes them in place)."""
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] == version and hit[1] == raw:
                self._items.move_to_end(key)
                return hit[2].model_copy()
        state = parse()
        with self._lock:
            self._items[key] = (version, raw, state)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return state.model_copy()
