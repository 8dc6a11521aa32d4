"""Memory under load, issue 12 items 4 and 5, on SQLite or MongoDB.

    flock /tmp/memq-bench.lock .venv/bin/python -m bench.memory.load offered \\
        [--store sqlite|mongo] [--rate 500] [--sessions 1000] [--seconds 60] \\
        [--memory-threads 32] [--latency 1.5] [--rate-limited 0.05] [--overloaded 0.01]
    flock /tmp/memq-bench.lock .venv/bin/python -m bench.memory.load backlog \\
        [--store sqlite|mongo] [--backlog-sessions 8] [--backlog 1000] \\
        [--messages 5000] [--sessions 50] [--engine claude|offline]

Real ``memq worker`` processes over the local RabbitMQ (``MEMQ_TEST_AMQP_URL`` for
another): an ingest pool (1 process x 8 threads) and a memory pool (1 x N threads); the
real Claude engine and ``anthropic`` SDK against the tests' loopback Messages API server,
slow and with 429s and 529s (``bench.memory.slow_llm``). MongoDB is
``MEMQ_TEST_MONGODB_URL`` or else mongoeco's wire server, an emulator (about 100 writes/s
here): its figures are not MongoDB's; keep its runs small.

**offered** (item 4): messages are published at ``--rate`` msgs/s, round robin over
``--sessions`` sessions, in batches as the gateway's group commit sends them, for
``--seconds``, with the memory pool working from the start; then the pool alone until
every session is within one fold interval (time to drain). The same offered load then
runs on fresh sessions with no memory pool: ingest with memory against without (rate
stored during the window, backlog at its end, time to catch up). Printed: memory jobs
run and LLM calls per 100 messages, tokens per message, the deepest memory queue
against the sessions (at most one memory job each; the user memory's merge jobs,
every 25 messages, share the queue), memory lag p50/p99 in messages and seconds
during (worst reading) and after.

**backlog** (item 5): ``--backlog-sessions`` sessions get ``--backlog`` messages each
with no memory pool running (their folds wait); then ``--messages`` over ``--sessions``
new sessions are drained by the ingest pool while the memory pool works the backlog,
and as many again with no memory pool: msgs/s of each and the ratio.

Modules: ``deployment`` (workers, store probe, publisher), ``offered``, ``backlog``.
"""

from __future__ import annotations

import argparse

from bench.memory.backlog import run_backlog
from bench.memory.deployment import deployment
from bench.memory.offered import run_offered
from bench.memory.slow_llm import start_slow_llm
from bench.support.cpu import background_load
from bench.support.progress import log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", choices=("offered", "backlog"))
    parser.add_argument("--store", choices=("sqlite", "mongo"), default="sqlite")
    parser.add_argument("--engine", choices=("claude", "offline"), default="claude")
    parser.add_argument("--memory-threads", type=int, default=32)
    parser.add_argument(
        "--memory-nice",
        type=int,
        default=0,
        help="MEMQ_WORKER_NICE of the memory pool (e.g. 10: the CPU goes to ingest first)",
    )
    parser.add_argument("--latency", type=float, default=1.5, help="seconds per LLM call")
    parser.add_argument("--rate-limited", type=float, default=0.05, help="share of 429s")
    parser.add_argument("--overloaded", type=float, default=0.01, help="share of 529s")
    parser.add_argument("--rate", type=float, default=500, help="offered: msgs/s")
    parser.add_argument("--seconds", type=float, default=60, help="offered: for how long")
    parser.add_argument("--sessions", type=int, default=None, help="1,000 offered; 50 backlog")
    parser.add_argument("--drain-timeout", type=float, default=600)
    parser.add_argument("--backlog-sessions", type=int, default=8)
    parser.add_argument("--backlog", type=int, default=1000, help="messages per backlog session")
    parser.add_argument("--messages", type=int, default=5000, help="backlog: ingest per round")
    parser.add_argument("--repeat", type=int, default=1, help="backlog: rounds")
    args = parser.parse_args()
    if args.sessions is None:
        args.sessions = 1000 if args.scenario == "offered" else 50
    log(f"machine busy before the run: {background_load():.0f}% of one core (other processes)")
    server, served = start_slow_llm(args.latency, args.rate_limited, args.overloaded)
    try:
        with deployment(args, server.base_url) as dep:
            if args.scenario == "offered":
                run_offered(dep, args, served)
            else:
                run_backlog(dep, args)
    finally:
        server.close()


if __name__ == "__main__":
    main()
