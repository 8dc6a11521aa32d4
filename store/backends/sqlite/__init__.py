"""The embedded adapter: one SQLite file."""

from store.backends.sqlite.database import SqliteStore

__all__ = ["SqliteStore"]
