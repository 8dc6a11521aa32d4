"""The offered-rate scenario of ``bench.memory.load`` (issue 12, item 4)."""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field

from bench.memory.conversation import FOLD_EVERY, SAMPLE_EVERY_S, VERBATIM
from bench.memory.deployment import ACCOUNT, Deployment, session_ids
from bench.memory.lag import LagSample, print_lag
from bench.memory.probe import wait_stored
from bench.memory.slow_llm import Served
from bench.support.progress import log
from schemas.routing import QueueKind

#: The offered load is published every this many seconds.
TICK_S = 0.1


@dataclass
class Offered:
    """One offered-load window: what was published and stored, and what memory did."""

    published: int = 0
    stored_in_window: int = 0
    window_s: float = 0.0
    backlog_at_end: int = 0
    catch_up_s: float | None = None
    deepest_memory_queue: int = 0
    during: list[LagSample] = field(default_factory=list)
    after: LagSample | None = None
    drained_in: float | None = None
    jobs: dict[str, float] = field(default_factory=dict)
    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    @property
    def stored_rate(self) -> float:
        return self.stored_in_window / self.window_s if self.window_s else float("nan")


def offer(dep: Deployment, args: argparse.Namespace, sessions: list[str], lagging: bool) -> Offered:
    """Publish at ``args.rate`` for ``args.seconds``; sample as it goes."""
    result = Offered()
    stored_before = dep.probe.stored()
    started = time.monotonic()
    next_sample = started
    with dep.channel() as channel:
        tick = 0
        while (now := time.monotonic()) - started < args.seconds:
            due = int(args.rate * min(args.seconds, now - started + TICK_S)) - result.published
            if due > 0:
                dep.publish(channel, sessions, due)
                result.published += due
            if now >= next_sample:
                result.deepest_memory_queue = max(
                    result.deepest_memory_queue, dep.depth(QueueKind.MEMORY)
                )
                if lagging:
                    result.during.append(dep.probe.lag(ACCOUNT, VERBATIM))
                next_sample = now + SAMPLE_EVERY_S
            tick += 1
            time.sleep(max(0.0, started + tick * TICK_S - time.monotonic()))
    result.window_s = time.monotonic() - started
    stored = dep.probe.stored() - stored_before
    result.stored_in_window = stored
    result.backlog_at_end = result.published - stored
    result.catch_up_s = wait_stored(dep.probe, stored_before + result.published, timeout=600)
    return result


def run_offered(dep: Deployment, args: argparse.Namespace, served: Served) -> None:
    ingest = dep.worker(QueueKind.INGEST, 8)
    log(f"offered: {args.rate} msgs/s over {args.sessions:,} sessions for {args.seconds} s")
    memory = dep.worker(QueueKind.MEMORY, args.memory_threads, args.memory_nice)
    calls, tokens_in, tokens_out = served.calls, served.input_tokens, served.output_tokens
    loaded = offer(dep, args, session_ids("o", args.sessions), lagging=True)
    log(f"  stored {loaded.stored_rate:,.0f} msgs/s in the window; draining the memory")
    started = time.monotonic()
    while time.monotonic() - started < args.drain_timeout:
        loaded.after = dep.probe.lag(ACCOUNT, VERBATIM)
        if max(loaded.after.messages) < FOLD_EVERY and dep.depth(QueueKind.MEMORY) == 0:
            loaded.drained_in = time.monotonic() - started
            break
        time.sleep(SAMPLE_EVERY_S)
    loaded.jobs = memory.memory_jobs()
    loaded.calls = served.calls - calls
    loaded.input_tokens = served.input_tokens - tokens_in
    loaded.output_tokens = served.output_tokens - tokens_out
    memory.stop()
    log("offered again, fresh sessions, no memory pool")
    alone = offer(dep, args, session_ids("n", args.sessions), lagging=False)
    ingest.stop()
    report_offered(args, loaded, alone)


def report_offered(args: argparse.Namespace, loaded: Offered, alone: Offered) -> None:
    total = loaded.published
    runs = sum(v for k, v in loaded.jobs.items() if k != "busy")
    print()
    print(
        f"offered load: {args.rate} msgs/s over {args.sessions:,} sessions for {args.seconds} s"
        f" ({total:,} messages); store {args.store}; memory pool 1 x {args.memory_threads}"
        f" threads; LLM {args.latency} s a call, {args.rate_limited:.0%} 429s,"
        f" {args.overloaded:.0%} 529s"
    )
    for name, run in (("with the memory pool", loaded), ("without memory", alone)):
        catch_up = "not within 600 s" if run.catch_up_s is None else f"{run.catch_up_s:.1f} s"
        print(
            f"ingest {name:<22} stored {run.stored_rate:>7,.0f} msgs/s in the window;"
            f" {run.backlog_at_end:,} behind at its end, caught up {catch_up} later"
        )
    print(f"ratio (with / without memory)       {loaded.stored_rate / alone.stored_rate:>8.2f}")
    print(
        f"deepest memory queue                {loaded.deepest_memory_queue:>8,}"
        f"   (sessions {args.sessions:,}: at most one job each)"
    )
    print(f"memory jobs run per 100 messages    {100 * runs / total:>8.2f}   {loaded.jobs}")
    print(f"LLM calls per 100 messages          {100 * loaded.calls / total:>8.2f}")
    tokens = loaded.input_tokens + loaded.output_tokens
    print(
        f"LLM tokens per message              {tokens / total:>8.1f}"
        f"   (input {loaded.input_tokens:,}, output {loaded.output_tokens:,})"
    )
    print_lag(("during (worst reading)", loaded.during), loaded.after, loaded.drained_in)
