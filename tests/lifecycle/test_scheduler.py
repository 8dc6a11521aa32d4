"""The scheduler's timing, with a fake clock and a fake broker."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import dramatiq

from domain.lifecycle import TickKind
from memq.scheduler import Scheduler
from runtime.settings import Settings

AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def kinds(sent: list[dramatiq.Message[Any]]) -> list[str]:
    return sorted(message.kwargs["kind"] for message in sent)


def test_ticks_go_out_at_start_then_each_on_its_own_period() -> None:
    # Given a scheduler: expiry and retention every 10 s, flush every 25 s
    clock, sent = Clock(), []
    settings = Settings(maintenance_interval=10, analytics_flush_interval=25, queue_prefix="t")
    scheduler = Scheduler(settings, sent.append, monotonic=clock, now=lambda: AT)
    # When it starts, Then every tick is sent once, and it sleeps until the next is due
    assert scheduler.send_due() == 10
    assert kinds(sent) == ["expire", "flush", "memory", "retention"]
    tick = sent[0]
    assert tick.queue_name == "t.maintenance" and tick.actor_name == "maintenance_tick"
    assert datetime.fromisoformat(tick.kwargs["at"]) == AT
    assert tick.options["max_age"] == scheduler.periods[TickKind(tick.kwargs["kind"])] * 1000
    # And then each kind on its own period
    sent.clear()
    clock.now += 10
    scheduler.send_due()
    assert kinds(sent) == ["expire", "memory", "retention"]
    sent.clear()
    clock.now += 10
    scheduler.send_due()
    assert kinds(sent) == ["expire", "memory", "retention"]
    sent.clear()
    clock.now += 5
    scheduler.send_due()
    assert kinds(sent) == ["flush"]
    sent.clear()
    clock.now += 1
    assert scheduler.send_due() == 4 and sent == []


def test_a_failing_broker_does_not_stop_the_scheduler() -> None:
    clock, attempts = Clock(), []

    def send(message: dramatiq.Message[Any]) -> None:
        attempts.append(message)
        raise ConnectionError("broker down")

    scheduler = Scheduler(Settings(maintenance_interval=5), send, monotonic=clock)
    scheduler.send_due()
    clock.now += 60
    scheduler.send_due()
    assert len(attempts) == 8  # four kinds, twice
