"""What an ingest phase measured: when each row was stored (polled from the SQLite file
read-only), and the phase's figures: rate, latency percentiles, CPU per message."""

from __future__ import annotations

import bisect
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.support.progress import Progress
from bench.support.stats import percentile


@dataclass
class PhaseResult:
    name: str
    count: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    note: str = ""

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds > 0 else float("nan")

    def p(self, q: float) -> float:
        return percentile(self.latencies_ms, q)

    def cpu_line(self) -> str:
        """CPU seconds per process, as % of one core and µs per message."""
        wall = self.cpu.get("wall", 0.0)
        if wall <= 0:
            return ""
        parts = []
        tracked = 0.0
        for name, seconds in self.cpu.items():
            if name in ("wall", "machine") or seconds < 0.05:
                continue
            tracked += seconds
            per_msg = f", {1e6 * seconds / self.count:,.0f} µs/msg" if self.count else ""
            parts.append(f"{name} {100 * seconds / wall:.0f}%{per_msg}")
        machine = self.cpu.get("machine", 0.0)
        cores = len(os.sched_getaffinity(0))
        other = max(0.0, machine - tracked)
        parts.append(f"other processes {100 * other / wall:.0f}%")
        parts.append(f"machine busy {100 * machine / wall:.0f}% of {cores * 100}%")
        return f"over {wall:.1f}s: " + ", ".join(parts)

    def ceilings(self, worker_processes: int) -> tuple[str, float]:
        """What the CPU these messages cost allows with nothing else on the machine.

        The whole machine: cores / Σ CPU per message of our processes. The gateway
        is one event loop (at most one core) and a worker process is GIL-bound (about
        one core each), so they have their own ceilings too; the estimate is the
        lowest. CPU per message grows when the machine is contended (and shrinks
        when messages come in batches), so this is an estimate, not a promise.
        """
        per_msg = {
            name: seconds / self.count
            for name, seconds in self.cpu.items()
            if self.count and name not in ("wall", "machine") and seconds >= 0.05
        }
        total = sum(per_msg.values())
        if total <= 0:
            return "", float("nan")
        cores = len(os.sched_getaffinity(0))
        caps = {f"all {cores} cores": cores / total}
        if per_msg.get("gateway"):
            caps["gateway process (1 core)"] = 1 / per_msg["gateway"]
        workers = sum(v for k, v in per_msg.items() if "worker" in k)
        if workers:
            cap = min(worker_processes, cores)
            caps[f"worker process(es) ({cap} core{'s' if cap > 1 else ''})"] = cap / workers
        text = "CPU ceilings with the machine to ourselves: " + ", ".join(
            f"{name} {rate:,.0f}/s" for name, rate in caps.items()
        )
        return text, min(caps.values())


class StorePoller:
    """Polls ``max(id)`` of the messages table from a read-only connection."""

    def __init__(self, path: Path, interval: float, progress: Progress, base_id: int) -> None:
        self.path = path
        self.interval = interval
        self.progress = progress
        self.base_id = base_id
        self.samples: list[tuple[float, int]] = []
        self._ids: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-poller", daemon=True)

    def __enter__(self) -> StorePoller:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while not self._stop.is_set():
                try:
                    if conn is None:
                        conn = read_only(self.path)
                    max_id = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
                except sqlite3.Error:
                    max_id = None  # not created yet, or busy: try again next tick
                if max_id is not None:
                    self.samples.append((time.time(), int(max_id)))
                    self.progress.stored = int(max_id) - self.base_id
                self._stop.wait(self.interval)
        finally:
            if conn is not None:
                conn.close()

    def wait_for(self, max_id: int, timeout: float, alive: Callable[[], bool]) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.samples and self.samples[-1][1] >= max_id:
                return True
            if not alive():
                return False
            time.sleep(self.interval / 2)
        return False

    def stored_at(self, row_id: int) -> float | None:
        """The first poll time at which ``row_id`` was visible (call after the polling)."""
        if len(self._ids) != len(self.samples):
            self._ids = [max_id for _, max_id in self.samples]
        index = bisect.bisect_left(self._ids, row_id)
        return self.samples[index][0] if index < len(self.samples) else None


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=5)


def max_message_id(path: Path) -> int:
    if not path.exists():
        return 0
    conn = read_only(path)
    try:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


#: The column that would make latency exact: µs since the epoch, set by the adapter
#: when it inserts the row. Used when present; polled for when not.
STORED_AT_COLUMN = "stored_at"


def stored_rows(path: Path, after_id: int) -> list[tuple[int, str, int, int | None]]:
    """(id, message_id, accepted_at µs, stored_at µs or None) of rows after ``after_id``."""
    conn = read_only(path)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(messages)")}
        stored = STORED_AT_COLUMN if STORED_AT_COLUMN in columns else "NULL"
        rows = conn.execute(
            f"SELECT id, message_id, accepted_at, {stored} FROM messages WHERE id > ? ORDER BY id",
            (after_id,),
        ).fetchall()
    finally:
        conn.close()
    return [(int(r[0]), str(r[1]), int(r[2]), None if r[3] is None else int(r[3])) for r in rows]
