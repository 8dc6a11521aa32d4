"""MEMQ_WORKER_NICE: a memory pool sharing a host with ingest yields the CPU to it.

Real ``memq worker`` processes over the real RabbitMQ: each worker process (every child
under ``--processes``) runs at the niceness asked for; the supervisor, which does no
work, and a pool not asked to stay as they were.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.support.processes import MemqProcess, wait_for

pytestmark = pytest.mark.e2e


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in found]


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def test_worker_processes_run_at_the_niceness_asked_for(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": queue_prefix,
        "MEMQ_DATA_DIR": str(tmp_path / "data"),
        "MEMQ_MONGODB_URL": "",
    }
    own = os.getpriority(os.PRIO_PROCESS, 0)
    # Given a memory pool of two processes asked to be nice, and an ingest pool not
    memory = MemqProcess(
        ["worker", "--queues", "memory", "--processes", "2", "--threads", "1"],
        {**env, "MEMQ_WORKER_NICE": "10"},
        tmp_path / "memory.log",
    ).start()
    ingest = MemqProcess(
        ["worker", "--queues", "ingest", "--threads", "1"], env, tmp_path / "ingest.log"
    ).start()
    try:
        assert memory.proc is not None and ingest.proc is not None
        supervisor = memory.proc.pid

        def niced() -> bool:
            # Spawn's resource tracker is a child too: it does no work, and stays as it was.
            workers = [c for c in children(supervisor) if "spawn_main" in cmdline(c)]
            return len(workers) == 2 and all(
                os.getpriority(os.PRIO_PROCESS, child) == min(own + 10, 19) for child in workers
            )

        # Then each of the memory pool's worker processes runs at niceness 10
        # (set as it starts), and the supervisor and the ingest pool as they were
        wait_for(niced, timeout=30)
        assert os.getpriority(os.PRIO_PROCESS, supervisor) == own
        assert os.getpriority(os.PRIO_PROCESS, ingest.proc.pid) == own
    finally:
        memory.stop()
        ingest.stop()


def test_a_niceness_out_of_range_is_refused_at_start(tmp_path: Path) -> None:
    # Given MEMQ_WORKER_NICE past what a process can be given
    worker = MemqProcess(
        ["worker", "--queues", "memory"],
        {"MEMQ_WORKER_NICE": "25", "MEMQ_DATA_DIR": str(tmp_path / "data")},
        tmp_path / "worker.log",
    ).start()
    assert worker.proc is not None
    # Then the worker stops at once, naming the setting
    assert worker.proc.wait(60) != 0
    assert "MEMQ_WORKER_NICE" in worker.log() or "worker_nice" in worker.log()
