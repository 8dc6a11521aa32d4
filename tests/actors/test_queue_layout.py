"""Every process declares memq's queues alike: the type and delivery limits of ``QueueLayout``."""

from __future__ import annotations

from pathlib import Path

from dramatiq.brokers.rabbitmq import RabbitmqBroker

from actors.retry_policy import job_retry_policy
from runtime.queue_layout import QueueLayout
from runtime.settings import Settings
from schemas.queues import QueueType
from schemas.routing import QueueKind, queue_name


def test_quorum_is_the_default_with_a_broker_and_limits_follow_the_retry_policy(
    tmp_path: Path,
) -> None:
    # Given the settings of a production deployment with its own ingest retry count
    settings = Settings(
        amqp_url="amqp://guest:guest@127.0.0.1:5672/", data_dir=tmp_path, ingest_max_retries=7
    )
    layout = QueueLayout.from_settings(settings)
    # Then every main and delay queue is a quorum queue whose delivery limit is
    # the retry count its actors run with, dead-lettering at least once into XQ
    assert layout.queue_type is QueueType.QUORUM
    for kind in (QueueKind.INGEST, QueueKind.MEMORY, QueueKind.MAINTENANCE):
        (xq, xq_args), (main, main_args), (dq, dq_args) = layout.declarations(kind)
        name = queue_name(settings.queue_prefix, kind)
        assert (xq, main, dq) == (f"{name}.XQ", name, f"{name}.DQ")
        expected = job_retry_policy(settings, kind).max_retries
        assert (
            main_args
            == dq_args
            == {
                "x-queue-type": "quorum",
                "x-dead-letter-exchange": "",
                "x-dead-letter-routing-key": f"{name}.XQ",
                "x-dead-letter-strategy": "at-least-once",
                "x-overflow": "reject-publish",
                "x-delivery-limit": expected,
            }
        )
        assert xq_args == {"x-queue-type": "quorum", "x-message-ttl": 7 * 24 * 3600 * 1000}
    assert layout.delivery_limits[QueueKind.INGEST] == 7
    # requests never retry in a worker; one redelivery covers a worker killed mid-request
    assert layout.delivery_limits[QueueKind.CONTEXT] == 1


def test_classic_queues_are_declared_exactly_as_dramatiq_declares_them(tmp_path: Path) -> None:
    # Given a development broker (classic queues)
    settings = Settings(data_dir=tmp_path, queue_type=QueueType.CLASSIC)
    layout = QueueLayout.from_settings(settings)
    dramatiq_broker = RabbitmqBroker(url="amqp://127.0.0.1:1/")
    # Then the arguments are Dramatiq's own, so queues declared before memq had
    # a queue type are still the same queues
    for kind in QueueKind:
        name = queue_name(settings.queue_prefix, kind)
        (_, xq_args), (_, main_args), (_, dq_args) = layout.declarations(kind)
        assert main_args == dq_args == dramatiq_broker._build_queue_arguments(name)
        assert xq_args == {"x-message-ttl": 7 * 24 * 3600 * 1000}


def test_the_node_list_keeps_credentials_vhost_and_options_for_every_node() -> None:
    settings = Settings(
        amqp_url="amqp://memq:s3cret@rabbit-1:5672/prod?heartbeat=10",
        amqp_nodes="rabbit-2:5672, rabbit-3:5673",
    )
    assert settings.amqp_urls() == [
        "amqp://memq:s3cret@rabbit-1:5672/prod?heartbeat=10",
        "amqp://memq:s3cret@rabbit-2:5672/prod?heartbeat=10",
        "amqp://memq:s3cret@rabbit-3:5673/prod?heartbeat=10",
    ]


def test_every_main_queue_is_declared_before_any_other() -> None:
    # A main queue of the other type must stop a process before it creates anything,
    # so going back to the old type finds no stray delay or dead-letter queue.
    layout = QueueLayout.from_settings(Settings(queue_prefix="p", queue_type="quorum"))
    names = [name for name, _ in layout.declarations_main_first()]
    mains = {queue_name("p", kind) for kind in QueueKind}
    assert set(names[: len(mains)]) == mains
    assert len(names) == 3 * len(mains) and len(set(names)) == len(names)
