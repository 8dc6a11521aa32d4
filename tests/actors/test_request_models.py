"""Every actor has a request model, and a job that breaks it is dead-lettered at once.

Requests (the context pool) are answered 422 instead: tests/e2e/test_request_validation.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dramatiq
import pytest
from dramatiq.brokers.stub import StubBroker

from actors.broker import build_broker
from actors.dead_letters import reason_of
from actors.deps import Deps
from actors.registry import register_actors
from memq.stores import open_store
from runtime.inproc import InProcessReplies
from runtime.settings import Settings
from schemas.requests.catalog import REQUEST_MODELS
from schemas.routing import ACTOR_QUEUES, ActorName, QueueKind, new_message


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[StubBroker]:
    settings = Settings(data_dir=tmp_path)
    stub = build_broker(settings, InProcessReplies())
    assert isinstance(stub, StubBroker)
    deps = Deps(settings=settings, store=open_store(settings), broker=stub)
    register_actors(stub, deps)
    queues = {deps.queue(QueueKind.MEMORY), deps.queue(QueueKind.MAINTENANCE)}
    worker = dramatiq.Worker(stub, queues=queues, worker_threads=1, worker_timeout=50)
    worker.start()
    try:
        yield stub
    finally:
        worker.stop()
        stub.close()
        deps.store.close()


def test_every_actor_name_has_a_model_that_names_it_back() -> None:
    assert set(REQUEST_MODELS) == set(ActorName)
    for actor, model in REQUEST_MODELS.items():
        assert model.actor is actor
        assert model.model_config.get("extra") == "forbid", model


def test_every_registered_actor_is_a_named_actor_on_its_queue(broker: StubBroker) -> None:
    registered = {name: actor.queue_name for name, actor in broker.actors.items()}
    assert set(registered) == {actor.value for actor in ActorName}
    for name, queue in registered.items():
        assert queue == f"memq.{ACTOR_QUEUES[ActorName(name)].value}"


@pytest.mark.parametrize(
    ("actor", "kwargs", "field"),
    [
        (
            ActorName.UPDATE_MEMORY,
            {"account_id": "a", "session_id": "s", "final": "perhaps"},
            "final",
        ),
        (ActorName.UPDATE_MEMORY, {"account_id": "a"}, "session_id"),
        (ActorName.MAINTENANCE_TICK, {"kind": "expire", "at": "2026-05-01T10:00:00"}, "at"),
        (ActorName.MAINTENANCE_TICK, {"kind": "sweep", "at": "2026-05-01T10:00:00Z"}, "kind"),
        (ActorName.PURGE_SESSION, {"account_id": "a", "session_id": "s", "at": 5, "x": 1}, "x"),
        (
            ActorName.UPDATE_USER_MEMORY,
            {"account_id": "a", "session_id": "s", "final": "at the end"},
            "final",
        ),
    ],
)
def test_a_malformed_job_is_dead_lettered_at_once_with_the_field_named(
    broker: StubBroker, actor: ActorName, kwargs: dict[str, Any], field: str
) -> None:
    # Given a job whose kwargs break its model
    message = new_message("memq", actor, kwargs)
    # When a worker takes it
    broker.enqueue(message)
    queue = message.queue_name
    broker.join(queue, fail_fast=False)
    # Then it is dead-lettered on its first delivery, the field named in the reason
    [dead] = broker.dead_letters_by_queue[queue]
    assert dead.message_id == message.message_id
    assert "retries" not in dead.options
    reason = reason_of(dead._exception)
    assert reason["error"] == "InvalidInput"
    assert field in reason["detail"], reason
