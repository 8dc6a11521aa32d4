"""Ingest benchmark: N messages through HTTP → gateway → RabbitMQ → ingest actor → SQLite.

    python -m bench.ingest [--messages N] [--sessions S] [--concurrency C]
                           [--worker-processes P] [--threads T] [--phases ...]

Run from the repository root against the local RabbitMQ (``MEMQ_TEST_AMQP_URL``
to use another). One run, one RabbitMQ, one machine; the phases run one after
another so they do not share the CPU:

1. **gateway** — ``memq gateway`` up, no ingest worker: C keep-alive HTTP
   clients POST N messages. Rate = HTTP request → 202, i.e. validate + publish
   + publisher confirm. The N messages stay queued.
2. **drain** — ``memq worker --queues ingest`` starts on those N messages: the
   worker and the store alone, timed from the first stored row (start-up left out).
3. **pipeline** — with that worker consuming, another N messages are POSTed;
   messages/s = first request sent → last row stored.
4. **latency** — the same at a fixed offered load (half the pipeline's rate by
   default, ``--latency-rate``) for about 15 s, polling every 5 ms: at full
   speed the pipeline's latency is mostly time spent queued in the gateway.
5. **batch** — the pipeline again through ``POST /v1/messages``, ``--batch``
   messages a request (50 by default): what a bulk producer reaches.
6. **noop** — ``bench.noop_worker`` (a RabbitmqBroker with confirms and one actor
   that only appends a timestamp; same processes × threads) consumes N messages
   the bench publishes straight to RabbitMQ with publisher confirms (aio-pika,
   C in flight, like the gateway's transport): what Dramatiq and RabbitMQ alone
   reach on this machine.
7. **roundtrips** — ``SqliteStore.append_message`` called directly with a trace
   hook on its connections (transactions and statements per append), and
   ``MongoStore.append_message`` against mongoeco's wire server with a PyMongo
   ``CommandListener`` (commands per append), each followed by duplicate passes.

How "stored" is timed without touching memq's code paths: ``messages`` has no
stored-at column, so a read-only connection polls ``max(id)`` every
``--poll-ms``. ``id`` is the INTEGER PRIMARY KEY, assigned inside the
``BEGIN IMMEDIATE`` write transaction, so id order is commit order and a row is
stored by the first poll that sees an id ≥ its own: an upper bound, late by at
most one poll interval. Latency = that − the row's ``accepted_at`` (the
gateway's stamp just before it publishes). The no-op actor records its own
consume time, so its latency (publish call started → actor ran) is exact.

The HTTP client is a minimal keep-alive HTTP/1.1 client by default: it shares
the machine with what it measures, and httpx costs about ten times more CPU per
request (``--client httpx`` to compare; the CPU lines show it).

CPU seconds per process (from /proc) are printed per phase, as % of one core
and µs per message, with "other processes" = everything on the machine that is
not ours: on a shared 2-core machine that says how much the figures are worth.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aio_pika
import dramatiq
import httpx
import pika
from pika.exceptions import AMQPError, ChannelClosedByBroker
from pymongo import MongoClient, monitoring

from bench.support.http import RawHttpClient
from bench.support.mongo import mongodb_url
from bench.support.processes import MemqProcess, free_port, wait_until_ready
from bench.support.rabbit import amqp_url_for_tests, check_reachable, delete_queues
from domain.ports.store import Store
from runtime.settings import Settings
from schemas.messages import MAX_BATCH_EVENTS, MessageEvent
from schemas.queues import dead_letter_queue, delay_queue
from schemas.routing import QueueKind, queue_name
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore

API_KEY, ACCOUNT = "bench-key-0123456789abcdef", "bench"
TARGET_RATE = 1000.0
TARGET_RATIO = 0.5
PROGRESS_EVERY_S = 3.0
PHASE_TIMEOUT_S = 600.0
PHASES = ("gateway", "drain", "pipeline", "latency", "batch", "noop", "roundtrips")
#: The latency phase offers a fixed load for about this long...
LATENCY_PHASE_S = 15.0
#: ...and polls the store this often (ms), so the poll adds little to what it measures.
LATENCY_POLL_MS = 5.0

_CONTENT = (
    "Hi, I'd like the Nanopresso in dark grey. What does it cost with the case, is the "
    "warranty two years, and can you deliver to Isfahan before Friday? Order #{i} for {s}."
)


# -- small utilities ---------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[rank]


def log(text: str) -> None:
    print(text, flush=True)


@dataclass
class Progress:
    """Counters shown by the progress thread (plain ints: the GIL is enough)."""

    phase: str = ""
    total: int = 0
    sent: int = 0
    stored: int = 0
    show_sent: bool = True
    show_stored: bool = True
    started: float = field(default_factory=time.monotonic)

    def begin(self, phase: str, total: int, *, sent: bool = True, stored: bool = True) -> None:
        self.phase, self.total, self.sent, self.stored = phase, total, 0, 0
        self.show_sent, self.show_stored = sent, stored
        self.started = time.monotonic()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        parts = [f"[{self.phase}] {elapsed:6.1f}s"]
        if self.show_sent:
            parts.append(f"sent {self.sent}/{self.total} ({self.sent / max(elapsed, 1e-9):.0f}/s)")
        if self.show_stored:
            parts.append(
                f"done {self.stored}/{self.total} ({self.stored / max(elapsed, 1e-9):.0f}/s)"
            )
        if self.show_sent and self.show_stored:
            parts.append(f"backlog {max(0, self.sent - self.stored)}")
        return "  ".join(parts)


@contextmanager
def progress_printer(progress: Progress) -> Iterator[None]:
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(PROGRESS_EVERY_S):
            log("  " + progress.line())

    thread = threading.Thread(target=run, name="progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


# -- CPU accounting from /proc -------------------------------------------------------

_CLK_TCK = os.sysconf("SC_CLK_TCK")


def _proc_stat(pid: int | str) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Fields after "(comm)": state ppid pgrp ... utime is field 14 = index 11 here.
    return text.rpartition(")")[2].split()


def _cpu_of(fields: list[str]) -> float:
    return (int(fields[11]) + int(fields[12])) / _CLK_TCK


def group_cpu(pgid: int | None) -> float:
    """CPU seconds of the live processes in a process group (a memq command + children)."""
    if pgid is None:
        return 0.0
    total = 0.0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _proc_stat(entry)
            if fields is not None and fields[2] == str(pgid):
                total += _cpu_of(fields)
    return total


def group_peak_rss_mb(pgid: int | None) -> float:
    """Peak resident memory (VmHWM) of the live processes in a process group, in MB."""
    if pgid is None:
        return 0.0
    total_kb = 0
    for entry in os.listdir("/proc"):
        fields = _proc_stat(entry) if entry.isdigit() else None
        if fields is None or fields[2] != str(pgid):
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total_kb += int(line.split()[1])
    return total_kb / 1024


def rabbitmq_pids() -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with suppress(OSError):
                if Path(f"/proc/{entry}/comm").read_text().strip() == "beam.smp":
                    pids.append(int(entry))
    return pids


def machine_busy() -> float:
    """CPU seconds all cores spent busy since boot (not idle, not iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / _CLK_TCK


class CpuMeter:
    """Snapshots CPU seconds of named processes; a phase reports the differences."""

    def __init__(self) -> None:
        self.groups: dict[str, Callable[[], float]] = {}
        beams = rabbitmq_pids()
        self.groups["rabbitmq"] = lambda: sum(
            _cpu_of(f) for f in map(_proc_stat, beams) if f is not None
        )

        def bench_self() -> float:
            times = os.times()
            return times.user + times.system

        self.groups["bench (client)"] = bench_self

    def watch(self, name: str, process: MemqProcess | subprocess.Popen[bytes] | None) -> None:
        popen = process.proc if isinstance(process, MemqProcess) else process
        pgid = popen.pid if popen is not None else None  # started with start_new_session
        self.groups[name] = lambda: group_cpu(pgid)

    def snapshot(self) -> dict[str, float]:
        values = {name: read() for name, read in self.groups.items()}
        values["machine"] = machine_busy()
        values["wall"] = time.monotonic()
        return values

    @staticmethod
    def delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
        # A process started during the phase counts from zero (its start-up included).
        return {name: after[name] - before.get(name, 0.0) for name in after}


# -- results -------------------------------------------------------------------------


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


# -- the message plan ----------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    session_id: str
    message_id: str
    body: bytes


def plan_messages(tag: str, count: int, sessions: int) -> list[Planned]:
    plan = []
    for i in range(count):
        session = f"bench-s{i % sessions:05d}"
        body = {
            "message_id": f"{tag}-{i:07d}",
            "role": "user" if (i // sessions) % 2 == 0 else "assistant",
            "content": _CONTENT.format(i=i, s=session),
            "user_id": f"u{i % sessions:05d}",
            "channel": "web",
        }
        plan.append(Planned(session, body["message_id"], json.dumps(body).encode()))
    return plan


@dataclass
class Sent:
    started: float
    finished: float
    status: int  # 0 = no answer (connection error or timeout)


def status_counts(sent: list[Sent | None]) -> dict[int, int]:
    return dict(Counter(s.status if s is not None else 0 for s in sent))


# -- drivers -------------------------------------------------------------------------


async def post_messages(
    base_url: str,
    plan: list[Planned],
    concurrency: int,
    rate: float,
    progress: Progress,
    client_kind: str = "raw",
) -> list[Sent | None]:
    """C keep-alive HTTP clients POST the plan; returns (start, end, status) per message.

    With ``httpx`` each client has its own ``AsyncClient`` with one connection:
    one client with a pool of C connections costs several times more CPU per
    request, since httpcore checks every pooled connection on each request.
    """
    results: list[Sent | None] = [None] * len(plan)
    next_index = 0
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
    t0 = time.time()

    async def one_client() -> None:
        nonlocal next_index
        raw: RawHttpClient | None = None
        client: httpx.AsyncClient | None = None
        if client_kind == "raw":
            raw = RawHttpClient(base_url, headers)
        else:
            client = httpx.AsyncClient(
                base_url=base_url,
                headers=headers,
                timeout=30,
                limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            )
        try:
            while next_index < len(plan):
                index = next_index
                next_index += 1
                if rate > 0:
                    delay = t0 + index / rate - time.time()
                    if delay > 0:
                        await asyncio.sleep(delay)
                item = plan[index]
                path = f"/v1/sessions/{item.session_id}/messages"
                started = time.time()
                try:
                    if raw is not None:
                        status = await asyncio.wait_for(raw.post(path, item.body), 30)
                    else:
                        assert client is not None
                        status = (await client.post(path, content=item.body)).status_code
                except (
                    httpx.HTTPError,
                    OSError,
                    TimeoutError,
                    asyncio.IncompleteReadError,
                    ValueError,
                ):
                    status = 0
                    if raw is not None:
                        await raw.close()
                results[index] = Sent(started, time.time(), status)
                progress.sent += 1
        finally:
            if raw is not None:
                await raw.close()
            if client is not None:
                await client.aclose()

    await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return results


async def post_batches(
    base_url: str, plan: list[Planned], concurrency: int, batch: int, progress: Progress
) -> list[Sent | None]:
    """C raw clients POST the plan to ``/v1/messages``, ``batch`` messages a request."""
    results: list[Sent | None] = [None] * len(plan)
    chunks = [range(i, min(i + batch, len(plan))) for i in range(0, len(plan), batch)]
    next_chunk = 0
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}

    async def one_client() -> None:
        nonlocal next_chunk
        raw = RawHttpClient(base_url, headers)
        try:
            while next_chunk < len(chunks):
                chunk = chunks[next_chunk]
                next_chunk += 1
                items = [
                    {**json.loads(plan[i].body), "session_id": plan[i].session_id} for i in chunk
                ]
                body = json.dumps({"messages": items}).encode()
                started = time.time()
                try:
                    status = await asyncio.wait_for(raw.post("/v1/messages", body), 30)
                except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                    status = 0
                    await raw.close()
                for i in chunk:
                    results[i] = Sent(started, time.time(), status)
                progress.sent += len(chunk)
        finally:
            await raw.close()

    await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return results


async def publish_direct(
    url: str,
    queue: str,
    bodies: list[tuple[str, bytes]],
    concurrency: int,
    rate: float,
    progress: Progress,
) -> dict[str, float]:
    """Publish persistent messages with publisher confirms, C in flight; message_id → start."""
    started: dict[str, float] = {}
    connection = await aio_pika.connect_robust(url)
    try:
        channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
        next_index = 0
        t0 = time.time()

        async def one_publisher() -> None:
            nonlocal next_index
            while next_index < len(bodies):
                index = next_index
                next_index += 1
                if rate > 0:
                    delay = t0 + index / rate - time.time()
                    if delay > 0:
                        await asyncio.sleep(delay)
                message_id, body = bodies[index]
                started[message_id] = time.time()
                await channel.default_exchange.publish(
                    aio_pika.Message(
                        body=body,
                        content_type="application/json",
                        message_id=message_id,
                        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                    ),
                    routing_key=queue,
                    mandatory=True,
                    timeout=10,
                )
                progress.sent += 1

        await asyncio.gather(*(one_publisher() for _ in range(concurrency)))
    finally:
        await connection.close()
    return started


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


# -- RabbitMQ helpers -------------------------------------------------------------------


def queue_counts(url: str, queue: str) -> tuple[int, int] | None:
    """(messages ready, consumers) of a queue, or None while it is not declared."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        declared = connection.channel().queue_declare(queue, passive=True)
        return int(declared.method.message_count), int(declared.method.consumer_count)
    except ChannelClosedByBroker:
        return None
    finally:
        if connection.is_open:
            connection.close()


def wait_for_consumers(url: str, queue: str, count: int, alive: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        counts = queue_counts(url, queue)
        if counts is not None and counts[1] >= count:
            return
        if not alive():
            raise RuntimeError(f"a consumer of {queue} exited before it started consuming")
        time.sleep(0.2)
    raise RuntimeError(f"{queue} has no {count} consumer(s) after 60s")


def purge_queue(url: str, queue: str) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        connection.channel().queue_purge(queue)
    finally:
        connection.close()


def delete_named_queues(url: str, names: list[str]) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        for name in names:
            channel.queue_delete(name)
    finally:
        connection.close()


def rabbitmq_version(url: str) -> str:
    try:
        connection = pika.BlockingConnection(pika.URLParameters(url))
    except AMQPError:
        return "?"
    try:
        props = connection._impl.server_properties or {}
        version = props.get("version", b"?")
        return version.decode() if isinstance(version, bytes) else str(version)
    except AttributeError:
        return "?"
    finally:
        connection.close()


# -- the deployment ------------------------------------------------------------------


class Processes:
    """Everything the bench starts, so one ``stop_all`` ends it."""

    def __init__(self) -> None:
        self.memq: list[MemqProcess] = []
        self.popens: list[subprocess.Popen[bytes]] = []

    def start_memq(self, args: list[str], env: dict[str, str], log_path: Path) -> MemqProcess:
        process = MemqProcess(args, env, log_path).start()
        self.memq.append(process)
        return process

    def start_module(self, args: list[str], log_path: Path) -> subprocess.Popen[bytes]:
        with log_path.open("ab") as out:
            popen = subprocess.Popen(
                [sys.executable, "-m", *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.popens.append(popen)
        return popen

    @staticmethod
    def stop_popen(popen: subprocess.Popen[bytes], timeout: float = 20) -> None:
        if popen.poll() is not None:
            return
        os.killpg(popen.pid, signal.SIGTERM)
        try:
            popen.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(popen.pid, signal.SIGKILL)
            popen.wait(10)

    def stop_all(self) -> None:
        for popen in self.popens:
            self.stop_popen(popen)
        for process in reversed(self.memq):
            process.stop()


def log_tail(path: Path, chars: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"


# -- phases --------------------------------------------------------------------------


@dataclass
class Options:
    messages: int
    sessions: int
    concurrency: int
    worker_processes: int
    threads: int
    rate: float
    latency_rate: float
    poll_ms: float
    prefetch: int
    phases: set[str]
    keep: bool
    client: str
    batch: int = 50


@dataclass
class Run:
    options: Options
    amqp_url: str
    prefix: str
    tmp: Path
    meter: CpuMeter
    procs: Processes
    progress: Progress
    env: dict[str, str] = field(default_factory=dict)
    base_url: str = ""
    gateway: MemqProcess | None = None
    ingest: MemqProcess | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def sqlite_path(self) -> Path:
        return self.tmp / "data" / "memq.sqlite3"

    def measure(self) -> dict[str, float]:
        return self.meter.snapshot()


def start_stack(run: Run) -> None:
    port = free_port()
    run.base_url = f"http://127.0.0.1:{port}"
    run.env = {
        "MEMQ_AMQP_URL": run.amqp_url,
        "MEMQ_QUEUE_PREFIX": run.prefix,
        "MEMQ_DATA_DIR": str(run.tmp / "data"),
        "MEMQ_API_KEYS": f"{API_KEY}:{ACCOUNT}",
        "MEMQ_PORT": str(port),
        "MEMQ_LOG_LEVEL": "INFO",
        # One account sends everything: the per-account rate limit would turn
        # the run into a 429 test.
        "MEMQ_RATE_LIMIT_PER_SECOND": "0",
    }
    if run.options.prefetch:
        run.env["dramatiq_queue_prefetch"] = str(run.options.prefetch)
    os.environ.pop("MEMQ_MONGODB_URL", None)
    run.gateway = run.procs.start_memq(["gateway"], run.env, run.tmp / "gateway.log")
    run.meter.watch("gateway", run.gateway)
    # /readyz pings the store through the context queue: a one-thread context
    # worker answers it, and is stopped before anything is measured.
    pinger = run.procs.start_memq(
        ["worker", "--queues", "context", "--threads", "1"], run.env, run.tmp / "context.log"
    )
    wait_until_ready(run.base_url, run.gateway, timeout=60)
    pinger.stop()
    log(f"gateway ready at {run.base_url} (queue prefix {run.prefix})")


async def phase_gateway_only(run: Run, plan: list[Planned]) -> PhaseResult:
    opts = run.options
    run.progress.begin("gateway only", len(plan), stored=False)
    before = run.measure()
    with progress_printer(run.progress):
        sent = await post_messages(
            run.base_url, plan, opts.concurrency, opts.rate, run.progress, opts.client
        )
    cpu = run.meter.delta(before, run.measure())
    ok = [s for s in sent if s is not None and s.status == 202]
    if not ok:
        raise RuntimeError(f"no message accepted:\n{log_tail(run.tmp / 'gateway.log')}")
    seconds = max(s.finished for s in ok) - min(s.started for s in ok)
    return PhaseResult(
        "gateway only",
        len(ok),
        seconds,
        latencies_ms=[1000 * (s.finished - s.started) for s in ok],
        cpu=cpu,
        errors=len(sent) - len(ok),
        statuses=status_counts(sent),
        note="HTTP POST → 202 (validated, published, confirmed); no consumer running",
    )


def start_ingest_worker(run: Run, wait: bool = True) -> MemqProcess:
    opts = run.options
    ingest = run.procs.start_memq(
        [
            "worker",
            "--queues",
            QueueKind.INGEST.value,
            "--processes",
            str(opts.worker_processes),
            "--threads",
            str(opts.threads),
        ],
        run.env,
        run.tmp / "ingest.log",
    )
    run.ingest = ingest
    run.meter.watch("ingest worker", ingest)
    if wait:
        wait_for_consumers(
            run.amqp_url,
            queue_name(run.prefix, QueueKind.INGEST),
            opts.worker_processes,
            alive=lambda: ingest.proc is not None and ingest.proc.poll() is None,
        )
    return ingest


def phase_drain(run: Run, expected: int) -> PhaseResult:
    """Start the ingest worker on a pre-loaded queue; time it from its first stored row.

    Rate and CPU both cover the window from the first poll that sees a stored
    row to the first poll that sees the last one, so the worker's start-up
    (imports, connections) is left out of both.
    """
    opts = run.options
    run.progress.begin("drain", expected, sent=False)
    base_id = max_message_id(run.sqlite_path)
    with (
        progress_printer(run.progress),
        StorePoller(run.sqlite_path, opts.poll_ms / 1000, run.progress, base_id) as poller,
    ):
        ingest = start_ingest_worker(run, wait=False)

        def alive() -> bool:
            return ingest.proc is not None and ingest.proc.poll() is None

        started = poller.wait_for(base_id + 1, 120, alive)
        before = run.measure()
        t0, first = poller.samples[-1] if poller.samples else (time.time(), base_id)
        done = started and poller.wait_for(base_id + expected, PHASE_TIMEOUT_S, alive)
        cpu = run.meter.delta(before, run.measure())
    if not done:
        raise RuntimeError(f"drain did not finish:\n{log_tail(run.tmp / 'ingest.log')}")
    finished = next(t for t, m in poller.samples if m >= base_id + expected)
    return PhaseResult(
        "drain",
        base_id + expected - first,
        finished - t0,
        cpu=cpu,
        note="worker + store, nothing else of ours running",
    )


async def phase_pipeline(
    run: Run, plan: list[Planned], name: str, rate: float, poll_ms: float, batch: int = 0
) -> PhaseResult:
    """POST the plan with the ingest worker consuming; time each row to its first sighting.

    ``batch`` > 0: through ``POST /v1/messages``, that many messages a request."""
    opts = run.options
    assert run.ingest is not None
    ingest = run.ingest
    run.progress.begin(name, len(plan))
    base_id = max_message_id(run.sqlite_path)
    before = run.measure()
    with (
        progress_printer(run.progress),
        StorePoller(run.sqlite_path, poll_ms / 1000, run.progress, base_id) as poller,
    ):
        if batch:
            sent = await post_batches(run.base_url, plan, opts.concurrency, batch, run.progress)
        else:
            sent = await post_messages(
                run.base_url, plan, opts.concurrency, rate, run.progress, opts.client
            )
        ok = [s for s in sent if s is not None and s.status == 202]
        done = poller.wait_for(
            base_id + len(ok),
            PHASE_TIMEOUT_S,
            alive=lambda: ingest.proc is not None and ingest.proc.poll() is None,
        )
    cpu = run.meter.delta(before, run.measure())
    if not done:
        raise RuntimeError(f"pipeline did not finish:\n{log_tail(run.tmp / 'ingest.log')}")
    rows = stored_rows(run.sqlite_path, base_id)
    wanted = {p.message_id for p in plan}
    latencies, last_stored, exact = [], 0.0, 0
    for row_id, message_id, accepted_at, stored_at in rows:
        if message_id not in wanted:
            continue
        at = stored_at / 1e6 if stored_at is not None else poller.stored_at(row_id)
        if at is None:
            continue
        exact += stored_at is not None
        last_stored = max(last_stored, at)
        latencies.append(1000 * (at - accepted_at / 1e6))
    how = (
        f"accepted_at → {STORED_AT_COLUMN} (exact)"
        if exact and exact == len(latencies)
        else f"accepted_at → first poll seeing the row (poll every {poll_ms:g} ms)"
    )
    first_sent = min(s.started for s in ok)
    return PhaseResult(
        name,
        len(latencies),
        last_stored - first_sent,
        latencies_ms=latencies,
        cpu=cpu,
        errors=len(sent) - len(ok),
        statuses=status_counts(sent),
        note=how,
    )


def note_peak_memory(run: Run) -> None:
    """Peak RSS of the gateway and the ingest worker over the run so far."""
    sizes = [
        f"{name} {group_peak_rss_mb(process.proc.pid):,.0f} MB"
        for name, process in (("gateway", run.gateway), ("ingest worker", run.ingest))
        if process is not None and process.proc is not None and process.proc.poll() is None
    ]
    if sizes:
        run.notes.append("peak resident memory (VmHWM): " + ", ".join(sizes))


def note_memory_jobs(run: Run) -> None:
    memory_queue = queue_name(run.prefix, QueueKind.MEMORY)
    counts = queue_counts(run.amqp_url, memory_queue)
    if counts is not None and counts[0]:
        run.notes.append(
            f"the ingest actor enqueued {counts[0]} memory jobs for "
            f"{max_message_id(run.sqlite_path)} stored messages ({memory_queue}, no consumer "
            "here): one more confirmed publish, from a worker thread, each"
        )


def noop_bodies(queue: str, plan: list[Planned]) -> list[tuple[str, bytes]]:
    """The same events the gateway would publish, addressed to the no-op actor."""
    from bench.noop_worker import ACTOR_NAME

    bodies = []
    for seq, item in enumerate(plan, start=1):
        fields = json.loads(item.body)
        event = MessageEvent(
            account_id=ACCOUNT,
            session_id=item.session_id,
            seq=seq,
            accepted_at=datetime.now(UTC),
            **fields,
        )
        message: dramatiq.Message[Any] = dramatiq.Message(
            queue_name=queue,
            actor_name=ACTOR_NAME,
            args=(),
            kwargs={"event": event.model_dump(mode="json")},
            options={},
            message_id=str(uuid.uuid4()),
            message_timestamp=int(time.time() * 1000),
        )
        bodies.append((item.message_id, message.encode()))
    return bodies


async def phase_noop(run: Run, plan: list[Planned], queue: str) -> PhaseResult:
    opts = run.options
    out = run.tmp / "noop-times.txt"
    out.touch()
    workers = []
    for index in range(opts.worker_processes):
        popen = run.procs.start_module(
            [
                "bench.noop_worker",
                "--url",
                run.amqp_url,
                "--queue",
                queue,
                "--threads",
                str(opts.threads),
                "--out",
                str(out),
            ],
            run.tmp / f"noop-{index}.log",
        )
        run.meter.watch(f"no-op worker {index}", popen)
        workers.append(popen)
    bodies = noop_bodies(queue, plan)

    def alive() -> bool:
        return all(p.poll() is None for p in workers)

    wait_for_consumers(run.amqp_url, queue, opts.worker_processes, alive)
    run.progress.begin("no-op", len(plan))
    consumed: dict[str, float] = {}
    stop = threading.Event()

    def tail() -> None:
        with out.open() as handle:
            pending = ""
            while True:
                chunk = handle.read()
                pending += chunk
                *lines, pending = pending.split("\n")
                for line in lines:
                    message_id, _, at = line.partition(" ")
                    consumed[message_id] = float(at)
                run.progress.stored = len(consumed)
                if stop.is_set() and not chunk:
                    return
                time.sleep(opts.poll_ms / 1000)

    before = run.measure()
    tailer = threading.Thread(target=tail, name="noop-tail", daemon=True)
    tailer.start()
    try:
        with progress_printer(run.progress):
            started = await publish_direct(
                run.amqp_url, queue, bodies, opts.concurrency, opts.rate, run.progress
            )
            deadline = time.monotonic() + PHASE_TIMEOUT_S
            while len(consumed) < len(plan) and time.monotonic() < deadline and alive():
                await asyncio.sleep(opts.poll_ms / 1000)
    finally:
        stop.set()
        tailer.join()
    cpu = run.meter.delta(before, run.measure())
    for popen in workers:
        run.procs.stop_popen(popen)
    if len(consumed) < len(plan):
        raise RuntimeError(f"no-op consumed {len(consumed)}/{len(plan)}")
    latencies = [1000 * (consumed[m] - t) for m, t in started.items() if m in consumed]
    return PhaseResult(
        "no-op",
        len(consumed),
        max(consumed.values()) - min(started.values()),
        latencies_ms=latencies,
        cpu=cpu,
        note="publish call started → actor ran (the actor's own clock)",
    )


# -- store round trips ----------------------------------------------------------------


class TracedSqliteStore(SqliteStore):
    """SqliteStore whose connections report every statement SQLite executes.

    ``set_trace_callback`` sees each statement, including ones run through
    ``executescript``/``executemany``, which a proxy around ``execute`` would miss.
    """

    def __init__(self, path: Path, statements: list[str], retention: timedelta) -> None:
        self._statements = statements
        super().__init__(path, retention=retention)

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        conn.set_trace_callback(self._statements.append)
        return conn


def round_trip_events(count: int, sessions: int, tag: str) -> list[MessageEvent]:
    start = datetime.now(UTC)
    return [
        MessageEvent(
            account_id=ACCOUNT,
            session_id=f"rt-s{i % sessions:03d}",
            message_id=f"{tag}-{i:05d}",
            role="user" if i % 2 == 0 else "assistant",
            content=_CONTENT.format(i=i, s=tag),
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
        return store.append_message(event, f"{delivery}-{event.message_id}", max_messages=cap)

    return append


def worker_retention() -> timedelta:
    """The retention ``memq.stores.open_store`` gives the workers' store."""
    return timedelta(days=Settings().retention_days)


def sqlite_round_trips(tmp: Path, count: int = 200) -> list[RoundTrips]:
    """SQLite has no network round trip: count transactions, and show the statements."""
    statements: list[str] = []
    store = TracedSqliteStore(tmp / "roundtrips" / "memq.sqlite3", statements, worker_retention())
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


# -- report --------------------------------------------------------------------------


def machine_info(amqp_url: str) -> list[str]:
    model = "?"
    with suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return [
        f"nproc {nproc} ({model}), Linux {platform.release()}",
        f"Python {platform.python_version()}, dramatiq {dramatiq.__version__}, "
        f"aio-pika {aio_pika.__version__}, httpx {httpx.__version__}, "
        f"SQLite {sqlite3.sqlite_version}, RabbitMQ {rabbitmq_version(amqp_url)}",
    ]


def background_load(seconds: float = 2.0) -> float:
    """Busy % of the whole machine (100 = one core) before the bench starts anything."""
    before, t0 = machine_busy(), time.monotonic()
    time.sleep(seconds)
    return 100 * (machine_busy() - before) / (time.monotonic() - t0)


def report(
    opts: Options,
    results: dict[str, PhaseResult],
    trips: list[RoundTrips],
    machine: list[str],
    notes: list[str],
) -> None:
    pipe, lat, noop, gw, drain = (
        results.get(k) for k in ("pipeline", "latency", "no-op", "gateway only", "drain")
    )
    cores = len(os.sched_getaffinity(0))

    def row(label: str, rate: str, p50: str = "", p99: str = "", note: str = "") -> str:
        return f"{label:<46} {rate:>7} {p50:>8} {p99:>8}  {note}".rstrip()

    def fmt(result: PhaseResult | None, latency: bool = True) -> tuple[str, str, str]:
        if result is None:
            return ("-", "", "")
        if not latency or not result.latencies_ms:
            return (f"{result.rate:,.0f}", "", "")
        return (f"{result.rate:,.0f}", f"{result.p(50):,.1f}", f"{result.p(99):,.1f}")

    bar = "=" * 110
    offered = "as fast as they go" if not opts.rate else f"{opts.rate:g}/s offered"
    lines = [
        bar,
        f"memq ingest benchmark: {opts.messages} messages over {opts.sessions} sessions, "
        f"{opts.concurrency} HTTP clients ({opts.client}, {offered}); ingest and no-op workers "
        f"{opts.worker_processes} process(es) × {opts.threads} threads, prefetch "
        f"{opts.prefetch or '2 × threads (dramatiq default)'}",
        *(f"machine: {line}" for line in machine),
        bar,
        row("", "msgs/s", "p50 ms", "p99 ms"),
        row(
            "pipeline  HTTP→gateway→RabbitMQ→ingest→SQLite",
            *fmt(pipe),
            "first request → last row stored",
        ),
    ]
    if lat is not None:
        offered_rate = lat.count / lat.seconds if lat.seconds else 0.0
        lines.append(
            row(
                f"  same at ~{offered_rate:,.0f}/s offered (latency)",
                *fmt(lat),
                f"{lat.count} messages",
            )
        )
    batch = results.get("batch")
    if batch is not None:
        lines.append(
            row(
                f"batch     POST /v1/messages, {opts.batch} a request",
                *fmt(batch),
                "first request → last row stored",
            )
        )
    lines.append(
        row(
            "no-op     bench→RabbitMQ→no-op dramatiq actor",
            *fmt(noop),
            "first publish → last actor call",
        )
    )
    ratio = pipe.rate / noop.rate if pipe and noop else float("nan")
    lines.append(row("ratio pipeline / no-op", f"{100 * ratio:.0f}%" if pipe and noop else "-"))
    if pipe and noop:
        pipe_cap = pipe.ceilings(opts.worker_processes)[1]
        noop_cap = noop.ceilings(opts.worker_processes)[1]
        lines.append(
            row(
                "  idle-machine estimate from CPU/message",
                f"{pipe_cap:,.0f}",
                "",
                "",
                f"vs no-op {noop_cap:,.0f}/s = {100 * pipe_cap / noop_cap:.0f}% (see CPU lines)",
            )
        )
    lines.append(
        row(
            "gateway only  HTTP → confirmed publish",
            *fmt(gw),
            "no consumer; latency = HTTP request → 202",
        )
    )
    lines.append(
        row(
            "ingest drain  pre-loaded queue → SQLite",
            *fmt(drain, latency=False),
            "the worker with nothing else of ours running",
        )
    )
    if trips:
        lines += ["", "store round trips per append_message (called directly, one thread):"]
        for trip in trips:
            unit = "transaction" if trip.label.startswith("sqlite") else "round trips"
            lines.append(
                f"  {trip.label:<48} {trip.per_message:g} {unit:<11} "
                f"{trip.micros_per_message:>7,.0f} µs   {trip.detail}"
            )
        if any(t.label.startswith("mongo") for t in trips):
            lines.append("  (mongo µs are mongoeco's in-memory emulator over loopback, not mongod)")
    lines += [
        "",
        f"CPU per phase: % of one core (the machine has {cores * 100}%) and µs of CPU "
        "per message, by process:",
    ]
    for name in ("gateway only", "drain", "pipeline", "latency", "batch", "no-op"):
        result = results.get(name)
        if result is not None:
            lines.append(f"  {name:<12} {result.cpu_line()}")
            if name != "latency":
                lines.append(f"  {'':<12} {result.ceilings(opts.worker_processes)[0]}")
    lines += [f"note: {note}" for note in notes]
    for result in results.values():
        if result.errors:
            counts = ", ".join(
                f"{code or 'no answer'}: {n}" for code, n in sorted(result.statuses.items())
            )
            lines.append(
                f"WARNING: {result.name}: {result.errors} requests not accepted "
                f"(HTTP status: count {counts}); its figures count accepted ones only"
            )
    lines.append("")
    if pipe:
        lines.append(
            f"targets: pipeline ≥ {TARGET_RATE:,.0f} msgs/s: "
            f"{'MET' if pipe.rate >= TARGET_RATE else 'NOT MET'} ({pipe.rate:,.0f}); "
            f"pipeline ≥ {100 * TARGET_RATIO:.0f}% of no-op: "
            f"{'MET' if ratio >= TARGET_RATIO else 'NOT MET'} ({100 * ratio:.0f}%)"
        )
    lines += [
        *(
            [
                f"how latency is measured: from the {STORED_AT_COLUMN} column the adapter "
                "writes: stored_at − accepted_at (the gateway's stamp before it publishes).",
            ]
            if pipe is not None and "(exact)" in pipe.note
            else [
                "how latency is measured: messages has no stored_at column (µs, set by the "
                "adapter on insert; used",
                "  when present), so a read-only connection polls max(id); id order is commit "
                "order under BEGIN",
                "  IMMEDIATE, so a row is stored by the first poll that sees it: an upper bound, "
                "late by up to one",
                "  poll interval. Latency = that − accepted_at (the gateway's stamp before it "
                "publishes).",
            ]
        ),
        "  At full speed latency is mostly queueing in front of the gateway; the latency row "
        "offers half the load.",
        "  No-op latency: publish call started → the actor's own time.time().",
        bar,
    ]
    log("\n".join(lines))


# -- main ----------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ingest", description=__doc__.split("\n", 1)[0]
    )
    parser.add_argument("--messages", "-n", type=int, default=5000, help="messages per phase")
    parser.add_argument("--sessions", "-s", type=int, default=50, help="sessions to spread over")
    parser.add_argument(
        "--concurrency",
        "-c",
        type=int,
        default=32,
        help="HTTP clients (and publishes in flight for the no-op phase)",
    )
    parser.add_argument(
        "--worker-processes", "-p", type=int, default=1, help="ingest (and no-op) worker processes"
    )
    parser.add_argument("--threads", "-t", type=int, default=8, help="threads per worker process")
    parser.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="offered load in messages/s (0 = as fast as the clients go)",
    )
    parser.add_argument(
        "--latency-rate",
        type=float,
        default=0.0,
        help="offered load of the latency phase (0 = half the pipeline's rate)",
    )
    parser.add_argument(
        "--poll-ms", type=float, default=50.0, help="how often the store is polled for stored rows"
    )
    parser.add_argument(
        "--prefetch",
        type=int,
        default=0,
        help="dramatiq_queue_prefetch for the ingest worker (0 = 2 × threads)",
    )
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="HTTP client: a minimal keep-alive one (cheapest CPU) or httpx",
    )
    parser.add_argument(
        "--phases",
        default=",".join(PHASES),
        help=f"comma-separated subset of {','.join(PHASES)} (drain needs gateway)",
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=50,
        help="messages per POST /v1/messages request in the batch phase (1-100)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, SQLite)")
    ns = parser.parse_args(argv)
    if not 1 <= ns.batch <= MAX_BATCH_EVENTS:
        parser.error(f"--batch: 1 to {MAX_BATCH_EVENTS}")
    phases = {name.strip() for name in ns.phases.split(",") if name.strip()}
    if not phases or phases - set(PHASES):
        parser.error(f"--phases: choose from {', '.join(PHASES)}")
    if min(ns.messages, ns.sessions, ns.concurrency, ns.worker_processes, ns.threads) < 1:
        parser.error(
            "--messages, --sessions, --concurrency, --worker-processes and --threads must be ≥ 1"
        )
    return Options(
        messages=ns.messages,
        sessions=ns.sessions,
        concurrency=ns.concurrency,
        worker_processes=ns.worker_processes,
        threads=ns.threads,
        rate=ns.rate,
        latency_rate=ns.latency_rate,
        poll_ms=ns.poll_ms,
        prefetch=ns.prefetch,
        phases=phases,
        keep=ns.keep,
        client=ns.client,
        batch=ns.batch,
    )


async def run_phases(run: Run, noop_queue: str) -> dict[str, PhaseResult]:
    opts = run.options
    results: dict[str, PhaseResult] = {}

    def done(result: PhaseResult) -> None:
        results[result.name] = result
        latency = (
            f", p50 {result.p(50):.1f} ms, p99 {result.p(99):.1f} ms" if result.latencies_ms else ""
        )
        log(
            f"  → {result.name}: {result.count} messages in {result.seconds:.2f}s = "
            f"{result.rate:,.0f} msgs/s{latency}"
        )
        log(f"    {result.cpu_line()}")
        if result.errors:
            log(f"    WARNING: {result.errors} requests not accepted, by status: {result.statuses}")

    phases = opts.phases
    if "gateway" in phases:
        log(f"gateway only: POST {opts.messages} messages, no ingest worker")
        done(await phase_gateway_only(run, plan_messages("gw", opts.messages, opts.sessions)))
    if "drain" in phases and "gateway only" in results:
        log(f"drain: start the ingest worker on {opts.messages} queued messages")
        done(phase_drain(run, results["gateway only"].count))
    if "gateway only" in results and "drain" not in results:
        purge_queue(run.amqp_url, queue_name(run.prefix, QueueKind.INGEST))
    if "pipeline" in phases:
        if run.ingest is None:
            start_ingest_worker(run)
        log(f"pipeline: POST {opts.messages} messages with the worker consuming")
        done(
            await phase_pipeline(
                run,
                plan_messages("pl", opts.messages, opts.sessions),
                "pipeline",
                opts.rate,
                opts.poll_ms,
            )
        )
    if "latency" in phases:
        if run.ingest is None:
            start_ingest_worker(run)
        measured = results["pipeline"].rate if "pipeline" in results else 200.0
        rate = opts.latency_rate or max(1.0, round(measured / 2))
        count = min(opts.messages, max(200, int(rate * LATENCY_PHASE_S)))
        poll_ms = min(opts.poll_ms, LATENCY_POLL_MS)
        log(f"latency: POST {count} messages at {rate:g}/s offered, polling every {poll_ms:g} ms")
        done(
            await phase_pipeline(
                run, plan_messages("lt", count, opts.sessions), "latency", rate, poll_ms
            )
        )
    if "batch" in phases:
        if run.ingest is None:
            start_ingest_worker(run)
        log(
            f"batch: POST {opts.messages} messages to /v1/messages, {opts.batch} a request, "
            "with the worker consuming"
        )
        done(
            await phase_pipeline(
                run,
                plan_messages("bt", opts.messages, opts.sessions),
                "batch",
                0,
                opts.poll_ms,
                batch=opts.batch,
            )
        )
    if run.ingest is not None:
        note_peak_memory(run)
        note_memory_jobs(run)
        run.ingest.stop()
    if "noop" in phases:
        log(f"no-op: publish {opts.messages} messages to a no-op actor")
        done(await phase_noop(run, plan_messages("nop", opts.messages, opts.sessions), noop_queue))
    return results


def main(argv: list[str] | None = None) -> None:
    opts = parse_args(argv)
    amqp_url = amqp_url_for_tests()
    check_reachable(amqp_url)
    prefix = f"memqbench-{uuid.uuid4().hex[:10]}"
    noop_queue = f"{prefix}.noop"
    tmp = Path(tempfile.mkdtemp(prefix="memq-bench-"))
    procs = Processes()
    run = Run(opts, amqp_url, prefix, tmp, CpuMeter(), procs, Progress())
    machine = machine_info(amqp_url)
    load = background_load()
    machine.append(
        f"busy {load:.0f}% of {len(os.sched_getaffinity(0)) * 100}% before the bench started "
        "(other users of this machine); figures below are only as quiet as that"
    )
    log(f"background load before start: {load:.0f}%")
    log(f"memq ingest benchmark; logs and SQLite in {tmp}")
    results: dict[str, PhaseResult] = {}
    trips: list[RoundTrips] = []
    try:
        if opts.phases - {"roundtrips"}:
            start_stack(run)
            results = asyncio.run(run_phases(run, noop_queue))
        procs.stop_all()
        if "roundtrips" in opts.phases:
            log("store round trips: SqliteStore / MongoStore (mongoeco) append_message directly")
            trips = sqlite_round_trips(tmp) + mongo_round_trips()
    except BaseException:
        log(f"benchmark failed; logs in {tmp}")
        opts.keep = True
        raise
    finally:
        procs.stop_all()
        with suppress(AMQPError, OSError):
            delete_queues(amqp_url, prefix)
            delete_named_queues(
                amqp_url, [noop_queue, delay_queue(noop_queue), dead_letter_queue(noop_queue)]
            )
        if not opts.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    report(opts, results, trips, machine, run.notes)
    if opts.keep:
        log(f"kept {tmp}")


if __name__ == "__main__":
    main()
