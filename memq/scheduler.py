"""``memq scheduler``: send the periodic maintenance ticks to the maintenance queue.

One tick per kind and period: ``expire`` and ``retention`` every
``MEMQ_MAINTENANCE_INTERVAL`` seconds (and ``memory``, the re-publish of
lost memory jobs), ``flush`` every
``MEMQ_ANALYTICS_FLUSH_INTERVAL`` seconds, each sent at start-up too. A tick
carries the time it was sent (``at``), which the maintenance actors measure
idleness and retention from, and expires (``max_age``) after one period, so a
backlog of ticks from a stopped maintenance pool is skipped, not replayed.

The scheduler holds AMQP credentials only and reads nothing: ticks are
idempotent, so a second scheduler started by mistake only doubles the load.
``memq serve`` runs the same loop in a thread on its own broker.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import dramatiq

from actors.broker import rabbitmq_broker
from domain.lifecycle import TickKind, tick_period
from runtime import log_setup as logs
from runtime.queue_layout import QueueLayoutMismatch
from runtime.settings import Settings, redact_url
from schemas.requests.jobs import MaintenanceTick
from schemas.routing import QueueKind, new_message, queue_name

logger = logging.getLogger("memq.scheduler")

Send = Callable[[dramatiq.Message[Any]], object]


class Scheduler:
    def __init__(
        self,
        settings: Settings,
        send: Send,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.settings = settings
        self._send = send
        self._monotonic = monotonic
        self._now = now
        self.periods = {kind: tick_period(settings, kind) for kind in TickKind}
        self._due = dict.fromkeys(TickKind, 0.0)

    def tick_message(self, kind: TickKind, at: datetime) -> dramatiq.Message[Any]:
        tick = MaintenanceTick(kind=kind.value, at=at)
        return new_message(
            self.settings.queue_prefix,
            tick.actor,
            tick.kwargs(),
            {"max_age": self.periods[kind] * 1000},
        )

    def send_due(self) -> float:
        """Send every tick whose time has come; seconds until the next one is due."""
        clock = self._monotonic()
        for kind, due in self._due.items():
            if clock < due:
                continue
            self._due[kind] = clock + self.periods[kind]
            try:
                self._send(self.tick_message(kind, self._now()))
            except Exception:
                # The broker is down: the next period tries again; nothing is lost
                # because ticks carry no data.
                logger.warning("could not send the %s tick", kind.value, exc_info=True)
        return max(0.0, min(self._due.values()) - self._monotonic())

    def run(self, stop: threading.Event) -> None:
        logger.info(
            "scheduler: %s",
            ", ".join(f"{kind.value} every {period}s" for kind, period in self.periods.items()),
        )
        while not stop.is_set():
            stop.wait(self.send_due())


def start_in_thread(
    settings: Settings, broker: dramatiq.Broker
) -> tuple[threading.Thread, threading.Event]:
    """``memq serve``: the scheduler on its broker (in-process or RabbitMQ); set the
    returned event to stop it."""
    stop = threading.Event()
    scheduler = Scheduler(settings, broker.enqueue)
    thread = threading.Thread(
        target=scheduler.run, args=(stop,), name="memq-scheduler", daemon=True
    )
    thread.start()
    return thread, stop


def run_scheduler(settings: Settings) -> None:
    logs.configure(settings.log_level, settings.log_format)
    if settings.amqp_url is None:
        raise SystemExit(
            "memq scheduler needs MEMQ_AMQP_URL (RabbitMQ); `memq serve` runs its own scheduler"
        )
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    broker = rabbitmq_broker(settings)
    try:
        broker.declare_all({queue_name(settings.queue_prefix, QueueKind.MAINTENANCE)})
    except QueueLayoutMismatch as exc:
        raise SystemExit(str(exc)) from None
    except dramatiq.errors.ConnectionError:
        logger.warning("RabbitMQ is unreachable; the scheduler sends its ticks once it is back")
    logger.info("scheduler sending to %s", redact_url(settings.amqp_url))
    try:
        Scheduler(settings, broker.enqueue).run(stop)
    finally:
        broker.close()
