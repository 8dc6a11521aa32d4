"""With RabbitMQ not answering, the operations page says so instead of failing or
showing "no dead letters"."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from actors.metrics.probes.amqp import amqp_probe
from bench.support.processes import free_port
from gateway.console.keys import Identity
from gateway.console.signins import SignIn
from gateway.console.templating import ENV
from memq.console_ops import BrokerOperations
from memq.dlq import DeadLetters
from tests.support.queues import layout

NOWHERE = f"amqp://guest:guest@127.0.0.1:{free_port()}/"


def run[T](work: Coroutine[Any, Any, T]) -> T:
    """``work`` on a loop of its own thread: Playwright's sync API, when another test of
    the package has started it, holds a running loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, work).result()


def test_nothing_answers_so_nothing_is_claimed() -> None:
    ops = BrokerOperations("memq", amqp_probe(NOWHERE), DeadLetters(NOWHERE, layout("memq")))
    assert run(ops.queues()) is None  # unknown, not "no queues"
    assert run(ops.dead_letters("acct-a")) is None  # unknown, not "none"
    # Nothing is known of the letter: not "already handled", but a 503 saying why.
    for act in (ops.requeue, ops.discard):
        outcome = run(act("acct-a", "some-letter"))
        assert not outcome.done and outcome.status == 503
        assert "RabbitMQ did not answer" in outcome.message, outcome.message


def test_the_page_says_the_figures_are_unknown() -> None:
    ops = BrokerOperations("memq", amqp_probe(NOWHERE), DeadLetters(NOWHERE, layout("memq")))
    signin = SignIn(Identity("acct-a", "k-a", read_only=False), "token", expires_at=0)
    shown = ENV.get_template("operations.html").render(
        signin=signin,
        checks={"broker": "unreachable", "store": "unknown"},
        queues=run(ops.queues()),
        memory=None,
        letters=run(ops.dead_letters("acct-a")),
        ops=ops,
    )
    assert 'id="queues-unavailable"' in shown and "No queue figures here" not in shown
    assert 'id="dead-letters-unavailable"' in shown
