"""Capacity model: how many processes and nodes for a message rate, from measured figures.

    python -m bench.capacity [--measure] [--llm-latency S] [--context-per-message R]

Per-message CPU comes from a steady run of ``bench.cluster`` (3-node RabbitMQ
cluster, quorum queues, 2 gateways, 2 workers consuming every queue with the
offline memory engine, SQLite; no failure): ``--measure`` does a fresh run of
it (about 3 minutes) and computes from its figures; without it the model uses
``UNBATCHED`` (the last such run) and ``BATCHED`` (``bench.ingest``'s pipeline
on quorum queues), which docs/deploy.md quotes. Context requests per core
come from ``bench.context`` (README). The model:

- a gateway process is one event loop: one core; workers and RabbitMQ nodes
  are sized in cores;
- every part is planned at ``TARGET_LOAD`` of its cores, the headroom a node
  failure or a burst needs;
- each memory fold (every ``MEMQ_MEMORY_FOLD_EVERY`` = 5 messages) with Claude
  holds a worker thread for one LLM call: threads = folds/s × latency;
- the storage figures are round trips (README: 3 per new message on MongoDB:
  the id's claim, the message, the session's counters; 1 transaction on
  SQLite); no real mongod runs on these machines, so MongoDB's own rate is an
  input of the reader's, not a measurement.
"""

from __future__ import annotations

import argparse
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

TARGET_LOAD = 0.7
#: MongoDB round trips per new message: claim its id, insert it, count it on the session.
MONGO_TRIPS_PER_MESSAGE = 3
FOLD_EVERY = 5
RATES = (1_000, 10_000, 100_000)
ACTIVE_SESSIONS = 1_000_000


@dataclass(frozen=True)
class Figures:
    """CPU µs per accepted message, per part, and context requests per core."""

    gateway_us: float
    worker_us: float  # ingest + memory (offline engine) + maintenance, per message
    rabbitmq_us: float  # the three nodes of the cluster together (quorum queues)
    context_per_core: float  # context requests/s per core, gateway and worker together
    source: str


#: bench.cluster --no-kill, 6,000 messages over 100 sessions at 48 msgs/s, on the
#: 2-core development VM on 2026-12-04, shared (load average 7-10): every message
#: its own publish (the gateway coalesces only what arrives during a confirm),
#: CPU less the same time idle. Context: bench.context's closed loop of 16 clients
#: (README: ~600 req/s with everything on 2 cores).
UNBATCHED = Figures(
    gateway_us=1848,
    worker_us=3004,
    rabbitmq_us=3688,
    context_per_core=300.0,
    source="bench.cluster --no-kill, unbatched",
)

#: bench.ingest --phases pipeline with MEMQ_QUEUE_TYPE=quorum on one RabbitMQ node,
#: as fast as 32 clients go (messages coalesced into ingest_batch jobs), same VM and
#: day, shared: gateway 578, ingest worker 306 (no memory consumer), RabbitMQ 224
#: µs/msg; three replicas counted as three times one node's cost (an assumption).
BATCHED = Figures(
    gateway_us=578,
    worker_us=306,
    rabbitmq_us=3 * 224,
    context_per_core=300.0,
    source="bench.ingest pipeline, quorum, batched; RabbitMQ × 3 replicas",
)


def measure(messages: int = 4_000, sessions: int = 100) -> Figures:
    """A fresh steady run of bench.cluster: CPU per message of each part."""
    from bench.cluster.scenario import Size, run
    from bench.support.rabbit_cluster import RabbitCluster

    with tempfile.TemporaryDirectory(prefix="memq-capacity-") as tmp:
        cluster = RabbitCluster(Path(tmp) / "rabbit").start()
        try:
            outcome = run(cluster, Path(tmp) / "run", Size(messages, sessions, kill_at=None))
        finally:
            cluster.close()
    accepted = max(1, outcome.tally.accepted)
    per = 1e6 / accepted
    # Less what each part spends idle in the same time: the model adds cores per message.
    busy = {k: v - outcome.idle_cpu.get(k, 0.0) for k, v in outcome.cpu.items()}
    rabbit = sum(v for k, v in busy.items() if k.startswith("rabbitmq"))
    return Figures(
        gateway_us=busy["gateways"] * per,
        worker_us=busy["workers"] * per,
        rabbitmq_us=rabbit * per,
        context_per_core=UNBATCHED.context_per_core,
        source=f"measured now ({accepted} messages)",
    )


@dataclass(frozen=True)
class Plan:
    rate: int
    gateways: int
    worker_cores: int
    rabbitmq_cores: int
    rabbitmq_nodes: int
    context_cores: int
    llm_calls_in_flight: int
    llm_worker_processes: int
    store_round_trips: int

    def bottleneck(self) -> str:
        parts = {
            "gateways (one core each)": self.gateways,
            "ingest + memory workers": self.worker_cores,
            "RabbitMQ": self.rabbitmq_cores,
            "context reads": self.context_cores,
        }
        return max(parts, key=lambda name: parts[name])


def plan(
    figures: Figures,
    rate: int,
    *,
    context_per_message: float,
    llm_latency: float,
    threads_per_llm_worker: int,
    node_cores: int,
) -> Plan:
    def cores(us_per_message: float) -> int:
        return max(1, math.ceil(rate * us_per_message / 1e6 / TARGET_LOAD))

    rabbit = cores(figures.rabbitmq_us)
    in_flight = math.ceil(rate / FOLD_EVERY * llm_latency)
    return Plan(
        rate=rate,
        gateways=cores(figures.gateway_us),
        worker_cores=cores(figures.worker_us),
        rabbitmq_cores=rabbit,
        # 3 at least: a quorum survives one node's loss only with three
        rabbitmq_nodes=max(3, math.ceil(rabbit / node_cores)),
        context_cores=max(
            1, math.ceil(rate * context_per_message / figures.context_per_core / TARGET_LOAD)
        ),
        llm_calls_in_flight=in_flight,
        llm_worker_processes=math.ceil(in_flight / threads_per_llm_worker),
        store_round_trips=MONGO_TRIPS_PER_MESSAGE * rate,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.capacity", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--measure", action="store_true", help="a fresh bench.cluster run first")
    parser.add_argument("--llm-latency", type=float, default=2.0, help="seconds per Claude call")
    parser.add_argument("--llm-threads", type=int, default=32, help="threads per memory worker")
    parser.add_argument("--context-per-message", type=float, default=0.5)
    parser.add_argument("--node-cores", type=int, default=8, help="cores per RabbitMQ node")
    args = parser.parse_args()
    for figures in [measure()] if args.measure else [UNBATCHED, BATCHED]:
        print_plans(figures, args)
    print(
        f"\n{ACTIVE_SESSIONS:,} active sessions: one session doc and one memory doc each "
        "(MongoDB, sharded on {account_id, session_id}); no process holds per-session state, "
        "so the session count sizes the database, not the processes."
    )


def print_plans(figures: Figures, args: argparse.Namespace) -> None:
    print(
        f"\nfigures ({figures.source}): gateway {figures.gateway_us:.0f} µs/msg, workers "
        f"{figures.worker_us:.0f} µs/msg, RabbitMQ (3 nodes, quorum) {figures.rabbitmq_us:.0f} "
        f"µs/msg, context {figures.context_per_core:.0f} req/s per core; planned at "
        f"{TARGET_LOAD:.0%} load; {args.context_per_message:g} context read per message; "
        f"Claude {args.llm_latency:g} s per fold of {FOLD_EVERY} messages\n"
    )
    print(
        "| msgs/s | gateway processes | worker cores | RabbitMQ cores / nodes "
        f"({args.node_cores}-core) | context cores | Claude calls in flight / memory workers "
        f"× {args.llm_threads} threads | store round trips/s | largest part |"
    )
    print("|" + "---:|" * 7 + "---|")
    for rate in RATES:
        p = plan(
            figures,
            rate,
            context_per_message=args.context_per_message,
            llm_latency=args.llm_latency,
            threads_per_llm_worker=args.llm_threads,
            node_cores=args.node_cores,
        )
        print(
            f"| {rate:,} | {p.gateways} | {p.worker_cores} | {p.rabbitmq_cores} / "
            f"{p.rabbitmq_nodes} | {p.context_cores} | {p.llm_calls_in_flight:,} / "
            f"{p.llm_worker_processes} | {p.store_round_trips:,} | {p.bottleneck()} |"
        )


if __name__ == "__main__":
    main()
