"""A message no retry can store is dead-lettered at once, never retried (rule b).

Each case is what a direct AMQP producer may publish; the gateway refuses the
same values before its 202 (tests/gateway/test_input_bounds.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dramatiq
import pytest

from runtime.log_context import ContextFilter
from schemas.bounds import SEQ_LIMIT
from schemas.errors import NotFound
from schemas.routing import ActorName, new_message
from tests.support.ingest_workers import A, Workers, event, running_workers


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    # As memq's log set-up does: Dramatiq logs the message object, whose str()
    # (the call) fails on kwargs that are not an object, and pytest's handler
    # raises where production logging prints a warning.
    worker_log = logging.getLogger("dramatiq.worker.WorkerThread")
    scrub = ContextFilter()
    worker_log.addFilter(scrub)
    # One retry, so that a message wrongly retried shows it within a second.
    try:
        with running_workers(tmp_path, ingest_max_retries=1) as running:
            yield running
    finally:
        worker_log.removeFilter(scrub)


def single(workers: Workers, event_json: dict[str, Any]) -> dramatiq.Message[Any]:
    return new_message(
        workers.deps.settings.queue_prefix, ActorName.INGEST_MESSAGE, {"event": event_json}
    )


BAD_EVENTS = {
    "sent_at overflowing UTC": {"sent_at": "9999-12-31T23:59:59-14:00"},
    "sent_at underflowing UTC": {"sent_at": "0001-01-01T00:00:00+05:00"},
    "accepted_at out of range": {"accepted_at": "0001-01-01T00:00:00Z"},
    "seq of 2^70": {"seq": 2**70},
    "seq of 2^53": {"seq": SEQ_LIMIT},
    "metadata integer over 64 bits": {"metadata": {"n": 2**64}},
    "metadata key with NUL": {"metadata": {"a\x00": 1}},
}


@pytest.mark.parametrize("fields", BAD_EVENTS.values(), ids=BAD_EVENTS.keys())
def test_an_event_out_of_bounds_is_dead_lettered_at_once(
    workers: Workers, fields: dict[str, Any]
) -> None:
    # Given an event a direct producer published with a value out of bounds
    message = single(workers, {**event(1).model_dump(mode="json"), **fields})
    # When a worker takes it
    workers.deliver(message)
    # Then it is dead-lettered on its first attempt, and nothing is stored
    [dead] = workers.dead_letters()
    assert dead.message_id == message.message_id
    assert not dead.options.get("retries")
    with pytest.raises(NotFound):
        workers.deps.store.sessions.get_session(A, "s1")


ENVELOPES = {
    "kwargs null": {"kwargs": None},
    "kwargs a list": {"kwargs": [1]},
    "kwargs a string": {"kwargs": "event"},
    "args an object": {"args": {"event": 1}},
}


@pytest.mark.parametrize("change", ENVELOPES.values(), ids=ENVELOPES.keys())
@pytest.mark.parametrize("actor", [ActorName.INGEST_MESSAGE, ActorName.INGEST_BATCH])
def test_an_envelope_dramatiq_cannot_call_the_actor_with_is_dead_lettered_at_once(
    workers: Workers, actor: ActorName, change: dict[str, Any]
) -> None:
    # Given a message whose args or kwargs Dramatiq cannot unpack into a call
    good = new_message(workers.deps.settings.queue_prefix, actor, {"event": {}})
    message = dramatiq.Message(**{**good.asdict(), **change})
    # When a worker takes it
    workers.deliver(message)
    # Then it is dead-lettered at once, not retried as a TypeError
    [dead] = workers.dead_letters()
    assert dead.message_id == message.message_id
    assert not dead.options.get("retries")
