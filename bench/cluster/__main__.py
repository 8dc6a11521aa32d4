"""Cluster benchmark: ingest through a 3-node RabbitMQ cluster while a node is killed -9.

    python -m bench.cluster [--short] [--no-kill] [--messages N] [--sessions N]

Starts three RabbitMQ nodes of its own (ports, data and cookie in a temporary
directory: never the machine's shared broker), clusters them, runs two
gateways and two workers connected to all three (each its own node order),
sends 20,000 messages over 100 sessions, kills -9 the node leading the
ingest quorum queue when 30% are accepted and starts it again at 70%, and
prints sent / accepted / stored / duplicates / lost / out of order, the
longest gap between two 202s and whether any memq process died.

``--no-kill`` runs the same traffic with no failure and prints the CPU each
part spent per message (the capacity model's RabbitMQ figure). ``--short`` is
a quick run of 600 messages over 20 sessions.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.cluster.scenario import FULL, SHORT, Outcome, run
from bench.support.rabbit import rabbitmq_version
from bench.support.rabbit_cluster import RabbitCluster


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.cluster", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--short", action="store_true", help="600 messages over 20 sessions")
    parser.add_argument("--no-kill", action="store_true", help="no failure: CPU per message")
    parser.add_argument("--messages", type=int)
    parser.add_argument("--sessions", type=int)
    parser.add_argument("--logs", type=Path, help="copy the memq processes' logs here")
    args = parser.parse_args()
    size = SHORT if args.short else FULL
    if args.messages:
        size = replace(size, messages=args.messages)
    if args.sessions:
        size = replace(size, sessions=args.sessions)
    if args.no_kill:
        size = replace(size, kill_at=None)
    print(
        f"memq cluster: {platform.node()}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    with tempfile.TemporaryDirectory(prefix="memq-cluster-") as tmp:
        started = time.monotonic()
        cluster = RabbitCluster(Path(tmp) / "rabbit").start()
        try:
            version = rabbitmq_version(cluster.nodes[0].url)
            print(
                f"3-node RabbitMQ {version} cluster up in {time.monotonic() - started:.0f}s: "
                + ", ".join(
                    f"{n.name} on {n.url.rsplit(':', 1)[1].rstrip('/')}" for n in cluster.nodes
                )
            )
            print(
                f"{size.messages} messages over {size.sessions} sessions, 2 gateways, "
                "2 workers × 4 threads, SQLite, quorum queues; "
                + (
                    "no failure"
                    if size.kill_at is None
                    else f"ingest leader killed -9 at {size.kill_at:.0%} accepted, "
                    f"started again at {size.restart_at:.0%}"
                )
            )
            if args.logs:
                args.logs.mkdir(parents=True, exist_ok=True)
            outcome = run(cluster, Path(tmp) / "run", size, args.logs)
        finally:
            cluster.close()
    report(outcome, size.kill_at is None)


def report(outcome: Outcome, steady: bool) -> None:
    if outcome.killed:
        print(f"killed: {outcome.killed}; ingest leader afterwards: {outcome.new_leader}")
    row = outcome.row()
    width = max(len(k) for k in row)
    print()
    for key, value in row.items():
        print(f"  {key.ljust(width)}  {value}")
    if steady and outcome.tally.accepted:
        per = 1e6 / outcome.tally.accepted
        print("\nCPU per accepted message (µs): in the run / less the same time idle")
        for key, value in outcome.cpu.items():
            idle = outcome.idle_cpu.get(key, 0.0)
            print(f"  {key.ljust(14)} {value * per:8.0f} {(value - idle) * per:8.0f}")
        rabbit = [k for k in outcome.cpu if k.startswith("rabbitmq")]
        gross = sum(outcome.cpu[k] for k in rabbit)
        net = gross - sum(outcome.idle_cpu.get(k, 0.0) for k in rabbit)
        print(f"  {'rabbitmq, all':14} {gross * per:8.0f} {net * per:8.0f}")


if __name__ == "__main__":
    main()
