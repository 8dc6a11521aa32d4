"""Fixtures every suite may use: the test RabbitMQ and an isolated queue prefix."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from bench.support.rabbit import amqp_url_for_tests, check_reachable, delete_queues


@pytest.fixture(scope="session")
def amqp_url() -> str:
    url = amqp_url_for_tests()
    check_reachable(url)
    return url


@pytest.fixture
def queue_prefix(amqp_url: str) -> Iterator[str]:
    """Queues of their own for one test, deleted afterwards."""
    prefix = f"memqtest-{uuid.uuid4().hex[:10]}"
    yield prefix
    delete_queues(amqp_url, prefix)
