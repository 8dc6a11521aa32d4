"""Reading a bench's store from outside the workers: messages stored, and how far each
session's memory is behind. SQLite: the file, read-only (``bench.memory.lag``). MongoDB:
the collections, through PyMongo."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from pymongo import MongoClient

from bench.memory.lag import LagSample, sample_lag, stored_count


class StoreProbe(Protocol):
    def stored(self) -> int:
        """Messages stored so far, every account."""
        ...

    def lag(self, account: str, verbatim: int) -> LagSample:
        """Per session of ``account``: messages past the verbatim window not folded yet,
        and the age of the oldest of them."""
        ...


class SqliteProbe:
    def __init__(self, path: Path) -> None:
        self.path = path

    def stored(self) -> int:
        return stored_count(self.path) if self.path.exists() else 0

    def lag(self, account: str, verbatim: int) -> LagSample:
        return sample_lag(self.path, account, verbatim)


class MongoProbe:
    def __init__(self, url: str, database: str) -> None:
        self.client: MongoClient[Any] = MongoClient(url, tz_aware=True)
        self.db = self.client[database]

    def stored(self) -> int:
        return int(self.db["messages"].estimated_document_count())

    def lag(self, account: str, verbatim: int) -> LagSample:
        now = datetime.now(UTC)
        messages, seconds = [], []
        for session in self.db["sessions"].find(
            {"account_id": account, "deleted": {"$ne": True}}, {"_id": 0, "session_id": 1}
        ):
            key = {"account_id": account, "session_id": session["session_id"]}
            unfolded = {**key, "folded": {"$in": [None, False]}}
            pending = max(0, self.db["messages"].count_documents(unfolded) - verbatim)
            oldest = None
            if pending:
                first = self.db["messages"].find_one(
                    unfolded, {"_id": 0, "accepted_at": 1}, sort=[("seq", 1), ("message_id", 1)]
                )
                oldest = None if first is None else first["accepted_at"]
            messages.append(pending)
            seconds.append(max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)
        return LagSample(messages or [0], seconds or [0.0])

    def close(self) -> None:
        self.client.close()


def wait_stored(probe: StoreProbe, count: int, timeout: float) -> float | None:
    """Seconds until ``count`` messages are stored; None past ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if probe.stored() >= count:
            return time.monotonic() - started
        time.sleep(0.1)
    return None
