"""Fail at once a message Dramatiq cannot call its actor with.

Dramatiq calls ``actor(*message.args, **message.kwargs)``: a body whose
``kwargs`` is null or a list raises a TypeError there, before any actor's own
shape check, and Retries retried it like a transient error. Only a direct
AMQP producer can publish such a body, and no retry can fix it: it is
dead-lettered on its first delivery. (``args`` that is not a list makes a body
Dramatiq cannot decode, dead-lettered as it arrives.)
"""

from __future__ import annotations

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware, SkipMessage


class MalformedEnvelope(SkipMessage):
    """The message's kwargs cannot be unpacked into a call."""


class EnvelopeCheck(Middleware):
    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        if not isinstance(message.kwargs, dict):
            # Failed and skipped, as Dramatiq's AgeLimit does: no call, no retry.
            message.fail()
            raise MalformedEnvelope(
                f"malformed {message.actor_name} message: kwargs must be a JSON object"
            )
