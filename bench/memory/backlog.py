"""The backlog scenario of ``bench.memory.load`` (issue 12, item 5)."""

from __future__ import annotations

import argparse
import statistics
import time

from bench.memory.conversation import VERBATIM
from bench.memory.deployment import ACCOUNT, Deployment, session_ids
from bench.support.progress import log
from schemas.routing import QueueKind


def drain_rate(dep: Deployment, sessions: list[str], count: int) -> float:
    """Queue ``count`` messages, then time an ingest pool through them (first stored row
    to the last): msgs/s."""
    with dep.channel() as channel:
        dep.publish(channel, sessions, count)
    before = dep.probe.stored()
    ingest = dep.worker(QueueKind.INGEST, 8)
    first_at = first = None
    while (stored := dep.probe.stored()) < dep.published:
        if first_at is None and stored > before:
            first_at, first = time.monotonic(), stored
        time.sleep(0.02)
    ingest.stop()
    if first_at is None or first is None:
        return float("nan")
    return (stored - first) / (time.monotonic() - first_at)


def run_backlog(dep: Deployment, args: argparse.Namespace) -> None:
    backlog = session_ids("k", args.backlog_sessions)
    log(f"backlog: {args.backlog_sessions} sessions x {args.backlog:,} messages, no memory pool")
    drain_rate(dep, backlog, args.backlog_sessions * args.backlog)
    pending = dep.probe.lag(ACCOUNT, VERBATIM).messages
    log(f"  unfolded past the window: {sum(pending):,}; memory queue {dep.depth(QueueKind.MEMORY)}")
    with_rates, without_rates = [], []
    for round_ in range(1, args.repeat + 1):
        memory = dep.worker(QueueKind.MEMORY, args.memory_threads, args.memory_nice)
        time.sleep(1.0)  # the pool at work on the backlog
        with_rates.append(drain_rate(dep, session_ids(f"w{round_}-", args.sessions), args.messages))
        left = sum(dep.probe.lag(ACCOUNT, VERBATIM).messages)
        memory.stop()
        without_rates.append(
            drain_rate(dep, session_ids(f"x{round_}-", args.sessions), args.messages)
        )
        log(
            f"  round {round_}: ingest {with_rates[-1]:,.0f} msgs/s with the memory pool on the"
            f" backlog ({left:,} messages past the window unfolded after, every session),"
            f" {without_rates[-1]:,.0f} without"
        )
    print()
    print(
        f"backlog: {args.backlog_sessions} sessions x {args.backlog:,} unfolded messages;"
        f" ingest of {args.messages:,} messages over {args.sessions} new sessions; store"
        f" {args.store}; engine {args.engine}; memory pool 1 x {args.memory_threads} threads"
        f" at niceness {args.memory_nice}"
    )
    for name, rates in (("with the backlog worked", with_rates), ("no memory pool", without_rates)):
        figures = ", ".join(f"{r:,.0f}" for r in rates)
        print(
            f"ingest {name:<24} median {statistics.median(rates):>7,.0f} msgs/s   rounds: {figures}"
        )
    ratio = statistics.median(with_rates) / statistics.median(without_rates)
    print(f"ratio (with / without)              {ratio:>8.2f}")
