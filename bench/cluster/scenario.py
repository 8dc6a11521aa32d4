"""Ingest through a 3-node RabbitMQ cluster while the ingest queue's leader is killed -9.

Two gateways and two workers (every queue), each given the three nodes in
its own order (MEMQ_AMQP_URL + MEMQ_AMQP_NODES), so their connections are
spread over the cluster and every one of them must fail over by itself.
Sessions post in order through one gateway or the other, retrying until their
202 (``bench.chaos.traffic``). When ``kill_at`` of the messages are accepted,
the node leading ``<prefix>.ingest`` is killed -9; when ``restart_at`` are, it
is started again and rejoins. No memq process is restarted: the run checks
they are all still the ones it started.

What it reports, beyond ``bench.chaos``'s tally (sent / accepted / stored /
duplicates / lost / out of order): the longest time between two 202s (how
long producers waited for the failover) and the CPU the RabbitMQ nodes and
memq's processes spent per accepted message.
"""

from __future__ import annotations

import asyncio
import itertools
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.chaos.scenarios import ACCOUNTS, Milestones, all_messages, base_env, channels
from bench.chaos.scenarios import Size as ChaosSize
from bench.chaos.traffic import Channel, Message, post_all
from bench.chaos.watch import StoreWatcher, Tally, tally
from bench.support.cpu import group_cpu
from bench.support.processes import MemqProcess, free_port, wait_for, wait_until_ready
from bench.support.rabbit_cluster import RabbitCluster

#: Seconds the deployment is watched idle before the traffic, for its idle CPU.
IDLE_SECONDS = 10.0


@dataclass(frozen=True)
class Size:
    messages: int
    sessions: int
    kill_at: float | None = 0.3  # fraction accepted when the leader is killed (None: no kill)
    restart_at: float = 0.7  # fraction accepted when it is started again
    drain: float = 120.0
    give_up_after: float = 180.0


FULL = Size(messages=20_000, sessions=100)
SHORT = Size(messages=600, sessions=20, drain=60.0)


@dataclass
class Outcome:
    tally: Tally
    killed: str | None = None
    new_leader: str | None = None
    longest_gap: float = 0.0  # seconds between two consecutive 202s, any gateway
    #: the same for the gateway whose node was killed (its clients' wait)
    longest_gap_killed_gateway: float = 0.0
    duration: float = 0.0
    memq_restarted: int = 0  # memq processes that died during the run
    cpu: dict[str, float] = field(default_factory=dict)  # role -> CPU seconds in the run
    #: role -> CPU seconds the same part spends idle over the run's duration
    #: (Erlang's schedulers and Raft ticks, consumers' polls), measured before it
    idle_cpu: dict[str, float] = field(default_factory=dict)

    def row(self) -> dict[str, object]:
        row = self.tally.row()
        return {
            "sent": row["sent"],
            "accepted": row["accepted"],
            "stored": row["stored"],
            "duplicates": row["duplicates"],
            "lost": row["lost"],
            "out of order": row["out of order"],
            "longest 202 gap s": round(self.longest_gap, 2),
            "longest 202 gap, gateway on the killed node s": round(
                self.longest_gap_killed_gateway, 2
            ),
            "late": row["late"],
            "slowest 202→stored s": row["slowest 202→stored s"],
            "retries": row["retries"],
            "msgs/s": round(self.tally.accepted / self.duration) if self.duration else 0,
            "memq processes that died": self.memq_restarted,
        }


def _env(cluster: RabbitCluster, first: int, common: dict[str, str]) -> dict[str, str]:
    urls = cluster.urls(first)
    nodes = ",".join(url.split("@")[1].rstrip("/") for url in urls[1:])
    return {**common, "MEMQ_AMQP_URL": urls[0], "MEMQ_AMQP_NODES": nodes}


def run(
    cluster: RabbitCluster, workdir: Path, size: Size, keep_logs: Path | None = None
) -> Outcome:
    """``keep_logs``: a directory the processes' logs are copied to at the end."""
    workdir.mkdir(parents=True, exist_ok=True)
    prefix = f"cluster-{uuid.uuid4().hex[:8]}"
    common = {
        **base_env(workdir, 0),
        "MEMQ_QUEUE_PREFIX": prefix,
        "MEMQ_QUEUE_TYPE": "quorum",
        # INFO: the logs show each process's reconnections to the next node.
        "MEMQ_LOG_LEVEL": "INFO",
    }
    gateways: list[MemqProcess] = []
    base_urls: list[str] = []
    workers: list[MemqProcess] = []
    try:
        ingest = f"{prefix}.ingest"
        # The first worker declares the queues; the node leading ingest is then
        # the first node of gateway 0 and worker 1: the kill cuts their connections.
        workers.append(_worker(cluster, 1, common, workdir, 0))
        wait_for(lambda: _declared(cluster, ingest), timeout=60, interval=0.5)
        leader = cluster.leader_of(ingest)
        first = cluster.nodes.index(leader)
        workers.append(_worker(cluster, first, common, workdir, 1))
        for index in range(2):
            port = free_port()
            order = (first + index) % len(cluster.nodes)
            env = {**_env(cluster, order, common), "MEMQ_PORT": str(port)}
            gateways.append(MemqProcess(["gateway"], env, workdir / f"gateway-{index}.log").start())
            base_urls.append(f"http://127.0.0.1:{port}")
        for base_url, gateway in zip(base_urls, gateways, strict=True):
            wait_until_ready(base_url, gateway)
        watcher = StoreWatcher(workdir / "data" / "memq.sqlite3").start()
        chaos_size = ChaosSize(
            messages=size.messages, sessions=size.sessions, kills=1, outage=0.0, poison=0
        )
        chans = channels(chaos_size, "cl")
        accepted_times: list[float] = []
        gateway0_times: list[float] = []  # gateway 0: its first node is the leader's
        outcome_killed: list[str] = []
        idle_start = _cpu(cluster, gateways, workers)
        time.sleep(IDLE_SECONDS)
        idle_rate = {
            k: (v - idle_start[k]) / IDLE_SECONDS
            for k, v in _cpu(cluster, gateways, workers).items()
        }
        cpu_before = _cpu(cluster, gateways, workers)
        started = time.monotonic()

        async def main() -> None:
            milestones = Milestones(size.messages, [size.kill_at or 1.0, size.restart_at])

            def accepted(message: Message) -> None:
                accepted_times.append(time.monotonic())
                milestones.count(message)

            def accepted_gateway0(message: Message) -> None:
                gateway0_times.append(time.monotonic())
                accepted(message)

            async def chaos() -> None:
                if size.kill_at is None:
                    return
                await milestones.events[0].wait()
                outcome_killed.append(leader.name)
                await asyncio.to_thread(leader.kill)
                await milestones.events[1].wait()
                await asyncio.to_thread(leader.start)

            halves: list[list[Channel]] = [chans[0::2], chans[1::2]]
            await asyncio.gather(
                *(
                    post_all(url, half, give_up_after=size.give_up_after, accepted=callback)
                    for url, half, callback in zip(
                        base_urls, halves, (accepted_gateway0, accepted), strict=True
                    )
                ),
                chaos(),
            )

        asyncio.run(main())
        duration = time.monotonic() - started
        messages = all_messages(chans)
        watcher.wait_for(messages, size.drain)
        cpu_after = _cpu(cluster, gateways, workers)
        watcher.stop()
        result = tally("cluster", messages, watcher, set())
        gaps = [b - a for a, b in itertools.pairwise(accepted_times)]
        gaps0 = [b - a for a, b in itertools.pairwise(gateway0_times)]
        died = sum(p.proc is None or p.proc.poll() is not None for p in [*gateways, *workers])
        return Outcome(
            tally=result,
            killed=outcome_killed[0] if outcome_killed else None,
            new_leader=cluster.leader_of(ingest).name,
            longest_gap=max(gaps, default=0.0),
            longest_gap_killed_gateway=max(gaps0, default=0.0),
            duration=duration,
            memq_restarted=died,
            cpu={k: cpu_after[k] - cpu_before.get(k, 0.0) for k in cpu_after},
            idle_cpu={k: rate * duration for k, rate in idle_rate.items()},
        )
    finally:
        for process in [*workers, *gateways]:
            process.stop()
        if keep_logs is not None:
            keep_logs.mkdir(parents=True, exist_ok=True)
            for log in workdir.glob("*.log"):
                shutil.copy(log, keep_logs / log.name)


def _worker(
    cluster: RabbitCluster, first: int, common: dict[str, str], workdir: Path, index: int
) -> MemqProcess:
    env = _env(cluster, first, common)
    log = workdir / f"worker-{index}.log"
    return MemqProcess(["worker", "--threads", "4"], env, log).start()


def _declared(cluster: RabbitCluster, queue: str) -> bool:
    try:
        cluster.leader_of(queue)
    except RuntimeError:
        return False
    return True


def _cpu(
    cluster: RabbitCluster, gateways: list[MemqProcess], workers: list[MemqProcess]
) -> dict[str, float]:
    """CPU seconds so far: each RabbitMQ node, the gateways, the workers."""
    cpu = {
        f"rabbitmq {node.name.split('@')[0][-2:]}": group_cpu(node.process_group)
        for node in cluster.nodes
    }
    cpu["gateways"] = sum(group_cpu(p.proc.pid if p.proc else None) for p in gateways)
    cpu["workers"] = sum(group_cpu(p.proc.pid if p.proc else None) for p in workers)
    return cpu


__all__ = ["ACCOUNTS", "FULL", "SHORT", "Outcome", "Size", "run"]
