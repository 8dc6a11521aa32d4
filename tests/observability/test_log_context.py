"""Log records carry account and session ids, and never a message's content."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import dramatiq
import pytest
from dramatiq.broker import MessageProxy
from dramatiq.brokers.stub import StubBroker

from actors.log_middleware import LogContextMiddleware
from runtime import log_context

SECRET = "my card number is 4111 1111 1111 1111"


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(log_context.ContextFilter())
    handler.setFormatter(log_context.JsonFormatter())
    log = logging.getLogger("memq.test.logctx")
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    log.propagate = False
    try:
        yield log, stream
    finally:
        log.removeHandler(handler)


def records(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def ingest_message() -> dramatiq.Message[object]:
    return dramatiq.Message(
        queue_name="memq.ingest",
        actor_name="ingest_message",
        args=(),
        kwargs={"event": {"account_id": "acct-a", "session_id": "s-1", "content": SECRET}},
        options={},
        message_id="0f0e",
        message_timestamp=0,
    )


def test_bound_ids_reach_every_record(captured: tuple[logging.Logger, io.StringIO]) -> None:
    log, stream = captured
    with log_context.bound("acct-a", "s-1"):
        log.info("stored %s", "m1")
    log.info("outside")
    inside, outside = records(stream)
    assert inside["account_id"] == "acct-a" and inside["session_id"] == "s-1"
    assert inside["message"] == "stored m1"
    assert "account_id" not in outside


def test_dramatiq_messages_are_logged_by_name_not_content(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    # Dramatiq's worker logs "Failed to process message %s ..." with the message object,
    # whose str() is the actor call with its arguments.
    log, stream = captured
    message = ingest_message()
    assert SECRET in str(message)
    log.info("Failed to process message %s with expected exception %s.", message, "X")
    log.debug("Received message %s with id %r.", MessageProxy(message), message.message_id)
    text = stream.getvalue()
    assert SECRET not in text
    assert "ingest_message[0f0e]" in text


def test_the_worker_middleware_binds_the_messages_ids(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = captured
    middleware = LogContextMiddleware()
    proxy = MessageProxy(ingest_message())
    broker = StubBroker()
    middleware.before_process_message(broker, proxy)
    log.warning("inside the actor")
    middleware.after_process_message(broker, proxy)
    log.warning("after")
    inside, after = records(stream)
    assert (inside["account_id"], inside["session_id"]) == ("acct-a", "s-1")
    assert "account_id" not in after


def test_malformed_ids_are_not_bound() -> None:
    from actors.log_middleware import ids_of

    assert ids_of({"account_id": "a\nFAKE LOG LINE", "session_id": 5}) == (None, None)
    assert ids_of({"event": {"account_id": "acct", "session_id": "s"}}) == ("acct", "s")


def test_dramatiq_call_arguments_and_decode_errors_are_not_logged(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = captured
    log.debug("Received args=%r kwargs=%r.", (), {"event": {"content": SECRET}})
    try:
        dramatiq.Message.decode(SECRET.encode() + b"\xff")
    except dramatiq.errors.DecodeError:
        log.exception("Failed to decode message using encoder %r.", "JSONEncoder")
    text = stream.getvalue()
    assert SECRET not in text
    received, failed = records(stream)
    assert received["message"] == (
        "Received 0 positional argument(s) and keyword argument(s) event."
    )
    assert "DecodeError; body not logged" in str(failed["message"])
