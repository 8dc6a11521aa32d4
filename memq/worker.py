"""``memq worker``: Dramatiq workers over RabbitMQ, one or more processes.

Each process builds its own broker, store and actors at start-up (nothing is
shared across a fork) and stops gracefully on SIGTERM/SIGINT: in-flight
messages get MEMQ_SHUTDOWN_TIMEOUT seconds to finish, unacked ones go back to
RabbitMQ, and the process exits 0 without an error in its log.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence

import dramatiq

from actors.broker import build_broker, rabbitmq_broker
from actors.deps import Deps
from actors.layout_broker import LayoutRabbitmqBroker
from actors.metrics.server import start_worker_metrics
from actors.registry import register_actors
from memq.stores import open_store
from runtime import log_setup as logs
from runtime.queue_layout import QueueLayoutMismatch
from runtime.settings import Settings
from schemas.routing import QueueKind, queue_name

logger = logging.getLogger("memq.worker")


def run_workers(
    settings: Settings, queues: Sequence[QueueKind], processes: int, threads: int
) -> None:
    if settings.amqp_url is None:
        raise SystemExit(
            "memq worker needs MEMQ_AMQP_URL (RabbitMQ); for a single process without "
            "servers use `memq serve`"
        )
    if processes == 1:
        run_worker_process(settings, list(queues), threads)
        return
    # Here, not only in each child: a child that exits is restarted forever.
    broker = rabbitmq_broker(settings)
    try:
        declare_at_start(broker, {queue_name(settings.queue_prefix, kind) for kind in queues})
    finally:
        broker.close()
    _supervise(settings, list(queues), processes, threads)


def run_worker_process(
    settings: Settings, queues: list[QueueKind], threads: int, index: int = 0
) -> None:
    """``index``: this process's number under ``--processes`` (its metrics port offset)."""
    logs.configure(settings.log_level, settings.log_format)
    if settings.worker_nice:
        # Per process (os.nice is), so each child of --processes sets its own.
        os.nice(settings.worker_nice)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    broker = build_broker(settings)
    names = {queue_name(settings.queue_prefix, kind) for kind in queues}
    declare_at_start(broker, names)
    store = open_store(settings)
    deps = Deps(settings=settings, store=store, broker=broker)
    register_actors(broker, deps)
    metrics_server = start_worker_metrics(broker, deps.engines, settings, queues, index)
    worker = dramatiq.Worker(broker, queues=names, worker_threads=threads)
    worker.start()
    logger.info("worker consuming %s with %d threads", sorted(names), threads)
    try:
        stop.wait()
    finally:
        logger.info("worker stopping: finishing in-flight messages")
        worker.stop(timeout=settings.shutdown_timeout * 1000)
        if metrics_server is not None:
            metrics_server.shutdown()
        broker.close()
        store.close()


def declare_at_start(broker: dramatiq.Broker, names: set[str]) -> None:
    """Stop at once, saying why, when the queues exist with other arguments (queue type)."""
    if not isinstance(broker, LayoutRabbitmqBroker):
        return
    try:
        broker.declare_all(names)
    except QueueLayoutMismatch as exc:
        raise SystemExit(str(exc)) from None
    except dramatiq.errors.ConnectionError:
        # Unreachable now: Dramatiq's consumers retry until it is back.
        logger.warning("RabbitMQ is unreachable; the worker consumes once it is back")


def _supervise(settings: Settings, queues: list[QueueKind], processes: int, threads: int) -> None:
    """Run ``processes`` workers; restart one that dies; stop all on SIGTERM/SIGINT."""
    logs.configure(settings.log_level, settings.log_format)
    context = multiprocessing.get_context("spawn")
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())

    def spawn(index: int) -> multiprocessing.process.BaseProcess:
        child = context.Process(target=run_worker_process, args=(settings, queues, threads, index))
        child.start()
        return child

    children = [spawn(index) for index in range(processes)]
    while not stopping.wait(1.0):
        for index, child in enumerate(children):
            if not child.is_alive():
                logger.warning(
                    "worker process %s exited (%s); restarting", child.pid, child.exitcode
                )
                time.sleep(1.0)
                children[index] = spawn(index)
    for child in children:
        child.terminate()  # SIGTERM: graceful stop in the child
    deadline = time.monotonic() + settings.shutdown_timeout + 2
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            logger.warning("worker process %s did not stop in time; killing it", child.pid)
            child.kill()
