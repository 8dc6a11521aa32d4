"""Store round trips per ``append_message``: SqliteStore with a trace hook on its
connections (transactions, statements), MongoStore against mongoeco with a PyMongo
command listener (commands), each followed by duplicate passes."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pymongo import MongoClient, monitoring

from bench.ingest.load import ACCOUNT, CONTENT
from bench.support.mongo import mongodb_url
from domain.ports.store import Store
from runtime.settings import Settings
from schemas.messages import MessageEvent
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore


def round_trip_events(count: int, sessions: int, tag: str) -> list[MessageEvent]:
    start = datetime.now(UTC)
    return [
        MessageEvent(
            account_id=ACCOUNT,
            session_id=f"rt-s{i % sessions:03d}",
            message_id=f"{tag}-{i:05d}",
            role="user" if i % 2 == 0 else "assistant",
            content=CONTENT.format(i=i, s=tag),
            seq=1_000_000 + i,
            accepted_at=start,
            user_id="u1",
            channel="web",
        )
        for i in range(count)
    ]


@dataclass
class RoundTrips:
    label: str
    per_message: float
    detail: str
    micros_per_message: float


def _measure_appends(
    label: str,
    events: list[MessageEvent],
    append: Callable[[MessageEvent], object],
    calls: list[str],
    kind: Callable[[str], str],
    counts: Callable[[tuple[str, ...]], int],
) -> RoundTrips:
    """Append each event, recording the calls it made; ``counts`` says which are round trips."""
    sequences: Counter[tuple[str, ...]] = Counter()
    seconds = 0.0
    nested = 0
    for event in events:
        calls.clear()
        t0 = time.perf_counter()
        append(event)
        seconds += time.perf_counter() - t0
        kinds = [kind(call) for call in calls]
        nested += kinds.count("")
        sequences[tuple(k for k in kinds if k)] += 1
    total = sum(counts(sequence) * n for sequence, n in sequences.items())
    detail = "; ".join(
        " → ".join(sequence) + (f" (×{n})" if len(sequences) > 1 else "")
        for sequence, n in sequences.most_common()
    )
    if nested:
        detail += f"  (+{nested / len(events):.1f} statements SQLite runs inside FTS5, per append)"
    return RoundTrips(label, total / len(events), detail, 1e6 * seconds / len(events))


def appender(store: Store, delivery: str) -> Callable[[MessageEvent], object]:
    """``append_message`` as the ingest actor calls it, with a delivery id from ``delivery``."""
    cap = Settings().max_messages_per_session

    def append(event: MessageEvent) -> object:
        return store.sessions.append_message(
            event, f"{delivery}-{event.message_id}", max_messages=cap
        )

    return append


def worker_retention() -> timedelta:
    """The retention ``memq.stores.open_store`` gives the workers' store."""
    return timedelta(days=Settings().retention_days)


def sqlite_round_trips(tmp: Path, count: int = 200) -> list[RoundTrips]:
    """SQLite has no network round trip: count transactions, and show the statements."""
    statements: list[str] = []
    store = SqliteStore(
        tmp / "roundtrips" / "memq.sqlite3", retention=worker_retention(), trace=statements.append
    )
    events = round_trip_events(count, 20, "rt")
    try:
        return [
            _measure_appends(
                f"sqlite {label}",
                events,
                appender(store, delivery),
                statements,
                _statement_kind,
                lambda sequence: sequence.count("BEGIN IMMEDIATE"),
            )
            for label, delivery in (("new", "d"), ("duplicate", "d2"))
        ]
    finally:
        store.close()


def _statement_kind(sql: str) -> str:
    """A short label such as ``SELECT sessions`` or ``UPSERT sessions``; "" for nested."""
    words = sql.split()
    upper = [w.upper() for w in words]
    if not words:
        return "?"
    if words[0].startswith("--"):
        return ""  # a statement SQLite runs itself (FTS5 shadow tables, triggers)
    if upper[0] in ("BEGIN", "COMMIT", "ROLLBACK"):
        return " ".join(upper[:2]) if upper[0] == "BEGIN" and len(upper) > 1 else upper[0]

    def after(keyword: str) -> str:
        return words[upper.index(keyword) + 1] if keyword in upper[:-1] else "?"

    if upper[0] == "SELECT":
        return f"SELECT {after('FROM')}"
    if upper[0] == "INSERT":
        if "CONFLICT" in upper:
            return f"UPSERT {after('INTO')}"
        verb = "INSERT OR IGNORE" if upper[1:3] == ["OR", "IGNORE"] else "INSERT"
        return f"{verb} {after('INTO')}"
    if upper[0] in ("UPDATE", "DELETE"):
        return f"{upper[0]} {after('UPDATE') if upper[0] == 'UPDATE' else after('FROM')}"
    return upper[0]


class CommandCounter(monitoring.CommandListener):
    def __init__(self) -> None:
        self.names: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.names.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


def mongo_round_trips(count: int = 100) -> list[RoundTrips]:
    """Commands PyMongo sends per append: new messages, then the same ones twice more."""
    counter = CommandCounter()
    results = []
    with mongodb_url() as url:
        client: MongoClient[dict[str, Any]] = MongoClient(
            url, event_listeners=[counter], serverSelectionTimeoutMS=5000
        )
        try:
            store = MongoStore(
                client, f"memqbench{uuid.uuid4().hex[:8]}", retention=worker_retention()
            )
            store.ensure_indexes()
            events = round_trip_events(count, 10, "rt")
            passes = (
                ("new", "d"),
                ("duplicate, re-published (new delivery id)", "d2"),
                ("duplicate, redelivered (same delivery id)", "d"),
            )
            for label, delivery in passes:
                results.append(
                    _measure_appends(
                        f"mongo {label}",
                        events,
                        appender(store, delivery),
                        counter.names,
                        str,
                        len,
                    )
                )
        finally:
            client.close()
    return results
