"""What a request (a message carrying a reply address) must be before any actor runs.

Dramatiq calls ``actor(*args, **kwargs)``: a body naming no actor of this
worker, or whose ``args`` / ``kwargs`` cannot be unpacked, or whose deadline
is not a number, fails before the actor's own validation could answer it.
For a request these are answered like any malformed request (422
``invalid_input``, acked): only a direct AMQP producer can send them, and it
is waiting for the answer. (``actors.envelope`` dead-letters such jobs.)
"""

from __future__ import annotations

from typing import Any

import dramatiq
from dramatiq.broker import MessageProxy

from schemas.routing import CORRELATION_ID_OPTION, DEADLINE_OPTION, REPLY_TO_OPTION

#: Longest queue name or correlation id a reply is sent with (AMQP's shortstr).
_MAX_ADDRESS = 255


def _address_part(value: Any) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= _MAX_ADDRESS else None


def reply_address(options: dict[str, Any]) -> tuple[str, str] | None:
    """(reply queue, correlation id) of a request; None for a job, or a request that
    cannot be answered (it is then processed, or dead-lettered, as a job)."""
    reply_to = _address_part(options.get(REPLY_TO_OPTION))
    correlation_id = _address_part(options.get(CORRELATION_ID_OPTION))
    if reply_to is None or correlation_id is None:
        return None
    return reply_to, correlation_id


def _shown(name: Any) -> str:
    text = repr(name)
    return text if len(text) <= 80 else text[:77] + "..."


def is_known_actor(broker: dramatiq.Broker, actor_name: Any) -> bool:
    return isinstance(actor_name, str) and actor_name in broker.actors


def unknown_actor(actor_name: Any) -> str:
    return f"actor_name: no actor {_shown(actor_name)} on this worker (see docs/amqp.md)"


def request_problem(broker: dramatiq.Broker, message: MessageProxy) -> str | None:
    """Why the request cannot reach its actor, or None."""
    actor_name = message.actor_name
    if not is_known_actor(broker, actor_name):
        return unknown_actor(actor_name)
    if not isinstance(message.args, list | tuple) or message.args:
        return f"malformed {actor_name} request: args must be [] (keyword arguments only)"
    if not isinstance(message.kwargs, dict):
        return f"malformed {actor_name} request: kwargs must be a JSON object"
    deadline = message.options.get(DEADLINE_OPTION)
    if deadline is not None and (
        isinstance(deadline, bool) or not isinstance(deadline, int) or deadline <= 0
    ):
        return f"options.{DEADLINE_OPTION}: must be epoch milliseconds, a positive integer"
    return None
