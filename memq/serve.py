"""``memq serve`` and ``memq gateway``: run the HTTP gateway, alone or with everything.

``serve`` runs gateway, workers and scheduler in one process: on Dramatiq's
in-process broker and a SQLite file by default, or over RabbitMQ/MongoDB when
their URLs are set. Same actors, same code paths.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import dramatiq
import uvicorn
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import Retries
from prometheus_client import CollectorRegistry

from actors.broker import build_broker
from actors.deps import Deps
from actors.metrics.install import install_worker_metrics
from actors.metrics.probes.amqp import amqp_probe
from actors.metrics.probes.stub import stub_probe
from actors.registry import register_actors
from gateway.app import create_app
from gateway.console.operations import Operations
from gateway.slow_clients import header_timeout_protocol
from gateway.transport import Transport
from gateway.transports.amqp import AmqpTransport
from gateway.transports.local import LocalTransport
from memq.cli_errors import fail
from memq.console_ops import BrokerOperations, EmbeddedOperations
from memq.data_dir_lock import DataDirInUse, embedded_lock
from memq.dlq import DeadLetters
from memq.keys import load_api_keys
from memq.scheduler import start_in_thread
from memq.stores import open_store
from runtime import log_setup as logs
from runtime.inproc import InProcessReplies
from runtime.journal import Journal, JournalMiddleware
from runtime.process_metrics import process_registry
from runtime.queue_layout import QueueLayout
from runtime.settings import Settings, redact_url

logger = logging.getLogger("memq.serve")


def amqp_transport(settings: Settings) -> AmqpTransport:
    assert settings.amqp_url is not None
    return AmqpTransport(
        settings.amqp_urls(),
        QueueLayout.from_settings(settings),
        publish_timeout=settings.publish_timeout,
    )


def run_gateway(settings: Settings) -> None:
    logs.configure(settings.log_level, settings.log_format)
    if settings.amqp_url is None:
        raise SystemExit(
            "memq gateway needs MEMQ_AMQP_URL (RabbitMQ); to run without servers use `memq serve`"
        )
    keys = load_api_keys(settings, allow_dev_key=False)
    app = create_app(
        settings, amqp_transport(settings), keys, console_operations=broker_operations(settings)
    )
    _run_http(settings, app)


def broker_operations(settings: Settings) -> BrokerOperations:
    """The console's queue figures and dead letters on a RabbitMQ deployment."""
    url = str(settings.amqp_url)
    layout = QueueLayout.from_settings(settings)
    return BrokerOperations(settings.queue_prefix, amqp_probe(url), DeadLetters(url, layout))


def run_serve(settings: Settings) -> None:
    logs.configure(settings.log_level, settings.log_format)
    with embedded_runtime(settings) as runtime:
        keys = load_api_keys(settings, allow_dev_key=settings.embedded_broker)
        app = create_app(settings, runtime.transport, keys, runtime.registry, runtime.operations)
        _run_http(settings, app)


@dataclass(frozen=True)
class Runtime:
    """What a gateway front (HTTP, or MCP over stdio) needs from ``embedded_runtime``."""

    transport: Transport
    registry: CollectorRegistry
    #: the console's queue figures and dead letters
    operations: Operations


@contextmanager
def embedded_runtime(settings: Settings) -> Iterator[Runtime]:
    """``_runtime``, on the in-process broker only while no other process runs embedded
    on the same data directory (``memq.data_dir_lock``)."""
    with ExitStack() as held:
        if settings.embedded_broker:
            try:
                held.enter_context(embedded_lock(settings.data_dir))
            except DataDirInUse as exc:
                fail(str(exc))
        yield held.enter_context(_runtime(settings))


@contextmanager
def _runtime(settings: Settings) -> Iterator[Runtime]:
    """Workers and scheduler in this process, and the transport that reaches them.

    On Dramatiq's in-process broker and the SQLite file by default (with the
    journal that replays accepted messages after a crash), over RabbitMQ and
    MongoDB when their URLs are set. Stopped, queues drained, on exit."""
    replies = InProcessReplies()
    broker = build_broker(settings, replies)
    store = open_store(settings)
    deps = Deps(settings=settings, store=store, broker=broker)
    register_actors(broker, deps)
    # One process, one registry: the gateway's GET /metrics shows the workers too.
    registry = process_registry()
    queue_probe = (
        stub_probe(broker) if isinstance(broker, StubBroker) else amqp_probe(str(settings.amqp_url))
    )
    install_worker_metrics(
        broker,
        registry,
        engines=deps.engines,
        queue_prefix=settings.queue_prefix,
        queue_probe=queue_probe,
    )
    worker = dramatiq.Worker(broker, worker_threads=settings.worker_threads)
    transport: Transport
    journal: Journal | None = None
    operations: Operations
    if settings.embedded_broker:
        operations = EmbeddedOperations(settings.queue_prefix, queue_probe)
        journal = Journal(settings.data_dir / "journal.sqlite3")
        # Before Retries in the list = after it in the after-hooks, which
        # Dramatiq runs in reverse: Retries has decided by then.
        broker.add_middleware(JournalMiddleware(journal), before=Retries)
        transport = LocalTransport(broker, replies, settings.queue_prefix, journal)
    else:
        transport = amqp_transport(settings)
        operations = broker_operations(settings)
    logger.info(
        "memq: broker=%s store=%s",
        redact_url(settings.amqp_url) if settings.amqp_url else "in-process",
        redact_url(settings.mongodb_url) if settings.mongodb_url else settings.sqlite_path,
    )
    worker.start()
    if journal is not None:
        replayed = journal.pending()
        for message in replayed:
            broker.enqueue(message)
        if replayed:
            logger.info("replayed %d accepted message(s) not yet stored", len(replayed))
    scheduler, stop_scheduler = start_in_thread(settings, broker)
    try:
        yield Runtime(transport, registry, operations)
    finally:
        stop_scheduler.set()
        scheduler.join(timeout=5)
        if settings.embedded_broker:
            _drain(broker, settings)
        worker.stop()
        broker.close()
        store.close()
        if journal is not None:
            journal.close()


def _drain(broker: dramatiq.Broker, settings: Settings) -> None:
    """Let queued work finish before a clean shutdown (the journal covers a crash)."""
    for name in broker.get_declared_queues():
        try:
            broker.join(name, timeout=10_000)
        except Exception:
            logger.warning("queue %s not drained at shutdown; its journal entries remain", name)


def _run_http(settings: Settings, app: object) -> None:
    with _signals_absorbed_after_shutdown():
        uvicorn.run(
            app,  # type: ignore[arg-type]
            host=settings.host,
            port=settings.port,
            log_level=settings.log_level.lower(),
            # uvicorn's records go through memq's handlers (MEMQ_LOG_FORMAT, runtime.log_context)
            log_config=None,
            access_log=False,
            http=header_timeout_protocol(settings.client_timeout),
            # SIGTERM: open requests get this long to finish, then the process exits 0.
            timeout_graceful_shutdown=settings.shutdown_timeout,
        )


@contextmanager
def _signals_absorbed_after_shutdown() -> Iterator[None]:
    """Exit 0 after a graceful SIGTERM/SIGINT.

    uvicorn handles the signal (stops accepting, lets open requests finish
    within MEMQ_SHUTDOWN_TIMEOUT), then raises it again once it has shut down,
    and the default action ended the process by the signal (exit 143, what an
    orchestrator reports as a failure), skipping ``memq serve``'s own cleanup.
    The re-raised signal finds this no-op handler instead: the shutdown is done.
    """
    previous = {signum: signal.signal(signum, _absorb) for signum in _STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _absorb(signum: int, frame: object) -> None:
    logger.info("stopped by %s", signal.Signals(signum).name)
