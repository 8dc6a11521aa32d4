"""Fail at once a job Dramatiq cannot call its actor with.

Dramatiq calls ``actor(*message.args, **message.kwargs)``: a body naming no
actor of this worker, or whose ``kwargs`` is null or a list, raises there,
before any actor's own shape check, and Retries retried it like a transient
error (with a traceback in the log). Only a direct AMQP producer can publish
such a body, and no retry can fix it: it is dead-lettered on its first
delivery, with the reason. (Requests, which carry a reply address, are
answered instead: ``actors.request_envelope``.)
"""

from __future__ import annotations

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware, SkipMessage

from actors.request_envelope import is_known_actor, unknown_actor


class MalformedEnvelope(SkipMessage):
    """The message names no actor here, or its arguments cannot be unpacked into a call."""


def _problem(broker: dramatiq.Broker, message: MessageProxy) -> str | None:
    name = message.actor_name
    if not is_known_actor(broker, name):
        return unknown_actor(name)
    if not isinstance(message.args, list | tuple):
        return f"malformed {name} message: args must be a JSON array"
    if not isinstance(message.kwargs, dict):
        return f"malformed {name} message: kwargs must be a JSON object"
    return None


class EnvelopeCheck(Middleware):
    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        problem = _problem(broker, message)
        if problem is not None:
            # Failed and skipped, as Dramatiq's AgeLimit does: no call, no retry.
            message.fail()
            raise MalformedEnvelope(problem)
