"""What an ingest run starts and stops: the gateway, the ingest worker and the no-op
workers over the local RabbitMQ, with the run's options and state."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bench.ingest.load import ACCOUNT, API_KEY
from bench.support.cpu import CpuMeter
from bench.support.processes import MemqProcess, Processes, free_port, wait_until_ready
from bench.support.progress import Progress, log
from bench.support.rabbit import wait_for_consumers
from schemas.routing import QueueKind, queue_name


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


def start_noop_workers(run: Run, queue: str, out: Path) -> list[subprocess.Popen[bytes]]:
    """``bench.noop_worker`` processes (as many as the ingest worker's, as many threads)
    consuming ``queue``, each appending its consume times to ``out``."""
    opts = run.options
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
    return workers
