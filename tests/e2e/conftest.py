"""A real deployment: `memq gateway` and `memq worker` processes over RabbitMQ, for each test
(``stack``) or for a module of tests that only talk HTTP to it (``shared_stack``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from bench.support.processes import MemqProcess, free_port, wait_for, wait_until_ready
from bench.support.rabbit import delete_queues
from bench.support.rabbit_node import RabbitNode

KEY_A, ACCOUNT_A = "key-alpha-0123456789", "acct-a"
KEY_B, ACCOUNT_B = "key-bravo-9876543210", "acct-b"


@dataclass
class Stack:
    base_url: str
    env: dict[str, str]
    logs: Path
    gateway: MemqProcess
    workers: list[MemqProcess] = field(default_factory=list)

    def start_worker(self, *args: str, name: str = "worker") -> MemqProcess:
        log = self.logs / f"{name}-{len(self.workers)}.log"
        worker = MemqProcess(["worker", *args], self.env, log).start()
        self.workers.append(worker)
        return worker

    def client(self, key: str = KEY_A) -> httpx.Client:
        return httpx.Client(
            base_url=self.base_url, headers={"Authorization": f"Bearer {key}"}, timeout=15
        )

    def stored_messages(self, session_id: str, key: str = KEY_A) -> list[dict[str, object]]:
        with self.client(key) as client:
            response = client.get(f"/v1/sessions/{session_id}/messages", params={"limit": 500})
        if response.status_code == 404:
            return []
        response.raise_for_status()
        messages: list[dict[str, object]] = response.json()["messages"]
        return messages

    def wait_for_count(self, session_id: str, count: int, timeout: float = 60) -> None:
        wait_for(lambda: len(self.stored_messages(session_id)) >= count, timeout, interval=0.3)


@contextmanager
def running_stack(
    amqp_url: str, queue_prefix: str, tmp_path: Path, **extra_env: str
) -> Iterator[Stack]:
    """A gateway and one worker; ``extra_env`` adds or overrides MEMQ_* variables."""
    port = free_port()
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": queue_prefix,
        "MEMQ_DATA_DIR": str(tmp_path / "data"),
        "MEMQ_API_KEYS": f"{KEY_A}:{ACCOUNT_A},{KEY_B}:{ACCOUNT_B}",
        "MEMQ_PORT": str(port),
        "MEMQ_LOG_LEVEL": "INFO",
        # Off unless a test asks: several workers of a test would share one port.
        "MEMQ_WORKER_METRICS_PORT": "0",
        **extra_env,
    }
    # SQLite unless a test asks for MongoDB; a developer's own setting must not leak in.
    env.setdefault("MEMQ_MONGODB_URL", "")
    gateway = MemqProcess(["gateway"], env, tmp_path / "gateway.log").start()
    deployment = Stack(base_url=f"http://127.0.0.1:{port}", env=env, logs=tmp_path, gateway=gateway)
    try:
        deployment.start_worker("--threads", "4")
        wait_until_ready(deployment.base_url, gateway)
        yield deployment
    finally:
        for process in [*deployment.workers, gateway]:
            process.stop()


@pytest.fixture(scope="session")
def own_rabbit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RabbitNode]:
    """A RabbitMQ node of the tests' own, which a test may stop or kill -9 (and must
    leave running): never the machine's shared broker. Started once, when first asked."""
    node = RabbitNode(tmp_path_factory.mktemp("rabbit")).start()
    try:
        yield node
    finally:
        node.close()


@pytest.fixture
def stack(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[Stack]:
    with running_stack(amqp_url, queue_prefix, tmp_path) as deployment:
        yield deployment


@pytest.fixture(scope="module")
def shared_stack(amqp_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One deployment for every test of a module that only talks HTTP to it: a test that
    starts, stops or kills a process takes ``stack`` (its own) instead. Starting a gateway
    and a worker is most of an end-to-end test's time, so tests that leave the processes as
    they found them share one. Such tests use session ids of their own."""
    prefix = f"memqtest-{uuid.uuid4().hex[:10]}"
    try:
        with running_stack(amqp_url, prefix, tmp_path_factory.mktemp("shared")) as deployment:
            yield deployment
    finally:
        delete_queues(amqp_url, prefix)
