"""The attack suite: memq under load while its parts are killed, and poison events.

Every scenario posts the same kind of traffic (``chaos_traffic``: channels of
two accounts, each posting its session's messages in order and retrying until
202) and tallies the outcome (``chaos_watch``). What happens meanwhile:

- ``worker-kill``: the ingest worker is killed -9 (and started again) at
  even steps of the run;
- ``broker-stop``: RabbitMQ is stopped for ``outage`` seconds, then started;
- ``broker-kill``: RabbitMQ is killed -9, then started;
- ``gateway-kill``: ``memq serve`` in its embedded default (no RabbitMQ) is
  killed -9 and started again at even steps;
- ``poison``: account A posts messages no store can keep (refused at the
  door) and publishes batches that mix its schema-breaking events with
  account B's good ones straight to the ingest queue; B must not wait.

RabbitMQ is always a node of the run's own (``RabbitNode``): never the
machine's shared broker. ``SHORT`` is the test suite's size
(tests/e2e/test_chaos.py), ``FULL`` the benchmark's (``python -m bench.chaos``).
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.chaos.traffic import (
    Channel,
    Message,
    conversation,
    post_all,
    publish_batches,
)
from bench.chaos.watch import StoreWatcher, Tally, tally
from bench.support.processes import MemqProcess, free_port, wait_until_ready
from bench.support.rabbit_node import RabbitNode

ACCOUNTS = {"chaos-key-a-0123456789": "acct-a", "chaos-key-b-9876543210": "acct-b"}
KEY_A, KEY_B = ACCOUNTS


@dataclass(frozen=True)
class Size:
    messages: int  # over all channels
    sessions: int  # channels, half of each account
    kills: int  # how many times the part is killed
    outage: float  # seconds RabbitMQ stays stopped
    poison: int  # poison messages (half over HTTP, half in AMQP batches)
    give_up_after: float = 120.0  # a channel stops retrying one message after this
    drain: float = 60.0  # seconds to wait for the last accepted messages to be stored


FULL = Size(messages=10_000, sessions=40, kills=3, outage=20.0, poison=20)
SHORT = Size(messages=240, sessions=8, kills=1, outage=2.0, poison=6, drain=30.0)

SCENARIOS = ("worker-kill", "broker-stop", "broker-kill", "gateway-kill", "poison")


def channels(size: Size, run: str) -> list[Channel]:
    per_session = size.messages // size.sessions
    keys = list(ACCOUNTS)
    return [
        conversation(ACCOUNTS[keys[i % 2]], keys[i % 2], f"s{i}", per_session, run)
        for i in range(size.sessions)
    ]


def all_messages(chans: list[Channel]) -> list[Message]:
    return [message for channel in chans for message in channel.messages]


class Milestones:
    """Events set as the run's accepted count passes each of ``fractions``."""

    def __init__(self, total: int, fractions: list[float]) -> None:
        self.thresholds = [max(1, int(total * f)) for f in fractions]
        self.events = [asyncio.Event() for _ in fractions]
        self.accepted = 0

    def count(self, _: Message) -> None:
        self.accepted += 1
        for threshold, event in zip(self.thresholds, self.events, strict=True):
            if self.accepted >= threshold:
                event.set()


def even_steps(kills: int) -> list[float]:
    return [(i + 1) / (kills + 1) for i in range(kills)]


@dataclass
class Deployment:
    """``memq gateway`` and an ingest-and-everything ``memq worker`` over a RabbitMQ node."""

    node: RabbitNode
    workdir: Path
    base_url: str
    env: dict[str, str]
    gateway: MemqProcess
    worker: MemqProcess
    restarts: int = 0

    @property
    def prefix(self) -> str:
        return self.env["MEMQ_QUEUE_PREFIX"]

    @property
    def sqlite_path(self) -> Path:
        return Path(self.env["MEMQ_DATA_DIR"]) / "memq.sqlite3"

    def restart_worker(self) -> None:
        self.worker.kill()
        self.restarts += 1
        self.worker = MemqProcess(
            ["worker", "--threads", "4"], self.env, self.workdir / f"worker-{self.restarts}.log"
        ).start()


def base_env(workdir: Path, port: int) -> dict[str, str]:
    return {
        "MEMQ_DATA_DIR": str(workdir / "data"),
        "MEMQ_API_KEYS": ",".join(f"{key}:{account}" for key, account in ACCOUNTS.items()),
        "MEMQ_PORT": str(port),
        "MEMQ_LOG_LEVEL": "WARNING",
        "MEMQ_WORKER_METRICS_PORT": "0",
        # The rate limit is not what this is about.
        "MEMQ_RATE_LIMIT_PER_SECOND": "100000",
        "MEMQ_RATE_LIMIT_BURST": "100000",
        "MEMQ_MONGODB_URL": "",
    }


@contextmanager
def deployment(node: RabbitNode, workdir: Path) -> Iterator[Deployment]:
    port = free_port()
    env = {
        **base_env(workdir, port),
        "MEMQ_AMQP_URL": node.url,
        "MEMQ_QUEUE_PREFIX": f"chaos-{uuid.uuid4().hex[:8]}",
    }
    gateway = MemqProcess(["gateway"], env, workdir / "gateway.log").start()
    worker = MemqProcess(["worker", "--threads", "4"], env, workdir / "worker-0.log").start()
    stack = Deployment(node, workdir, f"http://127.0.0.1:{port}", env, gateway, worker)
    try:
        wait_until_ready(stack.base_url, gateway)
        yield stack
    finally:
        for process in (stack.worker, stack.gateway):
            process.stop()


def _drive(
    base_url: str,
    chans: list[Channel],
    size: Size,
    fractions: list[float],
    chaos: Callable[[Milestones], Awaitable[None]],
) -> None:
    """Post every channel while ``chaos`` acts at the milestones."""

    async def main() -> None:
        milestones = Milestones(sum(len(c.messages) for c in chans), fractions)
        traffic = post_all(
            base_url, chans, give_up_after=size.give_up_after, accepted=milestones.count
        )
        await asyncio.gather(traffic, chaos(milestones))

    asyncio.run(main())


def _settle(
    name: str, messages: list[Message], watcher: StoreWatcher, size: Size, poison: set[str]
) -> Tally:
    watcher.wait_for(messages, size.drain)
    watcher.stop()
    return tally(name, messages, watcher, poison)


def worker_kill(node: RabbitNode, workdir: Path, size: Size) -> Tally:
    chans = channels(size, "wk")
    with deployment(node, workdir) as stack:
        watcher = StoreWatcher(stack.sqlite_path).start()

        async def chaos(milestones: Milestones) -> None:
            for event in milestones.events:
                await event.wait()
                await asyncio.to_thread(stack.restart_worker)

        _drive(stack.base_url, chans, size, even_steps(size.kills), chaos)
        return _settle("worker-kill", all_messages(chans), watcher, size, set())


def broker_down(node: RabbitNode, workdir: Path, size: Size, *, kill: bool) -> Tally:
    name = "broker-kill" if kill else "broker-stop"
    chans = channels(size, name)
    with deployment(node, workdir) as stack:
        watcher = StoreWatcher(stack.sqlite_path).start()

        def outage() -> None:
            if kill:
                node.kill()
                time.sleep(1.0)
            else:
                node.stop()
                time.sleep(size.outage)
            node.start()

        async def chaos(milestones: Milestones) -> None:
            await milestones.events[0].wait()
            await asyncio.to_thread(outage)

        _drive(stack.base_url, chans, size, [0.3], chaos)
        return _settle(name, all_messages(chans), watcher, size, set())


def gateway_kill(workdir: Path, size: Size) -> Tally:
    """``memq serve`` on its embedded default: in-process broker, journal, SQLite."""
    chans = channels(size, "gk")
    port = free_port()
    env = {**base_env(workdir, port), "MEMQ_AMQP_URL": ""}
    base_url = f"http://127.0.0.1:{port}"
    serve = [MemqProcess(["serve"], env, workdir / "serve-0.log").start()]
    try:
        wait_until_ready(base_url, serve[-1])
        watcher = StoreWatcher(Path(env["MEMQ_DATA_DIR"]) / "memq.sqlite3").start()

        def crash_and_restart() -> None:
            serve[-1].kill()
            log = workdir / f"serve-{len(serve)}.log"
            serve.append(MemqProcess(["serve"], env, log).start())
            wait_until_ready(base_url, serve[-1])

        async def chaos(milestones: Milestones) -> None:
            for event in milestones.events:
                await event.wait()
                await asyncio.to_thread(crash_and_restart)

        _drive(base_url, chans, size, even_steps(size.kills), chaos)
        return _settle("gateway-kill", all_messages(chans), watcher, size, set())
    finally:
        serve[-1].stop()


def poison(node: RabbitNode, workdir: Path, size: Size) -> Tally:
    """Account A sends poison over HTTP and in AMQP batches mixed with B's events."""
    chans = channels(size, "px")
    account_a = ACCOUNTS[KEY_A]
    over_http = size.poison // 2
    a_messages = [m for c in chans if c.key == KEY_A for m in c.messages]
    step = max(1, len(a_messages) // over_http)
    for message in a_messages[step // 2 :: step][:over_http]:
        message.poison = True  # spread over A's sessions and the run
    batches = _mixed_batches(size.poison - over_http, account_a, ACCOUNTS[KEY_B])
    with deployment(node, workdir) as stack:
        watcher = StoreWatcher(stack.sqlite_path).start()
        publisher = threading.Thread(
            target=publish_batches,
            args=(node.url, stack.prefix, batches),
            kwargs={"pause": 0.2},
            name="chaos-amqp",
        )

        async def chaos(milestones: Milestones) -> None:
            await milestones.events[0].wait()
            publisher.start()
            await asyncio.to_thread(publisher.join)

        _drive(stack.base_url, chans, size, [0.1], chaos)
        messages = all_messages(chans) + [m for batch in batches for m in batch]
        return _settle("poison", messages, watcher, size, {account_a})


def _mixed_batches(poison_count: int, account_a: str, account_b: str) -> list[list[Message]]:
    """Batches of 10: one poison event of A, nine good events of B's own session."""
    batches = []
    for n in range(poison_count):
        bad = Message(account_a, "direct-a", f"px-poison-{n}", n, poison=True, direct=True)
        good = [
            Message(account_b, "direct-b", f"px-direct-{n}-{i}", n * 9 + i, direct=True)
            for i in range(9)
        ]
        batches.append([*good[:4], bad, *good[4:]])
    return batches


def run(name: str, node: RabbitNode | None, workdir: Path, size: Size) -> Tally:
    workdir.mkdir(parents=True, exist_ok=True)
    if name == "gateway-kill":
        return gateway_kill(workdir, size)
    assert node is not None, f"{name} needs a RabbitMQ node"
    if name == "worker-kill":
        return worker_kill(node, workdir, size)
    if name in ("broker-stop", "broker-kill"):
        return broker_down(node, workdir, size, kill=name == "broker-kill")
    if name == "poison":
        return poison(node, workdir, size)
    raise ValueError(f"unknown scenario {name!r}; choose from {', '.join(SCENARIOS)}")
