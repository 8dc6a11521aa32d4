"""Binds the account and session a message is about to the worker thread's log records.

Request actors take ``account_id`` / ``session_id`` keyword arguments; the
ingest actor takes ``event``, which holds them. Only well-formed ids are
bound (a malformed message must not write arbitrary bytes into the logs).
"""

from __future__ import annotations

import re
import threading
from typing import Any

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware

from runtime import log_context
from schemas.ids import ID_PATTERN

_ID = re.compile(ID_PATTERN)


def _id(value: Any) -> str | None:
    return value if isinstance(value, str) and _ID.fullmatch(value) else None


def ids_of(kwargs: dict[str, Any]) -> tuple[str | None, str | None]:
    source = kwargs.get("event") if isinstance(kwargs.get("event"), dict) else kwargs
    assert isinstance(source, dict)
    return _id(source.get("account_id")), _id(source.get("session_id"))


class LogContextMiddleware(Middleware):
    def __init__(self) -> None:
        self._local = threading.local()

    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        kwargs = message.kwargs if isinstance(message.kwargs, dict) else {}
        self._local.tokens = log_context.bind(*ids_of(kwargs))

    def _unbind(self) -> None:
        tokens = getattr(self._local, "tokens", None)
        self._local.tokens = None
        if tokens is not None:
            log_context.unbind(tokens)

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        self._unbind()

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        self._unbind()
