"""Dead letters in the console, over the local RabbitMQ: requeue from the browser, and
nothing of another account's shown or touched."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser

from bench.support.rabbit import publish, queue_depth
from schemas.messages import MessageEvent
from schemas.queues import dead_letter_queue
from schemas.routing import ActorName, QueueKind, new_message, queue_name
from tests.console.browser import signed_in_page
from tests.console.conftest import csrf_token
from tests.e2e.conftest import ACCOUNT_A, ACCOUNT_B, KEY_A, Stack, running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture
def stack(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[Stack]:
    """``memq gateway`` and ``memq worker`` over RabbitMQ (the console's broker tooling)."""
    with running_stack(amqp_url, queue_prefix, tmp_path) as deployment:
        yield deployment


def dead_ingest(prefix: str, account_id: str, session_id: str, message_id: str) -> Any:
    """An ingest job as Dramatiq leaves it in the dead-letter queue."""
    event = MessageEvent(
        account_id=account_id,
        session_id=session_id,
        message_id=message_id,
        role="user",
        content=f"held in the dead-letter queue ({account_id})",
        seq=int(datetime.now(UTC).timestamp() * 1_000_000),
        accepted_at=datetime.now(UTC),
    )
    return new_message(prefix, ActorName.INGEST_MESSAGE, {"event": event.model_dump(mode="json")})


def test_requeue_from_the_operations_page(
    chromium: Browser, stack: Stack, amqp_url: str, queue_prefix: str
) -> None:
    xq = dead_letter_queue(queue_name(queue_prefix, QueueKind.INGEST))
    mine = dead_ingest(queue_prefix, ACCOUNT_A, "s-dlq-console", "m-dlq-console")
    theirs = dead_ingest(queue_prefix, ACCOUNT_B, "s-dlq-other", "m-dlq-other")
    publish(amqp_url, xq, mine.encode())
    publish(amqp_url, xq, theirs.encode())

    page = signed_in_page(chromium, stack.base_url, KEY_A)
    try:
        page.goto(f"{stack.base_url}/console/operations")
        # The account's own letter shows, with its ids; the other account's does not.
        row = page.locator(f"#dead-letters tr.letter[data-id='{mine.message_id}']")
        assert row.count() == 1 and "s-dlq-console" in row.inner_text()
        assert page.locator(f"tr.letter[data-id='{theirs.message_id}']").count() == 0
        queues = {
            cells[0]: cells[1:]
            for cells in (
                row.locator("td").all_inner_texts()
                for row in page.locator("#queues tbody tr").all()
            )
        }
        assert int(queues[f"{queue_prefix}.ingest"][1]) >= 1  # the worker consumes it
        # When it is requeued
        row.locator("button.requeue").click()
        assert "requeued" in page.locator("#outcome").inner_text()
    finally:
        page.context.close()
    # Then it is stored, and the other account's letter is still where it was.
    stack.wait_for_count("s-dlq-console", 1)
    assert queue_depth(amqp_url, xq) == 1
    assert f"action=requeue_dead_letter target={mine.message_id}" in stack.gateway.log()

    # Nor can A discard B's letter by naming it.
    with httpx.Client(base_url=stack.base_url, timeout=30) as browser:
        browser.post("/console/sign-in", data={"api_key": KEY_A})
        token = csrf_token(browser.get("/console/operations").text)
        refused = browser.post(
            f"/console/operations/dead-letters/{theirs.message_id}/discard",
            data={"csrf_token": token},
        )
    assert refused.status_code == 404 and "of this account" in refused.text
    assert queue_depth(amqp_url, xq) == 1
