"""A Dramatiq worker with one no-op actor: the baseline for ``bench.ingest``.

It builds a RabbitmqBroker like memq's workers do (publisher confirms on), with
Dramatiq's default middleware only, declares ``noop`` on the queue it is given,
and consumes it with the given thread count. Each call appends one line,
``<message_id> <time.time()>``, to ``--out`` with a single O_APPEND write (atomic
for a short line, so threads and processes can share the file): that is the
whole cost of the actor, and it gives the bench a per-message consume time.

    python -m bench.noop_worker --url amqp://... --queue bench.noop --threads 8 --out times.txt
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
import time
from typing import Any

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker

ACTOR_NAME = "noop"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="RabbitMQ URL")
    parser.add_argument("--queue", required=True, help="queue to consume")
    parser.add_argument("--threads", type=int, default=8, help="worker threads")
    parser.add_argument("--out", required=True, help="file to append consume times to")
    args = parser.parse_args()

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())

    out = os.open(args.out, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    broker = RabbitmqBroker(url=args.url, confirm_delivery=True)

    @dramatiq.actor(broker=broker, actor_name=ACTOR_NAME, queue_name=args.queue, max_retries=0)
    def noop(*_args: Any, **kwargs: Any) -> None:
        event = kwargs.get("event") or {}
        os.write(out, f"{event.get('message_id', '?')} {time.time():.6f}\n".encode())

    worker = dramatiq.Worker(broker, queues={args.queue}, worker_threads=args.threads)
    worker.start()
    try:
        stop.wait()
    finally:
        worker.stop(timeout=10_000)
        broker.close()
        os.close(out)


if __name__ == "__main__":
    main()
