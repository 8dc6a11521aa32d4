"""The store port: the domain operations memq needs from a database, by concern.

A store composes six parts, each a port of its own that a domain service can
depend on alone:

    sessions    sessions and their messages         ``domain.ports.sessions``
    memory      a session's memory and its folding  ``domain.ports.memory``
    lifecycle   analytics, idle expiry, retention   ``domain.ports.lifecycle``
    search      keyword search                      ``domain.ports.search``
    transfer    import of an exported session        ``domain.ports.transfer``
    user_memory a user's memory across conversations  ``domain.ports.user_memory``

Two adapters implement them, ``store.backends.sqlite`` (embedded default) and
``store.backends.mongo`` (production), each as one module per part over one
database handle; ``tests/contract`` runs one suite against both. Every
operation is scoped by ``account_id``. Adapters are synchronous and
thread-safe: Dramatiq worker threads share one instance per process.
"""

from __future__ import annotations

import abc

from domain.ports.lifecycle import LifecycleStore
from domain.ports.memory import MemoryStore
from domain.ports.search import SearchStore
from domain.ports.sessions import SessionStore
from domain.ports.transfer import TransferStore
from domain.ports.user_memory import UserMemoryStore


class Store(abc.ABC):
    sessions: SessionStore
    memory: MemoryStore
    lifecycle: LifecycleStore
    search: SearchStore
    transfer: TransferStore
    user_memory: UserMemoryStore

    @abc.abstractmethod
    def ping(self) -> None:
        """Raise ``StoreUnavailable`` unless the database answers."""

    @abc.abstractmethod
    def close(self) -> None: ...
