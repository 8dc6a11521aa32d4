"""The embedded adapter of the store port: one SQLite file (``store``), a module per part."""

from store.backends.sqlite.store import SqliteStore

__all__ = ["SqliteStore"]
