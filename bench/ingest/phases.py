"""The phases of an ingest run, in order: gateway only, drain, pipeline, latency, batch,
no-op (the store round trips are ``bench.ingest.roundtrips``)."""

from __future__ import annotations

import asyncio
import threading
import time

from bench.ingest.deployment import Run, start_ingest_worker, start_noop_workers
from bench.ingest.load import (
    Planned,
    noop_bodies,
    plan_messages,
    post_batches,
    post_messages,
    publish_direct,
    status_counts,
)
from bench.ingest.measure import (
    STORED_AT_COLUMN,
    PhaseResult,
    StorePoller,
    max_message_id,
    stored_rows,
)
from bench.support.cpu import group_peak_rss_mb
from bench.support.processes import log_tail
from bench.support.progress import log, progress_printer
from bench.support.rabbit import purge_queue, queue_counts, wait_for_consumers
from schemas.routing import QueueKind, queue_name

PHASE_TIMEOUT_S = 600.0
PHASES = ("gateway", "drain", "pipeline", "latency", "batch", "noop", "roundtrips")
#: The latency phase offers a fixed load for about this long...
LATENCY_PHASE_S = 15.0
#: ...and polls the store this often (ms), so the poll adds little to what it measures.
LATENCY_POLL_MS = 5.0


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


async def phase_noop(run: Run, plan: list[Planned], queue: str) -> PhaseResult:
    opts = run.options
    out = run.tmp / "noop-times.txt"
    out.touch()
    workers = start_noop_workers(run, queue, out)
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
