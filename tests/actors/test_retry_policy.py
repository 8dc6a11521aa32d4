"""Every job actor retries by the one policy of its queue (``actors.retry_policy``)."""

from __future__ import annotations

from pathlib import Path

from actors.broker import build_broker
from actors.deps import Deps
from actors.registry import register_actors
from actors.retry_policy import JobRetryPolicy, job_retry_policy
from memq.stores import open_store
from runtime.inproc import InProcessReplies
from runtime.settings import Settings
from schemas.errors import PermanentError
from schemas.routing import ACTOR_QUEUES, ActorName, QueueKind


def test_every_job_actor_retries_by_the_policy_of_its_queue(tmp_path: Path) -> None:
    # Given every actor registered, with a setting of the ingest policy changed
    settings = Settings(data_dir=tmp_path, ingest_max_retries=7)
    broker = build_broker(settings, InProcessReplies())
    store = open_store(settings)
    try:
        register_actors(broker, Deps(settings=settings, store=store, broker=broker))
        # When each actor's options are read
        options = {
            ActorName(name): broker.get_actor(name).options for name in broker.get_declared_actors()
        }
    finally:
        store.close()
    # Then a job actor has its queue's policy, a request actor never retries
    for actor, declared in options.items():
        queue = ACTOR_QUEUES[actor]
        if queue is QueueKind.CONTEXT:
            assert declared["max_retries"] == 0, actor
        else:
            policy = job_retry_policy(settings, queue).actor_options()
            assert {key: declared[key] for key in policy} == policy, actor
    assert options[ActorName.INGEST_BATCH]["max_retries"] == 7


def test_the_policies_of_the_three_job_queues() -> None:
    settings = Settings()
    assert job_retry_policy(settings, QueueKind.INGEST) == JobRetryPolicy(
        max_retries=settings.ingest_max_retries,
        min_backoff_ms=500,
        max_backoff_ms=60_000,
        throws=(PermanentError,),
    )
    for queue in (QueueKind.MEMORY, QueueKind.MAINTENANCE):
        assert job_retry_policy(settings, queue) == JobRetryPolicy(
            max_retries=5, min_backoff_ms=1_000, max_backoff_ms=60_000, throws=(PermanentError,)
        )
