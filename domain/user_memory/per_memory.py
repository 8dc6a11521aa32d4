"""What recall derives from a user memory alone (never from the query), made once per memory.

A returning user's requests recall from the same memory until its next merge, and
the stores hand each request a copy of one parsed memory that shares its lists
(``store.backends._parsed_memory``). What depends only on those lists (the lines of
the facts and conversations with their token weights, the ranking's positions) is
kept by the lists' identity. Safe because nothing in memq changes a memory's lists
in place (a merge or a correction makes new ones), and an entry holds the objects
it is keyed by, so their identity cannot pass to another object while it is kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

#: Memories kept: the users a context worker serves right now (as the stores' parse cache).
KEPT_MEMORIES = 256


class ByIdentity[T]:
    def __init__(self, size: int = KEPT_MEMORIES) -> None:
        self._size = size
        self._items: OrderedDict[tuple[int, ...], tuple[tuple[object, ...], T]] = OrderedDict()
        self._lock = threading.Lock()  # the context worker recalls from several threads

    def get(self, sources: tuple[object, ...], make: Callable[[], T]) -> T:
        """What ``make`` derives from ``sources``, made once while these objects are kept."""
        key = tuple(map(id, sources))
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit[1]
        made = make()
        with self._lock:
            self._items[key] = (sources, made)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return made
