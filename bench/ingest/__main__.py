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
7. **roundtrips** — ``SqliteStore.sessions.append_message`` called directly with a trace
   hook on its connections (transactions and statements per append), and
   ``MongoStore.sessions.append_message`` against mongoeco's wire server with a PyMongo
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
import os
import shutil
import tempfile
import uuid
from contextlib import suppress
from pathlib import Path

from pika.exceptions import AMQPError

from bench.ingest.deployment import Options, Run, start_stack
from bench.ingest.measure import PhaseResult
from bench.ingest.phases import PHASES, run_phases
from bench.ingest.report import report
from bench.ingest.roundtrips import RoundTrips, mongo_round_trips, sqlite_round_trips
from bench.support.cpu import CpuMeter, background_load
from bench.support.machine import machine_info
from bench.support.processes import Processes
from bench.support.progress import Progress, log
from bench.support.rabbit import (
    amqp_url_for_tests,
    check_reachable,
    delete_named_queues,
    delete_queues,
)
from schemas.messages import MAX_BATCH_EVENTS
from schemas.queues import dead_letter_queue, delay_queue


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
